// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accountmanager.h"
#include "accountprofiles.h"
#include "serverlookup.h"
#include "signinflow.h"
#include "usermessages.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

class QNetworkAccessManager;

namespace Portico::Session {
class SessionStore;
} // namespace Portico::Session

namespace Portico::Ui {

// The page navigator QML binds to: which page shows, and the properties the pages read. The work
// is done by the three stages it wires in the order the data flows, ServerLookup (what the user
// typed to a server and its sign-in options), SignInFlow (a sign-in method to a new session)
// and AccountManager (keeping it, the accounts and signing out); the sentences are in
// usermessages.h. It holds no network or keychain logic of its own.
class LoginController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")

    Q_PROPERTY(Page page READ page NOTIFY pageChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString serverText READ serverText NOTIFY serverTextChanged)
    Q_PROPERTY(QString homeserver READ homeserver NOTIFY homeserverChanged)
    Q_PROPERTY(bool insecure READ insecure NOTIFY homeserverChanged)
    Q_PROPERTY(bool genericSso READ genericSso NOTIFY homeserverChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // A plain-http server on this machine answered where https was tried: its http:// address,
    // offered on the server page (usePlainHttpOffer()); empty otherwise.
    Q_PROPERTY(QString plainHttpOffer READ plainHttpOffer NOTIFY plainHttpOfferChanged)
    Q_PROPERTY(QString noticeText READ noticeText NOTIFY noticeTextChanged)
    Q_PROPERTY(IdentityProviderModel *providers READ providers CONSTANT)
    Q_PROPERTY(ProviderFilterModel *filteredProviders READ filteredProviders CONSTANT)
    Q_PROPERTY(QString lookupStatus READ lookupStatus NOTIFY lookupStatusChanged)
    Q_PROPERTY(QString pendingProvider READ pendingProvider NOTIFY pageChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY sessionChanged)
    Q_PROPERTY(QString deviceId READ deviceId NOTIFY sessionChanged)
    Q_PROPERTY(QString sessionServer READ sessionServer NOTIFY sessionChanged)
    // The accounts on this computer; the current one is shown on the signed-in page.
    Q_PROPERTY(AccountListModel *accounts READ accounts CONSTANT)
    // Who the accounts are (display names and avatars), and who the current one is (null when
    // there is no account).
    Q_PROPERTY(AccountProfiles *profiles READ profiles CONSTANT)
    Q_PROPERTY(Portico::Ui::AccountProfile *profile READ profile NOTIFY sessionChanged)
    // The current account's devices (the Devices page).
    Q_PROPERTY(DevicesController *devices READ devices CONSTANT)
    // The current account's check with its server (None when there is no account).
    Q_PROPERTY(Portico::Ui::AccountListModel::AccountState sessionState READ sessionState NOTIFY
            sessionChanged)
    Q_PROPERTY(QString sessionStatusText READ sessionStatusText NOTIFY sessionChanged)
    // Sign out could not reach the server: the question to ask before removing it locally.
    Q_PROPERTY(QString signOutQuestion READ signOutQuestion NOTIFY signOutQuestionChanged)
    Q_PROPERTY(bool ephemeral READ ephemeral CONSTANT)
    Q_PROPERTY(bool passwordAvailable READ passwordAvailable NOTIFY homeserverChanged)
    // Signed in, but the keychain refused to keep the session: offer Retry.
    Q_PROPERTY(bool saveFailed READ saveFailed NOTIFY saveFailedChanged)
    // After a soft logout: who can sign in again, on the same device.
    Q_PROPERTY(QString signInAgainUser READ signInAgainUser NOTIFY sessionChanged)
    Q_PROPERTY(QString suggestedUser READ suggestedUser NOTIFY homeserverChanged)
    // How the chosen server signs people in: OAuth shows one "Continue with <server>" button.
    Q_PROPERTY(
        Portico::Ui::LoginController::SignInApi signInApi READ signInApi NOTIFY homeserverChanged)
    // The OAuth server registers new accounts too (prompt_values_supported has "create").
    Q_PROPERTY(bool canCreateAccount READ canCreateAccount NOTIFY homeserverChanged)
    // The server the sign-in happens at as the user knows it, for the top of the page and the
    // OAuth button: host, and port where not the default ("matrix.example.org").
    Q_PROPERTY(QString serverName READ serverName NOTIFY homeserverChanged)
    // The OAuth server offers the device grant: "Sign in on another device".
    Q_PROPERTY(bool deviceGrantAvailable READ deviceGrantAvailable NOTIFY homeserverChanged)
    // The device grant under way: the code to enter, where, and a QR code (a data: URL) of
    // the address that carries the code.
    Q_PROPERTY(QString deviceUserCode READ deviceUserCode NOTIFY deviceGrantChanged)
    Q_PROPERTY(QString deviceVerificationUri READ deviceVerificationUri NOTIFY deviceGrantChanged)
    Q_PROPERTY(QString deviceQrCode READ deviceQrCode NOTIFY deviceGrantChanged)

public:
    enum class Page { Server, Providers, Waiting, SignedIn, Password, Devices, DeviceGrant };
    Q_ENUM(Page)
    enum class SignInApi {
        Legacy, // GET /login: identity providers, SSO, password
        OAuth, // the OAuth 2.0 API (Matrix 1.15): the server's own sign-in page
    };
    Q_ENUM(SignInApi)

    LoginController(
        QNetworkAccessManager &network, Session::SessionStore &store, QObject *parent = nullptr);

    Page page() const { return m_page; }
    bool busy() const { return m_lookup.busy() || m_flow.busy() || m_accountManager.busy(); }
    QString serverText() const { return m_lookup.serverText(); }
    QString homeserver() const;
    QString serverName() const;
    bool insecure() const;
    bool genericSso() const;
    QString errorText() const { return m_errorText; }
    QString plainHttpOffer() const { return m_lookup.plainHttpOffer(); }
    QString noticeText() const { return m_noticeText; }
    IdentityProviderModel *providers() { return m_lookup.providers(); }
    ProviderFilterModel *filteredProviders() { return m_lookup.filteredProviders(); }
    QString lookupStatus() const { return m_lookup.status(); }
    QString pendingProvider() const;
    QString userId() const { return m_accountManager.current().userId; }
    QString deviceId() const { return m_accountManager.current().deviceId; }
    QString sessionServer() const { return m_accountManager.current().baseUrl.toDisplayString(); }
    AccountListModel *accounts() { return m_accountManager.accounts(); }
    DevicesController *devices() { return m_accountManager.devices(); }
    AccountProfiles *profiles() { return &m_profiles; }
    AccountProfile *profile();
    AccountListModel::AccountState sessionState() const;
    QString sessionStatusText() const { return m_accountManager.statusText(); }
    QString signOutQuestion() const { return m_accountManager.signOutQuestion(); }
    bool ephemeral() const { return m_accountManager.ephemeral(); }
    // Not on an OAuth server: its password login is only the compatibility layer.
    bool passwordAvailable() const
    {
        return m_lookup.homeserver() && m_lookup.flows().password && !m_lookup.oauth();
    }
    bool saveFailed() const { return m_accountManager.saveFailed(); }
    QString signInAgainUser() const { return m_accountManager.softLoggedOut().userId; }
    QString suggestedUser() const;
    SignInApi signInApi() const;
    bool canCreateAccount() const;
    bool deviceGrantAvailable() const;
    QString deviceUserCode() const { return m_flow.deviceSignIn().prompt().userCode; }
    QString deviceVerificationUri() const
    {
        return m_flow.deviceSignIn().prompt().verificationUri.toDisplayString();
    }
    QString deviceQrCode() const { return m_deviceQr; }

    ServerLookup &serverLookup() { return m_lookup; }
    SignInFlow &signInFlow() { return m_flow; }
    AccountManager &accountManager() { return m_accountManager; }
    Sso::SsoLogin &ssoLogin() { return m_flow.ssoLogin(); }
    // Off until given a folder: then a server used before shows its providers at once.
    Discovery::ProviderCache &providerCache() { return m_lookup.cache(); }

    // Sign in with this provider as soon as the server's providers are known (--idp). On a
    // server with the OAuth 2.0 API: continue with its page ("create": register).
    void setAutoProvider(const QString &idpId) { m_autoProvider = idpId; }
    // OAuth sign-ins come back as a dev.portico:/callback link instead of on a loopback port.
    void setLoopbackAllowed(bool allowed)
    {
        m_flow.oauthSignIn().setRedirect(allowed ? OAuth::OAuthLogin::Redirect::Loopback
                                                 : OAuth::OAuthLogin::Redirect::PrivateUseScheme);
    }
    // How long to wait between checks of a session whose server cannot be reached.
    void setVerificationBackoff(Session::SessionKeeper::Backoff backoff)
    {
        m_accountManager.setVerificationBackoff(backoff);
    }

public Q_SLOTS:
    // Reads stored sessions and checks each with its server; shows the current one unless the
    // user is already signing in to another account.
    void restore();
    // The same, but the keychain is asked for the tokens only by readRestoredTokens(): the app
    // shows the accounts in its first frame and reads their tokens once that is on screen.
    void restoreShownFirst();
    void readRestoredTokens();
    void discover(const QString &text);
    // Continues with plainHttpOffer(), as if the user had typed it.
    void usePlainHttpOffer();
    // The user is typing: look the server up quietly once they pause (debounced), so that
    // Continue shows its providers at once.
    void serverTextEdited(const QString &text);
    void signIn(const QString &idpId);
    // "Continue with <server>" (or "Create account") on a server with the OAuth 2.0 API.
    void signInWithOAuth(bool createAccount = false);
    // The device grant (RFC 8628): approve on a phone or another computer.
    void signInOnAnotherDevice();
    void cancelSignIn();
    void reopenBrowser();
    // A callback URL pasted by the user or handed over by the desktop (portico://).
    void submitCallbackUrl(const QString &url);
    // Password sign-in, for servers that offer it (the only way on some).
    void usePassword();
    void signInWithPassword(const QString &user, const QString &password);
    void back();
    void signOut();
    // After signOutQuestion: remove the account from this computer anyway, or keep it.
    void confirmSignOut();
    void cancelSignOut();
    void retrySave();
    void switchAccount(const QString &key);
    // Shows the server page to sign in to another account; back() returns to the current one.
    void addAccount();
    // Checks the current session with its server now, instead of at the next planned retry.
    void retryVerification();
    // The current account's devices; back() returns to the account.
    void showDevices();
    // Signs the soft-logged-out user in again through the same provider, keeping the device.
    void signInAgain();

Q_SIGNALS:
    void pageChanged();
    void busyChanged();
    void serverTextChanged();
    void homeserverChanged();
    void errorTextChanged();
    void plainHttpOfferChanged();
    void noticeTextChanged();
    void lookupStatusChanged();
    void sessionChanged();
    void saveFailedChanged();
    void signOutQuestionChanged();
    void deviceGrantChanged();
    // For scripts and tests: the keychain refused the new session ("no-keychain", "locked",
    // "access-denied" or "other").
    void storeFailed(const QString &reason, const QString &detail);
    // For scripts and tests: restored accounts whose tokens the keychain did not give.
    void secretsUnreadable(const QStringList &userIds, const QString &reason);
    // For scripts and tests: the app reports what happened, without any secret.
    void signedIn(const QString &userId, const QString &deviceId, const QString &baseUrl);
    // A stored session was shown at start, then confirmed by the server (whoami).
    void sessionRestored(const QString &userId, const QString &deviceId, const QString &baseUrl);
    void sessionVerified(const QString &userId, const QString &deviceId);

private:
    void setPage(Page page);
    void setError(const QString &text);
    void setNotice(const QString &text);
    // The lookup found the user's server: its sign-in options, or the password form.
    void showChoices();
    void onSignInFailed(const QString &sentence, SignInFlow::Then then);
    void signInWithSso(const QString &idpId);

    AccountProfiles m_profiles; // before the accounts, which load and forget profiles
    ServerLookup m_lookup;
    SignInFlow m_flow;
    AccountManager m_accountManager;
    QString m_againUser; // signing in again with a password: the user the form is for
    Page m_page = Page::Server;
    QString m_errorText;
    QString m_noticeText;
    QString m_autoProvider;
    QString m_deviceQr;
};

} // namespace Portico::Ui
