// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountmanager.h"

#include "usermessages.h"

#include "matrix/logging.h"
#include "session/sessionstore.h"

#include <QSettings>

#include <algorithm>
#include <memory>
#include <utility>

namespace Portico::Ui {

namespace {
const QString CurrentAccountKey = QStringLiteral("ui/currentAccount");
} // namespace

AccountManager::AccountManager(
    QNetworkAccessManager &network, Session::SessionStore &store, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_store(store)
    , m_accounts(network)
    , m_devices(network, [this] { return current(); })
{
    connect(&m_accounts, &AccountListModel::keeperSessionUpdated, this,
        [this](const Session::Session &session) {
            if (session.key() == m_unsaved.key()) {
                m_unsaved = session; // still kept in memory only, until Retry saving works
                return;
            }
            m_store.save(session); // the new tokens replace the old ones in the keychain
        });
    connect(&m_accounts, &AccountListModel::keeperStateChanged, this,
        &AccountManager::onKeeperStateChanged);
    // The devices page met a refused token: the keeper refreshes it, or ends the session.
    connect(&m_devices, &DevicesController::sessionRejected, this,
        [this] { verify(m_accounts.current()); });
    // What the devices page offers depends on the account's API (account management on OAuth).
    connect(this, &AccountManager::currentChanged, &m_devices, &DevicesController::sessionChanged);
    // An OAuth session stored without its account page: kept (and so stored) once found again.
    connect(&m_devices, &DevicesController::accountManagementFound, this,
        [this](const QString &key, const QUrl &uri, const QStringList &actions) {
            if (Session::SessionKeeper *keeper = m_accounts.find(key))
                keeper->setAccountManagement(uri, actions);
        });
    connect(&m_store, &Session::SessionStore::saved, this, &AccountManager::onSaved);
    connect(&m_store, &Session::SessionStore::failed, this, &AccountManager::onStoreFailed);
}

void AccountManager::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

bool AccountManager::ephemeral() const
{
    return m_store.persistence() == Session::SessionStore::Persistence::MemoryOnly;
}

Session::Session AccountManager::current() const
{
    const Session::SessionKeeper *keeper = m_accounts.current();
    return keeper ? keeper->session() : Session::Session{};
}

QString AccountManager::statusText() const
{
    const Session::SessionKeeper *keeper = m_accounts.current();
    return keeper ? sessionStatusText(*keeper) : QString();
}

void AccountManager::restore(TokenRead when)
{
    // Shown at once from what the settings hold (user, device, server): the keychain is the
    // Secret Service over D-Bus, which takes 40-400 ms on its first contact, and the signed-in
    // page must not wait for it (docs/performance.md). Its tokens follow; only then is each
    // account checked with its server, and what needs a token waits for them.
    const QList<Session::Session> stored = m_store.storedSessions();
    if (stored.isEmpty())
        return;
    QList<Session::Session> toRead;
    QStringList restoredKeys;
    for (const Session::Session &session : stored) {
        if (m_accounts.find(session.key()))
            continue; // signed in again meanwhile: that session is newer
        m_accounts.add(session);
        if (session.accessToken.isEmpty())
            m_awaitingSecrets.append(session.key());
        toRead.append(session);
        restoredKeys.append(session.key());
    }
    // The account shown last time, if it is still there.
    const QString last = QSettings().value(CurrentAccountKey).toString();
    if (!m_accounts.current())
        m_accounts.setCurrent(m_accounts.find(last) ? last : stored.front().key());
    Q_EMIT currentChanged();
    Q_EMIT restored(); // shown unless the user has started signing in meanwhile
    const Session::Session session = current();
    Q_EMIT sessionRestored(session.userId, session.deviceId, session.baseUrl.toString());

    m_tokensToRead.append(toRead);
    m_keysToRead.append(restoredKeys);
    if (when == TokenRead::Now)
        readRestoredTokens();
}

void AccountManager::readRestoredTokens()
{
    // The first job loads libsecret (and GIO with it) and opens a Secret Service session: ~5 ms
    // of the GUI thread here, which the app keeps off its first frame.
    if (m_tokensToRead.isEmpty())
        return;
    const QList<Session::Session> toRead = std::exchange(m_tokensToRead, {});
    const QStringList restoredKeys = std::exchange(m_keysToRead, {});
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(&m_store, &Session::SessionStore::loaded, this,
        [this, connection, restoredKeys](const QList<Session::Session> &sessions) {
            disconnect(*connection);
            onSecretsRead(sessions, restoredKeys);
        });
    m_store.loadSecrets(toRead);
}

bool AccountManager::awaitingSecrets() const
{
    const Session::SessionKeeper *keeper = m_accounts.current();
    return keeper && m_awaitingSecrets.contains(keeper->key())
        && keeper->session().accessToken.isEmpty();
}

void AccountManager::onSecretsRead(
    const QList<Session::Session> &sessions, const QStringList &restoredKeys)
{
    const QStringList awaited = std::exchange(m_awaitingSecrets, {});
    const QList<Session::StoreError> errors = std::exchange(m_readErrors, {});
    const QString currentKey = m_accounts.current() ? m_accounts.current()->key() : QString();
    QStringList unreadable;
    for (const QString &key : awaited) {
        const Session::SessionKeeper *keeper = m_accounts.find(key);
        if (!keeper || !keeper->session().accessToken.isEmpty())
            continue; // gone, or signed in again meanwhile
        const auto read = std::find_if(sessions.begin(), sessions.end(),
            [&key](const Session::Session &s) { return s.key() == key; });
        if (read == sessions.end()) {
            // Locked, refused, or its secret is gone: it cannot be used in this run, but its
            // settings entry stays, so it comes back at the next start with the keychain open.
            qCWarning(lcUi) << "no tokens in the keychain for" << keeper->session().userId;
            unreadable.append(keeper->session().userId);
            m_accounts.remove(key);
            continue;
        }
        m_accounts.add(*read); // the same account, now with its tokens: a new keeper
    }
    if (m_accounts.find(currentKey))
        m_accounts.setCurrent(currentKey);

    const bool signOutAsked = std::exchange(m_signOutAfterSecrets, false);
    const bool devicesAsked = std::exchange(m_devicesAfterSecrets, false);
    if (signOutAsked)
        setBusy(false);
    if (!unreadable.isEmpty()) {
        const Session::StoreError *why = errors.isEmpty() ? nullptr : &errors.constFirst();
        Q_EMIT errorOccurred(unreadableSessionsText(unreadable, why));
        Q_EMIT secretsUnreadable(
            unreadable, why ? storeFailureName(*why) : QStringLiteral("not-found"));
    }
    if (!m_accounts.current() && !currentKey.isEmpty()) {
        // The account shown could not be read.
        m_devices.reset();
        if (m_accounts.rowCount() > 0) {
            m_accounts.setCurrent(m_accounts.keepers().constFirst()->key());
            Q_EMIT currentChanged();
        } else {
            Q_EMIT currentChanged();
            Q_EMIT currentGone(Gone::Unreadable);
        }
    } else {
        Q_EMIT currentChanged();
    }
    // Shown at once; each is checked with its server (offline is retried, not an end).
    for (Session::SessionKeeper *keeper : m_accounts.keepers())
        if (restoredKeys.contains(keeper->key())
            && keeper->state() == Session::SessionKeeper::State::Unverified)
            verify(keeper);
    if (m_accounts.current() && m_accounts.current()->key() == currentKey) {
        if (devicesAsked)
            m_devices.refresh();
        if (signOutAsked)
            signOut();
    }
}

void AccountManager::verify(Session::SessionKeeper *keeper)
{
    if (!keeper || keeper->session().accessToken.isEmpty())
        return; // its tokens are still being read; it is checked once they are there
    keeper->verify();
}

void AccountManager::refreshDevices()
{
    if (awaitingSecrets()) {
        m_devicesAfterSecrets = true;
        return;
    }
    m_devices.refresh();
}

void AccountManager::keep(const Session::Session &session, const QString &warning)
{
    if (session.key() == m_softLoggedOut.key())
        m_softLoggedOut = {};
    Q_EMIT noticeOccurred(warning);
    setBusy(true);
    m_pendingSignIn = session;
    m_store.save(session); // shown once the keychain has it
}

void AccountManager::onSaved(const Session::Session &session)
{
    if (!m_pendingSignIn.isValid() || session.key() != m_pendingSignIn.key())
        return; // a refreshed token of a session shown: nothing changes for the user
    m_pendingSignIn = {};
    setBusy(false);
    show(session);
    if (ephemeral())
        Q_EMIT noticeOccurred(ephemeralNoticeText());
    Q_EMIT signedIn(session.userId, session.deviceId, session.baseUrl.toString());
}

void AccountManager::onStoreFailed(const Session::StoreError &error)
{
    const bool thisSignIn = error.operation == Session::StoreError::Operation::Save
        && m_pendingSignIn.isValid() && error.key == m_pendingSignIn.key();
    if (error.operation == Session::StoreError::Operation::Load
        && m_awaitingSecrets.contains(error.key)) {
        m_readErrors.append(error); // said with the accounts it concerns, once all are read
        return;
    }
    if (!thisSignIn) {
        // Another account's refreshed token, a removal, or a read: said, but the sign-in under
        // way (if any) waits for its own answer.
        qCWarning(lcUi) << "keychain operation" << int(error.operation) << "failed for"
                        << error.key;
        Q_EMIT errorOccurred(describeStoreError(error));
        return;
    }
    setBusy(false);
    Q_EMIT errorOccurred(describeStoreError(error));
    // Signed in, but not kept: the session works until Portico quits, and Retry stores it once
    // the keychain is usable. Nothing is written anywhere else meanwhile.
    m_unsaved = std::exchange(m_pendingSignIn, {});
    show(m_unsaved);
    Q_EMIT saveFailedChanged();
    Q_EMIT storeFailed(storeFailureName(error), error.detail);
}

void AccountManager::retrySave()
{
    if (!m_unsaved.isValid())
        return;
    setBusy(true);
    m_pendingSignIn = std::exchange(m_unsaved, {});
    Q_EMIT saveFailedChanged();
    m_store.save(m_pendingSignIn);
}

void AccountManager::show(const Session::Session &session)
{
    // Just signed in: the server has said yes, no need to ask it again (nor to report a check).
    Session::SessionKeeper *keeper = m_accounts.add(session);
    m_checkedByServer = false;
    keeper->markVerified();
    m_checkedByServer = true;
    m_accounts.setCurrent(session.key());
    showCurrent();
}

void AccountManager::showCurrent()
{
    const Session::SessionKeeper *keeper = m_accounts.current();
    if (!keeper)
        return;
    m_devices.reset(); // they were another account's, or are out of date
    // Remembered for the next start, only for sessions that are stored (nothing is written
    // about an unsaved or ephemeral one), and only when it changes: no disk write at start.
    if (QSettings settings; !ephemeral() && keeper->key() != m_unsaved.key()
        && settings.value(CurrentAccountKey).toString() != keeper->key())
        settings.setValue(CurrentAccountKey, keeper->key());
    setSignOutQuestion({});
    Q_EMIT currentChanged();
    Q_EMIT currentShown();
}

void AccountManager::switchTo(const QString &key)
{
    Session::SessionKeeper *keeper = m_accounts.find(key);
    if (!keeper)
        return;
    m_accounts.setCurrent(key);
    showCurrent();
    if (keeper->state() == Session::SessionKeeper::State::Offline)
        verify(keeper);
}

void AccountManager::retryVerification()
{
    verify(m_accounts.current());
}

void AccountManager::onKeeperStateChanged(Session::SessionKeeper *keeper)
{
    using State = Session::SessionKeeper::State;
    const Session::Session session = keeper->session();
    switch (keeper->state()) {
    case State::Verified:
        if (m_checkedByServer)
            Q_EMIT sessionVerified(session.userId, session.deviceId);
        break;
    case State::SoftLoggedOut:
    case State::Ended:
        endSession(keeper);
        return;
    case State::Unverified:
    case State::Verifying:
    case State::Offline:
        break;
    }
    if (keeper == m_accounts.current())
        Q_EMIT currentChanged();
}

void AccountManager::endSession(Session::SessionKeeper *keeper)
{
    const Session::Session session = keeper->session();
    const Matrix::Error why = keeper->lastError();
    const bool wasCurrent = keeper == m_accounts.current();
    m_accounts.remove(session.key());
    if (why.softLogout) {
        // The device stays on the server; so does what we stored, for signing in again.
        m_softLoggedOut = session;
        Q_EMIT noticeOccurred(softLogoutNoticeText(session.userId));
    } else {
        m_store.remove(session);
        Q_EMIT noticeOccurred(sessionEndedNoticeText(session.userId));
    }
    if (m_signOutKey == session.key())
        setSignOutQuestion({});
    if (!wasCurrent) {
        Q_EMIT currentChanged();
        return;
    }
    afterCurrentWent(Gone::Ended);
}

void AccountManager::afterCurrentWent(Gone why)
{
    m_devices.reset();
    if (m_accounts.rowCount() > 0) {
        m_accounts.setCurrent(m_accounts.keepers().constFirst()->key());
        showCurrent();
        return;
    }
    Q_EMIT currentChanged();
    Q_EMIT currentGone(why);
}

void AccountManager::signOut()
{
    if (awaitingSecrets()) {
        // Signing out needs the token: once the keychain has given it.
        m_signOutAfterSecrets = true;
        setBusy(true);
        return;
    }
    const Session::Session session = current();
    if (!session.isValid())
        return;
    setBusy(true);
    setSignOutQuestion({});
    // The keeper refreshes an expired access token first, so that the server forgets the device.
    m_accounts.current()->signOut([this, session](const auto &result) {
        setBusy(false);
        if (!result && !result.error().is(u"M_UNKNOWN_TOKEN")
            && result.error().kind != Matrix::Error::Kind::Matrix) {
            // The server could not be asked: the device would stay signed in there. Ask first.
            qCWarning(lcUi) << "server-side sign out failed:" << result.error().describe();
            m_signOutKey = session.key();
            setSignOutQuestion(
                signOutQuestionText(session.baseUrl.host(), result.error(), session.userId));
            return;
        }
        // Signed out on the server (or it no longer knew the session): forget it here too.
        removeLocally(session);
    });
}

void AccountManager::confirmSignOut()
{
    const Session::SessionKeeper *keeper = m_accounts.find(m_signOutKey);
    setSignOutQuestion({});
    if (keeper)
        removeLocally(keeper->session());
}

void AccountManager::cancelSignOut()
{
    setSignOutQuestion({});
}

void AccountManager::removeLocally(const Session::Session &session)
{
    const bool wasCurrent = m_accounts.current() && m_accounts.current()->key() == session.key();
    m_store.remove(session);
    m_accounts.remove(session.key());
    if (QSettings settings; settings.value(CurrentAccountKey).toString() == session.key())
        settings.remove(CurrentAccountKey);
    if (m_unsaved.key() == session.key()) {
        m_unsaved = {};
        Q_EMIT saveFailedChanged();
    }
    qCInfo(lcUi) << "signed out" << session.userId;
    if (wasCurrent)
        afterCurrentWent(Gone::SignedOut);
}

void AccountManager::setSignOutQuestion(const QString &question)
{
    if (question.isEmpty())
        m_signOutKey.clear();
    if (m_signOutQuestion == question)
        return;
    m_signOutQuestion = question;
    Q_EMIT signOutQuestionChanged();
}

} // namespace Portico::Ui
