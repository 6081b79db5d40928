// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/loginrequest.h"

#include "cannedserver.h"
#include "devserver.h"
#include "devsession.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Portico;

namespace {
using Result = Matrix::Expected<Matrix::LoginResponse, Matrix::Error>;

Result exchange(QNetworkAccessManager &network, const QUrl &base, const QString &token)
{
    std::optional<Result> result;
    const Matrix::Call call = Session::startLogin(network,
        Discovery::Homeserver{base, Matrix::Versions{{QStringLiteral("v1.1")}, {}}, false},
        {{QStringLiteral("type"), QStringLiteral("m.login.token")},
            {QStringLiteral("token"), token}},
        QStringLiteral("Test device"), [&](const auto &r) { result.emplace(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qFatal("no answer");
    return *result;
}

} // namespace

class TestLoginRequest : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void exchangesAToken()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const QString token = loginTokenFromDevServer(server);
        QVERIFY(!token.isEmpty());
        const Result result = exchange(network, server.baseUrl(), token);
        QVERIFY(result);
        QCOMPARE(result->userId, QStringLiteral("@alice:localhost"));
        QVERIFY(!result->deviceId.isEmpty());
        QVERIFY(server.isAccessTokenValid(result->accessToken));
        QCOMPARE(result->baseUrlSource, Matrix::LoginResponse::BaseUrlSource::WellKnown);
        QCOMPARE(result->baseUrl, server.baseUrl());
    }
    void tokenIsSingleUse()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const QString token = loginTokenFromDevServer(server);
        QVERIFY(exchange(network, server.baseUrl(), token));
        const Result again = exchange(network, server.baseUrl(), token);
        QVERIFY(!again);
        QCOMPARE(again.error().httpStatus, 403);
        QVERIFY(again.error().is(u"M_FORBIDDEN"));
    }
    void expiredToken()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.loginTokenLifetimeMs = -1; // already expired when issued
        DevServer server(config);
        QVERIFY(server.start());
        const Result result = exchange(network, server.baseUrl(), loginTokenFromDevServer(server));
        QVERIFY(result.error().is(u"M_FORBIDDEN"));
    }
    void errorsAreTyped_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("errcode");
        QTest::newRow("deactivated")
            << CannedServer::response(403, R"({"errcode":"M_USER_DEACTIVATED"})")
            << int(Matrix::Error::Kind::Matrix) << "M_USER_DEACTIVATED";
        QTest::newRow("locked") << CannedServer::response(
            401, R"({"errcode":"M_USER_LOCKED","soft_logout":true})")
                                << int(Matrix::Error::Kind::Matrix) << "M_USER_LOCKED";
        QTest::newRow("rate limited")
            << CannedServer::response(429, R"({"errcode":"M_LIMIT_EXCEEDED"})")
            << int(Matrix::Error::Kind::RateLimited) << "M_LIMIT_EXCEEDED";
        QTest::newRow("missing device_id")
            << CannedServer::response(200, R"({"user_id":"@a:b","access_token":"t"})")
            << int(Matrix::Error::Kind::InvalidResponse) << "";
        QTest::newRow("malformed user_id")
            << CannedServer::response(200, R"({"user_id":"a","access_token":"t","device_id":"D"})")
            << int(Matrix::Error::Kind::InvalidResponse) << "";
        QTest::newRow("html") << CannedServer::response(200, "<html>", "text/html")
                              << int(Matrix::Error::Kind::InvalidResponse) << "";
        QTest::newRow("bad gateway") << CannedServer::response(502, "oops", "text/plain")
                                     << int(Matrix::Error::Kind::Http) << "";
    }
    void errorsAreTyped()
    {
        QFETCH(QByteArray, response);
        QFETCH(int, kind);
        QFETCH(QString, errcode);
        CannedServer server([response](const QByteArray &) { return response; });
        const Result result = exchange(network, server.url(), QStringLiteral("t"));
        QVERIFY(!result);
        QCOMPARE(int(result.error().kind), kind);
        QCOMPARE(result.error().errcode, errcode);
    }
    void requestBody()
    {
        CannedServer server([](const QByteArray &) {
            return CannedServer::response(403, R"({"errcode":"M_FORBIDDEN"})");
        });
        exchange(network, server.url(), QStringLiteral("tok"));
        QVERIFY(server.heads().first().startsWith("POST /_matrix/client/v3/login HTTP/1.1"));
        QVERIFY(Session::defaultDeviceName().startsWith(QStringLiteral("Portico")));
    }
};

QTEST_GUILESS_MAIN(TestLoginRequest)
#include "tst_loginrequest.moc"
