// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accountlistmodel.h"
#include "devicescontroller.h"

#include "session/session.h"
#include "session/sessionstore.h"

#include <QObject>

class QNetworkAccessManager;

namespace Portico::Ui {

// The accounts on this computer, once signed in: keeping each new session in the keychain (and
// Retry when it refused), restoring them at start, each one's keeper and what it reports, the
// current account and its devices, and signing out (with its question when the server cannot be
// reached). Knows nothing of how a session was made, nor of pages.
class AccountManager : public QObject
{
    Q_OBJECT
public:
    enum class Gone {
        Ended, // the server ended the session
        SignedOut, // the user signed out
        Unreadable, // restored from the settings, but the keychain did not give its tokens
    };
    Q_ENUM(Gone)

    AccountManager(
        QNetworkAccessManager &network, Session::SessionStore &store, QObject *parent = nullptr);

    // When restore() asks the keychain for the tokens: at once, or once readRestoredTokens() is
    // called (the app: once the first frame is on screen, docs/performance.md).
    enum class TokenRead { Now, Later };
    // Shows the stored sessions at once from the settings (restored()), then reads their tokens
    // from the keychain and checks each one with its server. Until the keychain has answered,
    // what needs a token waits: signing out, the devices, checks.
    void restore(TokenRead when = TokenRead::Now);
    // Asks the keychain for the tokens a restore(TokenRead::Later) left to read; nothing else.
    void readRestoredTokens();
    // True while the current account is shown from the settings and its tokens are being read.
    bool awaitingSecrets() const;
    // The current account's devices, once its tokens are there.
    void refreshDevices();
    // A new session: stored first, then shown (currentShown()); unsaved when the keychain
    // refuses it (saveFailed()).
    void keep(const Session::Session &session, const QString &warning);
    void retrySave();
    void showCurrent();
    void switchTo(const QString &key);
    void retryVerification();
    void signOut();
    void confirmSignOut();
    void cancelSignOut();

    Session::Session current() const;
    Session::SessionKeeper *currentKeeper() const { return m_accounts.current(); }
    AccountListModel *accounts() { return &m_accounts; }
    DevicesController *devices() { return &m_devices; }
    bool busy() const { return m_busy; }
    bool ephemeral() const;
    bool saveFailed() const { return m_unsaved.isValid(); }
    QString signOutQuestion() const { return m_signOutQuestion; }
    QString statusText() const;
    // The account the server signed out softly, kept for signing in again on its device.
    const Session::Session &softLoggedOut() const { return m_softLoggedOut; }
    void setVerificationBackoff(Session::SessionKeeper::Backoff backoff)
    {
        m_accounts.setBackoff(backoff);
    }

Q_SIGNALS:
    void busyChanged();
    void currentChanged();
    void saveFailedChanged();
    void signOutQuestionChanged();
    void currentShown();
    // The account shown is gone and no other is left.
    void currentGone(Portico::Ui::AccountManager::Gone why);
    // Stored accounts were read; the current one is set (shown only if the user is not busy).
    void restored();
    void errorOccurred(const QString &sentence);
    void noticeOccurred(const QString &sentence);
    // For scripts and tests (stdout), without any secret.
    void signedIn(const QString &userId, const QString &deviceId, const QString &baseUrl);
    void sessionRestored(const QString &userId, const QString &deviceId, const QString &baseUrl);
    void sessionVerified(const QString &userId, const QString &deviceId);
    void storeFailed(const QString &reason, const QString &detail);
    // Shown from the settings at start, but the keychain gave no tokens for these accounts
    // (reason as storeFailed's, or "not-found").
    void secretsUnreadable(const QStringList &userIds, const QString &reason);

private:
    void setBusy(bool busy);
    void onSaved(const Session::Session &session);
    void onStoreFailed(const Session::StoreError &error);
    // Adds the session to the accounts (or replaces it) and shows it.
    void show(const Session::Session &session);
    void onKeeperStateChanged(Session::SessionKeeper *keeper);
    // The server ended the session: soft (keep what is stored) or hard (remove it).
    void endSession(Session::SessionKeeper *keeper);
    // Forgets the account on this computer: keychain, settings and the list.
    void removeLocally(const Session::Session &session);
    // After the current account went: show another one, or say none is left.
    void afterCurrentWent(Gone why);
    void setSignOutQuestion(const QString &question);
    // The keychain answered the restore: tokens for the accounts shown, or none.
    void onSecretsRead(const QList<Session::Session> &sessions, const QStringList &restoredKeys);
    // Asks the server, unless the tokens are still being read (they are checked once read).
    void verify(Session::SessionKeeper *keeper);

    QNetworkAccessManager &m_network;
    Session::SessionStore &m_store;
    AccountListModel m_accounts;
    DevicesController m_devices;
    Session::Session m_pendingSignIn; // just signed in, until the keychain has it
    Session::Session m_unsaved; // signed in, but the keychain refused it
    Session::Session m_softLoggedOut; // the server ended it but kept the device
    bool m_checkedByServer = true; // false while a fresh sign-in is marked verified
    QString m_signOutKey; // the account signOutQuestion is about
    QString m_signOutQuestion;
    bool m_busy = false;
    // Restored from the settings, tokens still being read from the keychain.
    QStringList m_awaitingSecrets;
    // Left by restore(TokenRead::Later) for readRestoredTokens().
    QList<Session::Session> m_tokensToRead;
    QStringList m_keysToRead;
    QList<Session::StoreError> m_readErrors; // the keychain's refusals during that read
    bool m_signOutAfterSecrets = false;
    bool m_devicesAfterSecrets = false;
};

} // namespace Portico::Ui
