// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The development homeserver's OAuth mode refuses what the Matrix Authentication Service refuses.
#include "devoauth.h"
#include "devserver.h"
#include "oauth/authmetadata.h"
#include "oauth/pkce.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <functional>

namespace {
struct Answer
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
    QUrl location;
};

const QString Loopback = QStringLiteral("http://127.0.0.1/callback");
const QString Form = QStringLiteral("application/x-www-form-urlencoded");

QJsonObject portico()
{
    return QJsonObject{{QStringLiteral("application_type"), QStringLiteral("native")},
        {QStringLiteral("client_name"), QStringLiteral("Portico")},
        {QStringLiteral("client_uri"), QStringLiteral("https://portico.dev/")},
        {QStringLiteral("logo_uri"), QStringLiteral("https://portico.dev/logo.png")},
        {QStringLiteral("tos_uri"), QStringLiteral("https://portico.dev/terms")},
        {QStringLiteral("policy_uri"), QStringLiteral("https://portico.dev/privacy")},
        {QStringLiteral("redirect_uris"),
            QJsonArray{Loopback, QStringLiteral("http://[::1]/callback"),
                QStringLiteral("dev.portico:/callback")}},
        {QStringLiteral("grant_types"),
            QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token"),
                QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")}},
        {QStringLiteral("response_types"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("token_endpoint_auth_method"), QStringLiteral("none")}};
}

QByteArray form(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[key, value] : fields)
        body += (body.isEmpty() ? "" : "&") + key.toUtf8() + '=' + QUrl::toPercentEncoding(value);
    return body;
}
} // namespace

class TestDevOAuth : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;
    std::unique_ptr<DevServer> server;

    Answer send(const QByteArray &verb, const QString &pathOrUrl, const QByteArray &body = {},
        const QString &contentType = QStringLiteral("application/json"), const QString &bearer = {})
    {
        const QUrl url = pathOrUrl.startsWith(u'/') ? QUrl(server->baseUrl().toString() + pathOrUrl)
                                                    : QUrl(pathOrUrl);
        QNetworkRequest request(url);
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (verb != "GET")
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType.toUtf8());
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
        QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000))
            qFatal("dev server did not answer");
        reply->deleteLater();
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.json = QJsonDocument::fromJson(answer.body).object();
        answer.location = QUrl::fromEncoded(reply->rawHeader("Location"));
        return answer;
    }
    Answer registerClient(const QJsonObject &metadata)
    {
        return send("POST", QStringLiteral("/_oauth/register"),
            QJsonDocument(metadata).toJson(QJsonDocument::Compact));
    }
    QString clientId()
    {
        const Answer answer = registerClient(portico());
        [&] { QCOMPARE(answer.status, 201); }();
        return answer.json.value(u"client_id").toString();
    }
    struct Attempt
    {
        QString clientId;
        QString verifier = Portico::OAuth::newCodeVerifier();
        QString state = Portico::OAuth::newState();
        QString deviceId = Portico::OAuth::newDeviceId();
        QString redirectUri = QStringLiteral("http://127.0.0.1:4711/callback");
        QString scope;
    };
    QUrlQuery authorizeQuery(const Attempt &a)
    {
        QUrlQuery q;
        const auto add = [&](const char *key, const QString &value) {
            q.addQueryItem(
                QLatin1StringView(key), QString::fromLatin1(QUrl::toPercentEncoding(value)));
        };
        add("response_type", QStringLiteral("code"));
        add("client_id", a.clientId);
        add("redirect_uri", a.redirectUri);
        add("scope",
            a.scope.isEmpty()
                ? Portico::OAuth::matrixScope(a.deviceId, Portico::OAuth::ScopeNames::Stable)
                : a.scope);
        add("state", a.state);
        add("code_challenge", Portico::OAuth::codeChallenge(a.verifier));
        add("code_challenge_method", QStringLiteral("S256"));
        return q;
    }
    Answer authorize(const QUrlQuery &query)
    {
        return send("GET", QStringLiteral("/_oauth/authorize?") + query.query(QUrl::FullyEncoded));
    }
    // Through the consent page; the redirect back to the client.
    QUrl consentAndApprove(const Attempt &a, const QString &decision = QStringLiteral("allow"))
    {
        const Answer consentPage = authorize(authorizeQuery(a));
        if (consentPage.status != 200)
            return {};
        static const QRegularExpression id(QStringLiteral("name=\"consent\" value=\"([^\"]+)\""));
        const QString consent = id.match(QString::fromUtf8(consentPage.body)).captured(1);
        const Answer back = send("POST", QStringLiteral("/_oauth/consent"),
            form({{QStringLiteral("consent"), consent}, {QStringLiteral("decision"), decision}}),
            Form);
        return back.status == 302 ? back.location : QUrl();
    }
    Answer exchange(const Attempt &a, const QString &code, const QString &redirectUri = {})
    {
        return send("POST", QStringLiteral("/_oauth/token"),
            form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                {QStringLiteral("code"), code},
                {QStringLiteral("redirect_uri"),
                    redirectUri.isEmpty() ? a.redirectUri : redirectUri},
                {QStringLiteral("client_id"), a.clientId},
                {QStringLiteral("code_verifier"), a.verifier}}),
            Form);
    }
    QString codeOf(const QUrl &back)
    {
        return QUrlQuery(back).queryItemValue(QStringLiteral("code"));
    }
    Answer whoami(const QString &token)
    {
        return send("GET", QStringLiteral("/_matrix/client/v3/account/whoami"), {}, {}, token);
    }
    Answer refresh(const QString &clientId, const QString &token)
    {
        return send("POST", QStringLiteral("/_oauth/token"),
            form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                {QStringLiteral("refresh_token"), token}, {QStringLiteral("client_id"), clientId}}),
            Form);
    }
    void restart(const std::function<void(DevOAuth::Options &)> &change = {})
    {
        DevServer::Config config = DevServer::Config::demo();
        config.oauth = true;
        config.versions = {QStringLiteral("v1.15")};
        server = std::make_unique<DevServer>(config);
        if (change)
            change(server->oauth()->options());
        QVERIFY(server->start());
    }

