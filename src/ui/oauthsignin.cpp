// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauthsignin.h"

#include <QDesktopServices>

namespace Portico::Ui {

OAuthSignIn::OAuthSignIn(QNetworkAccessManager &network, QObject *parent)
    : SignIn::Method(parent)
    , m_login(network)
{
    connect(&m_login, &OAuth::OAuthLogin::stepChanged, this, [this](auto step) {
        if (step == OAuth::OAuthLogin::Step::WaitingForBrowser)
            Q_EMIT browserOpened();
    });
    connect(&m_login, &OAuth::OAuthLogin::signedIn, this,
        [this](const Session::Session &session) { Q_EMIT signedIn(session, {}); });
    connect(&m_login, &OAuth::OAuthLogin::failed, this, [this](const OAuth::SignInError &error) {
        m_lastError = error;
        using Kind = OAuth::SignInError::Kind;
        using Reason = SignIn::Failure::Reason;
        const Reason reason = error.kind == Kind::Browser ? Reason::BrowserFailed
            : error.kind == Kind::TimedOut                ? Reason::TimedOut
                                                          : Reason::LoginFailed;
        Q_EMIT failed(SignIn::Failure{reason, error.error});
    });
}

void OAuthSignIn::start(const Discovery::Homeserver &homeserver,
    const OAuth::AuthMetadata &metadata, bool createAccount)
{
    m_lastError = {};
    m_login.start(
        homeserver.baseUrl, metadata, m_redirect, createAccount, homeserver.plainHttpAllowed);
}

void OAuthSignIn::reopenBrowser()
{
    if (waitingForBrowser())
        QDesktopServices::openUrl(m_login.browserUrl());
}

OAuth::OAuthLogin::Verdict OAuthSignIn::submitCallbackUrl(const QString &url)
{
    return m_login.submitCallbackUrl(QUrl(url, QUrl::StrictMode));
}

} // namespace Portico::Ui
