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

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {
struct Answer
{
    int status = 0;
    QUrl location;
    QByteArray body;
};

Answer send(QNetworkAccessManager &network, const QUrl &url, const QByteArray &form = {})
{
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nullptr;
    if (form.isNull()) {
        reply = network.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
            QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = network.post(request, form);
    }
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        reply->abort();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.location = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

Answer bearerGet(QNetworkAccessManager &network, const QUrl &url, const QString &token)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *reply = network.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        reply->abort();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    reply->deleteLater();
    return answer;
}

// The phone: opens oidc-provider's verification page, submits its forms (the one its script
// submits by itself, then "Continue" on the confirmation: hidden fields only), follows redirects
// and the interaction's "continue" links to the last page.
Answer approveOnThePhone(const QUrl &verification)
{
    QNetworkAccessManager phone;
    phone.setCookieJar(new QNetworkCookieJar(&phone));
    static const QRegularExpression action(
        QStringLiteral("<form[^>]* method=\"post\" action=\"([^\"]+)\""));
    static const QRegularExpression hidden(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\""));
    static const QRegularExpression next(QStringLiteral("id=\"continue\" href=\"([^\"]+)\""));
    Answer page = send(phone, verification);
    for (int hops = 0; hops < 16; ++hops) {
        if (page.status >= 300 && page.status < 400) {
            page = send(phone, page.location);
            continue;
        }
        const QString html = QString::fromUtf8(page.body);
        if (page.status != 200)
            break;
        if (const auto form = action.match(html); form.hasMatch()) {
            QUrlQuery fields;
            for (auto it = hidden.globalMatch(html); it.hasNext();) {
                const auto field = it.next();
                fields.addQueryItem(field.captured(1), field.captured(2));
            }
            page = send(phone, verification.resolved(QUrl(form.captured(1))),
                fields.query(QUrl::FullyEncoded).toUtf8());
            continue;
        }
        const auto link = next.match(html);
        if (!link.hasMatch())
            break;
        page = send(phone, verification.resolved(QUrl(link.captured(1))));
    }
    return page;
}
// The development homeserver as a homeserver behind an authorisation server: Matrix 1.15, its
// auth_metadata the issuer's, every access token introspected there.
DevServer::Config behind(const OidcProvider &issuer)
{
    DevServer::Config config;
    config.versions = {QStringLiteral("v1.1"), QStringLiteral("v1.11"), QStringLiteral("v1.15")};
    config.externalIssuer = issuer.issuer().toString();
    config.introspectionClientId = issuer.homeserverClientId();
    config.introspectionClientSecret = issuer.homeserverSecret();
    return config;
}
} // namespace

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
        DevServer server(behind(issuer));
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
        // The homeserver takes the access token, and not the refresh token as one.
        {
            QNetworkAccessManager network;
            const QUrl whoami(
                server.baseUrl().toString() + QStringLiteral("/_matrix/client/v3/account/whoami"));
            QCOMPARE(bearerGet(network, whoami, accessToken).status, 200);
            QCOMPARE(
                bearerGet(network, whoami, secret.value(u"refresh_token").toString()).status, 401);
        }
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

    // The same sign-in in headless Chromium: it runs oidc-provider's interaction pages (their
    // script clicks "Continue"), follows the redirect to the app's loopback listener and its 303
    // to the success page.
    void signInWithHeadlessChromium()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("chromium")).isEmpty())
            QFAIL("chromium is not installed: scripts/test installs it");
        OidcProvider issuer;
        const QString problem = issuer.start();
        if (!problem.isEmpty())
            QFAIL(qPrintable(problem));
        DevServer server(behind(issuer));
        QVERIFY(server.start());
        const QString page = scratch.filePath(QStringLiteral("final-page.html"));
        QFile::remove(page);
        auto app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
                                     QStringLiteral("--idp"), QStringLiteral("continue")},
            QStringLiteral("chromium"));
        QString output;
        const QStringList signedIn
            = AppDriver::waitForLine(*app, QStringLiteral("signed-in"), output);
        QVERIFY2(!signedIn.isEmpty(),
            qPrintable(output + QString::fromUtf8(app->readAllStandardError())
                + issuer.lines().join(u'\n')));
        QCOMPARE(signedIn.value(1), QStringLiteral("@alice:localhost"));
        QVERIFY(issuer.count(QStringLiteral("interaction login")) == 1);
        QVERIFY(issuer.count(QStringLiteral("interaction consent")) == 1);
        QString dom;
        (void)QTest::qWaitFor(
            [&] {
                QFile file(page);
                dom = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                                     : QString();
                return !dom.isEmpty();
            },
            30000);
        QVERIFY2(dom.contains(QStringLiteral("close this tab")), qPrintable(dom));
        AppDriver::stop(*app);
    }

    // The device grant (RFC 8628) at oidc-provider, from a terminal: `portico sign-in SERVER
    // --device` prints the code; the test plays the phone at oidc-provider's verification page.
    void deviceGrantFromATerminal()
    {
        OidcProvider issuer;
        const QString problem = issuer.start();
        if (!problem.isEmpty())
            QFAIL(qPrintable(problem));
        DevServer server(behind(issuer));
        QVERIFY(server.start());
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), scratch.filePath(QStringLiteral("cli")));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(PORTICO_BINARY),
            {QStringLiteral("sign-in"), server.baseUrl().toString(), QStringLiteral("--device")});
        static const QRegularExpression codeLine(
            QStringLiteral("^code (\\S+)$"), QRegularExpression::MultilineOption);
        QString out;
        QString code;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         out += QString::fromUtf8(cli.readAllStandardOutput());
                         code = codeLine.match(out).captured(1);
                         return !code.isEmpty() || cli.state() == QProcess::NotRunning;
                     },
                     20000)
                && !code.isEmpty(),
            qPrintable(
                out + QString::fromUtf8(cli.readAllStandardError()) + issuer.lines().join(u'\n')));
        QVERIFY(out.contains(issuer.issuer().toString() + QStringLiteral("/device")));

        QUrl verification(issuer.issuer().toString() + QStringLiteral("/device"));
        verification.setQuery(QUrlQuery{{QStringLiteral("user_code"), code}});
        const Answer last = approveOnThePhone(verification);
        QVERIFY2(last.status == 200 && last.body.contains("Sign-in Success"),
            qPrintable(QString::number(last.status) + u' ' + QString::fromUtf8(last.body)));

        QVERIFY(QTest::qWaitFor([&] { return cli.state() == QProcess::NotRunning; }, 60000));
        out += QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 0,
            qPrintable(
                out + QString::fromUtf8(cli.readAllStandardError()) + issuer.lines().join(u'\n')));
        static const QRegularExpression signedIn(QStringLiteral("^signed-in (\\S+) (\\S+) (\\S+)$"),
            QRegularExpression::MultilineOption);
        const auto match = signedIn.match(out);
        QVERIFY2(match.hasMatch(), qPrintable(out));
        QCOMPARE(match.captured(1), QStringLiteral("@alice:localhost"));
        QVERIFY(
            issuer.count(QStringLiteral("token urn:ietf:params:oauth:grant-type:device_code 200"))
            == 1);
        const QJsonObject secret = storedSecret(match.captured(1) + u'/' + match.captured(2));
        QVERIFY(issuer.isActive(secret.value(u"access_token").toString()));
        QVERIFY(server.devicesOf(match.captured(1)).contains(match.captured(2)));
    }
};

QTEST_GUILESS_MAIN(TestE2eOidcProvider)
#include "tst_e2e_oidc_provider.moc"
