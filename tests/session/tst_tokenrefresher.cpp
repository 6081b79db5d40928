// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/tokenrefresher.h"

#include "cannedserver.h"
#include "devserver.h"
#include "devsession.h"
#include "matrix/duration.h"
#include "matrix/refreshresponse.h"
#include "session/loginrequest.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <limits>

using namespace Portico;

namespace {
// Signs in through the dev server's SSO pages and the real startLogin, which asks for a
// refresh token.
Session::Session signIn(QNetworkAccessManager &network, const DevServer &server)
{
    const QString token = loginTokenFromDevServer(server);
    const Discovery::Homeserver homeserver{
        server.baseUrl(), Matrix::Versions{{QStringLiteral("v1.11")}, {}}, false};
    std::optional<Session::Session> session;
    const Matrix::Call call = Session::startLogin(network, homeserver,
        {{QStringLiteral("type"), QStringLiteral("m.login.token")},
            {QStringLiteral("token"), token}},
        QStringLiteral("test"), [&](const auto &result) {
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
    void plansTheRefreshAtFourFifthsOfTheLifetime()
    {
        // The plan is read, not waited for: an injected clock and the timer's own interval.
        DevServer server(expiring(600000));
        QVERIFY(server.start());
        const Session::Session session = signIn(network, server);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Session::TokenRefresher refresher(network);
        refresher.setClock([now] { return now; });
        refresher.track(session);
        const qint64 lifetime = now.msecsTo(session.accessTokenExpiresAt);
        QCOMPARE(now.msecsTo(refresher.plannedRefresh()), lifetime * 4 / 5);
        QCOMPARE(refresher.timerInterval().count(), lifetime * 4 / 5);
    }
    void refreshesWhenThePlannedTimeComes()
    {
        DevServer server(expiring(600000));
        QVERIFY(server.start());
        Session::Session session = signIn(network, server);
        // The client believes its token expires in 100 ms: the timer fires at 80 ms.
        session.accessTokenExpiresAt = QDateTime::currentDateTimeUtc().addMSecs(100);
        Session::TokenRefresher refresher(network);
        QSignalSpy refreshed(&refresher, &Session::TokenRefresher::refreshed);
        refresher.track(session);
        QVERIFY(refreshed.wait(15000));
        const auto fresh = refreshed.first().first().value<Session::Session>();
        QVERIFY(fresh.accessToken != session.accessToken);
        QVERIFY(server.isAccessTokenValid(fresh.accessToken));
        QVERIFY(!server.isAccessTokenValid(session.accessToken));
        QVERIFY(fresh.refreshToken != session.refreshToken);
        QVERIFY(fresh.accessTokenExpiresAt > session.accessTokenExpiresAt);
        QCOMPARE(server.refreshCount(), 1);
    }
    void timerIntervalsAreClamped()
    {
        using namespace std::chrono_literals;
        QCOMPARE(Matrix::timerInterval(1500ms), 1500ms);
        QCOMPARE(Matrix::timerInterval(-5ms), 0ms);
        QCOMPARE(Matrix::timerInterval(std::chrono::hours(24 * 60)).count(),
            qint64(std::numeric_limits<int>::max()));
    }
    void aLifetimeOfMonthsSchedulesAPositiveTimer()
    {
        // Qt 6.4 truncates a QTimer's chrono interval to int: 48 days used to become negative.
        Session::Session session;
        session.userId = QStringLiteral("@a:b");
        session.deviceId = QStringLiteral("D");
        session.accessToken = QStringLiteral("a");
        session.refreshToken = QStringLiteral("r");
        session.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        session.accessTokenExpiresAt = now.addDays(60);
        Session::TokenRefresher refresher(network);
        refresher.setClock([now] { return now; });
        QSignalSpy refreshed(&refresher, &Session::TokenRefresher::refreshed);
        refresher.track(session);
        QVERIFY(refresher.plannedRefresh().isValid());
        QCOMPARE(now.daysTo(refresher.plannedRefresh()), 48);
        QVERIFY2(refresher.timerInterval().count() > 24LL * 24 * 3600 * 1000,
            qPrintable(QString::number(refresher.timerInterval().count())));
        QVERIFY(!refresher.isRefreshing());
    }
    void fallsBackToTheV1PathAndRemembersIt()
    {
        // Synapse 1.5x-1.71: v3 is 400 M_UNRECOGNIZED, v1 works.
        DevServer::Config config = expiring(600000);
        config.refreshAtV1Only = true;
        DevServer server(config);
        QVERIFY(server.start());
        Session::TokenRefresher refresher(network);
        refresher.track(signIn(network, server));
        QSignalSpy refreshed(&refresher, &Session::TokenRefresher::refreshed);
        QSignalSpy failed(&refresher, &Session::TokenRefresher::failed);
        refresher.refreshNow();
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(refresher.refreshPath(), QStringLiteral("/_matrix/client/v1/refresh"));
        QVERIFY(server.isAccessTokenValid(refresher.session().accessToken));
        // The next refresh goes to v1 straight away.
        server.clearRequestLog();
        refresher.refreshNow();
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(server.requestLog().size(), 1);
        QCOMPARE(server.requestLog().first().path, QStringLiteral("/_matrix/client/v1/refresh"));
        QCOMPARE(server.refreshCount(), 2);
    }
    void a404WithoutErrcodeIsAMissingPathToo()
    {
        CannedServer server([](const QByteArray &head) {
            if (head.startsWith("POST /_matrix/client/v3/refresh"))
                return CannedServer::response(404, "<html>Not Found</html>", "text/html");
            return CannedServer::response(200, R"({"access_token":"new","expires_in_ms":60000})");
        });
        Session::Session session;
        session.userId = QStringLiteral("@a:b");
        session.deviceId = QStringLiteral("D");
        session.accessToken = QStringLiteral("old");
        session.refreshToken = QStringLiteral("r");
        session.baseUrl = server.url();
        Session::TokenRefresher refresher(network);
        refresher.track(session);
        QSignalSpy refreshed(&refresher, &Session::TokenRefresher::refreshed);
        refresher.refreshNow();
        QVERIFY(refreshed.wait(15000));
        QCOMPARE(refresher.session().accessToken, QStringLiteral("new"));
        QCOMPARE(server.heads().size(), 2);
        QVERIFY(server.heads().at(1).startsWith("POST /_matrix/client/v1/refresh HTTP/1.1"));
    }
    void noRefreshEndpointIsNoRefusal()
    {
        // Neither path served: a failure to try again later, never one that ends the session.
        CannedServer server([](const QByteArray &) {
            return CannedServer::response(
                400, R"({"errcode":"M_UNRECOGNIZED","error":"Unrecognized request"})");
        });
        Session::Session session;
        session.userId = QStringLiteral("@a:b");
        session.deviceId = QStringLiteral("D");
        session.accessToken = QStringLiteral("old");
        session.refreshToken = QStringLiteral("r");
        session.baseUrl = server.url();
        Session::TokenRefresher refresher(network);
        refresher.track(session);
        QSignalSpy failed(&refresher, &Session::TokenRefresher::failed);
        refresher.refreshNow();
        QVERIFY(failed.wait(15000));
        const auto error = failed.first().first().value<Matrix::Error>();
        QVERIFY(!Session::TokenRefresher::isRefusal(error));
        QVERIFY(Session::TokenRefresher::isUnrecognized(error));
        QCOMPARE(server.heads().size(), 2); // v3, then v1, and no loop
        QVERIFY(refresher.plannedRefresh().isValid()); // tried again later
        QCOMPARE(refresher.session().refreshToken, QStringLiteral("r"));
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
        const auto error = failed.first().first().value<Matrix::Error>();
        QVERIFY(error.is(u"M_UNKNOWN_TOKEN"));
        QVERIFY(Session::TokenRefresher::isRefusal(error));
        QVERIFY(!refresher.plannedRefresh().isValid()); // a refused token is not tried again
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
