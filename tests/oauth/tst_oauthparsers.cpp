// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The small OAuth parsers: error bodies and callback errors, the registration, token and device
// authorisation responses.
#include "oauth/clientregistration.h"
#include "oauth/deviceauthorization.h"
#include "oauth/oautherror.h"
#include "oauth/tokenresponse.h"

#include <QJsonArray>
#include <QTest>

// JSON in raw strings writes "://" as ":\/\/": moc 6.4 takes "//" in a raw string for a comment.

using namespace Portico::OAuth;
using Portico::Matrix::Error;
using Code = OAuthError::Code;

class TestOAuthParsers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void errorBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("description");
        QTest::newRow("invalid_grant")
            << QByteArray(R"({"error":"invalid_grant","error_description":"Code expired"})") << true
            << int(Code::InvalidGrant) << QStringLiteral("Code expired");
        QTest::newRow("pending") << QByteArray(R"({"error":"authorization_pending"})") << true
                                 << int(Code::AuthorizationPending) << QString();
        QTest::newRow("slow_down")
            << QByteArray(R"({"error":"slow_down"})") << true << int(Code::SlowDown) << QString();
        QTest::newRow("expired") << QByteArray(R"({"error":"expired_token"})") << true
                                 << int(Code::ExpiredToken) << QString();
        QTest::newRow("metadata") << QByteArray(R"({"error":"invalid_client_metadata"})") << true
                                  << int(Code::InvalidClientMetadata) << QString();
        QTest::newRow("unknown code")
            << QByteArray(R"({"error":"weird_thing"})") << true << int(Code::Other) << QString();
        QTest::newRow("description not a string")
            << QByteArray(R"({"error":"access_denied","error_description":5})") << true
            << int(Code::AccessDenied) << QString();
        QTest::newRow("no error") << QByteArray(R"({"error_description":"x"})") << false << 0
                                  << QString();
        QTest::newRow("empty error") << QByteArray(R"({"error":""})") << false << 0 << QString();
        QTest::newRow("error a number")
            << QByteArray(R"({"error":400})") << false << 0 << QString();
        QTest::newRow("control characters")
            << QByteArray("{\"error\":\"a\\nb\"}") << false << 0 << QString();
        QTest::newRow("quote") << QByteArray("{\"error\":\"a\\\"b\"}") << false << 0 << QString();
        QTest::newRow("non-ASCII") << QByteArray(R"({"error":"é"})") << false << 0 << QString();
        QTest::newRow("not json") << QByteArray("Bad Gateway") << false << 0 << QString();
        QTest::newRow("array") << QByteArray(R"(["error"])") << false << 0 << QString();
    }
    void errorBody()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, valid);
        QFETCH(int, code);
        QFETCH(QString, description);
        const auto error = parseOAuthError(body);
        QCOMPARE(error.has_value(), valid);
        if (valid) {
            QCOMPARE(int(error->code), code);
            QCOMPARE(error->description, description);
        }
    }
    void matrixErrorIsNotOAuth()
    {
        Error error = Portico::Matrix::errorFromResponse(
            403, R"({"errcode":"M_FORBIDDEN","error":"nope"})", {}, QDateTime());
        QVERIFY(!oauthErrorOf(error));
        error = Portico::Matrix::errorFromResponse(
            400, R"({"error":"invalid_grant"})", {}, QDateTime());
        QVERIFY(oauthErrorOf(error));
        QCOMPARE(oauthErrorOf(error)->code, Code::InvalidGrant);
    }
    void callbackError()
    {
        const auto denied = oauthErrorFromQuery(QUrlQuery(QStringLiteral(
            "error=access_denied&error_description=The%20user%20said%20no&state=x")));
        QVERIFY(denied);
        QCOMPARE(denied->code, Code::AccessDenied);
        QCOMPARE(denied->description, QStringLiteral("The user said no"));
        QVERIFY(!oauthErrorFromQuery(QUrlQuery(QStringLiteral("code=abc&state=x"))));
        QVERIFY(!oauthErrorFromQuery(QUrlQuery(QStringLiteral("error=a&error=b"))));
        QVERIFY(!oauthErrorFromQuery(QUrlQuery(QStringLiteral("error="))));
    }

    void registration()
    {
        const auto r = parseClientRegistration(
            R"({"client_id":"01J9","client_secret":"ignored","client_id_issued_at":1})");
        QVERIFY(r);
        QCOMPARE(r->clientId, QStringLiteral("01J9"));
        for (const QByteArray &body : {QByteArray(R"({})"), QByteArray(R"({"client_id":""})"),
                 QByteArray(R"({"client_id":7})"), QByteArray("nope")})
            QVERIFY(!parseClientRegistration(body));
    }
    void registrationMetadata()
    {
        const QJsonObject m
            = ClientMetadata::portico({QStringLiteral("http://127.0.0.1/callback")}, true).toJson();
        QCOMPARE(m.value(u"application_type").toString(), QStringLiteral("native"));
        QCOMPARE(m.value(u"token_endpoint_auth_method").toString(), QStringLiteral("none"));
        QCOMPARE(m.value(u"response_types").toArray(), QJsonArray{QStringLiteral("code")});
        QVERIFY(m.value(u"grant_types")
                    .toArray()
                    .contains(QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")));
        const QUrl client(m.value(u"client_uri").toString());
        QCOMPARE(client.scheme(), QStringLiteral("https"));
        for (const char *key : {"logo_uri", "tos_uri", "policy_uri"}) {
            const QUrl uri(m.value(QLatin1StringView(key)).toString());
            QCOMPARE(uri.scheme(), QStringLiteral("https"));
            QCOMPARE(uri.host(), client.host());
        }
        QVERIFY(!ClientMetadata::portico({}, false)
                     .toJson()
                     .value(u"grant_types")
                     .toArray()
                     .contains(QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")));
    }

    void token()
    {
        const auto t = parseTokenResponse(
            R"({"access_token":"mat_x","token_type":"bearer","expires_in":300,"refresh_token":"mar_y","scope":"urn:matrix:client:api:* urn:matrix:client:device:ABCDEFGHIJ"})");
        QVERIFY(t);
        QCOMPARE(t->accessToken, QStringLiteral("mat_x"));
        QCOMPARE(t->refreshToken, QStringLiteral("mar_y"));
        QCOMPARE(t->expiresInSeconds, std::optional<qint64>(300));
        QCOMPARE(t->scope.size(), 2);
    }
    void tokenMinimal()
    {
        const auto t = parseTokenResponse(R"({"access_token":"a","token_type":"Bearer"})");
        QVERIFY(t);
        QVERIFY(t->refreshToken.isEmpty());
        QVERIFY(!t->expiresInSeconds);
        QVERIFY(t->scope.isEmpty());
    }
    void tokenHugeExpiryCapped()
    {
        const auto t = parseTokenResponse(
            R"({"access_token":"a","token_type":"Bearer","expires_in":1e300})");
        QVERIFY(t);
        QCOMPARE(t->expiresInSeconds, std::optional<qint64>(366LL * 24 * 3600));
    }
    void tokenInvalid_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no access_token") << QByteArray(R"({"token_type":"Bearer"})");
        QTest::newRow("empty access_token")
            << QByteArray(R"({"access_token":"","token_type":"Bearer"})");
        QTest::newRow("no token_type") << QByteArray(R"({"access_token":"a"})");
        QTest::newRow("MAC token") << QByteArray(R"({"access_token":"a","token_type":"mac"})");
        QTest::newRow("refresh a number")
            << QByteArray(R"({"access_token":"a","token_type":"Bearer","refresh_token":1})");
        QTest::newRow("expires a string")
            << QByteArray(R"({"access_token":"a","token_type":"Bearer","expires_in":"300"})");
        QTest::newRow("scope an array")
            << QByteArray(R"({"access_token":"a","token_type":"Bearer","scope":["x"]})");
        QTest::newRow("not json") << QByteArray("<html>");
    }
    void tokenInvalid()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!parseTokenResponse(body));
    }

    void device()
    {
        const auto d = parseDeviceAuthorization(
            R"({"device_code":"dc","user_code":"ABCD-EFGH","verification_uri":"https:\/\/a.example/link","verification_uri_complete":"https:\/\/a.example/link?code=ABCD-EFGH","expires_in":600,"interval":7})");
        QVERIFY(d);
        QCOMPARE(d->userCode, QStringLiteral("ABCD-EFGH"));
        QCOMPARE(d->intervalSeconds, 7);
        QCOMPARE(d->expiresInSeconds, 600);
        QCOMPARE(d->qrUrl(), QUrl(QStringLiteral("https://a.example/link?code=ABCD-EFGH")));
    }
    void deviceDefaults()
    {
        for (const QByteArray &interval : {QByteArray(""), QByteArray(R"(,"interval":"3")"),
                 QByteArray(R"(,"interval":-1)"), QByteArray(R"(,"interval":0)")}) {
            const auto d = parseDeviceAuthorization(
                R"({"device_code":"dc","user_code":"U","verification_uri":"https:\/\/a.example/l","expires_in":60)"
                + interval + "}");
            QVERIFY(d);
            QCOMPARE(d->intervalSeconds, 5);
            QCOMPARE(d->qrUrl(), QUrl(QStringLiteral("https://a.example/l")));
        }
        const auto fast = parseDeviceAuthorization(
            R"({"device_code":"dc","user_code":"U","verification_uri":"https:\/\/a.example/l","expires_in":60,"interval":0.2})");
        QVERIFY(fast);
        QCOMPARE(fast->intervalSeconds, 1); // never faster than a second
    }
    void deviceInvalid_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no device_code") << QByteArray(
            R"({"user_code":"U","verification_uri":"https:\/\/a.example/l","expires_in":60})");
        QTest::newRow("no user_code") << QByteArray(
            R"({"device_code":"d","verification_uri":"https:\/\/a.example/l","expires_in":60})");
        QTest::newRow("no verification_uri")
            << QByteArray(R"({"device_code":"d","user_code":"U","expires_in":60})");
        QTest::newRow("http verification_uri") << QByteArray(
            R"({"device_code":"d","user_code":"U","verification_uri":"http:\/\/a.example/l","expires_in":60})");
        QTest::newRow("http complete uri") << QByteArray(
            R"({"device_code":"d","user_code":"U","verification_uri":"https:\/\/a.example/l","verification_uri_complete":"http:\/\/evil.example/","expires_in":60})");
        QTest::newRow("no expires_in") << QByteArray(
            R"({"device_code":"d","user_code":"U","verification_uri":"https:\/\/a.example/l"})");
        QTest::newRow("not json") << QByteArray("{");
    }
    void deviceInvalid()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!parseDeviceAuthorization(body));
    }
};

QTEST_GUILESS_MAIN(TestOAuthParsers)
#include "tst_oauthparsers.moc"
