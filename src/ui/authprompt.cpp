// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "authprompt.h"

#include "matrix/logging.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QVariantMap>

namespace Portico::Ui {

AuthPrompt::AuthPrompt(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_session(network)
    , m_launcher([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    using Uia::AuthSession;
    connect(&m_session, &AuthSession::stageRequired, this, [this](const Uia::Step &step) {
        const bool newStage = !m_step || m_step->stage != step.stage || m_step->index != step.index;
        m_step = step;
        if (newStage)
            m_browserOpened = false;
        m_errorText = step.error;
        m_canStartOver = false;
        Q_EMIT changed();
        if (newStage)
            Q_EMIT stageShown(step.stage);
    });
    connect(&m_session, &AuthSession::stateChanged, this, &AuthPrompt::changed);
    connect(&m_session, &AuthSession::succeeded, this,
        [this](const QJsonObject &body) { finish(true, body, {}); });
    connect(&m_session, &AuthSession::failed, this, [this](const Uia::Failure &failure) {
        using Reason = Uia::Failure::Reason;
        // Errors the user can act on keep the dialog open; the rest end it.
        if (failure.reason == Reason::SessionExpired || failure.reason == Reason::TimedOut
            || failure.reason == Reason::Network) {
            m_errorText = failure.describe();
            m_canStartOver = true;
            Q_EMIT changed();
            return;
        }
        finish(false, {}, failure.describe());
        if (failure.reason == Reason::SignedOut)
            Q_EMIT sessionRejected();
    });
}

void AuthPrompt::start(
    const Session::Session &session, const QString &reason, Uia::AuthSession::RequestBuilder build)
{
    m_step.reset();
    m_browserOpened = false;
    m_reason = reason;
    m_userId = session.userId;
    m_errorText.clear();
    m_canStartOver = false;
    m_active = true;
    Q_EMIT changed();
    // Someone who signed in through SSO may have no password: confirm the same way if offered.
    m_session.setPreferredStage(
        session.loginMethod.startsWith(u"sso") ? Uia::SsoStage.toString() : QString());
    m_session.start(session, reason, std::move(build));
}

AuthPrompt::Mode AuthPrompt::mode() const
{
    if (!m_step || !m_active)
        return Mode::None;
    if (m_session.state() == Uia::AuthSession::State::WaitingForBrowser)
        return Mode::Browser;
    switch (m_step->mode) {
    case Uia::Step::Mode::Password:
        return Mode::Password;
    case Uia::Step::Mode::Terms:
        return Mode::Terms;
    case Uia::Step::Mode::Fallback:
        break;
    }
    return Mode::Browser;
}

AuthPrompt::BrowserPage AuthPrompt::browserPage() const
{
    if (mode() != Mode::Browser)
        return BrowserPage::None;
    return m_step->stage == Uia::SsoStage ? BrowserPage::IdentityProvider : BrowserPage::ServerPage;
}

bool AuthPrompt::busy() const
{
    return m_session.state() == Uia::AuthSession::State::Sending;
}

bool AuthPrompt::waitingForBrowser() const
{
    return m_browserOpened && m_session.state() == Uia::AuthSession::State::WaitingForBrowser;
}

QVariantList AuthPrompt::policies() const
{
    QVariantList list;
    if (!m_step)
        return list;
    for (const Uia::PolicyText &text : m_step->policyTexts)
        list.append(QVariantMap{
            {QStringLiteral("name"), text.name}, {QStringLiteral("url"), text.url.toString()}});
    return list;
}

QString AuthPrompt::providerName() const
{
    if (!m_step || m_step->ssoProviders.isEmpty())
        return {};
    QStringList names;
    for (const Matrix::IdentityProvider &provider : m_step->ssoProviders)
        names.append(provider.name);
    // "GitHub", "GitHub or GitLab", "GitHub, GitLab or Keycloak"
    const QString last = names.takeLast();
    return names.isEmpty() ? last : tr("%1 or %2").arg(names.join(u", "), last);
}

void AuthPrompt::submitPassword(const QString &password)
{
    if (password.isEmpty() || busy())
        return;
    m_errorText.clear();
    Q_EMIT changed();
    m_session.submitPassword(password);
}

void AuthPrompt::acceptTerms()
{
    if (busy())
        return;
    m_session.acceptTerms();
}

void AuthPrompt::openBrowser()
{
    const QUrl url = m_session.openFallback();
    if (!url.isValid())
        return;
    m_errorText.clear();
    m_browserOpened = true;
    if (!m_launcher(url)) {
        m_errorText = tr("Portico could not open your web browser. Make sure a default browser "
                         "is set, then try again.");
    }
    Q_EMIT changed();
}

void AuthPrompt::browserDone()
{
    m_session.fallbackDone();
}

void AuthPrompt::startOver()
{
    m_step.reset();
    m_errorText.clear();
    m_canStartOver = false;
    Q_EMIT changed();
    m_session.restart();
}

void AuthPrompt::cancel()
{
    if (!m_active)
        return;
    m_session.cancel();
    finish(false, {}, {});
}

void AuthPrompt::finish(bool succeeded, const QJsonObject &body, const QString &failure)
{
    if (!m_active)
        return;
    m_active = false;
    m_step.reset();
    m_errorText.clear();
    m_canStartOver = false;
    Q_EMIT changed();
    qCInfo(lcUi) << "confirmation" << (succeeded ? "succeeded" : "ended without success");
    Q_EMIT finished(succeeded, body, failure);
}

} // namespace Portico::Ui
