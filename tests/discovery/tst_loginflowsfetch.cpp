// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/loginflowsfetch.h"

#include "cannedserver.h"
#include "devserver.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Portico;
using namespace Portico::Discovery;

namespace {
Matrix::Expected<Matrix::LoginFlows, Matrix::Error> fetch(
    QNetworkAccessManager &network, const Homeserver &homeserver)
{
    std::optional<Matrix::Expected<Matrix::LoginFlows, Matrix::Error>> result;
    LoginFlowsFetch fetch;
    fetch.start(network, homeserver, [&](const auto &r) { result.emplace(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qFatal("no answer");
    return *result;
}

Homeserver at(const QUrl &url, const QStringList &versions)
{
    return Homeserver{url, Matrix::Versions{versions, {}}, false};
}
} // namespace

class TestLoginFlowsFetch : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void demoServerProviders()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const auto flows = fetch(network, at(server.baseUrl(), {QStringLiteral("v1.11")}));
        QVERIFY(flows);
        QVERIFY(flows->sso);
        QVERIFY(flows->token);
        QCOMPARE(flows->identityProviders.size(), 4);
        QCOMPARE(flows->identityProviders[1].icon, QStringLiteral("mxc://localhost/keycloakIcon"));
        QCOMPARE(flows->identityProviders[2].brand, QStringLiteral("gitlab"));
        QCOMPARE(server.requestLog().first().path, QStringLiteral("/_matrix/client/v3/login"));
    }
    void r0OnlyServer()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        QVERIFY(fetch(network, at(server.baseUrl(), {QStringLiteral("r0.6.1")})));
        QCOMPARE(server.requestLog().first().path, QStringLiteral("/_matrix/client/r0/login"));
    }
    void v3NotFoundFallsBackToR0()
    {
        CannedServer server([](const QByteArray &head) {
            if (head.startsWith("GET /_matrix/client/v3/login "))
                return CannedServer::response(404, R"({"errcode":"M_UNRECOGNIZED"})");
            return CannedServer::response(200, R"({"flows":[{"type":"m.login.sso"}]})");
        });
        const auto flows = fetch(network, at(server.url(), {QStringLiteral("v1.1")}));
        QVERIFY(flows);
        QVERIFY(flows->sso);
        QCOMPARE(server.heads().size(), 2);
        QVERIFY(server.heads().at(1).startsWith("GET /_matrix/client/r0/login "));
    }
    void malformedBody()
    {
        CannedServer server(
            [](const QByteArray &) { return CannedServer::response(200, R"({"flows":"nope"})"); });
        const auto flows = fetch(network, at(server.url(), {QStringLiteral("v1.1")}));
        QVERIFY(!flows);
        QCOMPARE(flows.error().kind, Matrix::Error::Kind::InvalidResponse);
    }
};

QTEST_GUILESS_MAIN(TestLoginFlowsFetch)
#include "tst_loginflowsfetch.moc"
