// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: the app binary killed (SIGKILL) while it waits for the browser, the user's login
// token already issued, then started again. Nothing half-written may survive: no session in the
// keychain or the settings, the token never exchanged, and the next start signs in cleanly.
#include "appdriver.h"
#include "devserver.h"
#include "devsession.h"
#include "scriptedbrowser.h"
#include "session/sessionstore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {
// The sessions the app's store holds (the app's settings, the private Secret Service).
QList<Portico::Session::Session> storedSessions()
{
    Portico::Session::SessionStore store(Portico::Session::SessionStore::Persistence::Keychain);
    QSignalSpy loaded(&store, &Portico::Session::SessionStore::loaded);
    store.loadAll();
    if (loaded.isEmpty() && !loaded.wait(10000))
        qFatal("the session store never answered");
    return loaded.first().first().value<QList<Portico::Session::Session>>();
}

int loginPosts(const DevServer &server)
{
    int count = 0;
    for (const auto &request : server.requestLog())
        if (request.method == "POST" && request.path.endsWith(u"/login"))
            ++count;
    return count;
}
} // namespace

class TestE2eKilled : public QObject
{
    Q_OBJECT

    QTemporaryDir scratch;
    QNetworkAccessManager network;
    AppDriver driver{scratch};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        if (qEnvironmentVariableIsEmpty("DISPLAY")
            || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL(
                "needs a display and a D-Bus session with a keyring: run it through scripts/test");
        // This process reads the app's store: the same settings folder and names as the app.
        qputenv("XDG_CONFIG_HOME", scratch.filePath(QStringLiteral("config")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("Portico"));
        QCoreApplication::setApplicationName(QStringLiteral("Portico"));
        qRegisterMetaType<QList<Portico::Session::Session>>();
    }

    void killedWhileWaitingForTheBrowserStartsClean()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true; // the server answers the redirect with the login token
        DevServer server(config);
        QVERIFY(server.start());
        QCOMPARE(storedSessions().size(), 0);

        auto app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
            QStringLiteral("--idp"), QStringLiteral("github")});
        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY2(opened.isValid(), "the app never opened the browser");

        // The browser signs the user in: the server issues a login token and redirects to the
        // app's listener...
        QNetworkRequest request(opened);
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        const QUrl callback(QString::fromUtf8(reply->rawHeader("Location")));
        reply->deleteLater();
        const QString loginToken = QUrlQuery(callback).queryItemValue(QStringLiteral("loginToken"));
        QVERIFY(!loginToken.isEmpty());
        QCOMPARE(callback.host(), QStringLiteral("127.0.0.1"));

        // ...but the app is killed before the callback arrives.
        app->kill();
        QVERIFY(app->waitForFinished(10000));
        QCOMPARE(app->exitStatus(), QProcess::CrashExit);

        // Nothing listens for the callback any more, and nothing was kept.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(callback.port()));
        QVERIFY(!socket.waitForConnected(2000));
        QCOMPARE(storedSessions().size(), 0);
        QCOMPARE(filesContaining(scratch.path(), loginToken.toUtf8()), QStringList());
        QCOMPARE(filesContaining(scratch.path(), "@alice"), QStringList());
        // The token was never exchanged: no login request, no device.
        QCOMPARE(loginPosts(server), 0);
        QVERIFY(server.devicesOf(QStringLiteral("@alice:localhost")).isEmpty());

        // The next start is clean: it signs in anew (its instance socket is left over from the
        // killed one) and the store then holds exactly that session.
        driver.forgetOpenedUrls();
        auto again = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
            QStringLiteral("--idp"), QStringLiteral("github")});
        const QUrl openedAgain = driver.waitForOpenedUrl();
        QVERIFY2(openedAgain.isValid(), "the restarted app never opened the browser");
        QVERIFY(QUrlQuery(openedAgain).queryItemValue(QStringLiteral("redirectUrl"))
            != QUrlQuery(opened).queryItemValue(QStringLiteral("redirectUrl")));
        QString output;
        const QStringList signedIn = AppDriver::signInInBrowser(*again, openedAgain, output);
        QVERIFY2(!signedIn.isEmpty(), qPrintable(output));
        QCOMPARE(loginPosts(server), 1);
        QCOMPARE(
            server.devicesOf(QStringLiteral("@alice:localhost")), QStringList{signedIn.value(2)});
        AppDriver::stop(*again);
        const auto sessions = storedSessions();
        QCOMPARE(sessions.size(), 1);
        QCOMPARE(sessions.first().deviceId, signedIn.value(2));

        // The old token stays unused: it was issued for an attempt that no longer exists.
        QCOMPARE(filesContaining(scratch.path(), loginToken.toUtf8()), QStringList());
        Portico::Session::SessionStore cleanup;
        QSignalSpy removed(&cleanup, &Portico::Session::SessionStore::removed);
        cleanup.remove(sessions.first());
        QVERIFY(removed.wait(10000) || removed.size() == 1);
    }
};

QTEST_MAIN(TestE2eKilled)
#include "tst_e2e_killed.moc"
