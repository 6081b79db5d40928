// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: the built `portico` binary on a real display (Xvfb), the development homeserver,
// the real Secret Service of the private D-Bus session, and a browser: scripted, or Chromium.
#include "appdriver.h"
#include "devserver.h"
#include "devsession.h"
#include "scriptedbrowser.h"
#include "storedsecret.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {
QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestE2eSignIn : public QObject
{
    Q_OBJECT

    QTemporaryDir scratch;
    QNetworkAccessManager network;

    AppDriver driver{scratch};

    // Checks that the session the app reported is in the Secret Service, works on the server,
    // and is nowhere in the app's files.
    void verifyStoredSession(const DevServer &server, const QStringList &signedIn)
    {
        QCOMPARE(signedIn.value(1), QStringLiteral("@alice:localhost"));
        QCOMPARE(signedIn.value(3), server.baseUrl().toString());
        const QString deviceId = signedIn.value(2);
        QVERIFY(server.devicesOf(QStringLiteral("@alice:localhost")).contains(deviceId));
        const QJsonObject secret = storedSecret(QStringLiteral("@alice:localhost/") + deviceId);
        const QString accessToken = secret.value(u"access_token").toString();
        QVERIFY2(!accessToken.isEmpty(), "no session in the Secret Service");
        QVERIFY(server.isAccessTokenValid(accessToken));
        QCOMPARE(filesContaining(scratch.path(), accessToken.toUtf8()), QStringList());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        if (qEnvironmentVariableIsEmpty("DISPLAY")
            || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL(
                "needs a display and a D-Bus session with a keyring: run it through scripts/test");
    }

    void init() { driver.forgetOpenedUrls(); }

    void signInWithScriptedBrowserThenRestore()
    {
        DevServer server(DevServer::Config::demo()); // with its IdP page
        QVERIFY(server.start());
        auto app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
            QStringLiteral("--idp"), QStringLiteral("github")});

        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY2(opened.isValid(), "the app never opened the browser");
        QCOMPARE(opened.path(), QStringLiteral("/_matrix/client/v3/login/sso/redirect/github"));
        const QUrl redirect(
            QUrlQuery(opened).queryItemValue(QStringLiteral("redirectUrl"), QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(redirect.path().startsWith(QStringLiteral("/callback/")));

        // The user signs in at the IdP page; the browser lands on Portico's listener.
        ScriptedBrowser browser;
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        browser.open(opened);
        QVERIFY(finished.wait(20000));
        const auto page = finished.first().first().value<ScriptedBrowser::Page>();
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("close this tab"));
        QVERIFY(browser.visited().size() >= 4); // redirect, IdP page, approve, listener

        QString output;
        const QStringList signedIn
            = AppDriver::waitForLine(*app, QStringLiteral("signed-in"), output);
        QVERIFY2(!signedIn.isEmpty(),
            qPrintable(output + QString::fromUtf8(app->readAllStandardError())));
        verifyStoredSession(server, signedIn);
        // No token in what the app printed or logged.
        const QString token = storedSecret(QStringLiteral("@alice:localhost/") + signedIn.value(2))
                                  .value(u"access_token")
                                  .toString();
        const QString log = output + QString::fromUtf8(app->readAllStandardError());
        QVERIFY(!log.contains(token));
        QVERIFY(!log.contains(QStringLiteral("loginToken=")));
        AppDriver::stop(*app);

        // A second start restores the session from the keychain and checks it with the server.
        server.clearRequestLog();
        driver.forgetOpenedUrls();
        auto again = driver.launch({});
        QString output2;
        const QStringList verified
            = AppDriver::waitForLine(*again, QStringLiteral("verified"), output2);
        QVERIFY2(!verified.isEmpty(),
            qPrintable(output2 + QString::fromUtf8(again->readAllStandardError())));
        QCOMPARE(verified.value(1), QStringLiteral("@alice:localhost"));
        QCOMPARE(verified.value(2), signedIn.value(2));
        // One whoami with the restored token; besides it only who the user is (the profile, and
        // the avatar when the first run had not kept it yet).
        const auto requests = server.requestLog();
        QStringList paths;
        for (const auto &request : requests) {
            paths << request.path;
            if (request.path == u"/_matrix/client/v3/account/whoami")
                QVERIFY(request.authenticated);
        }
        QCOMPARE(paths.count(QStringLiteral("/_matrix/client/v3/account/whoami")), 1);
        for (const QString &path : paths)
            QVERIFY2(path == u"/_matrix/client/v3/account/whoami"
                    || path.startsWith(u"/_matrix/client/v3/profile/")
                    || path == u"/_matrix/client/versions"
                    || path.startsWith(u"/_matrix/client/v1/media/thumbnail/"),
                qPrintable(paths.join(u' ')));
        QVERIFY(readFile(driver.openedUrlsLog()).isEmpty());
        AppDriver::stop(*again);
    }

    // MSC1730: the portal signs the user in and names the homeserver that holds the session;
    // from the login POST on, every request goes there and none to the portal.
    void signInThroughPortal()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer target(config);
        QVERIFY(target.start());
        config.portal = true;
        config.loginBaseUrl = target.baseUrl().toString();
        DevServer portal(config);
        portal.shareSessionsWith(target);
        QVERIFY(portal.start());

        auto app = driver.launch({QStringLiteral("--server"), portal.baseUrl().toString(),
            QStringLiteral("--idp"), QStringLiteral("github")});
        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY(opened.isValid());
        QString output;
        const QStringList signedIn = AppDriver::signInInBrowser(*app, opened, output);
        QVERIFY2(!signedIn.isEmpty(), qPrintable(output));
        QCOMPARE(signedIn.value(3), target.baseUrl().toString());
        AppDriver::stop(*app);

        // The portal's last client-server request is the login POST...
        // The login page's provider icons are media downloads from the portal and may still be
        // in flight; no client-server API request may follow the login POST there.
        const auto portalLog = portal.requestLog();
        qsizetype loginAt = -1;
        for (qsizetype i = 0; i < portalLog.size(); ++i)
            if (portalLog[i].method == "POST" && portalLog[i].path == u"/_matrix/client/v3/login")
                loginAt = i;
        QVERIFY(loginAt >= 0);
        for (qsizetype i = loginAt + 1; i < portalLog.size(); ++i)
            QVERIFY2(
                !portalLog[i].path.startsWith(u"/_matrix/client/"), qPrintable(portalLog[i].path));
        for (const auto &request : portalLog)
            QVERIFY2(!request.authenticated, qPrintable(request.path));
        // ...and the target heard from the app only after it, with the new session.
        bool whoami = false;
        for (const auto &request : target.requestLog()) {
            QVERIFY2(request.path != QStringLiteral("/_matrix/client/v3/login"),
                "login went to the target");
            whoami |= request.path == QStringLiteral("/_matrix/client/v3/account/whoami")
                && request.authenticated;
        }
        QVERIFY(whoami);
        verifyStoredSession(target, signedIn);
    }

    // The browser cannot reach the loopback listener; the desktop hands a portico:// link to a
    // second `portico` process, which passes it to the running one and exits.
    void linkHandedToTheRunningInstance()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        auto app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
            QStringLiteral("--idp"), QStringLiteral("gitlab")});
        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY(opened.isValid());
        const QUrl redirect(
            QUrlQuery(opened).queryItemValue(QStringLiteral("redirectUrl"), QUrl::FullyDecoded));

        // The IdP hands out a token for the portico:// address of the same attempt.
        const QString portico = QStringLiteral("portico://sso") + redirect.path();
        ScriptedBrowser browser;
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        QUrl viaScheme = opened;
        QUrlQuery query;
        query.addQueryItem(
            QStringLiteral("redirectUrl"), QString::fromLatin1(QUrl::toPercentEncoding(portico)));
        viaScheme.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
        browser.open(viaScheme);
        QVERIFY(finished.wait(20000));
        const QString link = browser.visited().last().toString();
        QVERIFY2(link.startsWith(portico + QStringLiteral("?loginToken=")), qPrintable(link));

        auto second = driver.launch({link});
        QVERIFY(second->waitForFinished(20000));
        QCOMPARE(second->exitStatus(), QProcess::NormalExit);
        QCOMPARE(second->exitCode(), 0);

        QString output;
        const QStringList signedIn
            = AppDriver::waitForLine(*app, QStringLiteral("signed-in"), output);
        QVERIFY2(!signedIn.isEmpty(),
            qPrintable(output + QString::fromUtf8(app->readAllStandardError())));
        verifyStoredSession(server, signedIn);
        AppDriver::stop(*app);
    }

    // Launching Portico again (from the menu, say) brings the running window to the front: the
    // second process asks the first over the instance channel and exits at once, without a
    // window of its own.
    void plainSecondLaunchActivatesTheRunningInstance()
    {
        auto first = driver.launch({});
        QString output;
        QVERIFY2(!AppDriver::waitForLine(*first, QStringLiteral("ready"), output).isEmpty(),
            qPrintable(output + QString::fromUtf8(first->readAllStandardError())));
        QVERIFY(!output.contains(QStringLiteral("activated")));

        auto second = driver.launch({});
        QVERIFY(second->waitForFinished(20000));
        QCOMPARE(second->exitStatus(), QProcess::NormalExit);
        QCOMPARE(second->exitCode(), 0);
        const QString secondOutput = QString::fromUtf8(second->readAllStandardOutput());
        QVERIFY2(!secondOutput.contains(QStringLiteral("ready")), qPrintable(secondOutput));

        QVERIFY2(!AppDriver::waitForLine(*first, QStringLiteral("activated"), output).isEmpty(),
            qPrintable(output + QString::fromUtf8(first->readAllStandardError())));
        QCOMPARE(first->state(), QProcess::Running);
        AppDriver::stop(*first);
    }

    void signInWithHeadlessChromium()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("chromium")).isEmpty())
            QFAIL("chromium is not installed: scripts/test installs it");
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true; // Chromium only follows redirects; nobody fills a form
        config.defaultUser = QStringLiteral("alice");
        DevServer server(config);
        QVERIFY(server.start());
        auto app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
                                     QStringLiteral("--idp"), QStringLiteral("keycloak")},
            QStringLiteral("chromium"));

        QString output;
        const QStringList signedIn
            = AppDriver::waitForLine(*app, QStringLiteral("signed-in"), output);
        QVERIFY2(!signedIn.isEmpty(),
            qPrintable(output + QString::fromUtf8(app->readAllStandardError())
                + readFile(scratch.filePath(QStringLiteral("chromium.log")))));
        verifyStoredSession(server, signedIn);
        // Chromium itself reached the listener and rendered our page.
        QString dom;
        (void)QTest::qWaitFor(
            [&] {
                dom = readFile(scratch.filePath(QStringLiteral("final-page.html")));
                return !dom.isEmpty();
            },
            30000);
        QVERIFY2(dom.contains(QStringLiteral("close this tab")), qPrintable(dom));
        AppDriver::stop(*app);
    }
};

QTEST_GUILESS_MAIN(TestE2eSignIn)
#include "tst_e2e_signin.moc"
