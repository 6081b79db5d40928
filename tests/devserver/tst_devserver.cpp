// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devserver.h"

#include "scriptedbrowser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

namespace {
struct Answer
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
    QByteArray location;
    QByteArray contentType;
};
} // namespace

// The development homeserver must be as strict as a real one, or it hides client bugs.
class TestDevServer : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;
    std::unique_ptr<DevServer> server;

    Answer send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
        const QByteArray &contentType = "application/json", const QByteArray &bearer = {})
    {
        QNetworkRequest request(QUrl(server->baseUrl().toString() + path));
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!contentType.isEmpty() && verb != "GET")
            request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer);
        QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000))
            qFatal("dev server did not answer");
        reply->deleteLater();
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.json = QJsonDocument::fromJson(answer.body).object();
        answer.location = reply->rawHeader("Location");
        answer.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        return answer;
    }
    QString loginToken()
    {
        const Answer redirect = send("GET",
            QStringLiteral("/_matrix/client/v3/login/sso/redirect/"
                           "github?redirectUrl=http%3A%2F%2F127.0.0.1%3A1%2Fcb%3Fkeep%3D1%"
                           "26loginToken%3Dold"));
        return QUrlQuery(QUrl::fromEncoded(redirect.location))
            .queryItemValue(QStringLiteral("loginToken"));
    }
    QByteArray tokenLogin(const QString &token)
    {
        return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.token")},
                                 {QStringLiteral("token"), token}})
            .toJson();
    }

