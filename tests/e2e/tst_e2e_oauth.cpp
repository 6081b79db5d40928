// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end through the OAuth 2.0 API: the built `portico` binary on Xvfb, the development
// homeserver in its strict MAS-like OAuth mode, the Secret Service of the private D-Bus session,
// and the scripted browser or headless Chromium. Sign in through the loopback redirect, restart
// (restored with one refresh at most), sign out (both tokens revoked at the server); the same
// sign-in in Chromium; and the private-use-scheme fallback (`--no-loopback`), whose
// dev.portico:/callback link the desktop hands to the running Portico through a second start.
#include "appdriver.h"
#include "devoauth.h"
#include "devserver.h"
#include "devsession.h"
#include "scriptedbrowser.h"
#include "storedsecret.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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

class TestE2eOAuth : public QObject
{
    Q_OBJECT

    QTemporaryDir scratch;
    AppDriver driver{scratch};

    // The server's OAuth mode approving as alice without a consent page.
    static std::unique_ptr<DevServer> oauthServer()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.oauth = true;
        auto server = std::make_unique<DevServer>(config);
        if (!server->start())
            return nullptr;
        server->oauth()->options().skipConsent = true;
        return server;
    }
    // The app's "signed-in" line, and the session it stored: alice, a device ID of at least 10
    // characters, the tokens in the Secret Service.
    void expectSignedIn(QProcess &app, DevServer &server, QString *deviceOut = nullptr)
    {
        QString output;
        const QStringList signedIn
            = AppDriver::waitForLine(app, QStringLiteral("signed-in"), output);
        QVERIFY2(!signedIn.isEmpty(),
            qPrintable(output + QString::fromUtf8(app.readAllStandardError())
                + readFile(scratch.filePath(QStringLiteral("chromium.log")))));
        QCOMPARE(signedIn.value(1), QStringLiteral("@alice:localhost"));
        const QString device = signedIn.value(2);
        QVERIFY(device.size() >= 10);
        QVERIFY(server.devicesOf(signedIn.value(1)).contains(device));
        const QJsonObject secret = storedSecret(signedIn.value(1) + u'/' + device);
        QVERIFY2(server.isAccessTokenValid(secret.value(u"access_token").toString()),
            "no working session in the Secret Service");
        if (deviceOut)
            *deviceOut = device;
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

    void signInRestoreSignOut()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.oauth = true;
        DevServer server(config);
        QVERIFY(server.start());
        DevOAuth &oauth = *server.oauth();
        oauth.options().skipConsent = true; // the consent page is DevOAuth's own tests' work
        oauth.options().accessTokenLifetimeMs = 4000;

        // --idp on an OAuth server continues with its own page.
        auto app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
            QStringLiteral("--idp"), QStringLiteral("continue")});
        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY2(opened.isValid(),
            qPrintable(
                QString::fromUtf8(app->readAllStandardOutput() + app->readAllStandardError())));
        QCOMPARE(opened.path(),
            QUrl(oauth.metadata().value(u"authorization_endpoint").toString()).path());
        const QUrlQuery query(opened);
        const QUrl redirect(
            query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QCOMPARE(redirect.scheme(), QStringLiteral("http"));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(redirect.port() > 0);
        QCOMPARE(
            query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(query.queryItemValue(QStringLiteral("response_mode")), QStringLiteral("query"));
        QCOMPARE(oauth.registrationCount(), 1);

        // The server redirects to the loopback listener, which sends the browser on to its
        // success page: the code leaves the address bar.
        ScriptedBrowser browser;
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        browser.open(opened);
        QVERIFY(finished.wait(20000));
        const auto page = finished.first().first().value<ScriptedBrowser::Page>();
        QCOMPARE(page.status, 200);
        QVERIFY2(page.body.contains("close this tab"), page.body.constData());
        QCOMPARE(browser.visited().last().path(), QStringLiteral("/signed-in"));

        QString output;
        const QStringList signedIn
            = AppDriver::waitForLine(*app, QStringLiteral("signed-in"), output);
        QVERIFY2(!signedIn.isEmpty(),
            qPrintable(output + QString::fromUtf8(app->readAllStandardError())));
        const QString user = signedIn.value(1);
        const QString device = signedIn.value(2);
        QCOMPARE(user, QStringLiteral("@alice:localhost"));
        QVERIFY(device.size() >= 10);
        QCOMPARE(oauth.tokenRequests(QStringLiteral("authorization_code")), 1);
        const QJsonObject secret = storedSecret(user + u'/' + device);
        const QString accessToken = secret.value(u"access_token").toString();
        QVERIFY2(!accessToken.isEmpty(), "no session in the Secret Service");
        QVERIFY(!secret.value(u"refresh_token").toString().isEmpty());
        QCOMPARE(filesContaining(scratch.path(), accessToken.toUtf8()), QStringList());
        const QString log = output + QString::fromUtf8(app->readAllStandardError());
        QVERIFY(!log.contains(accessToken));
        QVERIFY(!log.contains(QStringLiteral("code=")));
        AppDriver::stop(*app);

        // Restart once the access token has expired: restored, with one refresh at most.
        QTRY_VERIFY_WITH_TIMEOUT(
            !server.isAccessTokenValid(
                storedSecret(user + u'/' + device).value(u"access_token").toString()),
            15000);
        const int refreshesBefore = oauth.tokenRequests(QStringLiteral("refresh_token"));
        server.clearRequestLog();
        auto again = driver.launch({});
        QString output2;
        const QStringList verified
            = AppDriver::waitForLine(*again, QStringLiteral("verified"), output2);
        QVERIFY2(!verified.isEmpty(),
            qPrintable(output2 + QString::fromUtf8(again->readAllStandardError())));
        QCOMPARE(verified.value(1), user);
        QCOMPARE(verified.value(2), device);
        QCOMPARE(oauth.tokenRequests(QStringLiteral("refresh_token")), refreshesBefore + 1);
        for (const auto &request : server.requestLog())
            QVERIFY2(!request.path.endsWith(u"/refresh"), "the legacy /refresh was used");
        // The rotated tokens were stored, and work.
        QTRY_VERIFY_WITH_TIMEOUT(
            server.isAccessTokenValid(
                storedSecret(user + u'/' + device).value(u"access_token").toString()),
            10000);

        // Sign out (two Tabs from Devices): both tokens revoked, the keychain forgets it.
        const QList<DevOAuth::Revocation> before = oauth.revocations();
        QVERIFY(AppDriver::typeKeys(again->processId(),
            {QStringLiteral("Tab"), QStringLiteral("Tab"), QStringLiteral("Return")}));
        QTRY_COMPARE_WITH_TIMEOUT(oauth.revocations().size(), before.size() + 2, 15000);
        // The refresh token first (known to the server: the session ends with it, as on MAS),
        // then the access token.
        const QList<DevOAuth::Revocation> revoked = oauth.revocations().mid(before.size());
        QCOMPARE(revoked.at(0).hint, QStringLiteral("refresh_token"));
        QCOMPARE(revoked.at(0).found, QStringLiteral("refresh_token"));
        QCOMPARE(revoked.at(1).hint, QStringLiteral("access_token"));
        QVERIFY(!server.devicesOf(user).contains(device));
        QTRY_VERIFY_WITH_TIMEOUT(storedSecret(user + u'/' + device).isEmpty(), 10000);
        for (const auto &request : server.requestLog())
            QVERIFY2(!request.path.endsWith(u"/logout"), "the legacy /logout was used");
        AppDriver::stop(*again);
    }

    // Headless Chromium plays the browser: it follows the authorisation page (consent skipped)
    // to the app's loopback listener and its 303 to the success page, which it renders.
    void signInWithHeadlessChromium()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("chromium")).isEmpty())
            QFAIL("chromium is not installed: scripts/test installs it");
        QFile::remove(scratch.filePath(QStringLiteral("final-page.html")));
        driver.forgetOpenedUrls();
        const auto server = oauthServer();
        QVERIFY(server);
        server->clearRequestLog();
        auto app = driver.launch({QStringLiteral("--server"), server->baseUrl().toString(),
                                     QStringLiteral("--idp"), QStringLiteral("continue")},
            QStringLiteral("chromium"));
        expectSignedIn(*app, *server);
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("authorization_code")), 1);
        QString dom;
        (void)QTest::qWaitFor(
            [&] {
                dom = readFile(scratch.filePath(QStringLiteral("final-page.html")));
                return !dom.isEmpty();
            },
            30000);
        QVERIFY2(dom.contains(QStringLiteral("close this tab")),
            qPrintable(dom + readFile(scratch.filePath(QStringLiteral("chromium.log")))));
        // Chromium itself went from the authorisation endpoint to the server's redirect.
        int authorizations = 0;
        for (const auto &request : server->requestLog())
            authorizations += request.path == u"/_oauth/authorize" ? 1 : 0;
        QCOMPARE(authorizations, 1);
        AppDriver::stop(*app);
    }

    // Where no loopback port may be opened (`portico --no-loopback`), Portico registers and
    // uses dev.portico:/callback; the browser's redirect there goes to the desktop, which starts
    // `portico <link>` (or, the application being DBusActivatable, calls its Open on the session
    // bus); the running Portico gets the link and signs in.
    void privateUseSchemeThroughTheDesktop_data()
    {
        QTest::addColumn<bool>("dbusOpen");
        QTest::newRow("a second start") << false;
        QTest::newRow("org.freedesktop.Application.Open") << true;
    }
    void privateUseSchemeThroughTheDesktop()
    {
        QFETCH(bool, dbusOpen);
        driver.forgetOpenedUrls();
        const auto server = oauthServer();
        QVERIFY(server);
        auto app = driver.launch({QStringLiteral("--no-loopback"), QStringLiteral("--server"),
            server->baseUrl().toString(), QStringLiteral("--idp"), QStringLiteral("continue")});
        QString output;
        QVERIFY2(!AppDriver::waitForLine(*app, QStringLiteral("ready"), output).isEmpty(),
            qPrintable(output + QString::fromUtf8(app->readAllStandardError())));
        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY(opened.isValid());
        const QUrlQuery query(opened);
        QCOMPARE(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
            QStringLiteral("dev.portico:/callback"));

        // The browser: the server redirects to the private-use scheme, which no HTTP client
        // follows; the desktop gets the link.
        ScriptedBrowser browser;
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        browser.open(opened);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const QUrl link = browser.visited().last();
        QCOMPARE(link.scheme(), QStringLiteral("dev.portico"));
        QCOMPARE(link.path(), QStringLiteral("/callback"));
        QVERIFY(QUrlQuery(link).hasQueryItem(QStringLiteral("code")));
        QVERIFY(QUrlQuery(link).hasQueryItem(QStringLiteral("state")));
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("authorization_code")), 0);

        if (dbusOpen) {
            QDBusMessage open = QDBusMessage::createMethodCall(QStringLiteral(PORTICO_APP_ID),
                QStringLiteral("/dev/portico/Portico"),
                QStringLiteral("org.freedesktop.Application"), QStringLiteral("Open"));
            open << QStringList{link.toString(QUrl::FullyEncoded)} << QVariantMap{};
            QCOMPARE(QDBusConnection::sessionBus().call(open, QDBus::Block, 10000).type(),
                QDBusMessage::ReplyMessage);
        } else {
            // The desktop's start (Exec=portico %u): it hands over and exits.
            auto second = driver.launch({link.toString(QUrl::FullyEncoded)});
            QVERIFY(second->waitForFinished(20000));
            QCOMPARE(second->exitCode(), 0);
            QVERIFY(!second->readAllStandardOutput().contains("ready"));
        }
        QString device;
        expectSignedIn(*app, *server, &device);
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("authorization_code")), 1);

        // The same link again (a reload, a second click): nothing more happens.
        auto third = driver.launch({link.toString(QUrl::FullyEncoded)});
        QVERIFY(third->waitForFinished(20000));
        QCOMPARE(third->exitCode(), 0);
        QString more;
        QVERIFY(!AppDriver::waitForLine(*app, QStringLiteral("activated"), more).isEmpty());
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("authorization_code")), 1);
        QCOMPARE(server->devicesOf(QStringLiteral("@alice:localhost")), QStringList{device});
        AppDriver::stop(*app);
    }

    // The same fallback where the desktop does not hand the link over: the user copies it from
    // the browser and pastes it on the waiting page (keyboard: the third Tab stop is the field).
    void privateUseSchemeLinkPastedOnTheWaitingPage()
    {
        driver.forgetOpenedUrls();
        const auto server = oauthServer();
        QVERIFY(server);
        auto app = driver.launch({QStringLiteral("--no-loopback"), QStringLiteral("--server"),
            server->baseUrl().toString(), QStringLiteral("--idp"), QStringLiteral("continue")});
        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY2(opened.isValid(), qPrintable(QString::fromUtf8(app->readAllStandardError())));
        ScriptedBrowser browser;
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        browser.open(opened);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const QUrl link = browser.visited().last();
        QCOMPARE(link.scheme(), QStringLiteral("dev.portico"));

        QVERIFY(AppDriver::typeKeys(app->processId(),
            {QStringLiteral("Tab"), QStringLiteral("Tab"), QStringLiteral("Tab")}));
        QCOMPARE(QProcess::execute(QStringLiteral("xdotool"),
                     {QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("5"),
                         link.toString(QUrl::FullyEncoded)}),
            0);
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("Return")}));
        expectSignedIn(*app, *server);
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("authorization_code")), 1);
        AppDriver::stop(*app);
    }
};

QTEST_GUILESS_MAIN(TestE2eOAuth)
#include "tst_e2e_oauth.moc"
