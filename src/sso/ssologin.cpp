// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssologin.h"

#include "baseurlbinding.h"
#include "ssoredirect.h"
#include "tokenlogin.h"

#include "matrix/logging.h"

#include <QDesktopServices>
#include <QNetworkReply>

namespace Portico::Sso {

SsoLogin::SsoLogin(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_launcher([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{}

void SsoLogin::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    Q_EMIT stepChanged(step);
}

void SsoLogin::start(const Discovery::Homeserver &homeserver, const QString &idpId)
{
    cancel();
    const quint64 attempt = ++m_attempt;
    m_homeserver = homeserver;
    m_idpId = idpId;
    m_listener = new CallbackListener(m_limits, this);
    connect(
        m_listener, &CallbackListener::tokenReceived, this, [this, attempt](const QString &token) {
            if (attempt == m_attempt)
                onToken(token);
        });
    connect(m_listener, &CallbackListener::timedOut, this, [this, attempt] {
        if (attempt == m_attempt)
            fail({SsoError::Reason::TimedOut, {}});
    });
    if (!m_listener->start()) {
        fail({SsoError::Reason::ListenerFailed, {}});
        return;
    }
    m_browserUrl = ssoRedirectUrl(
        homeserver.baseUrl, homeserver.versions.clientPrefix(), idpId, m_listener->redirectUrl());
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
    if (m_listener) {
        m_listener->stop();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    if (m_reply)
        m_reply->abort();
    m_browserUrl.clear();
    setStep(Step::Idle);
}

void SsoLogin::onToken(const QString &loginToken)
{
    setStep(Step::SigningIn);
    const quint64 attempt = m_attempt;
    m_reply = exchangeLoginToken(m_network, m_homeserver, loginToken, defaultDeviceName(), this,
        [this, attempt](const auto &result) {
            if (attempt != m_attempt)
                return;
            if (!result) {
                fail({SsoError::Reason::LoginFailed, result.error()});
                return;
            }
            const Matrix::LoginResponse response = result.value();
            m_reply = bindBaseUrl(m_network, m_homeserver, response, this,
                [this, attempt, response](const BaseUrlBinding &binding) {
                    if (attempt != m_attempt)
                        return;
                    Session::Session session;
                    session.userId = response.userId;
                    session.deviceId = response.deviceId;
                    session.accessToken = response.accessToken;
                    session.refreshToken = response.refreshToken;
                    session.baseUrl = binding.baseUrl;
                    session.plainHttpAllowed = binding.plainHttpAllowed;
                    session.loginMethod = m_idpId.isEmpty() ? QStringLiteral("sso")
                                                            : QStringLiteral("sso:") + m_idpId;
                    qCInfo(lcSso) << "signed in as" << session.userId << "device"
                                  << session.deviceId << "bound to"
                                  << session.baseUrl.toDisplayString();
                    cancel();
                    Q_EMIT signedIn(session, binding.warning);
                });
        });
}

void SsoLogin::fail(SsoError error)
{
    cancel();
    Q_EMIT failed(error);
}

} // namespace Portico::Sso