private Q_SLOTS:
    void init() { restart(); }

    void metadataAtBothPaths()
    {
        for (const QString &path : {QStringLiteral("/_matrix/client/v1/auth_metadata"),
                 QStringLiteral("/_matrix/client/unstable/org.matrix.msc2965/auth_metadata")}) {
            const Answer answer = send("GET", path);
            QCOMPARE(answer.status, 200);
            const auto metadata = Portico::OAuth::parseAuthMetadata(answer.body);
            QVERIFY2(metadata, qPrintable(metadata ? QString() : metadata.error().detail));
            QVERIFY(metadata->supportsDeviceGrant());
            QCOMPARE(metadata->deviceDeleteAction(), QStringLiteral("org.matrix.device_delete"));
        }
    }
    void loginIsTheCompatibilityLayer()
    {
        const Answer answer = send("GET", QStringLiteral("/_matrix/client/v3/login"));
        QCOMPARE(answer.status, 200);
        const QJsonObject sso = answer.json.value(u"flows").toArray().first().toObject();
        QCOMPARE(sso.value(u"type").toString(), QStringLiteral("m.login.sso"));
        QCOMPARE(sso.value(u"oauth_aware_preferred"), QJsonValue(true));
        QVERIFY(!sso.contains(u"identity_providers"));
    }

    void registrationAccepted()
    {
        const Answer first = registerClient(portico());
        QCOMPARE(first.status, 201);
        QVERIFY(!first.json.value(u"client_id").toString().isEmpty());
        // Identical registrations get the same client_id, as on MAS.
        QCOMPARE(
            registerClient(portico()).json.value(u"client_id"), first.json.value(u"client_id"));
    }
    void registrationRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        const QString meta = QStringLiteral("invalid_client_metadata");
        const QString redirect = QStringLiteral("invalid_redirect_uri");
        QTest::newRow("client_uri on localhost")
            << QStringLiteral("client_uri") << QJsonValue(QStringLiteral("https://localhost/"))
            << meta;
        QTest::newRow("client_uri on an IP")
            << QStringLiteral("client_uri") << QJsonValue(QStringLiteral("https://127.0.0.1/"))
            << meta;
        QTest::newRow("client_uri http")
            << QStringLiteral("client_uri") << QJsonValue(QStringLiteral("http://portico.dev/"))
            << meta;
        QTest::newRow("no client_uri") << QStringLiteral("client_uri") << QJsonValue() << meta;
        QTest::newRow("logo_uri elsewhere")
            << QStringLiteral("logo_uri") << QJsonValue(QStringLiteral("https://cdn.example/l.png"))
            << meta;
        QTest::newRow("tos_uri http")
            << QStringLiteral("tos_uri") << QJsonValue(QStringLiteral("http://portico.dev/terms"))
            << meta;
        QTest::newRow("policy_uri elsewhere")
            << QStringLiteral("policy_uri") << QJsonValue(QStringLiteral("https://example.org/p"))
            << meta;
        QTest::newRow("confidential client")
            << QStringLiteral("token_endpoint_auth_method")
            << QJsonValue(QStringLiteral("client_secret_basic")) << meta;
        const auto redirects = [](const QString &uri) { return QJsonValue(QJsonArray{uri}); };
        QTest::newRow("loopback with a port")
            << QStringLiteral("redirect_uris")
            << redirects(QStringLiteral("http://127.0.0.1:8080/callback")) << redirect;
        QTest::newRow("http not loopback")
            << QStringLiteral("redirect_uris")
            << redirects(QStringLiteral("http://portico.dev/callback")) << redirect;
        QTest::newRow("scheme not reverse DNS")
            << QStringLiteral("redirect_uris") << redirects(QStringLiteral("com.example:/callback"))
            << redirect;
        QTest::newRow("scheme with authority")
            << QStringLiteral("redirect_uris")
            << redirects(QStringLiteral("dev.portico://callback")) << redirect;
        QTest::newRow("fragment") << QStringLiteral("redirect_uris")
                                  << redirects(QStringLiteral("http://127.0.0.1/callback#x"))
                                  << redirect;
        QTest::newRow("no redirect_uris")
            << QStringLiteral("redirect_uris") << QJsonValue(QJsonArray{}) << redirect;
    }
    void registrationRefused()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject metadata = portico();
        if (value.isNull())
            metadata.remove(key);
        else
            metadata.insert(key, value);
        const Answer answer = registerClient(metadata);
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.json.value(u"error").toString(), error);
    }

    void codeFlowWithConsent()
    {
        Attempt a;
        a.clientId = clientId();
        const QUrl back = consentAndApprove(a);
        // Any loopback port: the registered URI has none.
        QCOMPARE(back.port(), 4711);
        QCOMPARE(QUrlQuery(back).queryItemValue(QStringLiteral("state")), a.state);
        const Answer tokens = exchange(a, codeOf(back));
        QCOMPARE(tokens.status, 200);
        QCOMPARE(tokens.json.value(u"token_type").toString(), QStringLiteral("Bearer"));
        QCOMPARE(tokens.json.value(u"expires_in").toInt(), 300);
        QVERIFY(!tokens.json.value(u"refresh_token").toString().isEmpty());
        const Answer me = whoami(tokens.json.value(u"access_token").toString());
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(u"user_id").toString(), QStringLiteral("@alice:localhost"));
        QCOMPARE(me.json.value(u"device_id").toString(), a.deviceId);
        const Answer devices = send("GET", QStringLiteral("/_matrix/client/v3/devices"), {}, {},
            tokens.json.value(u"access_token").toString());
        QCOMPARE(devices.status, 200);
    }
    void skipConsentAndFragment()
    {
        server->oauth()->options().skipConsent = true;
        Attempt a;
        a.clientId = clientId();
        QUrlQuery q = authorizeQuery(a);
        q.addQueryItem(QStringLiteral("response_mode"), QStringLiteral("fragment"));
        const Answer back = authorize(q);
        QCOMPARE(back.status, 302);
        QVERIFY(!back.location.hasQuery());
        QCOMPARE(
            QUrlQuery(back.location.fragment()).queryItemValue(QStringLiteral("state")), a.state);
    }
    void privateUseScheme()
    {
        server->oauth()->options().skipConsent = true;
        Attempt a;
        a.clientId = clientId();
        a.redirectUri = QStringLiteral("dev.portico:/callback");
        const Answer back = authorize(authorizeQuery(a));
        QCOMPARE(back.status, 302);
        QCOMPARE(back.location.scheme(), QStringLiteral("dev.portico"));
        QCOMPARE(exchange(a, codeOf(back.location)).status, 200);
    }
    void consentDenied()
    {
        Attempt a;
        a.clientId = clientId();
        const QUrl back = consentAndApprove(a, QStringLiteral("deny"));
        QCOMPARE(QUrlQuery(back).queryItemValue(QStringLiteral("error")),
            QStringLiteral("access_denied"));
        QCOMPARE(QUrlQuery(back).queryItemValue(QStringLiteral("state")), a.state);
        QVERIFY(!QUrlQuery(back).hasQueryItem(QStringLiteral("code")));
    }
    void authorizeRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("status"); // 400: an error page, not a redirect
        QTest::addColumn<QString>("error");
        const auto row = [](const char *name, const char *key, const char *value, int status,
                             const char *error) {
            QTest::newRow(name) << QString::fromLatin1(key) << QString::fromLatin1(value) << status
                                << QString::fromLatin1(error);
        };
        row("unknown client", "client_id", "nope", 400, "");
        row("unregistered path", "redirect_uri", "http://127.0.0.1:4711/other", 400, "");
        row("unregistered host", "redirect_uri", "http://localhost:4711/callback", 400, "");
        row("no PKCE", "code_challenge", "", 302, "invalid_request");
        row("plain PKCE", "code_challenge_method", "plain", 302, "invalid_request");
        row("token response type", "response_type", "token", 302, "unsupported_response_type");
        row("short device id", "scope", "urn:matrix:client:api:* urn:matrix:client:device:SHORT",
            302, "invalid_scope");
        row("two devices", "scope",
            "urn:matrix:client:api:* urn:matrix:client:device:AAAAAAAAAA "
            "urn:matrix:client:device:BBBBBBBBBB",
            302, "invalid_scope");
        row("no api scope", "scope", "urn:matrix:client:device:AAAAAAAAAA", 302, "invalid_scope");
    }
    void authorizeRefused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(int, status);
        QFETCH(QString, error);
        Attempt a;
        a.clientId = clientId();
        QUrlQuery q = authorizeQuery(a);
        q.removeAllQueryItems(key);
        if (!value.isEmpty())
            q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        const Answer answer = authorize(q);
        QCOMPARE(answer.status, status);
        if (status == 302) {
            QCOMPARE(QUrlQuery(answer.location).queryItemValue(QStringLiteral("error")), error);
            QCOMPARE(QUrlQuery(answer.location).queryItemValue(QStringLiteral("state")), a.state);
        }
    }
    void unstableScopes()
    {
        restart([](DevOAuth::Options &o) {
            o.unstableScopesOnly = true;
            o.skipConsent = true;
        });
        Attempt a;
        a.clientId = clientId();
        QCOMPARE(QUrlQuery(authorize(authorizeQuery(a)).location)
                     .queryItemValue(QStringLiteral("error")),
            QStringLiteral("invalid_scope"));
        a.scope = Portico::OAuth::matrixScope(a.deviceId, Portico::OAuth::ScopeNames::Unstable);
        QVERIFY(codeOf(authorize(authorizeQuery(a)).location).size() > 10);
    }

    void exchangeRefused_data()
    {
        QTest::addColumn<QString>("what");
        for (const char *what : {"verifier", "port", "client", "json"})
            QTest::newRow(what) << QString::fromLatin1(what);
    }
    void exchangeRefused()
    {
        QFETCH(QString, what);
        server->oauth()->options().skipConsent = true;
        Attempt a;
        a.clientId = clientId();
        const QString code = codeOf(authorize(authorizeQuery(a)).location);
        Answer answer;
        if (what == u"verifier") {
            Attempt other = a;
            other.verifier = Portico::OAuth::newCodeVerifier();
            answer = exchange(other, code);
        } else if (what == u"port") {
            answer = exchange(a, code, QStringLiteral("http://127.0.0.1:4712/callback"));
        } else if (what == u"client") {
            QJsonObject metadata = portico();
            metadata.insert(QStringLiteral("client_name"), QStringLiteral("Other"));
            Attempt other = a;
            other.clientId = registerClient(metadata).json.value(u"client_id").toString();
            QVERIFY(other.clientId != a.clientId);
            answer = exchange(other, code);
        } else {
            answer = send("POST", QStringLiteral("/_oauth/token"),
                QJsonDocument(QJsonObject{{QStringLiteral("grant_type"),
                                              QStringLiteral("authorization_code")},
                                  {QStringLiteral("code"), code}})
                    .toJson());
        }
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.json.value(u"access_token").isUndefined());
        // The right request still works: a refused attempt does not burn the code.
        if (what != u"json")
            QCOMPARE(exchange(a, code).status, 200);
    }
    void codeSingleUse()
    {
        server->oauth()->options().skipConsent = true;
        Attempt a;
        a.clientId = clientId();
        const QString code = codeOf(authorize(authorizeQuery(a)).location);
        const Answer first = exchange(a, code);
        QCOMPARE(first.status, 200);
        const Answer replay = exchange(a, code);
        QCOMPARE(replay.status, 400);
        QCOMPARE(replay.json.value(u"error").toString(), QStringLiteral("invalid_grant"));
        // A replayed code revokes what it gave (RFC 6749 4.1.2).
        QCOMPARE(whoami(first.json.value(u"access_token").toString()).status, 401);
    }
    void codeShortLived()
    {
        restart([](DevOAuth::Options &o) {
            o.skipConsent = true;
            o.codeLifetimeMs = -1; // already expired when it reaches the token endpoint
        });
        Attempt a;
        a.clientId = clientId();
        const Answer answer = exchange(a, codeOf(authorize(authorizeQuery(a)).location));
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.json.value(u"error").toString(), QStringLiteral("invalid_grant"));
    }

    void refreshRotation()
    {
        server->oauth()->options().skipConsent = true;
        Attempt a;
        a.clientId = clientId();
        const Answer first = exchange(a, codeOf(authorize(authorizeQuery(a)).location));
        const QString oldRefresh = first.json.value(u"refresh_token").toString();
        const Answer second = refresh(a.clientId, oldRefresh);
        QCOMPARE(second.status, 200);
        const QString newRefresh = second.json.value(u"refresh_token").toString();
        QVERIFY(newRefresh != oldRefresh);
        QCOMPARE(whoami(first.json.value(u"access_token").toString()).status, 401);
        // The answer was lost: the old refresh token still works until a new access token is used.
        const Answer again = refresh(a.clientId, oldRefresh);
        QCOMPARE(again.status, 200);
        QCOMPARE(whoami(again.json.value(u"access_token").toString()).status, 200);
        const Answer late = refresh(a.clientId, oldRefresh);
        QCOMPARE(late.status, 400);
        QCOMPARE(late.json.value(u"error").toString(), QStringLiteral("invalid_grant"));
        QCOMPARE(
            refresh(QStringLiteral("other"), again.json.value(u"refresh_token").toString()).status,
            401);
    }
    void revocation()
    {
        server->oauth()->options().skipConsent = true;
        Attempt a;
        a.clientId = clientId();
        const Answer tokens = exchange(a, codeOf(authorize(authorizeQuery(a)).location));
        const Answer revoked = send("POST", QStringLiteral("/_oauth/revoke"),
            form({{QStringLiteral("token"), tokens.json.value(u"refresh_token").toString()},
                {QStringLiteral("token_type_hint"), QStringLiteral("refresh_token")},
                {QStringLiteral("client_id"), a.clientId}}),
            Form);
        QCOMPARE(revoked.status, 200);
        QCOMPARE(server->oauth()->revocations().size(), 1);
        QCOMPARE(server->oauth()->revocations().first().found, QStringLiteral("refresh_token"));
        // The whole session ends, its device too.
        QCOMPARE(whoami(tokens.json.value(u"access_token").toString()).status, 401);
        QVERIFY(!server->devicesOf(QStringLiteral("@alice:localhost")).contains(a.deviceId));
        // Unknown tokens are answered 200 too (RFC 7009 2.2).
        QCOMPARE(send("POST", QStringLiteral("/_oauth/revoke"),
                     form({{QStringLiteral("token"), QStringLiteral("nope")},
                         {QStringLiteral("client_id"), a.clientId}}),
                     Form)
                     .status,
            200);
    }

    Answer startDeviceGrant(const QString &client, const QString &deviceId)
    {
        return send("POST", QStringLiteral("/_oauth/device"),
            form({{QStringLiteral("client_id"), client},
                {QStringLiteral("scope"),
                    Portico::OAuth::matrixScope(deviceId, Portico::OAuth::ScopeNames::Stable)}}),
            Form);
    }
    Answer pollDevice(const QString &client, const Answer &start)
    {
        return send("POST", QStringLiteral("/_oauth/token"),
            form({{QStringLiteral("grant_type"),
                      QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
                {QStringLiteral("device_code"), start.json.value(u"device_code").toString()},
                {QStringLiteral("client_id"), client}}),
            Form);
    }
    void deviceGrant()
    {
        restart([](DevOAuth::Options &o) { o.deviceIntervalSeconds = 0; });
        const QString client = clientId();
        const QString deviceId = Portico::OAuth::newDeviceId();
        const Answer start = startDeviceGrant(client, deviceId);
        QCOMPARE(start.status, 200);
        QCOMPARE(pollDevice(client, start).json.value(u"error").toString(),
            QStringLiteral("authorization_pending"));
        // The phone: open the complete URI, approve.
        const Answer page = send("GET", start.json.value(u"verification_uri_complete").toString());
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains(start.json.value(u"user_code").toString().toUtf8()));
        QCOMPARE(send("POST", QStringLiteral("/_oauth/link"),
                     form({{QStringLiteral("code"), start.json.value(u"user_code").toString()},
                         {QStringLiteral("decision"), QStringLiteral("allow")}}),
                     Form)
                     .status,
            200);
        const Answer tokens = pollDevice(client, start);
        QCOMPARE(tokens.status, 200);
        QCOMPARE(whoami(tokens.json.value(u"access_token").toString())
                     .json.value(u"device_id")
                     .toString(),
            deviceId);
        QCOMPARE(pollDevice(client, start).json.value(u"error").toString(),
            QStringLiteral("invalid_grant"));
    }
    void deviceGrantSlowDown()
    {
        const QString client = clientId();
        const Answer start = startDeviceGrant(client, Portico::OAuth::newDeviceId());
        QCOMPARE(start.json.value(u"interval").toInt(), 5);
        QCOMPARE(pollDevice(client, start).json.value(u"error").toString(),
            QStringLiteral("authorization_pending"));
        QCOMPARE(
            pollDevice(client, start).json.value(u"error").toString(), QStringLiteral("slow_down"));
    }
    void deviceGrantNotRegistered()
    {
        QJsonObject metadata = portico();
        metadata.insert(QStringLiteral("grant_types"),
            QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")});
        const QString client = registerClient(metadata).json.value(u"client_id").toString();
        QCOMPARE(
            startDeviceGrant(client, Portico::OAuth::newDeviceId()).json.value(u"error").toString(),
            QStringLiteral("unauthorized_client"));
    }
    void deviceGrantDeniedAndExpired()
    {
        restart([](DevOAuth::Options &o) { o.deviceIntervalSeconds = 0; });
        const QString client = clientId();
        const auto startGrant = [&] {
            return send("POST", QStringLiteral("/_oauth/device"),
                form({{QStringLiteral("client_id"), client},
                    {QStringLiteral("scope"),
                        Portico::OAuth::matrixScope(
                            Portico::OAuth::newDeviceId(), Portico::OAuth::ScopeNames::Stable)}}),
                Form);
        };
        const auto poll = [&](const Answer &start) {
            return send("POST", QStringLiteral("/_oauth/token"),
                form({{QStringLiteral("grant_type"),
                          QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
                    {QStringLiteral("device_code"), start.json.value(u"device_code").toString()},
                    {QStringLiteral("client_id"), client}}),
                Form)
                .json.value(u"error")
                .toString();
        };
        const Answer denied = startGrant();
        send("POST", QStringLiteral("/_oauth/link"),
            form({{QStringLiteral("code"), denied.json.value(u"user_code").toString()},
                {QStringLiteral("decision"), QStringLiteral("deny")}}),
            Form);
        QCOMPARE(poll(denied), QStringLiteral("access_denied"));
        server->oauth()->options().deviceCodeLifetimeMs = -1;
        QCOMPARE(poll(startGrant()), QStringLiteral("expired_token"));
    }

    void accountManagementDeletesDevices()
    {
        const QString token
            = server->addDevice(QStringLiteral("@alice:localhost"), QStringLiteral("PHONEPHONE"));
        QVERIFY(server->isAccessTokenValid(token));
        const Answer confirm = send("GET",
            QStringLiteral("/_oauth/account?action=org.matrix.device_delete&device_id=PHONEPHONE"));
        QCOMPARE(confirm.status, 200);
        QVERIFY(confirm.body.contains("PHONEPHONE"));
        const QRegularExpression formField(QStringLiteral("name=\"form\" value=\"([^\"]+)\""));
        const QString served = formField.match(QString::fromUtf8(confirm.body)).captured(1);
        QVERIFY2(!served.isEmpty(), confirm.body.constData());
        const auto removal = [&](const QString &action, const QString &device,
                                 const QString &formToken) {
            return send("POST", QStringLiteral("/_oauth/account"),
                form({{QStringLiteral("action"), action}, {QStringLiteral("device_id"), device},
                    {QStringLiteral("form"), formToken}}),
                Form);
        };
        const QString remove = QStringLiteral("org.matrix.device_delete");
        // Strict: no removal without the form the confirmation served, nor for another device.
        QCOMPARE(
            removal(remove, QStringLiteral("PHONEPHONE"), QStringLiteral("forged")).status, 400);
        QCOMPARE(removal(remove, QStringLiteral("OTHERDEVICE"), served).status, 400);
        QCOMPARE(removal(QStringLiteral("org.matrix.profile"), QStringLiteral("PHONEPHONE"), served)
                     .status,
            400);
        QVERIFY(server->isAccessTokenValid(token));

        const Answer done = removal(remove, QStringLiteral("PHONEPHONE"), served);
        QCOMPARE(done.status, 200);
        QVERIFY(done.body.contains("id=\"done\""));
        QVERIFY(!server->devicesOf(QStringLiteral("@alice:localhost")).contains(u"PHONEPHONE"));
        QVERIFY(!server->isAccessTokenValid(token));
        // The form is single-use.
        QCOMPARE(removal(remove, QStringLiteral("PHONEPHONE"), served).status, 400);
        QCOMPARE(server->oauth()->accountVisits().constLast().action, remove);
        QCOMPARE(
            server->oauth()->accountVisits().constLast().deviceId, QStringLiteral("PHONEPHONE"));
    }

    void accountManagementEndsSessionsByTheUnstableName()
    {
        const QString token
            = server->addDevice(QStringLiteral("@alice:localhost"), QStringLiteral("TABLETTABLET"));
        const Answer confirm = send("GET",
            QStringLiteral("/_oauth/account?action=org.matrix.session_end&device_id=TABLETTABLET"));
        QCOMPARE(confirm.status, 200);
        const QRegularExpression formField(QStringLiteral("name=\"form\" value=\"([^\"]+)\""));
        const QString served = formField.match(QString::fromUtf8(confirm.body)).captured(1);
        QCOMPARE(send("POST", QStringLiteral("/_oauth/account"),
                     form({{QStringLiteral("action"), QStringLiteral("org.matrix.session_end")},
                         {QStringLiteral("device_id"), QStringLiteral("TABLETTABLET")},
                         {QStringLiteral("form"), served}}),
                     Form)
                     .status,
            200);
        QVERIFY(!server->isAccessTokenValid(token));
    }

    void accountManagementRefusesUnknownDevices()
    {
        const Answer unknown = send("GET",
            QStringLiteral(
                "/_oauth/account?action=org.matrix.device_delete&device_id=NOSUCHDEVICE"));
        QCOMPARE(unknown.status, 404);
        QVERIFY(unknown.body.contains("id=\"error\""));
        QVERIFY(!unknown.body.contains("id=\"confirm\""));
        QCOMPARE(
            send("GET", QStringLiteral("/_oauth/account?action=org.matrix.device_delete")).status,
            404);
    }

    void accountManagementShowsTheProfile()
    {
        const Answer profile
            = send("GET", QStringLiteral("/_oauth/account?action=org.matrix.profile"));
        QCOMPARE(profile.status, 200);
        QVERIFY(profile.body.contains("id=\"profile\""));
        QVERIFY(profile.body.contains("@alice:localhost"));
    }
};

QTEST_GUILESS_MAIN(TestDevOAuth)
#include "tst_devoauth.moc"
