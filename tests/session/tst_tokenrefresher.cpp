// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/tokenrefresher.h"

#include "cannedserver.h"
#include "devserver.h"
#include "devsession.h"
#include "matrix/refreshresponse.h"
#include "session/loginrequest.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Portico;

namespace {
// Signs in through the dev server's SSO pages and the real postLogin, which asks for a
// refresh token.
Session::Session signIn(QNetworkAccessManager &network, const DevServer &server)
{
    const QString token = loginTokenFromDevServer(server);
    const Discovery::Homeserver homeserver{
        server.baseUrl(), Matrix::Versions{{QStringLiteral("v1.11")}, {}}, false};
    std::optional<Session::Session> session;
    QObject context;
    Session::postLogin(network, homeserver,
        {{QStringLiteral("type"), QStringLiteral("m.login.token")},
            {QStringLiteral("token"), token}},
        QStringLiteral("test"), &context, [&](const auto &result) {
            session = result ? Session::sessionFromLogin(
                          result.value(), server.baseUrl(), false, QStringLiteral("sso"))
                             : Session::Session{};
        });
    (void)QTest::qWaitFor([&] { return session.has_value(); }, 10000);
    return session.value_or(Session::Session{});
}

DevServer::Config expiring(qint64 lifetimeMs)
{
    DevServer::Config config = DevServer::Config::demo();
    config.skipIdpPage = true;
    config.accessTokenLifetimeMs = lifetimeMs;
    return config;
}
} // namespace

class TestTokenRefresher : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void parsesRefreshResponses()
    {
        auto r = Matrix::parseRefreshResponse(
            R"({"access_token":"a","refresh_token":"r","expires_in_ms":5000})");
        QVERIFY(r);
        QCOMPARE(r->refreshToken, QStringLiteral("r"));
        QCOMPARE(r->expiresInMs, std::optional<qint64>(5000));
        r = Matrix::parseRefreshResponse(R"({"access_token":"a"})");
        QVERIFY(r);
        QVERIFY(r->refreshToken.isEmpty());
        QCOMPARE(r->expiresInMs, std::nullopt);
        QVERIFY(!Matrix::parseRefreshResponse(R"({"refresh_token":"r"})"));
        QVERIFY(!Matrix::parseRefreshResponse("[]"));
    }
    void loginAsksForARefreshToken()
    {
        DevServer server(expiring(60000));
        QVERIFY(server.start());
        const Session::Session session = signIn(network, server);
        QVERIFY(session.isValid());
        QVERIFY(!session.refreshToken.isEmpty());
        QVERIFY(session.accessTokenExpiresAt.isValid());
        QVERIFY(QDateTime::currentDateTimeUtc().msecsTo(session.accessTokenExpiresAt) > 50000);
    }
    void refreshesBeforeExpiry()
    {
        DevServer server(expiring(1500));
        QVERIFY(server.start());
        const Session::Session session = signIn(network, server);
        Session::TokenRefresher refresher(network);
        QSignalSpy refreshed(&refresher, &Session::TokenRefresher::refreshed);
        refresher.track(session);
        QVERIFY(refreshed.wait(5000)); // at four fifths of 1.5 s
        const auto fresh = refreshed.first().first().value<Session::Session>();
        QVERIFY(fresh.accessToken != session.accessToken);
        QVERIFY(server.isAccessTokenValid(fresh.accessToken));
        QVERIFY(!server.isAccessTokenValid(session.accessToken));
        QVERIFY(fresh.refreshToken != session.refreshToken);
        QVERIFY(fresh.accessTokenExpiresAt > session.accessTokenExpiresAt);
        QCOMPARE(server.refreshCount(), 1);
    }
    void concurrentRefreshesMakeOneRequest()
    {
        DevServer server(expiring(600000));
        QVERIFY(server.start());
        Session::TokenRefresher refresher(network);
        refresher.track(signIn(network, server));
        QList<QString> tokens;
        for (int i = 0; i < 3; ++i)
            refresher.refreshNow([&](const auto &result) {
                tokens.append(result ? result->accessToken : QString());
            });
        QVERIFY(refresher.isRefreshing());
        QTRY_COMPARE_WITH_TIMEOUT(tokens.size(), 3, 15000);
        QCOMPARE(server.refreshCount(), 1);
        QVERIFY(!tokens[0].isEmpty());
        QCOMPARE(tokens[1], tokens[0]);
        QCOMPARE(tokens[2], tokens[0]);
        QCOMPARE(refresher.session().accessToken, tokens[0]);
    }
    void keepsTheOldRefreshTokenWhenNoneComes()
    {
        CannedServer server([](const QByteArray &) {
            return CannedServer::response(200, R"({"access_token":"new"})");
        });
        Session::Session session;
        session.userId = QStringLiteral("@a:b");
        session.deviceId = QStringLiteral("D");
        session.accessToken = QStringLiteral("old");
        session.refreshToken = QStringLiteral("keep-me");
        session.accessTokenExpiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
        session.baseUrl = server.url();
        Session::TokenRefresher refresher(network);
        refresher.track(session);
        QSignalSpy refreshed(&refresher, &Session::TokenRefresher::refreshed);
        refresher.refreshNow();
        QVERIFY(refreshed.wait(15000));
        const auto fresh = refreshed.first().first().value<Session::Session>();
        QCOMPARE(fresh.accessToken, QStringLiteral("new"));
        QCOMPARE(fresh.refreshToken, QStringLiteral("keep-me"));
        QVERIFY(!fresh.accessTokenExpiresAt.isValid()); // no expires_in_ms: it does not expire
        QVERIFY(server.heads().first().startsWith("POST /_matrix/client/v3/refresh HTTP/1.1"));
        QVERIFY(!server.heads().first().contains("Authorization")); // /refresh takes no token
    }
    void refusedRefreshTokenFails()
    {
        DevServer server(expiring(600000));
        QVERIFY(server.start());
        Session::Session session = signIn(network, server);
        server.softLogout(session.userId, session.deviceId);
        Session::TokenRefresher refresher(network);
        refresher.track(session);
        QSignalSpy failed(&refresher, &Session::TokenRefresher::failed);
        refresher.refreshNow();
        QVERIFY(failed.wait(15000));
        QVERIFY(failed.first().first().value<Matrix::Error>().is(u"M_UNKNOWN_TOKEN"));
    }
    void oldRefreshTokenLivesUntilTheNewAccessTokenIsUsed()
    {
        // The spec's promise that makes a lost refresh answer safe to retry (devserver strictness).
        DevServer server(expiring(600000));
        QVERIFY(server.start());
        const Session::Session session = signIn(network, server);
        Session::TokenRefresher first(network), retry(network);
        first.track(session);
        retry.track(session);
        QSignalSpy firstDone(&first, &Session::TokenRefresher::refreshed);
        first.refreshNow();
        QVERIFY(firstDone.wait(15000));
        QSignalSpy retryDone(&retry, &Session::TokenRefresher::refreshed);
        retry.refreshNow(); // the same old refresh token again: still accepted
        QVERIFY(retryDone.wait(15000));
        QCOMPARE(server.refreshCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestTokenRefresher)
#include "tst_tokenrefresher.moc"
