// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devserver.h"

#include "scriptedbrowser.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <functional>

namespace {
const QString Alice = QStringLiteral("@alice:localhost");

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
    // A fresh server like init()'s, with Alice's password "wonderland", changed by `change`.
    void restartWith(const std::function<void(DevServer::Config &)> &change)
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        config.passwords.insert(QStringLiteral("alice"), QStringLiteral("wonderland"));
        change(config);
        server = std::make_unique<DevServer>(config);
        QVERIFY(server->start());
    }
    // {"auth": {"type"?, "session"}}, and "devices" when given.
    static QByteArray stageAuth(
        const QString &type, const QString &session, const QStringList &devices = {})
    {
        QJsonObject auth{{QStringLiteral("session"), session}};
        if (!type.isEmpty())
            auth.insert(QStringLiteral("type"), type);
        QJsonObject body{{QStringLiteral("auth"), auth}};
        if (!devices.isEmpty())
            body.insert(QStringLiteral("devices"), QJsonArray::fromStringList(devices));
        return QJsonDocument(body).toJson();
    }
    static QByteArray passwordAuth(const QString &session, const QByteArray &password)
    {
        return QJsonDocument(
            QJsonObject{{QStringLiteral("auth"),
                QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.password")},
                    {QStringLiteral("session"), session},
                    {QStringLiteral("identifier"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("m.id.user")},
                            {QStringLiteral("user"), QStringLiteral("@alice:localhost")}}},
                    {QStringLiteral("password"), QString::fromUtf8(password)}}}})
            .toJson();
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
    // Devices and User-Interactive Auth.
    void loginMakesADeviceAndLogoutEndsIt()
    {
        const Answer login = send("POST", QStringLiteral("/_matrix/client/v3/login"),
            QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.token")},
                              {QStringLiteral("token"), loginToken()},
                              {QStringLiteral("initial_device_display_name"),
                                  QStringLiteral("Portico on laptop")}})
                .toJson());
        QCOMPARE(login.status, 200);
        const QString device = login.json[u"device_id"].toString();
        const QByteArray token = login.json[u"access_token"].toString().toUtf8();
        QCOMPARE(server->devicesOf(Alice), QStringList{device});
        QCOMPARE(server->deviceDisplayName(Alice, device), QStringLiteral("Portico on laptop"));
        QCOMPARE(send("POST", QStringLiteral("/_matrix/client/v3/logout"), "{}", "application/json",
                     token)
                     .status,
            200);
        QVERIFY(server->devicesOf(Alice).isEmpty());
    }
    void listGetAndRenameDevices()
    {
        const QByteArray token = server->addDevice(Alice, QStringLiteral("LAPTOP")).toUtf8();
        server->addDevice(Alice, QStringLiteral("OLDPHONE"), QStringLiteral("Old phone"),
            QStringLiteral("10.1.2.3"), 1700000000000);
        server->addDevice(QStringLiteral("@bob:localhost"), QStringLiteral("BOBS"));
        QCOMPARE(send("GET", QStringLiteral("/_matrix/client/v3/devices")).status, 401);

        Answer a = send("GET", QStringLiteral("/_matrix/client/v3/devices"), {}, {}, token);
        QCOMPARE(a.status, 200);
        const QJsonArray devices = a.json[u"devices"].toArray();
        QCOMPARE(devices.size(), 2); // Alice's only
        QCOMPARE(devices.at(0)[u"device_id"].toString(), QStringLiteral("LAPTOP"));
        QCOMPARE(devices.at(0)[u"last_seen_ip"].toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(devices.at(0)[u"last_seen_ts"].toDouble() > 1700000000000.0);
        QCOMPARE(devices.at(1)[u"display_name"].toString(), QStringLiteral("Old phone"));
        QCOMPARE(devices.at(1)[u"last_seen_ts"].toDouble(), 1700000000000.0);

        a = send("GET", QStringLiteral("/_matrix/client/v3/devices/OLDPHONE"), {}, {}, token);
        QCOMPARE(a.json[u"display_name"].toString(), QStringLiteral("Old phone"));
        a = send("GET", QStringLiteral("/_matrix/client/v3/devices/BOBS"), {}, {}, token);
        QCOMPARE(a.status, 404);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_NOT_FOUND"));

        a = send("PUT", QStringLiteral("/_matrix/client/v3/devices/OLDPHONE"),
            R"({"display_name":"Drawer phone"})", "application/json", token);
        QCOMPARE(a.status, 200);
        QCOMPARE(server->deviceDisplayName(Alice, QStringLiteral("OLDPHONE")),
            QStringLiteral("Drawer phone"));
        a = send("PUT", QStringLiteral("/_matrix/client/v3/devices/OLDPHONE"),
            R"({"display_name":5})", "application/json", token);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_BAD_JSON"));
        a = send("PUT", QStringLiteral("/_matrix/client/v3/devices/BOBS"),
            R"({"display_name":"mine"})", "application/json", token);
        QCOMPARE(a.status, 404);
        QCOMPARE(
            server->deviceDisplayName(QStringLiteral("@bob:localhost"), QStringLiteral("BOBS")),
            QString());
    }
    void deletingNeedsUserInteractiveAuth()
    {
        restartWith([](DevServer::Config &c) {
            c.uiaFlows = {{QStringLiteral("m.login.password")}, {QStringLiteral("m.login.sso")}};
        });
        const QByteArray token = server->addDevice(Alice, QStringLiteral("LAPTOP")).toUtf8();
        const QByteArray old = server->addDevice(Alice, QStringLiteral("OLDPHONE")).toUtf8();
        Answer a
            = send("DELETE", QStringLiteral("/_matrix/client/v3/devices/OLDPHONE"), {}, {}, token);
        QCOMPARE(a.status, 401);
        QCOMPARE(a.json[u"flows"].toArray().size(), 2);
        QCOMPARE(a.json[u"flows"][0][u"stages"].toArray(),
            QJsonArray{QStringLiteral("m.login.password")});
        QVERIFY(a.json[u"params"].isObject());
        QVERIFY(a.json[u"completed"].toArray().isEmpty());
        QVERIFY(!a.json.contains(u"errcode"));
        const QString session = a.json[u"session"].toString();
        QVERIFY(server->hasUiaSession(session));

        // Wrong password: the same 401 plus M_FORBIDDEN; the session lives on.
        a = send("DELETE", QStringLiteral("/_matrix/client/v3/devices/OLDPHONE"),
            passwordAuth(session, "wrong"), "application/json", token);
        QCOMPARE(a.status, 401);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_FORBIDDEN"));
        QCOMPARE(a.json[u"flows"].toArray().size(), 2);
        QCOMPARE(a.json[u"session"].toString(), session);
        QVERIFY(server->devicesOf(Alice).contains(QStringLiteral("OLDPHONE")));
        // SSO cannot be done through the API.
        a = send("DELETE", QStringLiteral("/_matrix/client/v3/devices/OLDPHONE"),
            stageAuth(QStringLiteral("m.login.sso"), session), "application/json", token);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_UNRECOGNIZED"));

        a = send("DELETE", QStringLiteral("/_matrix/client/v3/devices/OLDPHONE"),
            passwordAuth(session, "wonderland"), "application/json", token);
        QCOMPARE(a.status, 200);
        QVERIFY(!server->devicesOf(Alice).contains(QStringLiteral("OLDPHONE")));
        // The deleted device's token is gone with it; the session is used up.
        a = send("GET", QStringLiteral("/_matrix/client/v3/account/whoami"), {}, {}, old);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_UNKNOWN_TOKEN"));
        QVERIFY(!server->hasUiaSession(session));
        a = send("DELETE", QStringLiteral("/_matrix/client/v3/devices/OLDPHONE"),
            passwordAuth(session, "wonderland"), "application/json", token);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_UNKNOWN"));
    }
    void stagesInOrderWithTerms()
    {
        restartWith([](DevServer::Config &c) {
            c.uiaFlows = {{QStringLiteral("m.login.password"), QStringLiteral("m.login.terms")}};
        });
        const QByteArray token = server->addDevice(Alice, QStringLiteral("LAPTOP")).toUtf8();
        server->addDevice(Alice, QStringLiteral("OLDPHONE"));
        const QString path = QStringLiteral("/_matrix/client/v3/devices/OLDPHONE");
        Answer a = send("DELETE", path, {}, {}, token);
        const QJsonObject policy
            = a.json[u"params"][u"m.login.terms"][u"policies"][u"privacy_policy"].toObject();
        QCOMPARE(policy[u"version"].toString(), QStringLiteral("1.0"));
        QVERIFY(policy[u"en"][u"url"].toString().startsWith(u"https:"));
        const QByteArray session = a.json[u"session"].toString().toUtf8();
        const QByteArray terms
            = stageAuth(QStringLiteral("m.login.terms"), QString::fromUtf8(session));
        a = send("DELETE", path, terms, "application/json", token);
        QCOMPARE(a.status, 400); // terms before the password: out of order
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_INVALID_PARAM"));
        a = send("DELETE", path, passwordAuth(QString::fromUtf8(session), "wonderland"),
            "application/json", token);
        QCOMPARE(a.status, 401);
        QCOMPARE(a.json[u"completed"].toArray(), QJsonArray{QStringLiteral("m.login.password")});
        QVERIFY(server->devicesOf(Alice).contains(QStringLiteral("OLDPHONE")));
        a = send("DELETE", path, terms, "application/json", token);
        QCOMPARE(a.status, 200);
        QVERIFY(!server->devicesOf(Alice).contains(QStringLiteral("OLDPHONE")));
    }
    void sessionBelongsToItsRequestAndUser()
    {
        restartWith([](DevServer::Config &c) { c.uiaFlows = {{QStringLiteral("m.login.dummy")}}; });
        const QByteArray alice = server->addDevice(Alice, QStringLiteral("LAPTOP")).toUtf8();
        const QByteArray bob
            = server->addDevice(QStringLiteral("@bob:localhost"), QStringLiteral("BOBS")).toUtf8();
        server->addDevice(Alice, QStringLiteral("A1"));
        server->addDevice(Alice, QStringLiteral("A2"));
        const QByteArray session
            = send("DELETE", QStringLiteral("/_matrix/client/v3/devices/A1"), {}, {}, alice)
                  .json[u"session"]
                  .toString()
                  .toUtf8();
        const QByteArray dummy
            = stageAuth(QStringLiteral("m.login.dummy"), QString::fromUtf8(session));
        Answer a = send("DELETE", QStringLiteral("/_matrix/client/v3/devices/A2"), dummy,
            "application/json", alice);
        QCOMPARE(a.status, 403);
        a = send("DELETE", QStringLiteral("/_matrix/client/v3/devices/A1"), dummy,
            "application/json", bob);
        QCOMPARE(a.status, 403);
        a = send("POST", QStringLiteral("/_matrix/client/v3/delete_devices"),
            stageAuth(QStringLiteral("m.login.dummy"), QString::fromUtf8(session),
                {QStringLiteral("A1")}),
            "application/json", alice);
        QCOMPARE(a.status, 403);
        QCOMPARE(server->devicesOf(Alice).size(), 3);
        a = send("DELETE", QStringLiteral("/_matrix/client/v3/devices/A1"), dummy,
            "application/json", alice);
        QCOMPARE(a.status, 200);
        QVERIFY(!server->devicesOf(Alice).contains(QStringLiteral("A1")));
    }
    void deleteDevicesIsStrictAndInvalidatesTokens()
    {
        restartWith([](DevServer::Config &c) { c.uiaFlows = {{QStringLiteral("m.login.dummy")}}; });
        const QByteArray token = server->addDevice(Alice, QStringLiteral("LAPTOP")).toUtf8();
        const QString a1 = server->addDevice(Alice, QStringLiteral("A1"));
        const QString a2 = server->addDevice(Alice, QStringLiteral("A2"));
        const QString path = QStringLiteral("/_matrix/client/v3/delete_devices");
        QCOMPARE(send("POST", path, "{}", "application/json", token).status, 400);
        QCOMPARE(send("POST", path, R"({"devices":[1]})", "application/json", token).status, 400);
        QCOMPARE(send("POST", path, R"({"devices":["A1"]})", "text/plain", token).status, 400);
        Answer a = send("POST", path, R"({"devices":["A1","A2"]})", "application/json", token);
        QCOMPARE(a.status, 401);
        a = send("POST", path,
            stageAuth(QStringLiteral("m.login.dummy"), a.json[u"session"].toString(),
                {QStringLiteral("A1"), QStringLiteral("A2")}),
            "application/json", token);
        QCOMPARE(a.status, 200);
        QCOMPARE(server->devicesOf(Alice), QStringList{QStringLiteral("LAPTOP")});
        QVERIFY(!server->isAccessTokenValid(a1));
        QVERIFY(!server->isAccessTokenValid(a2));
    }
    void expiredSessionIsUnknown()
    {
        restartWith([](DevServer::Config &c) {
            c.uiaFlows = {{QStringLiteral("m.login.password")}};
            c.uiaSessionLifetimeMs = 100;
        });
        const QByteArray token = server->addDevice(Alice, QStringLiteral("LAPTOP")).toUtf8();
        server->addDevice(Alice, QStringLiteral("OLDPHONE"));
        const QString path = QStringLiteral("/_matrix/client/v3/devices/OLDPHONE");
        const QString session = send("DELETE", path, {}, {}, token).json[u"session"].toString();
        QTRY_VERIFY_WITH_TIMEOUT(!server->hasUiaSession(session), 10000);
        const Answer a
            = send("DELETE", path, passwordAuth(session, "wonderland"), "application/json", token);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json[u"errcode"].toString(), QStringLiteral("M_UNKNOWN"));
        QVERIFY(server->devicesOf(Alice).contains(QStringLiteral("OLDPHONE")));
        // The fallback page does not know it either.
        QCOMPARE(send("GET",
                     QStringLiteral("/_matrix/client/v3/auth/m.login.sso/fallback/web?session=")
                         + session)
                     .status,
            400);
    }
    void ssoFallbackPage()
    {
        restartWith([](DevServer::Config &c) {
            c.uiaFlows = {{QStringLiteral("m.login.sso")}};
            c.uiaIdentityProviders = true;
        });
        const QByteArray token = server->addDevice(Alice, QStringLiteral("LAPTOP")).toUtf8();
        server->addDevice(Alice, QStringLiteral("OLDPHONE"));
        const QString path = QStringLiteral("/_matrix/client/v3/devices/OLDPHONE");
        Answer a = send("DELETE", path, {}, {}, token);
        QCOMPARE(a.json[u"params"][u"m.login.sso"][u"identity_providers"].toArray().size(), 4);
        const QString session = a.json[u"session"].toString();
        const QByteArray sessionOnly = stageAuth({}, session);
        a = send("DELETE", path, sessionOnly, "application/json", token);
        QCOMPARE(a.status, 401); // not done yet
        QVERIFY(a.json[u"completed"].toArray().isEmpty());

        const QString fallback
            = QStringLiteral("/_matrix/client/v3/auth/m.login.sso/fallback/web?session=") + session;
        const Answer page = send("GET", fallback);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("DELETE " + path.toUtf8())); // says what is confirmed
        QVERIFY(page.body.contains("id=\"continue\""));
        QCOMPARE(send("GET",
                     QStringLiteral("/_matrix/client/v3/auth/m.login.recaptcha/fallback/web?"
                                    "session=")
                         + session)
                     .status,
            404);

        // Someone else at the identity provider does not confirm Alice.
        ScriptedBrowser browser;
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        browser.setUserName(QStringLiteral("bob"));
        browser.open(QUrl(server->baseUrl().toString() + fallback));
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.takeFirst().at(0).value<ScriptedBrowser::Page>().status, 403);
        QCOMPARE(send("DELETE", path, sessionOnly, "application/json", token).status, 401);

        browser.setUserName(QStringLiteral("alice"));
        browser.open(QUrl(server->baseUrl().toString() + fallback));
        QVERIFY(finished.wait(15000));
        const auto done = finished.takeFirst().at(0).value<ScriptedBrowser::Page>();
        QCOMPARE(done.status, 200);
        QVERIFY(done.body.contains("window.onAuthDone()"));
        QVERIFY(done.body.contains("window.opener.postMessage(\"authDone\", \"*\")"));
        QVERIFY(browser.visited().at(1).path() == QStringLiteral("/_dev/idp"));

        a = send("DELETE", path, sessionOnly, "application/json", token);
        QCOMPARE(a.status, 200);
        QVERIFY(!server->devicesOf(Alice).contains(QStringLiteral("OLDPHONE")));
    }
    void termsFallbackPage()
    {
        restartWith([](DevServer::Config &c) { c.uiaFlows = {{QStringLiteral("m.login.terms")}}; });
        const QByteArray token = server->addDevice(Alice, QStringLiteral("LAPTOP")).toUtf8();
        server->addDevice(Alice, QStringLiteral("OLDPHONE"));
        const QString path = QStringLiteral("/_matrix/client/v3/devices/OLDPHONE");
        const QString session = send("DELETE", path, {}, {}, token).json[u"session"].toString();
        const QString fallback
            = QStringLiteral("/_matrix/client/v3/auth/m.login.terms/fallback/web");
        const Answer page = send("GET", fallback + QStringLiteral("?session=") + session);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Privacy Policy"));
        QVERIFY(page.body.contains("<form method=\"post\""));
        const Answer done = send(
            "POST", fallback, "session=" + session.toUtf8(), "application/x-www-form-urlencoded");
        QCOMPARE(done.status, 200);
        QVERIFY(done.body.contains("authDone"));
        const Answer a = send("DELETE", path, stageAuth({}, session), "application/json", token);
        QCOMPARE(a.status, 200);
    }
    void uiaConfigFromJson()
    {
        QString error;
        const DevServer::Config config = DevServer::Config::fromJson(
            QJsonDocument::fromJson(
                R"({"uiaFlows":[["m.login.sso"],["m.login.password","m.login.terms"]],
                "uiaSessionLifetimeMs":5000,"uiaIdentityProviders":true,
                "uiaTermsPolicies":{"tos":{"version":"2","en":{"name":"ToS","url":"https:\/\/x.example\/tos"}}},
                "devices":[{"user":"alice","deviceId":"OLDPHONE","displayName":"Old phone"}]})")
                .object(),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(config.uiaFlows,
            (QList<QStringList>{{QStringLiteral("m.login.sso")},
                {QStringLiteral("m.login.password"), QStringLiteral("m.login.terms")}}));
        QCOMPARE(config.uiaSessionLifetimeMs, 5000);
        QVERIFY(config.uiaIdentityProviders);
        QVERIFY(config.uiaTermsPolicies.contains(u"tos"));
        DevServer configured(config);
        QCOMPARE(configured.devicesOf(Alice), QStringList{QStringLiteral("OLDPHONE")});
        QCOMPARE(configured.deviceDisplayName(Alice, QStringLiteral("OLDPHONE")),
            QStringLiteral("Old phone"));
        DevServer::Config::fromJson(
            QJsonDocument::fromJson(R"({"uiaFlows":[[]]})").object(), &error);
        QVERIFY(error.contains(u"uiaFlows"));
    }
    void shippedConfigsAreValid()
    {
        const QStringList files = QDir(QStringLiteral(DEVSERVER_CONFIGS))
                                      .entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.contains(QStringLiteral("uia.json")));
        for (const QString &name : files) {
            QFile file(QStringLiteral(DEVSERVER_CONFIGS "/") + name);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QString error;
            DevServer::Config::fromJson(QJsonDocument::fromJson(file.readAll()).object(), &error);
            QVERIFY2(error.isEmpty(), qPrintable(name + QStringLiteral(": ") + error));
        }
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
