// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/sessionkeeper.h"

#include "devserver.h"
#include "devsession.h"
#include "session/accountclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

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

    // A server that fails for a while: the keeper says "offline", waits twice as long each
    // time, and ends up verified without anyone asking, the session untouched.
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
        keeper.setBackoff({100ms, 1000ms});
        QList<qint64> pauses;
        connect(&keeper, &Session::SessionKeeper::stateChanged, this, [&](State state) {
            if (state == State::Offline)
                pauses.append(QDateTime::currentDateTimeUtc().msecsTo(keeper.nextRetry()));
        });
        keeper.verify();
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Verified, 10000);
        QCOMPARE(pauses.size(), 3);
        // 100, 200, 400 ms, give or take the time between planning and this measurement.
        QVERIFY2(pauses[0] > 50 && pauses[0] <= 100, qPrintable(QString::number(pauses[0])));
        QVERIFY2(pauses[1] > 150 && pauses[1] <= 200, qPrintable(QString::number(pauses[1])));
        QVERIFY2(pauses[2] > 350 && pauses[2] <= 400, qPrintable(QString::number(pauses[2])));
        QCOMPARE(keeper.session().accessToken, session.accessToken);
        QVERIFY(server.isAccessTokenValid(session.accessToken));
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
        keeper.setBackoff({10ms, 40ms});
        // Observed at each transition: the retry timer is short, so the state read later from
        // the test could already be the next attempt's Verifying.
        QList<State> states;
        QList<qint64> pauses;
        QList<Matrix::Error::Kind> errors;
        connect(&keeper, &Session::SessionKeeper::stateChanged, this, [&](State state) {
            states.append(state);
            if (state == State::Offline) {
                pauses.append(QDateTime::currentDateTimeUtc().msecsTo(keeper.nextRetry()));
                errors.append(keeper.lastError().kind);
            }
        });
        keeper.verify();
        QTRY_VERIFY_WITH_TIMEOUT(pauses.size() >= 4, 15000);
        keeper.stop();
        QVERIFY(!states.contains(State::Ended));
        QVERIFY(!states.contains(State::SoftLoggedOut));
        for (const Matrix::Error::Kind kind : std::as_const(errors))
            QCOMPARE(kind, Matrix::Error::Kind::ConnectionRefused);
        // The pause grows, then is capped.
        QVERIFY2(pauses[0] <= 10, qPrintable(QString::number(pauses[0])));
        QVERIFY2(pauses[3] > 20 && pauses[3] <= 40, qPrintable(QString::number(pauses[3])));
    }

    void rateLimitingWaitsAsLongAsTheServerAsks()
    {
        DevServer::Config config = quickConfig();
        DevServer::Config::Fault fault;
        fault.status = 429;
        fault.body = R"({"errcode":"M_LIMIT_EXCEEDED","error":"slow down"})";
        fault.retryAfter = "1";
        fault.times = 1;
        config.faults.insert(WhoAmI, fault);
        DevServer server(config);
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        Session::SessionKeeper keeper(network, session);
        keeper.setBackoff({10ms, 5000ms});
        qint64 pause = -1;
        connect(&keeper, &Session::SessionKeeper::stateChanged, this, [&](State state) {
            if (state == State::Offline)
                pause = QDateTime::currentDateTimeUtc().msecsTo(keeper.nextRetry());
        });
        keeper.verify();
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Verified, 10000);
        // The HTTP layer already retried a short Retry-After itself; if it gave the 429 up to
        // the keeper, the keeper must not come back sooner than asked.
        QVERIFY2(pause == -1 || pause > 900, qPrintable(QString::number(pause)));
    }

    void theServerEndingTheSession_data()
    {
        QTest::addColumn<bool>("soft");
        QTest::newRow("hard") << false;
        QTest::newRow("soft") << true;
    }
    void theServerEndingTheSession()
    {
        QFETCH(bool, soft);
        DevServer server(quickConfig());
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        if (soft) {
            server.softLogout(session.userId, session.deviceId);
        } else {
            std::optional<bool> done;
            Session::AccountClient(network).logout(
                session, this, [&](const auto &r) { done = bool(r); });
            QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 15000);
            QVERIFY(*done);
        }
        Session::SessionKeeper keeper(network, session);
        keeper.verify();
        QTRY_VERIFY_WITH_TIMEOUT(keeper.state() != State::Verifying, 15000);
        QCOMPARE(keeper.state(), soft ? State::SoftLoggedOut : State::Ended);
        QCOMPARE(keeper.lastError().errcode, QStringLiteral("M_UNKNOWN_TOKEN"));
        QCOMPARE(keeper.lastError().softLogout, soft);
        // An ended session is not asked about again.
        const auto requests = server.requestLog().size();
        keeper.verify();
        QCOMPARE(keeper.state(), soft ? State::SoftLoggedOut : State::Ended);
        QCOMPARE(server.requestLog().size(), requests);
    }

    void anExpiredTokenIsRefreshedThenVerified()
    {
        DevServer::Config config = quickConfig();
        config.accessTokenLifetimeMs = 400;
        DevServer server(config);
        QVERIFY(server.start());
        Session::Session session
            = signInOnDevServer(network, server, QStringLiteral("alice"), true);
        QVERIFY(!session.refreshToken.isEmpty());
        // Wait until the server has let the access token expire (the server is the judge).
        QTRY_VERIFY_WITH_TIMEOUT(!server.isAccessTokenValid(session.accessToken), 5000);
        session.accessTokenExpiresAt = {}; // as if the expiry had not been stored
        Session::SessionKeeper keeper(network, session);
        QSignalSpy updated(&keeper, &Session::SessionKeeper::sessionUpdated);
        keeper.verify();
        QTRY_COMPARE_WITH_TIMEOUT(keeper.state(), State::Verified, 10000);
        QVERIFY(updated.size() >= 1);
        QVERIFY(keeper.session().accessToken != session.accessToken);
        QCOMPARE(server.refreshCount(), 1);
    }

    void stopAbandonsTheCheck()
    {
        DevServer::Config config = quickConfig();
        config.latencyMs = 300;
        DevServer server(config);
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        Session::SessionKeeper keeper(network, session);
        QSignalSpy states(&keeper, &Session::SessionKeeper::stateChanged);
        keeper.verify();
        keeper.stop();
        // The server's answer arrives and is ignored: readiness, not a sleep, is the signal.
        QSignalSpy handled(&server, &DevServer::requestHandled);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(handled.cbegin(), handled.cend(),
                [](const QList<QVariant> &r) { return r.at(1).toString() == WhoAmI; }),
            15000);
        QVERIFY(!states.wait(800));
        QCOMPARE(keeper.state(), State::Verifying);
    }
};

QTEST_GUILESS_MAIN(TestSessionKeeper)
#include "tst_sessionkeeper.moc"
