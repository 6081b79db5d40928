// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/homeservercheck.h"
#include "oauth/oauthlogin.h"
#include "signin/signinmethod.h"

class QNetworkAccessManager;

namespace Portico::Ui {

// The OAuth 2.0 authorisation code sign-in (OAuth::OAuthLogin) as a SignIn::Method, so that
// SignInFlow runs it like SSO and password. Its failure keeps the OAuth detail (lastError())
// for the sentence the user reads; the Failure it emits carries the common part.
class OAuthSignIn : public SignIn::Method
{
    Q_OBJECT
public:
    explicit OAuthSignIn(QNetworkAccessManager &network, QObject *parent = nullptr);

    void start(const Discovery::Homeserver &homeserver, const OAuth::AuthMetadata &metadata,
        bool createAccount);
    void cancel() override { m_login.cancel(); }
    bool isRunning() const override { return m_login.step() != OAuth::OAuthLogin::Step::Idle; }
    bool waitingForBrowser() const
    {
        return m_login.step() == OAuth::OAuthLogin::Step::WaitingForBrowser;
    }
    // Opens the browser on the same attempt again, for when the first tab got lost.
    void reopenBrowser();
    OAuth::OAuthLogin::Verdict submitCallbackUrl(const QString &url);
    // Why the last attempt failed, once failed() was emitted.
    const OAuth::SignInError &lastError() const { return m_lastError; }
    OAuth::OAuthLogin &login() { return m_login; }
    // Where the browser sends the result: the loopback listener (the default), or the
    // private-use scheme dev.portico:/callback for where listening on loopback is not allowed
    // (`portico --no-loopback`); the desktop hands that link over to the running Portico.
    void setRedirect(OAuth::OAuthLogin::Redirect redirect) { m_redirect = redirect; }

Q_SIGNALS:
    // Registered: the browser shows the server's page now.
    void browserOpened();

private:
    OAuth::OAuthLogin m_login;
    OAuth::SignInError m_lastError;
    OAuth::OAuthLogin::Redirect m_redirect = OAuth::OAuthLogin::Redirect::Loopback;
};

} // namespace Portico::Ui
