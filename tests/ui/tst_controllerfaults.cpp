// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Faults of docs/reliability.md seen from the login controller (what the user sees): DNS
// failure, and a server error on every step of signing in and staying signed in.
#include "logincontroller.h"

#include "devserver.h"
#include "scriptedbrowser.h"
#include "session/sessionstore.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <qt6keychain/keychain.h>

using namespace Portico;
using Page = Ui::LoginController::Page;

namespace {
DevServer::Config withFault(const QString &key, int status, int times = -1)
{
    DevServer::Config config = DevServer::Config::demo();
    DevServer::Config::Fault fault;
    fault.status = status;
    // What a proxy in front of a broken homeserver answers.
    fault.body = "<html><body>Bad gateway</body></html>";
    fault.contentType = "text/html";
    fault.times = times;
    config.faults.insert(key, fault);
    return config;
}

QList<Session::Session> storedIn(Session::SessionStore &store)
{
    QSignalSpy loaded(&store, &Session::SessionStore::loaded);
    store.loadAll();
    if (loaded.isEmpty() && !loaded.wait(5000))
        qFatal("the store never answered");
    return loaded.first().first().value<QList<Session::Session>>();
}
} // namespace

class TestControllerFaults : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

    // Signs in through the demo server's IdP page, as the user would.
    static bool signIn(
        Ui::LoginController &controller, ScriptedBrowser &browser, const DevServer &server)
    {
        controller.ssoLogin().setBrowserLauncher(browser.launcher());
        QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);
        controller.setAutoProvider(QStringLiteral("github"));
        controller.discover(server.baseUrl().toString());
        return signedIn.wait(15000);
    }

