// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "devicesignin.h"
#include "oauthsignin.h"

#include "discovery/homeservercheck.h"
#include "matrix/httpcall.h"
#include "password/passwordlogin.h"
#include "session/session.h"
#include "sso/ssologin.h"

#include <QObject>

#include <optional>

class QNetworkAccessManager;

namespace Portico::Ui {

// One sign-in at a time, from a checked homeserver to a new session: owns the method in
// progress (SSO, password or OAuth), the "sign in again" context after a
// soft logout, and cancelling all of it. Every method reaches the same two ends: signedIn()
// or failed(). Knows nothing of pages or of keeping the session.
class SignInFlow : public QObject
{
    Q_OBJECT
public:
    enum class Then {
        Stay, // the attempt's page stays: try again there (a wrong password)
        ShowChoices, // the browser step is over: the server's choices again
        ShowServer, // start from the server page (another user than expected)
    };
    Q_ENUM(Then)

    explicit SignInFlow(QNetworkAccessManager &network, QObject *parent = nullptr);

    void startSso(const Discovery::Homeserver &homeserver, const QString &idpId);
    // The OAuth 2.0 API (authorisation code with PKCE); `createAccount`: the server's
    // registration page (prompt=create).
    void startOAuth(const Discovery::Homeserver &homeserver, const OAuth::AuthMetadata &metadata,
        bool createAccount);
    void startPassword(
        const Discovery::Homeserver &homeserver, const QString &user, const QString &password);
    // Signs `previous` (soft-logged-out) in again where it was made, on the same device, with
    // the same method: browserOpened() or passwordNeeded(), or failed().
    void signInAgain(const Session::Session &previous);
    // The password form that signing in again asked for (passwordNeeded()) was filled in.
    void continueAgainWithPassword(const QString &user, const QString &password);
    // Abandons whatever runs, the sign-in-again context included.
    void cancel();
    // The OAuth 2.0 device grant: devicePromptReady() with the code to approve elsewhere.
    void startDevice(const Discovery::Homeserver &homeserver, const OAuth::AuthMetadata &metadata);
    void reopenBrowser();
    // A callback link pasted or handed over: empty when accepted, else what is wrong with it.
    QString submitCallbackUrl(const QString &url);

    bool busy() const { return m_busy; }
    bool waitingForBrowser() const
    {
        return m_sso.step() == Sso::SsoLogin::Step::WaitingForBrowser
            || m_oauth.waitingForBrowser();
    }
    QString pendingIdp() const { return m_sso.idpId(); }
    // Signing in again: the server it happens at, and who must come back.
    const std::optional<Discovery::Homeserver> &againServer() const { return m_againServer; }
    QString againUser() const { return m_again ? m_again->userId : QString(); }

    Sso::SsoLogin &ssoLogin() { return m_sso; }
    OAuthSignIn &oauthSignIn() { return m_oauth; }
    const OAuthSignIn &oauthSignIn() const { return m_oauth; }
    DeviceSignIn &deviceSignIn() { return m_device; }
    const DeviceSignIn &deviceSignIn() const { return m_device; }

Q_SIGNALS:
    void busyChanged();
    void browserOpened();
    // The device grant's code and address are there to show (or gone: empty).
    void devicePromptChanged();
    // Signing in again with a password: the form for this user.
    void passwordNeeded(const QString &userId);
    void signedIn(const Portico::Session::Session &session, const QString &warning);
    // `then`: where the user goes on from (the attempt's own page may be gone).
    void failed(const QString &sentence, Portico::Ui::SignInFlow::Then then);

private:
    void setBusy(bool busy);
    void adopt(SignIn::Method &method);
    void onSignedIn(const Session::Session &session, const QString &warning);
    void onFailed(const SignIn::Failure &failure);
    QString againDeviceId() const;

    QNetworkAccessManager &m_network;
    Sso::SsoLogin m_sso;
    Password::PasswordLogin m_password;
    OAuthSignIn m_oauth;
    DeviceSignIn m_device;
    SignIn::Method *m_active = nullptr;
    // Set by signInAgain() for that attempt only: every other start, and cancel(), drop it.
    std::optional<Session::Session> m_again;
    std::optional<Discovery::Homeserver> m_againServer;
    Matrix::Call m_againCheck;
    Matrix::Call m_wrongUserLogout; // ends the session of a user who was not asked for
    bool m_busy = false;
};

} // namespace Portico::Ui
