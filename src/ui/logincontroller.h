// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accountlistmodel.h"
#include "devicescontroller.h"
#include "identityprovidermodel.h"
#include "providerfiltermodel.h"

#include "discovery/homeserverdiscovery.h"
#include "discovery/providercache.h"
#include "password/passwordlogin.h"
#include "session/session.h"
#include "sso/ssologin.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QNetworkAccessManager;

namespace Portico::Session {
class SessionStore;
struct StoreError;
} // namespace Portico::Session

namespace Portico::Ui {

// Drives the sign-in pages: what the user typed, the server's providers, the wait for the
// browser, and the signed-in account. QML only reads its properties and calls its slots.
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
    // The current account's devices (the Devices page).
    Q_PROPERTY(DevicesController *devices READ devices CONSTANT)
    // "unverified", "verifying", "verified", "offline" (see AccountListModel).
    Q_PROPERTY(QString sessionState READ sessionState NOTIFY sessionChanged)
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

public:
    enum class Page { Server, Providers, Waiting, SignedIn, Password, Devices };
    Q_ENUM(Page)

    LoginController(
        QNetworkAccessManager &network, Session::SessionStore &store, QObject *parent = nullptr);

    Page page() const { return m_page; }
    bool busy() const { return m_busy; }
    QString serverText() const { return m_serverText; }
    QString homeserver() const;
    bool insecure() const;
    bool genericSso() const;
    QString errorText() const { return m_errorText; }
    QString noticeText() const { return m_noticeText; }
    IdentityProviderModel *providers() { return &m_providers; }
    ProviderFilterModel *filteredProviders() { return &m_filtered; }
    QString lookupStatus() const { return m_lookupStatus; }
    QString pendingProvider() const;
    QString userId() const { return currentSession().userId; }
    QString deviceId() const { return currentSession().deviceId; }
    QString sessionServer() const { return currentSession().baseUrl.toDisplayString(); }
    AccountListModel *accounts() { return &m_accounts; }
    DevicesController *devices() { return &m_devices; }
    QString sessionState() const;
    QString sessionStatusText() const;
    QString signOutQuestion() const { return m_signOutQuestion; }
    bool ephemeral() const;
    bool passwordAvailable() const { return m_homeserver && m_flows.password; }
    bool saveFailed() const { return m_unsaved.isValid(); }
    QString signInAgainUser() const { return m_softLoggedOut.userId; }
    QString suggestedUser() const { return m_suggestedUser; }

    Sso::SsoLogin &ssoLogin() { return m_sso; }
    // Off until given a folder: then a server used before shows its providers at once.
    Discovery::ProviderCache &providerCache() { return m_cache; }

    // Sign in with this provider as soon as the server's providers are known (--idp).
    void setAutoProvider(const QString &idpId) { m_autoProvider = idpId; }
    // How long to wait between checks of a session whose server cannot be reached.
    void setVerificationBackoff(Session::SessionKeeper::Backoff backoff)
    {
        m_accounts.setBackoff(backoff);
    }

public Q_SLOTS:
    // Reads stored sessions and checks each with its server; shows the current one unless the
    // user is already signing in to another account.
    void restore();
    void discover(const QString &text);
    // The user is typing: look the server up quietly once they pause (debounced), so that
    // Continue shows its providers at once.
    void serverTextEdited(const QString &text);
    void signIn(const QString &idpId);
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
    void noticeTextChanged();
    void lookupStatusChanged();
    void sessionChanged();
    void saveFailedChanged();
    void signOutQuestionChanged();
    // For scripts and tests: the keychain refused the new session ("no-keychain", "locked",
    // "access-denied" or "other").
    void storeFailed(const QString &reason, const QString &detail);
    // For scripts and tests: the app reports what happened, without any secret.
    void signedIn(const QString &userId, const QString &deviceId, const QString &baseUrl);
    // A stored session was shown at start, then confirmed by the server (whoami).
    void sessionRestored(const QString &userId, const QString &deviceId, const QString &baseUrl);
    void sessionVerified(const QString &userId, const QString &deviceId);

private:
    void setPage(Page page);
    void setBusy(bool busy);
    void setError(const QString &text);
    void setNotice(const QString &text);
    struct Prefetched
    {
        QString text;
        Discovery::Homeserver homeserver;
        Matrix::LoginFlows flows;
    };
    void setLookupStatus(const QString &text);
    void lookUpQuietly();
    void startLookup(const Discovery::ServerInput &input, const QString &text, bool navigate);
    void onDiscoveryFailed(const Discovery::DiscoveryError &error);
    // A quiet check of cached providers failed: says so on their page. False when no such
    // check was running.
    bool revalidationFailed(const QString &why);
    void onDiscovered(const Discovery::Homeserver &homeserver);
    void showProviders(const Prefetched &found);
    bool sameChoices(const Prefetched &found) const;
    void onSignedIn(const Session::Session &session, const QString &warning);
    Session::Session currentSession() const;
    // Adds the session to the accounts (or replaces it) and shows it.
    void showSession(const Session::Session &session);
    void showCurrent();
    void onKeeperStateChanged(Session::SessionKeeper *keeper);
    // The server ended the session: soft (keep what is stored) or hard (remove it).
    void endSession(Session::SessionKeeper *keeper);
    // Forgets the account on this computer: keychain, settings and the list.
    void removeLocally(const Session::Session &session);
    void setSignOutQuestion(const QString &question);

    QNetworkAccessManager &m_network;
    Session::SessionStore &m_store;
    Discovery::HomeserverDiscovery m_discovery;
    Sso::SsoLogin m_sso;
    Password::PasswordLogin m_password;
    Session::Session m_pendingSignIn; // just signed in, until the keychain has it
    Session::Session m_unsaved; // signed in, but the keychain refused it
    Session::Session m_softLoggedOut; // the server ended it but kept the device
    QString m_expectedUser; // signing in again must give this user back
    QString m_suggestedUser;
    IdentityProviderModel m_providers;
    ProviderFilterModel m_filtered;
    QTimer m_debounce;
    std::optional<Prefetched> m_prefetched;
    QString m_lookupText;
    QString m_lookupStatus;
    bool m_navigate = false;
    std::optional<Discovery::Homeserver> m_homeserver;
    Matrix::LoginFlows m_flows;
    AccountListModel m_accounts;
    DevicesController m_devices;
    bool m_checkedByServer = true; // false while a fresh sign-in is marked verified
    QString m_signOutKey; // the account signOutQuestion is about
    QString m_signOutQuestion;
    Page m_page = Page::Server;
    bool m_busy = false;
    QString m_serverText;
    QString m_errorText;
    QString m_noticeText;
    QString m_autoProvider;
    quint64 m_flowsGeneration = 0;
    Discovery::ProviderCache m_cache;
    QString m_revalidating; // shown from the cache, being asked again
};

// Human sentences for what went wrong, with what to do about it. Pure.
QString describeDiscoveryError(const Discovery::DiscoveryError &error);
QString describeSsoError(const Sso::SsoError &error);
QString describePasswordError(const Matrix::Error &error);
QString storeFailureName(const Session::StoreError &error);

} // namespace Portico::Ui
