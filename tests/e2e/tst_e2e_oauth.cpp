// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end through the OAuth 2.0 API: the built `portico` binary on Xvfb, the development
// homeserver in its strict MAS-like OAuth mode, the Secret Service of the private D-Bus session,
// and the scripted browser. Sign in through the loopback redirect, restart (restored with one
// refresh at most), sign out (both tokens revoked at the server).
#include "appdriver.h"
#include "devoauth.h"
#include "devserver.h"
#include "devsession.h"
#include "scriptedbrowser.h"
#include "storedsecret.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

class TestE2eOAuth : public QObject
{
    Q_OBJECT

    QTemporaryDir scratch;
    AppDriver driver{scratch};

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
};

QTEST_GUILESS_MAIN(TestE2eOAuth)
#include "tst_e2e_oauth.moc"