private Q_SLOTS:
    // Each run gets a fresh keyring but keeps this test's settings folder: a session left there
    // by an earlier run (its secret gone with that keyring) would be restored as an account.
    void initTestCase() { QSettings().clear(); }
    void dnsFailureIsExplained_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("url") << QStringLiteral("https://portico-test.invalid");
        QTest::newRow("server name") << QStringLiteral("portico-test.invalid");
        QTest::newRow("matrix id") << QStringLiteral("@alice:portico-test.invalid");
    }
    void dnsFailureIsExplained()
    {
        QFETCH(QString, typed);
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.discover(typed);
        QVERIFY(controller.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 15000);
        QCOMPARE(controller.page(), Page::Server);
        QVERIFY2(controller.errorText().contains(QStringLiteral("could not be found")),
            qPrintable(controller.errorText()));
        QCOMPARE(controller.providers()->rowCount(), 0);
    }

    void serverErrorWhileLookingUp_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        for (const int status : {500, 502, 503}) {
            QTest::addRow("versions %d", status)
                << QStringLiteral("/_matrix/client/versions") << status;
            QTest::addRow("login flows %d", status)
                << QStringLiteral("/_matrix/client/v3/login") << status;
        }
    }
    void serverErrorWhileLookingUp()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        DevServer server(withFault(path, status, 1));
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.discover(server.baseUrl().toString());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 15000);
        QCOMPARE(controller.page(), Page::Server);
        QVERIFY2(controller.errorText().contains(QStringLiteral("HTTP %1").arg(status)),
            qPrintable(controller.errorText()));
        // The server recovers: trying again works.
        controller.discover(server.baseUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        QVERIFY(controller.errorText().isEmpty());
    }

    void brokenAnswersWhileLookingUp_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("redirectTo");
        QTest::addColumn<QString>("message");
        QTest::newRow("flows not json") << QStringLiteral("/_matrix/client/v3/login") << 200
                                        << QByteArray("<html>maintenance</html>") << QString()
                                        << QStringLiteral("does not understand");
        QTest::newRow("flows malformed")
            << QStringLiteral("/_matrix/client/v3/login") << 200 << QByteArray("{\"flows\": 3}")
            << QString() << QStringLiteral("does not understand");
        QTest::newRow("flows oversized")
            << QStringLiteral("/_matrix/client/v3/login") << 200
            << QByteArray("{\"flows\":[],\"pad\":\"" + QByteArray(5 * 1024 * 1024, 'x') + "\"}")
            << QString() << QStringLiteral("more data than expected");
        QTest::newRow("versions redirect loop")
            << QStringLiteral("/_matrix/client/versions") << 0 << QByteArray()
            << QStringLiteral("/_matrix/client/versions") << QStringLiteral("could not be reached");
        QTest::newRow("flows rate limited for long")
            << QStringLiteral("/_matrix/client/v3/login") << 429
            << QByteArray("{\"errcode\":\"M_LIMIT_EXCEEDED\",\"retry_after_ms\":600000}")
            << QString() << QStringLiteral("busy");
    }
    void brokenAnswersWhileLookingUp()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, redirectTo);
        QFETCH(QString, message);
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault fault;
        fault.status = status;
        fault.body = body;
        fault.redirectTo = redirectTo;
        config.faults.insert(path, fault);
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.discover(server.baseUrl().toString());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 15000);
        QCOMPARE(controller.page(), Page::Server);
        QVERIFY2(controller.errorText().contains(message), qPrintable(controller.errorText()));
        QCOMPARE(controller.providers()->rowCount(), 0);
    }

    void serverErrorWhenTheTokenIsExchanged()
    {
        DevServer server(withFault(QStringLiteral("POST /_matrix/client/v3/login"), 500));
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        controller.ssoLogin().setBrowserLauncher(browser.launcher());
        QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);
        controller.setAutoProvider(QStringLiteral("github"));
        controller.discover(server.baseUrl().toString());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.errorText().isEmpty(), 15000);
        QVERIFY2(controller.errorText().contains(QStringLiteral("500")),
            qPrintable(controller.errorText()));
        QCOMPARE(controller.page(), Page::Providers);
        QVERIFY(!controller.busy());
        QVERIFY(signedIn.isEmpty());
        QVERIFY(storedIn(store).isEmpty());
        QVERIFY(server.devicesOf(QStringLiteral("@alice:localhost")).isEmpty());
    }

    void serverErrorWhenAStoredSessionIsChecked()
    {
        DevServer server(withFault(QStringLiteral("/_matrix/client/v3/account/whoami"), 503));
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        {
            Ui::LoginController first(network, store);
            ScriptedBrowser browser;
            QVERIFY(signIn(first, browser, server));
        }
        QCOMPARE(storedIn(store).size(), 1);

        // The next start shows the stored session, and a server hiccup does not end it.
        // Declared before the controller: requests it cancels when destroyed (its profile's)
        // still finish into this list.
        QStringList answeredPaths; // read when answered: replies are deleted later
        Ui::LoginController controller(network, store);
        QSignalSpy restored(&controller, &Ui::LoginController::sessionRestored);
        QSignalSpy verified(&controller, &Ui::LoginController::sessionVerified);
        connect(&network, &QNetworkAccessManager::finished, &controller,
            [&answeredPaths](QNetworkReply *reply) { answeredPaths.append(reply->url().path()); });
        controller.restore();
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 15000);
        // whoami answered 503, and the controller has seen it. Counted, not waited for: the answer
        // may already have come while the line above waited.
        QTRY_VERIFY_WITH_TIMEOUT(
            answeredPaths.contains(QStringLiteral("/_matrix/client/v3/account/whoami")), 15000);
        // Asked once (the profile's requests may come around it).
        int whoamis = 0;
        for (const auto &request : server.requestLog())
            whoamis += request.path == u"/_matrix/client/v3/account/whoami";
        QCOMPARE(whoamis, 1);
        QCOMPARE(controller.page(), Page::SignedIn);
        QVERIFY(verified.isEmpty());
        QCOMPARE(storedIn(store).size(), 1);
        QVERIFY(controller.noticeText().isEmpty());
    }

    // The signed-in page is shown from the settings, then the keychain does not give the token
    // (a keyring locked since, or emptied): the user is told what to do, no request goes out
    // without a token, and the account stays stored for the next start.
    void keychainGivesNoTokenAfterThePageIsShown()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        QString key;
        {
            Session::SessionStore store; // the real keychain
            Ui::LoginController first(network, store);
            ScriptedBrowser browser;
            QVERIFY(signIn(first, browser, server));
            key = first.userId() + u'/' + first.deviceId();
        }
        {
            // Gone from the keychain behind Portico's back: what a locked keyring answers, too.
            auto *job = new QKeychain::DeletePasswordJob(QStringLiteral(PORTICO_APP_ID));
            job->setKey(key);
            QSignalSpy done(job, &QKeychain::Job::finished);
            job->start();
            QVERIFY(done.wait(10000));
            QCOMPARE(job->error(), QKeychain::NoError);
        }
        server.clearRequestLog();
        Session::SessionStore store;
        Ui::LoginController controller(network, store);
        QSignalSpy unreadable(&controller, &Ui::LoginController::secretsUnreadable);
        controller.restore();
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));
        controller.retryVerification(); // no token yet: nothing is asked
        controller.showDevices();
        QCOMPARE(controller.page(), Page::Devices);
        QTRY_COMPARE_WITH_TIMEOUT(unreadable.size(), 1, 15000);
        QCOMPARE(unreadable.first().at(0).toStringList(),
            QStringList{QStringLiteral("@alice:localhost")});
        QCOMPARE(unreadable.first().at(1).toString(), QStringLiteral("not-found"));
        QCOMPARE(controller.page(), Page::Server);
        QVERIFY2(controller.errorText().contains(QStringLiteral("keychain"))
                && controller.errorText().contains(QStringLiteral("@alice:localhost"))
                && controller.errorText().contains(QStringLiteral("still kept")),
            qPrintable(controller.errorText()));
        QCOMPARE(controller.accounts()->rowCount(), 0);
        QVERIFY(!controller.busy());
        QCOMPARE(server.requestLog().size(), 0);
        // Still stored: the next start with the keychain open brings it back.
        const QList<Session::Session> kept = store.storedSessions();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().key(), key);

        // Leave the settings as we found them (the secret is gone already).
        QSignalSpy removed(&store, &Session::SessionStore::removed);
        store.remove(kept.first());
        QVERIFY(removed.wait(10000));
    }

    // The server failed to sign the device out: the device would stay signed in there, so
    // Portico asks before forgetting the session here; yes forgets it.
    void serverErrorWhenSigningOutAsksThenSignsOut()
    {
        DevServer server(withFault(QStringLiteral("/_matrix/client/v3/logout"), 500));
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        QVERIFY(signIn(controller, browser, server));
        QCOMPARE(storedIn(store).size(), 1);
        controller.signOut();
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 15000);
        QVERIFY(!controller.signOutQuestion().isEmpty());
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(storedIn(store).size(), 1);
        controller.confirmSignOut();
        QCOMPARE(controller.page(), Page::Providers);
        QVERIFY(controller.userId().isEmpty());
        QVERIFY(storedIn(store).isEmpty()); // the user said yes: the local session goes
        // Logout was asked (once: saying yes does not ask again); the profile's requests may
        // come around it.
        int logouts = 0;
        for (const auto &request : server.requestLog())
            logouts += request.path == u"/_matrix/client/v3/logout";
        QCOMPARE(logouts, 1);
    }
};

QTEST_MAIN(TestControllerFaults)
#include "tst_controllerfaults.moc"
