// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/sessionstore.h"

#include "devsession.h"

#include <QCoreApplication>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <qt6keychain/keychain.h>

using namespace Portico::Session;

namespace {
Session sample(const QString &user, const QString &token)
{
    Session s;
    s.userId = user;
    s.deviceId = QStringLiteral("DEVICE1");
    s.baseUrl = QUrl(QStringLiteral("https://hs.example.org/prefix"));
    s.accessToken = token;
    s.refreshToken = token + QStringLiteral("-refresh");
    s.loginMethod = QStringLiteral("sso:github");
    return s;
}

QList<Session> loadAll(SessionStore &store)
{
    QSignalSpy loaded(&store, &SessionStore::loaded);
    store.loadAll();
    if (loaded.isEmpty() && !loaded.wait(10000))
        qFatal("loadAll never answered");
    return loaded.first().first().value<QList<Session>>();
}

// What the keychain answers for the secret stored under `key`, asked directly.
QKeychain::Error readSecret(const QString &key)
{
    auto *read = new QKeychain::ReadPasswordJob(QStringLiteral(PORTICO_APP_ID));
    read->setKey(key);
    QSignalSpy done(read, &QKeychain::Job::finished);
    read->start();
    if (!done.wait(10000))
        qFatal("the keychain never answered");
    return read->error();
}

// Every file under the app's config and cache folders that contains `needle`.
QStringList appFilesContaining(const QByteArray &needle)
{
    QStringList hits;
    for (const auto location :
        {QStandardPaths::GenericConfigLocation, QStandardPaths::GenericCacheLocation})
        hits += filesContaining(QStandardPaths::writableLocation(location), needle);
    return hits;
}
} // namespace

class TestSessionStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PorticoTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sessionstore"));
        QSettings().clear();
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("needs a D-Bus session with an unlocked keyring: run it through scripts/test");
    }
    void saveLoadRemove()
    {
        SessionStore store;
        const Session session
            = sample(QStringLiteral("@alice:example.org"), QStringLiteral("syt_SECRET_alice_123"));
        QSignalSpy saved(&store, &SessionStore::saved);
        QSignalSpy failed(&store, &SessionStore::failed);
        store.save(session);
        QVERIFY(saved.wait(10000));
        QCOMPARE(failed.size(), 0);

        // A second store, as after a restart, reads it back whole.
        SessionStore restarted;
        const QList<Session> sessions = loadAll(restarted);
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.first().userId, session.userId);
        QCOMPARE(sessions.first().deviceId, session.deviceId);
        QCOMPARE(sessions.first().baseUrl, session.baseUrl);
        QCOMPARE(sessions.first().accessToken, session.accessToken);
        QCOMPARE(sessions.first().refreshToken, session.refreshToken);
        QCOMPARE(sessions.first().loginMethod, session.loginMethod);

        // The tokens are in the keychain only, never in our files.
        QCOMPARE(appFilesContaining("syt_SECRET_alice_123"), QStringList());
        QVERIFY(!appFilesContaining("hs.example.org").isEmpty()); // the metadata is there

        QSignalSpy removed(&restarted, &SessionStore::removed);
        restarted.remove(sessions.first());
        QVERIFY(removed.wait(10000));
        QCOMPARE(loadAll(restarted).size(), 0);
        // And the secret is gone from the keychain too.
        QCOMPARE(readSecret(session.key()), QKeychain::EntryNotFound);
    }
    // What the window shows before the keychain answers: the settings' part of each session,
    // at once, without its tokens; loadSecrets() then reads only the sessions it is given.
    void storedSessionsComeFromTheSettingsAlone()
    {
        SessionStore store;
        const Session alice
            = sample(QStringLiteral("@alice:example.org"), QStringLiteral("syt_SECRET_alice_9"));
        const Session bob
            = sample(QStringLiteral("@bob:example.org"), QStringLiteral("syt_SECRET_bob_9"));
        QSignalSpy saved(&store, &SessionStore::saved);
        store.save(alice);
        store.save(bob);
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 10000);

        SessionStore restarted;
        QSignalSpy loaded(&restarted, &SessionStore::loaded);
        QSignalSpy failed(&restarted, &SessionStore::failed);
        const QList<Session> stored = restarted.storedSessions();
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(0).key(), alice.key());
        QCOMPARE(stored.at(0).baseUrl, alice.baseUrl);
        QCOMPARE(stored.at(0).loginMethod, alice.loginMethod);
        QCOMPARE(stored.at(1).key(), bob.key());
        for (const Session &s : stored) {
            QVERIFY(s.accessToken.isEmpty());
            QVERIFY(s.refreshToken.isEmpty());
            QVERIFY(!s.isValid()); // not usable until its tokens are read
        }
        QCOMPARE(loaded.size(), 0); // nothing was asked of the keychain

        restarted.loadSecrets({stored.at(1)});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        const QList<Session> read = loaded.first().first().value<QList<Session>>();
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().key(), bob.key());
        QCOMPARE(read.first().accessToken, bob.accessToken);
        QCOMPARE(read.first().refreshToken, bob.refreshToken);
        QCOMPARE(failed.size(), 0);

        QSignalSpy removed(&restarted, &SessionStore::removed);
        restarted.remove(alice);
        restarted.remove(bob);
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 2, 10000);
        QCOMPARE(restarted.storedSessions().size(), 0);
    }
    void oauthSessionKeepsWhatRefreshNeeds()
    {
        SessionStore store;
        Session session
            = sample(QStringLiteral("@olive:example.org"), QStringLiteral("mat_SECRET_olive_1"));
        session.api = Session::Api::OAuth;
        session.oauthIssuer = QUrl(QStringLiteral("https://auth.example.org/"));
        session.oauthClientId = QStringLiteral("01JCLIENT");
        session.oauthTokenEndpoint = QUrl(QStringLiteral("https://auth.example.org/oauth2/token"));
        session.oauthRevocationEndpoint
            = QUrl(QStringLiteral("https://auth.example.org/oauth2/revoke"));
        QSignalSpy saved(&store, &SessionStore::saved);
        store.save(session);
        QVERIFY(saved.wait(10000));

        SessionStore restarted;
        const QList<Session> sessions = loadAll(restarted);
        const auto found = std::find_if(sessions.cbegin(), sessions.cend(),
            [&](const Session &s) { return s.key() == session.key(); });
        QVERIFY(found != sessions.cend());
        QVERIFY(found->isOAuth());
        QCOMPARE(found->oauthIssuer, session.oauthIssuer);
        QCOMPARE(found->oauthClientId, session.oauthClientId);
        QCOMPARE(found->oauthTokenEndpoint, session.oauthTokenEndpoint);
        QCOMPARE(found->oauthRevocationEndpoint, session.oauthRevocationEndpoint);
        QCOMPARE(found->refreshToken, session.refreshToken);
        QCOMPARE(appFilesContaining("mat_SECRET_olive_1"), QStringList());

        // Signed in again through the legacy API: nothing of the OAuth session is left.
        Session legacy = session;
        legacy.api = Session::Api::Legacy;
        QSignalSpy savedAgain(&restarted, &SessionStore::saved);
        restarted.save(legacy);
        QVERIFY(savedAgain.wait(10000));
        for (const Session &s : loadAll(restarted))
            if (s.key() == session.key())
                QVERIFY(!s.isOAuth());
        QVERIFY(appFilesContaining("oauth2/token").isEmpty());
        QSignalSpy removed(&restarted, &SessionStore::removed);
        restarted.remove(legacy);
        QVERIFY(removed.wait(10000));
    }
    void aStoreClosedMidSaveLeavesNoHalfSession()
    {
        // The app quitting while the keychain writes: the job finishes on its own (under ASan a
        // job deleted with its store is a use after free in the Secret Service's callback),
        // and without the metadata written after it the session is simply not there at the
        // next start, rather than half there.
        const Session session
            = sample(QStringLiteral("@quit:example.org"), QStringLiteral("syt_quitting"));
        auto *store = new SessionStore;
        QSignalSpy saved(store, &SessionStore::saved);
        store->save(session);
        delete store;
        QCOMPARE(saved.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(readSecret(session.key()), QKeychain::NoError, 10000);
        SessionStore restarted;
        QCOMPARE(loadAll(restarted).size(), 0);
        QCOMPARE(appFilesContaining("@quit"), QStringList());
        // The orphaned secret goes with the next removal of that session.
        QSignalSpy removed(&restarted, &SessionStore::removed);
        restarted.remove(session);
        QVERIFY(removed.wait(10000));
        QCOMPARE(readSecret(session.key()), QKeychain::EntryNotFound);
    }
    void twoAccounts()
    {
        SessionStore store;
        QSignalSpy saved(&store, &SessionStore::saved);
        store.save(sample(QStringLiteral("@a:one.org"), QStringLiteral("tokA")));
        QVERIFY(saved.wait(10000));
        store.save(sample(QStringLiteral("@b:two.org"), QStringLiteral("tokB")));
        QVERIFY(saved.wait(10000));
        const QList<Session> sessions = loadAll(store);
        QCOMPARE(sessions.size(), 2);
        QCOMPARE(sessions[0].accessToken, QStringLiteral("tokA"));
        QCOMPARE(sessions[1].accessToken, QStringLiteral("tokB"));
        QSignalSpy removed(&store, &SessionStore::removed);
        for (const Session &s : sessions)
            store.remove(s);
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 2, 10000);
    }
    void settingsWithoutSecretAreKept()
    {
        // A locked keyring answers "not found": the entry must survive for a later unlock.
        {
            QSettings settings;
            settings.setValue(
                QStringLiteral("sessionKeys"), QStringList{QStringLiteral("@c:x.org/D")});
            settings.setValue(
                QStringLiteral("sessions/%40c%3Ax.org%2FD/userId"), QStringLiteral("@c:x.org"));
            settings.setValue(
                QStringLiteral("sessions/%40c%3Ax.org%2FD/deviceId"), QStringLiteral("D"));
        }
        SessionStore store;
        QCOMPARE(loadAll(store).size(), 0);
        QCOMPARE(QSettings().value(QStringLiteral("sessionKeys")).toStringList().size(), 1);
        QSettings().clear();
    }
    void memoryOnlyWritesNothing()
    {
        SessionStore store(SessionStore::Persistence::MemoryOnly);
        QSignalSpy saved(&store, &SessionStore::saved);
        store.save(sample(QStringLiteral("@e:x.org"), QStringLiteral("ephemeralTOKEN")));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(loadAll(store).size(), 1);
        QCOMPARE(appFilesContaining("x.org"), QStringList());
        QCOMPARE(loadAll(*new SessionStore(SessionStore::Persistence::Keychain, this)).size(), 0);
    }
    void keychainErrorsAreSorted()
    {
        using Reason = StoreError::Reason;
        QCOMPARE(storeErrorFrom(QKeychain::OtherError,
                     QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY"))
                     .reason,
            Reason::NoKeychain);
        QCOMPARE(storeErrorFrom(QKeychain::OtherError,
                     QStringLiteral(
                         "The name org.freedesktop.secrets was not provided by any .service files"))
                     .reason,
            Reason::NoKeychain);
        QCOMPARE(storeErrorFrom(QKeychain::OtherError,
                     QStringLiteral(
                         "Object does not exist at path /org/freedesktop/secrets/collection/login"))
                     .reason,
            Reason::Locked);
        QCOMPARE(storeErrorFrom(QKeychain::AccessDenied,
                     QStringLiteral("Cannot create an item in a locked collection"))
                     .reason,
            Reason::Locked);
        QCOMPARE(
            storeErrorFrom(QKeychain::AccessDeniedByUser, QString()).reason, Reason::AccessDenied);
        QCOMPARE(
            storeErrorFrom(QKeychain::NoBackendAvailable, QString()).reason, Reason::NoKeychain);
        QCOMPARE(storeErrorFrom(QKeychain::OtherError,
                     QStringLiteral("Could not connect: No such file or directory"))
                     .reason,
            Reason::NoKeychain);
        QCOMPARE(storeErrorFrom(QKeychain::OtherError,
                     QStringLiteral("Error calling StartServiceByName for org.freedesktop.secrets: "
                                    "Timeout was reached"))
                     .reason,
            Reason::NoKeychain);
        QCOMPARE(
            storeErrorFrom(QKeychain::OtherError, QStringLiteral("weird")).reason, Reason::Other);
    }
};

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