private Q_SLOTS:
    void init()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        server = std::make_unique<DevServer>(config);
        QVERIFY(server->start());
    }
    void discoveryDocuments()
    {
        Answer a = send("GET", QStringLiteral("/.well-known/matrix/client"));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json[u"m.homeserver"][u"base_url"].toString(), server->baseUrl().toString());
        a = send("GET", QStringLiteral("/_matrix/client/versions"));
        QVERIFY(a.json[u"versions"].toArray().contains(QStringLiteral("v1.1")));
        QVERIFY(a.contentType.startsWith("application/json"));
    }
    void loginFlowsOfTheDemo()
    {
        const Answer a = send("GET", QStringLiteral("/_matrix/client/v3/login"));
        const QJsonArray flows = a.json[u"flows"].toArray();
        QCOMPARE(flows.at(0)[u"type"].toString(), QStringLiteral("m.login.sso"));
        const QJsonArray idps = flows.at(0)[u"identity_providers"].toArray();
        QCOMPARE(idps.size(), 4);
        QCOMPARE(idps.at(0)[u"brand"].toString(), QStringLiteral("github"));
        QCOMPARE(idps.at(1)[u"icon"].toString(), QStringLiteral("mxc://localhost/keycloakIcon"));
        QVERIFY(idps.at(2)[u"icon"].toString().startsWith(server->baseUrl().toString()));
        QVERIFY(!idps.at(3).toObject().contains(u"icon"));
        QCOMPARE(flows.at(1)[u"type"].toString(), QStringLiteral("m.login.token"));
    }
    void redirectNeedsRedirectUrl()
    {
        Answer a = send("GET", QStringLiteral("/_matrix/client/v3/login/sso/redirect/github"));
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_MISSING_PARAM"));
        a = send("GET",
            QStringLiteral(
                "/_matrix/client/v3/login/sso/redirect/github?redirectUrl=relative%2Fpath"));
        QCOMPARE(a.status, 400);
    }
    void unknownProviderIs404()
    {
        const Answer a = send("GET",
            QStringLiteral("/_matrix/client/v3/login/sso/redirect/"
                           "nope?redirectUrl=http%3A%2F%2F127.0.0.1%3A1%2F"));
        QCOMPARE(a.status, 404);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_NOT_FOUND"));
    }
    void redirectKeepsTheClientsQuery()
    {
        const Answer a = send("GET",
            QStringLiteral("/_matrix/client/v3/login/sso/redirect/"
                           "github?redirectUrl=http%3A%2F%2F127.0.0.1%3A1%2Fcb%3Fkeep%3D1%"
                           "26loginToken%3Dold"));
        QCOMPARE(a.status, 302);
        const QUrl target = QUrl::fromEncoded(a.location);
        QCOMPARE(target.path(), QStringLiteral("/cb"));
        const QUrlQuery query(target);
        QCOMPARE(query.queryItemValue(QStringLiteral("keep")), QStringLiteral("1"));
        QCOMPARE(query.allQueryItemValues(QStringLiteral("loginToken")).size(), 1);
        QVERIFY(query.queryItemValue(QStringLiteral("loginToken")) != QStringLiteral("old"));
    }
    void idpPageWhenNotSkipped()
    {
        server = std::make_unique<DevServer>(DevServer::Config::demo());
        QVERIFY(server->start());
        const Answer a = send("GET",
            QStringLiteral("/_matrix/client/v3/login/sso/redirect/"
                           "keycloak?redirectUrl=http%3A%2F%2F127.0.0.1%3A1%2F"));
        QCOMPARE(a.status, 302);
        QVERIFY(a.location.contains("/_dev/idp?attempt="));
        const Answer page = send("GET",
            QUrl::fromEncoded(a.location).toString(QUrl::RemoveScheme | QUrl::RemoveAuthority));
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Company Keycloak"));
        QVERIFY(page.body.contains("<form"));
        // The form refuses a hostile user name.
        const QString attempt
            = QUrlQuery(QUrl::fromEncoded(a.location)).queryItemValue(QStringLiteral("attempt"));
        QCOMPARE(send("POST", QStringLiteral("/_dev/idp/approve"),
                     "attempt=" + attempt.toUtf8() + "&user=%3Cscript%3E",
                     "application/x-www-form-urlencoded")
                     .status,
            400);
        const Answer ok = send("POST", QStringLiteral("/_dev/idp/approve"),
            "attempt=" + attempt.toUtf8() + "&user=carol", "application/x-www-form-urlencoded");
        QCOMPARE(ok.status, 302);
        QVERIFY(ok.location.startsWith("http://127.0.0.1:1/?loginToken="));
    }
    void tokenLoginIsSingleUse()
    {
        const QString token = loginToken();
        Answer a = send("POST", QStringLiteral("/_matrix/client/v3/login"), tokenLogin(token));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json[u"user_id"].toString(), QStringLiteral("@alice:localhost"));
        QVERIFY(!a.json[u"device_id"].toString().isEmpty());
        QVERIFY(!a.json[u"access_token"].toString().isEmpty());
        QCOMPARE(a.json[u"well_known"][u"m.homeserver"][u"base_url"].toString(),
            server->baseUrl().toString());
        a = send("POST", QStringLiteral("/_matrix/client/v3/login"), tokenLogin(token));
        QCOMPARE(a.status, 403);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_FORBIDDEN"));
    }
    void loginIsStrict_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errcode");
        QTest::newRow("not json") << QByteArray("type=m.login.token")
                                  << QByteArray("application/json") << 400 << "M_NOT_JSON";
        QTest::newRow("wrong content type") << QByteArray(R"({"type":"m.login.token","token":"x"})")
                                            << QByteArray("text/plain") << 400 << "M_NOT_JSON";
        QTest::newRow("array") << QByteArray("[]") << QByteArray("application/json") << 400
                               << "M_BAD_JSON";
        QTest::newRow("no type") << QByteArray(R"({"token":"x"})") << QByteArray("application/json")
                                 << 400 << "M_BAD_JSON";
        QTest::newRow("password") << QByteArray(R"({"type":"m.login.password","password":"x"})")
                                  << QByteArray("application/json") << 400 << "M_UNKNOWN";
        QTest::newRow("no token") << QByteArray(R"({"type":"m.login.token"})")
                                  << QByteArray("application/json") << 400 << "M_BAD_JSON";
        QTest::newRow("device name not string")
            << QByteArray(R"({"type":"m.login.token","token":"x","initial_device_display_name":1})")
            << QByteArray("application/json") << 400 << "M_BAD_JSON";
        QTest::newRow("unknown token") << QByteArray(R"({"type":"m.login.token","token":"nope"})")
                                       << QByteArray("application/json") << 403 << "M_FORBIDDEN";
    }
    void loginIsStrict()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, errcode);
        const Answer a
            = send("POST", QStringLiteral("/_matrix/client/v3/login"), body, contentType);
        QCOMPARE(a.status, status);
        QCOMPARE(a.json[u"errcode"].toString(), errcode);
    }
    void expiredTokens()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        config.loginTokenLifetimeMs = -1;
        server = std::make_unique<DevServer>(config);
        QVERIFY(server->start());
        QCOMPARE(send("POST", QStringLiteral("/_matrix/client/v3/login"), tokenLogin(loginToken()))
                     .status,
            403);
    }
    void whoamiNeedsBearer()
    {
        const QByteArray token
            = send("POST", QStringLiteral("/_matrix/client/v3/login"), tokenLogin(loginToken()))
                  .json[u"access_token"]
                  .toString()
                  .toUtf8();
        QCOMPARE(send("GET", QStringLiteral("/_matrix/client/v3/account/whoami"))
                     .json[u"errcode"]
                     .toString(),
            QStringLiteral("M_MISSING_TOKEN"));
        const Answer queryAuth = send("GET",
            QStringLiteral("/_matrix/client/v3/account/whoami?access_token=")
                + QString::fromUtf8(token));
        QCOMPARE(queryAuth.status, 401);
        QCOMPARE(queryAuth.json[u"errcode"].toString(), QStringLiteral("M_MISSING_TOKEN"));
        const Answer wrong
            = send("GET", QStringLiteral("/_matrix/client/v3/account/whoami"), {}, {}, "nope");
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.json[u"errcode"].toString(), QStringLiteral("M_UNKNOWN_TOKEN"));
        const Answer ok
            = send("GET", QStringLiteral("/_matrix/client/v3/account/whoami"), {}, {}, token);
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json[u"user_id"].toString(), QStringLiteral("@alice:localhost"));
    }
    void mediaForIcons()
    {
        Answer a = send("GET", QStringLiteral("/_matrix/media/v3/download/localhost/keycloakIcon"));
        QCOMPARE(a.status, 200);
        QCOMPARE(a.contentType, QByteArray("image/png"));
        QVERIFY(a.body.startsWith("\x89PNG"));
        QCOMPARE(
            send("GET", QStringLiteral("/_matrix/media/v3/download/localhost/nope")).status, 404);
        QCOMPARE(
            send("GET", QStringLiteral("/_matrix/media/v3/download/other.org/keycloakIcon")).status,
            404);
        // The authenticated media API wants a token.
        QCOMPARE(
            send("GET", QStringLiteral("/_matrix/client/v1/media/download/localhost/keycloakIcon"))
                .status,
            401);
    }
    void unknownEndpointsAndMethods()
    {
        Answer a = send("GET", QStringLiteral("/_matrix/client/v3/nothing"));
        QCOMPARE(a.status, 404);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_UNRECOGNIZED"));
        a = send("DELETE", QStringLiteral("/_matrix/client/v3/login"));
        QCOMPARE(a.status, 405);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_UNRECOGNIZED"));
    }
    void faultsPerMethodAndPath()
    {
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault postOnly;
        postOnly.status = 503;
        postOnly.body = "down";
        postOnly.contentType = "text/plain";
        postOnly.times = 1;
        config.faults.insert(QStringLiteral("POST /_matrix/client/v3/login"), postOnly);
        server = std::make_unique<DevServer>(config);
        QVERIFY(server->start());
        QCOMPARE(send("GET", QStringLiteral("/_matrix/client/v3/login")).status, 200);
        QCOMPARE(send("POST", QStringLiteral("/_matrix/client/v3/login"), "{}").status, 503);
        // Only once: the next POST reaches the real endpoint, which finds the body wanting.
        QCOMPARE(send("POST", QStringLiteral("/_matrix/client/v3/login"), "{}").status, 400);
    }
    void configRejectsUnknownKeys()
    {
        QString error;
        DevServer::Config::fromJson(
            QJsonObject{{QStringLiteral("identityProvider"), QJsonArray{}}}, &error);
        QVERIFY(error.contains(QStringLiteral("identityProvider")));
    }
};

QTEST_GUILESS_MAIN(TestDevServer)
#include "tst_devserver.moc"
