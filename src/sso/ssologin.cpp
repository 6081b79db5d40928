// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssologin.h"

#include "ssoredirect.h"

#include "matrix/logging.h"

#include <QDesktopServices>

namespace Portico::Sso {

SsoLogin::SsoLogin(QNetworkAccessManager &network, QObject *parent)
    : SignIn::Method(parent)
    , m_launcher([](const QUrl &url) { return QDesktopServices::openUrl(url); })
    , m_exchange(network)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        qCInfo(lcSso) << "the sign-in was not completed in time";
        fail({SsoError::Reason::TimedOut, {}});
    });
}

void SsoLogin::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    Q_EMIT stepChanged(step);
}

void SsoLogin::start(
    const Discovery::Homeserver &homeserver, const QString &idpId, const QString &deviceId)
{
    cancel();
    const quint64 attempt = ++m_attempt;
    m_homeserver = homeserver;
    m_idpId = idpId;
    m_deviceId = deviceId;
    m_listener = new CallbackListener(m_limits, this);
    connect(
        m_listener, &CallbackListener::tokenReceived, this, [this, attempt](const QString &token) {
            if (attempt == m_attempt)
                onToken(token);
        });
    if (m_listener->start()) {
        m_callbackPath = m_listener->expectedPath();
        m_redirectUrl = m_listener->redirectUrl();
    } else {
        // No loopback port: the desktop hands portico:// links to us instead.
        qCWarning(lcSso) << "no loopback listener; using the portico:// redirect";
        m_callbackPath = newCallbackPath();
        m_redirectUrl = QUrl(QStringLiteral("portico://sso") + QString::fromLatin1(m_callbackPath));
    }
    // The attempt's deadline, whichever way the callback comes.
    m_deadline.start(m_limits.attemptTimeout);
    m_browserUrl = ssoRedirectUrl(
        homeserver.baseUrl, homeserver.versions.clientPrefix(), idpId, m_redirectUrl);
    qCInfo(lcSso) << "starting SSO with" << (idpId.isEmpty() ? QStringLiteral("(any)") : idpId)
                  << "at" << homeserver.baseUrl.toDisplayString();
    setStep(Step::WaitingForBrowser);
    reopenBrowser();
}

void SsoLogin::reopenBrowser()
{
    if (m_step != Step::WaitingForBrowser)
        return;
    if (!m_launcher(m_browserUrl))
        fail({SsoError::Reason::BrowserFailed, {}});
}

void SsoLogin::cancel()
{
    ++m_attempt;
    m_deadline.stop();
    if (m_listener) {
        m_listener->stop();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    m_exchange.cancel();
    m_browserUrl.clear();
    m_redirectUrl.clear();
    m_callbackPath.clear();
    setStep(Step::Idle);
}

CallbackVerdict::Kind SsoLogin::submitCallbackUrl(const QString &url)
{
    if (m_step != Step::WaitingForBrowser)
        return CallbackVerdict::Kind::WrongNonce; // no attempt this link could belong to
    const CallbackVerdict verdict = checkCallbackUrl(url, m_callbackPath);
    if (verdict.kind != CallbackVerdict::Kind::Accepted) {
        qCInfo(lcSso) << "handed-over callback refused:" << int(verdict.kind);
        return verdict.kind;
    }
    if (m_listener)
        m_listener->stop();
    onToken(verdict.loginToken);
    return verdict.kind;
}

void SsoLogin::onToken(const QString &loginToken)
{
    m_deadline.stop();
    setStep(Step::SigningIn);
    const QJsonObject credentials{{QStringLiteral("type"), QStringLiteral("m.login.token")},
        {QStringLiteral("token"), loginToken}};
    m_exchange.start(m_homeserver, credentials, m_deviceId,
        m_idpId.isEmpty() ? QStringLiteral("sso") : QStringLiteral("sso:") + m_idpId,
        [this](const auto &result) {
            if (!result) {
                fail({SsoError::Reason::LoginFailed, result.error()});
                return;
            }
            cancel();
            Q_EMIT signedIn(result->session, result->warning);
        });
}

void SsoLogin::fail(SsoError error)
{
    cancel();
    Q_EMIT failed(error);
}

} // namespace Portico::Sso
