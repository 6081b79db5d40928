// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Interoperability with an authorisation server we did not write: the built `portico` binary
// against npm oidc-provider (tests/oidc/oidc-as.mjs) as the authorisation server, and the
// development homeserver as the Matrix side behind it, the way a homeserver sits behind the
// Matrix Authentication Service: its auth_metadata is oidc-provider's discovery document, and it
// checks every access token by introspection there. Register, authorise with PKCE through the
// loopback redirect, exchange the code, whoami; restart (restored, one refresh at most); sign out
// (oidc-provider received both tokens at its revocation endpoint, and they are no longer active).
#include "appdriver.h"
#include "devintrospection.h"
#include "devserver.h"
#include "devsession.h"
#include "oidcprovider.h"
#include "scriptedbrowser.h"
#include "storedsecret.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

class TestE2eOidcProvider : public QObject
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
        // The first access token lives 10 s, so that the restart needs a refresh.
        OidcProvider issuer(10);
        const auto said = [&issuer] {
            QStringList lines = issuer.lines();
            lines.removeIf([](const QString &line) { return line.contains(u"NOTICE"); });
            return lines.join(u'\n').toUtf8();
        };
        const QString problem = issuer.start();
        if (!problem.isEmpty())
            QFAIL(qPrintable(problem));
        DevServer::Config config;
        config.versions
            = {QStringLiteral("v1.1"), QStringLiteral("v1.11"), QStringLiteral("v1.15")};
        config.externalIssuer = issuer.issuer().toString();
        config.introspectionClientId = issuer.homeserverClientId();
        config.introspectionClientSecret = issuer.homeserverSecret();
        DevServer server(config);
        QVERIFY(server.start());

        auto app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
            QStringLiteral("--idp"), QStringLiteral("continue")});
        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY2(opened.isValid(),
            qPrintable(QString::fromUtf8(app->readAllStandardOutput() + app->readAllStandardError())
                + issuer.lines().join(u'\n')));
        // Registered at oidc-provider, and sent to its authorisation endpoint with PKCE.
        QCOMPARE(opened.adjusted(QUrl::RemoveQuery),
            QUrl(issuer.issuer().toString() + QStringLiteral("/auth")));
        QVERIFY2(issuer.count(QStringLiteral("registration 201")) == 1, said().constData());
        const QUrlQuery query(opened);
        QCOMPARE(
            query.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        const QUrl redirect(
            query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(redirect.port() > 0);

        // Login and consent at oidc-provider's interaction, then its redirect to the app's
        // loopback listener, which sends the browser on to its success page.
        ScriptedBrowser browser;
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        browser.open(opened);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const auto page = finished.first().first().value<ScriptedBrowser::Page>();
        QVERIFY2(page.status == 200 && page.body.contains("close this tab"),
            qPrintable(QString::number(page.status) + u' ' + QString::fromUtf8(page.body)
                + issuer.lines().join(u'\n')));
        QVERIFY2(issuer.count(QStringLiteral("interaction login")) == 1, said().constData());
        QVERIFY2(issuer.count(QStringLiteral("interaction consent")) == 1, said().constData());

        QString output;
        const QStringList signedIn
            = AppDriver::waitForLine(*app, QStringLiteral("signed-in"), output);
        QVERIFY2(!signedIn.isEmpty(),
            qPrintable(output + QString::fromUtf8(app->readAllStandardError())
                + issuer.lines().join(u'\n')));
        const QString user = signedIn.value(1);
        const QString device = signedIn.value(2);
        QCOMPARE(user, QStringLiteral("@alice:localhost"));
        QVERIFY(device.size() >= 10);
        QVERIFY2(
            issuer.count(QStringLiteral("token authorization_code 200")) == 1, said().constData());
        // whoami went through introspection, and the homeserver made the device on first sight.
        QVERIFY(server.introspection()->introspections() >= 1);
        QVERIFY(issuer.count(QStringLiteral("introspection true")) >= 1);
        QVERIFY(server.devicesOf(user).contains(device));
        const QJsonObject secret = storedSecret(user + u'/' + device);
        const QString accessToken = secret.value(u"access_token").toString();
        QVERIFY2(!accessToken.isEmpty(), "no session in the Secret Service");
        QVERIFY(!secret.value(u"refresh_token").toString().isEmpty());
        QVERIFY(issuer.isActive(accessToken));
        QCOMPARE(filesContaining(scratch.path(), accessToken.toUtf8()), QStringList());
        // The session remembers the issuer it came from (oidc-provider, not the homeserver).
        QVERIFY(!filesContaining(scratch.path(), issuer.issuer().toString().toUtf8()).isEmpty());
        AppDriver::stop(*app);

        // Restart once oidc-provider says the access token expired: restored, with exactly one
        // refresh at oidc-provider.
        QTRY_VERIFY_WITH_TIMEOUT(
            !issuer.isActive(storedSecret(user + u'/' + device).value(u"access_token").toString()),
            30000);
        const int refreshesBefore = issuer.count(QStringLiteral("token refresh_token"));
        auto again = driver.launch({});
        QString output2;
        const QStringList verified
            = AppDriver::waitForLine(*again, QStringLiteral("verified"), output2);
        QVERIFY2(!verified.isEmpty(),
            qPrintable(output2 + QString::fromUtf8(again->readAllStandardError())
                + issuer.lines().join(u'\n')));
        QCOMPARE(verified.value(1), user);
        QCOMPARE(verified.value(2), device);
        QVERIFY2(issuer.count(QStringLiteral("token refresh_token")) == refreshesBefore + 1,
            said().constData());
        QVERIFY2(issuer.count(QStringLiteral("token refresh_token 200")) == refreshesBefore + 1,
            said().constData());
        QTRY_VERIFY_WITH_TIMEOUT(
            issuer.isActive(storedSecret(user + u'/' + device).value(u"access_token").toString()),
            10000);

        // Sign out (two Tabs from Devices): oidc-provider receives the refresh token and the
        // access token at its revocation endpoint, and neither is active afterwards.
        const QJsonObject last = storedSecret(user + u'/' + device);
        const QString access = last.value(u"access_token").toString();
        const QString refresh = last.value(u"refresh_token").toString();
        QVERIFY(AppDriver::typeKeys(again->processId(),
            {QStringLiteral("Tab"), QStringLiteral("Tab"), QStringLiteral("Return")}));
        QTRY_COMPARE_WITH_TIMEOUT(issuer.count(QStringLiteral("revocation ")), 2, 15000);
        const QStringList revocations = issuer.lines().filter(QStringLiteral("revocation "));
        QVERIFY2(revocations.value(0)
                == QStringLiteral("revocation refresh_token %1 200")
                       .arg(OidcProvider::digest(refresh)),
            said().constData());
        QVERIFY2(revocations.value(1)
                == QStringLiteral("revocation access_token %1 200")
                       .arg(OidcProvider::digest(access)),
            said().constData());
        QVERIFY(!issuer.isActive(refresh));
        QVERIFY(!issuer.isActive(access));
        QTRY_VERIFY_WITH_TIMEOUT(storedSecret(user + u'/' + device).isEmpty(), 10000);
        AppDriver::stop(*again);
    }
};

QTEST_GUILESS_MAIN(TestE2eOidcProvider)
#include "tst_e2e_oidc_provider.moc"
