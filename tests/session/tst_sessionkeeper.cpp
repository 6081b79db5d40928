// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/sessionkeeper.h"

#include "cancelcheck.h"
#include "devserver.h"
#include "devsession.h"
#include "session/accountclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <limits>
#include <optional>

using namespace Portico;
using State = Session::SessionKeeper::State;
using namespace std::chrono_literals;

namespace {
DevServer::Config quickConfig()
{
    DevServer::Config config = DevServer::Config::demo();
    config.skipIdpPage = true;
    return config;
}

const QString WhoAmI = QStringLiteral("/_matrix/client/v3/account/whoami");
} // namespace

class TestSessionKeeper : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void verifiesAWorkingSession()
    {
        DevServer server(quickConfig());
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        QVERIFY(session.isValid());
        Session::SessionKeeper keeper(network, session);
        QCOMPARE(keeper.state(), State::Unverified);
        QSignalSpy states(&keeper, &Session::SessionKeeper::stateChanged);
        keeper.verify();
        QCOMPARE(keeper.state(), State::Verifying);
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Verified, 15000);
        QCOMPARE(states.size(), 2);
        QVERIFY(server.requestLog().last().authenticated);
        QCOMPARE(server.requestLog().last().path, WhoAmI);
    }

    // A server that fails for a while: the keeper says "offline", plans to wait twice as long
    // each time, and ends up verified, the session untouched. The plan is read (an injected
    // clock, the retry timer's interval), not waited for: the retry is made by verify(), which is
    // what the timer calls (aPlannedRetryIsMadeWhenItsTimeComes proves the timer does).
    void offlineIsRetriedWithGrowingPauses()
    {
        DevServer::Config config = quickConfig();
        DevServer::Config::Fault fault;
        fault.status = 502;
        fault.body = "<html>Bad Gateway</html>";
        fault.contentType = "text/html";
        fault.times = 3;
        config.faults.insert(WhoAmI, fault);
        DevServer server(config);
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        Session::SessionKeeper keeper(network, session);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        keeper.setClock([now] { return now; });
        QCOMPARE(keeper.plannedRetryWait(), std::nullopt);
        keeper.verify();
        // The default backoff: 2 s, 4 s, 8 s; none of them passes during the test.
        for (const std::chrono::milliseconds expected : {2s, 4s, 8s}) {
            QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Offline, 15000);
            QCOMPARE(keeper.plannedRetryWait(), std::optional(expected));
            QCOMPARE(keeper.nextRetry(), now.addMSecs(expected.count()));
            keeper.verify(); // what the retry timer does when it fires
        }
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Verified, 15000);
        QCOMPARE(keeper.plannedRetryWait(), std::nullopt);
        QCOMPARE(keeper.failedAttempts(), 0);
        QCOMPARE(keeper.session().accessToken, session.accessToken);
        QVERIFY(server.isAccessTokenValid(session.accessToken));
    }

    // The retry timer itself: a planned retry is made without anyone asking.
    void aPlannedRetryIsMadeWhenItsTimeComes()
    {
        DevServer::Config config = quickConfig();
        DevServer::Config::Fault fault;
        fault.status = 502;
        fault.body = "<html>Bad Gateway</html>";
        fault.contentType = "text/html";
        fault.times = 1;
        config.faults.insert(WhoAmI, fault);
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionKeeper keeper(network, signInOnDevServer(network, server));
        keeper.setBackoff({1ms, 1ms});
        QSignalSpy states(&keeper, &Session::SessionKeeper::stateChanged);
        keeper.verify();
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Verified, 15000);
        QCOMPARE(states.size(), 4); // Verifying, Offline, Verifying, Verified
        QCOMPARE(states.at(1).first().value<State>(), State::Offline);
    }

    void unreachableServerIsNotASignOut()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        Session::Session session;
        session.userId = QStringLiteral("@alice:localhost");
        session.deviceId = QStringLiteral("DEVICE");
        session.accessToken = QStringLiteral("syt_not_checked");
        session.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close(); // nothing listens there any more
        Session::SessionKeeper keeper(network, session);
        keeper.setBackoff({2s, 8s});
        QList<State> states;
        connect(&keeper, &Session::SessionKeeper::stateChanged, this,
            [&](State state) { states.append(state); });
        keeper.verify();
        // The pause grows, then is capped; each retry is asked for instead of waited for.
        for (const std::chrono::milliseconds expected : {2s, 4s, 8s, 8s}) {
            QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Offline, 15000);
            QCOMPARE(keeper.lastError().kind, Matrix::Error::Kind::ConnectionRefused);
            QCOMPARE(keeper.plannedRetryWait(), std::optional(expected));
            keeper.verify();
        }
        keeper.stop();
        QCOMPARE(states.count(State::Offline), 4);
        QVERIFY(!states.contains(State::Ended));
        QVERIFY(!states.contains(State::SoftLoggedOut));
    }

    void rateLimitingWaitsAsLongAsTheServerAsks()
    {
        // 20 s is longer than the HTTP layer retries by itself (HttpRequest::maxRetryWait), so
        // the 429 reaches the keeper, whose planned wait is read rather than waited for.
        DevServer::Config config = quickConfig();
        DevServer::Config::Fault fault;
        fault.status = 429;
        fault.body = R"({"errcode":"M_LIMIT_EXCEEDED","error":"slow down"})";
        fault.retryAfter = "20";
        fault.times = 1;
        config.faults.insert(WhoAmI, fault);
        DevServer server(config);
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        Session::SessionKeeper keeper(network, session);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        keeper.setClock([now] { return now; });
        keeper.setBackoff({10ms, 60000ms});
        keeper.verify();
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Offline, 15000);
        QCOMPARE(keeper.lastError().kind, Matrix::Error::Kind::RateLimited);
        // Not the 10 ms of the backoff: as long as the server asked.
        QCOMPARE(keeper.plannedRetryWait(), std::optional(20000ms));
        QCOMPARE(keeper.nextRetry(), now.addSecs(20));
        keeper.verify(); // "Retry now"
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Verified, 15000);
    }

    // Qt 6.4 truncates a QTimer's chrono interval to int (about 24.8 days): a longer token
    // lifetime must not plan a negative or wrapped interval, which fired at once. The refresh is
    // planned at four fifths of the lifetime, its timer at the int limit (planned again then).
    void aLongLifetimeIsNotRefreshedAtOnce_data()
    {
        QTest::addColumn<qint64>("lifetimeMs"); // 0: the end of QDateTime's range
        QTest::newRow("40 days") << qint64(40) * 24 * 3600 * 1000;
        // Four fifths are 4294968000 ms, which an int truncation makes 704 ms.
        QTest::newRow("62 days") << qint64(5368710000);
        QTest::newRow("near INT64_MAX ms") << qint64(0);
    }
    void aLongLifetimeIsNotRefreshedAtOnce()
    {
        QFETCH(qint64, lifetimeMs);
        DevServer::Config config = quickConfig();
        config.accessTokenLifetimeMs = 600000;
        DevServer server(config);
        QVERIFY(server.start());
        Session::Session session
            = signInOnDevServer(network, server, QStringLiteral("alice"), true);
        QVERIFY(!session.refreshToken.isEmpty());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        session.accessTokenExpiresAt = lifetimeMs > 0
            ? now.addMSecs(lifetimeMs)
            : QDateTime::fromMSecsSinceEpoch(std::numeric_limits<qint64>::max() - 1000, Qt::UTC);
        QVERIFY(session.accessTokenExpiresAt.isValid());
        const qint64 remaining = now.msecsTo(session.accessTokenExpiresAt);
        Session::SessionKeeper keeper(network, session);
        keeper.setClock([now] { return now; });
        const Session::TokenRefresher &refresher = keeper.refresher();
        QCOMPARE(refresher.timerInterval().count(), qint64(std::numeric_limits<int>::max()));
        QVERIFY(refresher.plannedRefresh().isValid());
        QCOMPARE(
            now.msecsTo(refresher.plannedRefresh()), remaining / 5 * 4 + remaining % 5 * 4 / 5);
        // Not fired at once: the check goes through with the token as it is, nothing refreshed.
        keeper.verify();
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Verified, 15000);
        QCOMPARE(server.refreshCount(), 0);
        QVERIFY(!refresher.isRefreshing());
        QCOMPARE(keeper.session().accessToken, session.accessToken);
    }

    void theServerEndingTheSession_data()
    {
        QTest::addColumn<bool>("soft");
        QTest::addColumn<bool>("withRefreshToken");
        QTest::newRow("hard") << false << false;
        QTest::newRow("soft") << true << false;
        // With a refresh token the keeper refreshes first; the refused refresh ends it.
        QTest::newRow("hard, refresh refused") << false << true;
        QTest::newRow("soft, refresh refused") << true << true;
    }
    void theServerEndingTheSession()
    {
        QFETCH(bool, soft);
        QFETCH(bool, withRefreshToken);
        DevServer server(quickConfig());
        QVERIFY(server.start());
        const Session::Session session
            = signInOnDevServer(network, server, QStringLiteral("alice"), withRefreshToken);
        QCOMPARE(session.refreshToken.isEmpty(), !withRefreshToken);
        if (soft) {
            server.softLogout(session.userId, session.deviceId);
        } else {
            std::optional<bool> done;
            const Matrix::Call logout = Session::AccountClient(network).logout(
                session, [&](const auto &r) { done = bool(r); });
            QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 15000);
            QVERIFY(*done);
        }
        Session::SessionKeeper keeper(network, session);
        keeper.verify();
        QTRY_VERIFY_WITH_TIMEOUT(keeper.state() != State::Verifying, 15000);
        QCOMPARE(keeper.state(), soft ? State::SoftLoggedOut : State::Ended);
        QCOMPARE(server.refreshCount(), 0); // a refused refresh is not counted as one
        QCOMPARE(keeper.lastError().errcode, QStringLiteral("M_UNKNOWN_TOKEN"));
        QCOMPARE(keeper.lastError().softLogout, soft);
        // An ended session is not asked about again.
        const auto requests = server.requestLog().size();
        keeper.verify();
        QCOMPARE(keeper.state(), soft ? State::SoftLoggedOut : State::Ended);
        QCOMPARE(server.requestLog().size(), requests);
    }

    // Synapse answers an expired access token with M_UNKNOWN_TOKEN and soft_logout: true; a
    // client holding a refresh token refreshes then, it is not signed out.
    void anExpiredTokenIsRefreshedThenVerified_data()
    {
        QTest::addColumn<bool>("v1Only");
        QTest::newRow("v3 refresh") << false;
        QTest::newRow("Synapse before 1.72: v1 refresh only") << true;
    }
    void anExpiredTokenIsRefreshedThenVerified()
    {
        QFETCH(bool, v1Only);
        DevServer::Config config = quickConfig();
        config.accessTokenLifetimeMs = 600000;
        config.refreshAtV1Only = v1Only;
        DevServer server(config);
        QVERIFY(server.start());
        Session::Session session
            = signInOnDevServer(network, server, QStringLiteral("alice"), true);
        QVERIFY(!session.refreshToken.isEmpty());
        server.expireAccessTokens(session.userId, session.deviceId); // the server is the judge
        QVERIFY(!server.isAccessTokenValid(session.accessToken));
        Session::SessionKeeper keeper(network, session);
        QSignalSpy updated(&keeper, &Session::SessionKeeper::sessionUpdated);
        QList<State> states;
        connect(&keeper, &Session::SessionKeeper::stateChanged, this,
            [&](State state) { states.append(state); });
        keeper.verify();
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Verified, 15000);
        QCOMPARE(states, (QList<State>{State::Verifying, State::Verified}));
        QCOMPARE(updated.size(), 1);
        QVERIFY(keeper.session().accessToken != session.accessToken);
        QVERIFY(server.isAccessTokenValid(keeper.session().accessToken));
        QCOMPARE(server.refreshCount(), 1);
        QCOMPARE(keeper.refresher().refreshPath(),
            v1Only ? QStringLiteral("/_matrix/client/v1/refresh")
                   : QStringLiteral("/_matrix/client/v3/refresh"));
        // whoami, refresh (v3 refused first on the old server), whoami again.
        QStringList paths;
        for (const auto &request : server.requestLog())
            paths.append(request.path);
        QCOMPARE(paths.last(), WhoAmI);
        QCOMPARE(paths.count(WhoAmI), 2);
    }

    // Restored after its access token expired, the keeper refreshes at once while its first
    // whoami (sent with the old token) is still on its way; that 401 arrives after the refresh:
    // it asks again with the new token, and does not refresh a second time (seen against
    // oidc-provider, whose introspection makes whoami slow: two refreshes on every restart).
    void aRefusalOfTheOldTokenAfterARefreshDoesNotRefreshAgain()
    {
        DevServer::Config config = quickConfig();
        config.accessTokenLifetimeMs = 600000;
        DevServer server(config);
        QVERIFY(server.start());
        Session::Session session
            = signInOnDevServer(network, server, QStringLiteral("alice"), true);
        server.expireAccessTokens(session.userId, session.deviceId);
        session.accessTokenExpiresAt = QDateTime::currentDateTimeUtc().addSecs(-1);
        DevServer::Config::Fault slow; // the real answer (401), late
        slow.latencyMs = 1500;
        slow.times = 1;
        server.setFault(WhoAmI, slow);
        Session::SessionKeeper keeper(network, session);
        keeper.verify();
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Verified, 15000);
        QCOMPARE(server.refreshCount(), 1);
        QCOMPARE(server.requestCount("GET", WhoAmI), 2);
        QVERIFY(server.isAccessTokenValid(keeper.session().accessToken));
    }

    void noRefreshEndpointIsNotASignOut()
    {
        DevServer::Config config = quickConfig();
        config.accessTokenLifetimeMs = 600000;
        DevServer::Config::Fault missing;
        missing.status = 404;
        missing.body = "<html>Not Found</html>";
        missing.contentType = "text/html";
        config.faults.insert(QStringLiteral("/_matrix/client/v3/refresh"), missing);
        DevServer server(config);
        QVERIFY(server.start());
        const Session::Session session
            = signInOnDevServer(network, server, QStringLiteral("alice"), true);
        server.expireAccessTokens(session.userId, session.deviceId);
        Session::SessionKeeper keeper(network, session);
        keeper.setBackoff({60000ms, 60000ms});
        keeper.verify();
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Offline, 15000);
        QVERIFY(keeper.nextRetry().isValid());
        QCOMPARE(keeper.session().refreshToken, session.refreshToken);
        keeper.stop();
    }

    void signOutWithAnExpiredTokenForgetsTheDevice()
    {
        DevServer::Config config = quickConfig();
        config.accessTokenLifetimeMs = 600000;
        DevServer server(config);
        QVERIFY(server.start());
        const Session::Session session
            = signInOnDevServer(network, server, QStringLiteral("alice"), true);
        QVERIFY(server.devicesOf(session.userId).contains(session.deviceId));
        server.expireAccessTokens(session.userId, session.deviceId);
        Session::SessionKeeper keeper(network, session);
        QSignalSpy updated(&keeper, &Session::SessionKeeper::sessionUpdated);
        std::optional<Matrix::Expected<bool, Matrix::Error>> outcome;
        keeper.signOut([&](const auto &result) { outcome = result; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 15000);
        QVERIFY2(bool(*outcome), *outcome ? "" : qPrintable(outcome->error().describe()));
        QVERIFY(!server.devicesOf(session.userId).contains(session.deviceId));
        QCOMPARE(server.refreshCount(), 1);
        QCOMPARE(updated.size(), 0); // the tokens of a session going away are not stored
    }

    void signOutThatCannotRefreshSaysWhy_data()
    {
        QTest::addColumn<bool>("reachable");
        QTest::newRow("refresh refused") << true;
        QTest::newRow("refresh unreachable") << false;
    }
    void signOutThatCannotRefreshSaysWhy()
    {
        QFETCH(bool, reachable);
        DevServer::Config config = quickConfig();
        config.accessTokenLifetimeMs = 600000;
        if (!reachable) {
            DevServer::Config::Fault down;
            down.status = 502;
            down.body = "<html>Bad Gateway</html>";
            down.contentType = "text/html";
            config.faults.insert(QStringLiteral("/_matrix/client/v3/refresh"), down);
        }
        DevServer server(config);
        QVERIFY(server.start());
        const Session::Session session
            = signInOnDevServer(network, server, QStringLiteral("alice"), true);
        if (reachable)
            server.softLogout(session.userId, session.deviceId); // the refresh token is gone
        else
            server.expireAccessTokens(session.userId, session.deviceId);
        Session::SessionKeeper keeper(network, session);
        std::optional<Matrix::Expected<bool, Matrix::Error>> outcome;
        keeper.signOut([&](const auto &result) { outcome = result; });
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 15000);
        QVERIFY(!*outcome);
        // Refused: the server ended the session itself. Unreachable: the caller must ask.
        QCOMPARE(outcome->error().is(u"M_UNKNOWN_TOKEN"), reachable);
        QCOMPARE(keeper.state(), State::Unverified); // signing out is not the server ending it
    }

    void stopAbandonsTheCheck_data()
    {
        addCancelRows({QStringLiteral("/_matrix/client/v3/account/whoami")});
    }
    // stop() ends the check for good: its answer is never judged, and a 429's planned retry is
    // never sent.
    void stopAbandonsTheCheck()
    {
        QFETCH(QString, path);
        QFETCH(int, when);
        DevServer server(quickConfig());
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        Session::SessionKeeper keeper(network, session);
        QSignalSpy states(&keeper, &Session::SessionKeeper::stateChanged);
        const int after = requestsAfterCancel(
            network, server, path, CancelWhen(when), [&] { keeper.verify(); },
            [&] { keeper.stop(); });
        QCOMPARE(after, 0);
        QCOMPARE(states.size(), 1); // Verifying, and nothing after it
        QCOMPARE(keeper.state(), State::Verifying);
    }
};

QTEST_GUILESS_MAIN(TestSessionKeeper)
#include "tst_sessionkeeper.moc"
