// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/authmetadatafetch.h"

#include "cannedserver.h"
#include "devoauth.h"
#include "devserver.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Portico;
using namespace Portico::Discovery;
using namespace std::chrono_literals;

namespace {
AuthMetadataFetch::Result fetchNow(AuthMetadataFetch &fetch, const Homeserver &homeserver)
{
    std::optional<AuthMetadataFetch::Result> result;
    fetch.fetch(homeserver, [&](const AuthMetadataFetch::Result &r) { result.emplace(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qFatal("no answer");
    return *result;
}

Homeserver at(const QUrl &baseUrl, const QString &version)
{
    Homeserver homeserver;
    homeserver.baseUrl = baseUrl;
    homeserver.versions.versions = {QStringLiteral("v1.1"), version};
    return homeserver;
}

QByteArray metadataBody(const QUrl &base)
{
    DevServer::Config config;
    config.oauth = true;
    DevServer server(config);
    QJsonObject m = server.oauth()->metadata();
    // The document names the canned server's port rather than the unstarted dev server's.
    QByteArray body = QJsonDocument(m).toJson(QJsonDocument::Compact);
    body.replace("http://127.0.0.1:0", base.toString().toUtf8());
    return body;
}
} // namespace

class TestAuthMetadataFetch : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void lifetime_data()
    {
        QTest::addColumn<QByteArray>("cacheControl");
        QTest::addColumn<QByteArray>("expires");
        QTest::addColumn<int>("seconds"); // -1: not reusable
        QTest::newRow("max-age") << QByteArray("public, max-age=600") << QByteArray() << 600;
        QTest::newRow("quoted max-age") << QByteArray("max-age=\"60\"") << QByteArray() << 60;
        QTest::newRow("capped") << QByteArray("max-age=99999999") << QByteArray() << 24 * 3600;
        QTest::newRow("no-store") << QByteArray("no-store") << QByteArray() << -1;
        QTest::newRow("no-cache wins") << QByteArray("max-age=60, no-cache") << QByteArray() << -1;
        QTest::newRow("max-age=0") << QByteArray("max-age=0") << QByteArray() << -1;
        QTest::newRow("s-maxage is not max-age") << QByteArray("s-maxage=60") << QByteArray() << -1;
        QTest::newRow("expires") << QByteArray() << QByteArray("Tue, 14 Nov 2023 22:56:40 GMT")
                                 << 3600;
        QTest::newRow("expires past")
            << QByteArray() << QByteArray("Tue, 14 Nov 2023 20:13:20 GMT") << -1;
        QTest::newRow("expires invalid") << QByteArray() << QByteArray("0") << -1;
        QTest::newRow("nothing") << QByteArray() << QByteArray() << -1;
    }
    void lifetime()
    {
        QFETCH(QByteArray, cacheControl);
        QFETCH(QByteArray, expires);
        QFETCH(int, seconds);
        const auto got = cacheLifetime(
            cacheControl, expires, QDateTime::fromSecsSinceEpoch(1700000000 - 1000, Qt::UTC));
        if (seconds < 0)
            QVERIFY(!got);
        else
            QCOMPARE(got, std::optional<std::chrono::seconds>(seconds));
    }
    void stableVersion()
    {
        Matrix::Versions versions;
        versions.versions = {QStringLiteral("r0.6.1"), QStringLiteral("v1.14")};
        QVERIFY(!hasStableAuthMetadata(versions));
        versions.versions.append(QStringLiteral("v1.15"));
        QVERIFY(hasStableAuthMetadata(versions));
        versions.versions = {QStringLiteral("v2.0")};
        QVERIFY(hasStableAuthMetadata(versions));
    }

    void stableAndUnstablePaths()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.oauth = true;
        DevServer server(config);
        QVERIFY(server.start());
        AuthMetadataFetch fetch(network);
        const auto stable = fetchNow(fetch, at(server.baseUrl(), QStringLiteral("v1.15")));
        QVERIFY(stable);
        QVERIFY(stable->has_value());
        QCOMPARE((*stable)->tokenEndpoint.path(), QStringLiteral("/_oauth/token"));
        QCOMPARE(server.requestCount("GET", QStringLiteral("/_matrix/client/v1/auth_metadata")), 1);
        const auto unstable = fetchNow(fetch, at(server.baseUrl(), QStringLiteral("v1.11")));
        QVERIFY(unstable && unstable->has_value());
        QCOMPARE(server.requestCount("GET",
                     QStringLiteral("/_matrix/client/unstable/org.matrix.msc2965/auth_metadata")),
            1);
        // The dev server says no-store: nothing was kept.
        QVERIFY(fetchNow(fetch, at(server.baseUrl(), QStringLiteral("v1.15"))));
        QCOMPARE(server.requestCount("GET", QStringLiteral("/_matrix/client/v1/auth_metadata")), 2);
    }
    void noOAuthOnALegacyServer()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        AuthMetadataFetch fetch(network);
        const auto result = fetchNow(fetch, at(server.baseUrl(), QStringLiteral("v1.15")));
        QVERIFY(result);
        QVERIFY(!result->has_value());
    }
    void noOAuthAnswers_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<bool>("noOAuth"); // false: an error
        QTest::newRow("404 M_UNRECOGNIZED")
            << CannedServer::response(404, R"({"errcode":"M_UNRECOGNIZED","error":"x"})") << true;
        QTest::newRow("404 plain")
            << CannedServer::response(404, "Not Found", "text/plain") << true;
        QTest::newRow("405 plain") << CannedServer::response(405, "", "text/plain") << true;
        QTest::newRow("404 M_FORBIDDEN")
            << CannedServer::response(404, R"({"errcode":"M_FORBIDDEN"})") << false;
        QTest::newRow("500") << CannedServer::response(500, "oops", "text/plain") << false;
        QTest::newRow("invalid document")
            << CannedServer::response(200, R"({"issuer":1})") << false;
    }
    void noOAuthAnswers()
    {
        QFETCH(QByteArray, response);
        QFETCH(bool, noOAuth);
        CannedServer server([&](const QByteArray &) { return response; });
        AuthMetadataFetch fetch(network);
        const auto result = fetchNow(fetch, at(server.url(), QStringLiteral("v1.15")));
        QCOMPARE(result.hasValue(), noOAuth);
        if (noOAuth)
            QVERIFY(!result->has_value());
    }
    void cachedAsLongAsAllowed()
    {
        QByteArray body;
        CannedServer server([&](const QByteArray &) {
            return CannedServer::response(
                200, body, "application/json", "Cache-Control: max-age=60\r\n");
        });
        body = metadataBody(server.url());
        QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        AuthMetadataFetch fetch(network);
        fetch.setClock([&] { return now; });
        const Homeserver homeserver = at(server.url(), QStringLiteral("v1.15"));
        const auto first = fetchNow(fetch, homeserver);
        QVERIFY2(first && first->has_value(), qPrintable(first ? QString() : first.error().detail));
        now = now.addSecs(59);
        QVERIFY(fetchNow(fetch, homeserver)->has_value());
        QCOMPARE(server.heads().size(), 1);
        now = now.addSecs(2);
        QVERIFY(fetchNow(fetch, homeserver)->has_value());
        QCOMPARE(server.heads().size(), 2);
    }
    void cancelledFetchNeverAnswers()
    {
        CannedServer server([](const QByteArray &) { return CannedServer::response(404, ""); });
        AuthMetadataFetch fetch(network);
        bool answered = false;
        fetch.fetch(
            at(server.url(), QStringLiteral("v1.15")), [&](const auto &) { answered = true; });
        fetch.cancel();
        // A second fetch answers; the first one's handler never ran.
        QVERIFY(fetchNow(fetch, at(server.url(), QStringLiteral("v1.15"))));
        QVERIFY(!answered);
    }
};

QTEST_GUILESS_MAIN(TestAuthMetadataFetch)
#include "tst_authmetadatafetch.moc"
