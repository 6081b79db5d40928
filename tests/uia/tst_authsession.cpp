// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "uia/authsession.h"

#include "cannedserver.h"
#include "devserver.h"
#include "devsession.h"
#include "scriptedbrowser.h"
#include "session/deviceclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Portico;
using Uia::AuthSession;
using Uia::Failure;
using Uia::Step;

namespace {
const QString Alice = QStringLiteral("@alice:localhost");
const QString OldPhone = QStringLiteral("OLDPHONE");
const QString OldPhonePath = QStringLiteral("/_matrix/client/v3/devices/OLDPHONE");
const QString Password = QStringLiteral("wonderland");
} // namespace

Q_DECLARE_METATYPE(Portico::Uia::Failure::Reason)

// The runner against the real development homeserver, one flow configuration at a time.
class TestAuthSession : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;
    std::unique_ptr<DevServer> server;
    Session::Session session;
    QString oldPhoneToken;

    void serve(const QList<QStringList> &flows, qint64 sessionLifetimeMs = 10 * 60 * 1000)
    {
        DevServer::Config config = DevServer::Config::demo();
        config.passwords.insert(QStringLiteral("alice"), Password);
        config.uiaFlows = flows;
        config.uiaSessionLifetimeMs = sessionLifetimeMs;
        server = std::make_unique<DevServer>(config);
        QVERIFY(server->start());
        session = signInOnDevServer(network, *server);
        QVERIFY(session.isValid());
        oldPhoneToken = server->addDevice(Alice, OldPhone, QStringLiteral("Old phone"));
        QVERIFY(server->isAccessTokenValid(oldPhoneToken));
    }
    // The runner, set to delete OLDPHONE, with a quick poll.
    void startDeletion(AuthSession &runner)
    {
        runner.setPollInterval(std::chrono::milliseconds(50));
        runner.setPreferredLanguages({QStringLiteral("fr-FR")});
        runner.start(session, QStringLiteral("Remove the old phone"),
            [s = session](const QJsonObject &auth) {
                return Session::DeviceClient::deleteDeviceRequest(s, OldPhone, auth);
            });
    }
    // A session of alice on a server whose answers the test writes itself.
    static Session::Session sessionOn(const CannedServer &canned)
    {
        Session::Session odd;
        odd.userId = Alice;
        odd.deviceId = QStringLiteral("D");
        odd.accessToken = QStringLiteral("tok");
        odd.baseUrl = canned.url();
        return odd;
    }
    Step nextStep(QSignalSpy &stages)
    {
        if (!stages.wait(10000))
            qFatal("no stage required");
        return stages.takeFirst().at(0).value<Step>();
    }
    void assertOldPhoneGone()
    {
        QVERIFY(!server->devicesOf(Alice).contains(OldPhone));
        QVERIFY(!server->isAccessTokenValid(oldPhoneToken));
        QVERIFY(server->devicesOf(Alice).contains(session.deviceId));
    }
    void assertOldPhoneKept()
    {
        QVERIFY(server->devicesOf(Alice).contains(OldPhone));
        QVERIFY(server->isAccessTokenValid(oldPhoneToken));
    }
    // Drives the fallback page as the user would in the system browser.
    void confirmInBrowser(const QUrl &url, const QString &user = QStringLiteral("alice"))
    {
        ScriptedBrowser browser;
        browser.setUserName(user);
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        browser.open(url);
        QVERIFY(finished.wait(15000));
        const auto page = finished.at(0).at(0).value<ScriptedBrowser::Page>();
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("window.onAuthDone()"));
        QVERIFY(page.body.contains("postMessage(\"authDone\", \"*\")"));
    }

private Q_SLOTS:
    void ssoOnlyFinishesByItselfThroughPolling()
    {
        serve({{QStringLiteral("m.login.sso")}});
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy succeeded(&runner, &AuthSession::succeeded);
        QSignalSpy failed(&runner, &AuthSession::failed);
        startDeletion(runner);
        const Step step = nextStep(stages);
        QCOMPARE(step.stage, QStringLiteral("m.login.sso"));
        QCOMPARE(step.mode, Step::Mode::Fallback);
        QCOMPARE(step.index, 0);
        QCOMPARE(step.count, 1);
        QCOMPARE(step.progress(), 0.0);
        QCOMPARE(step.reason, QStringLiteral("Remove the old phone"));
        QCOMPARE(runner.state(), AuthSession::State::WaitingForBrowser);
        QCOMPARE(step.fallbackUrl.path(),
            QStringLiteral("/_matrix/client/v3/auth/m.login.sso/fallback/web"));
        const QString authSession
            = QUrlQuery(step.fallbackUrl).queryItemValue(QStringLiteral("session"));
        QVERIFY(server->hasUiaSession(authSession));
        QCOMPARE(server->requestCount("DELETE", OldPhonePath), 1);

        const QUrl url = runner.openFallback();
        QCOMPARE(url, step.fallbackUrl);
        QCOMPARE(runner.fallbackUrl(), url);
        // It polls while the user is in the browser, and the server says "not yet".
        QTRY_VERIFY_WITH_TIMEOUT(server->requestCount("DELETE", OldPhonePath) >= 3, 10000);
        assertOldPhoneKept();
        QCOMPARE(succeeded.size(), 0);

        confirmInBrowser(url);
        // No fallbackDone(): the next poll finds the stage done and the request goes through.
        QVERIFY(succeeded.wait(10000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(stages.size(), 0);
        QCOMPARE(runner.state(), AuthSession::State::Succeeded);
        assertOldPhoneGone();
        QVERIFY(!server->hasUiaSession(authSession)); // used up
    }
    void fallbackDoneChecksAtOnce()
    {
        serve({{QStringLiteral("m.login.sso")}});
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy succeeded(&runner, &AuthSession::succeeded);
        startDeletion(runner);
        runner.setPollInterval(std::chrono::hours(1)); // only fallbackDone() can finish it
        nextStep(stages);
        confirmInBrowser(runner.openFallback());
        QCOMPARE(succeeded.size(), 0);
        runner.fallbackDone();
        QVERIFY(succeeded.wait(10000));
        assertOldPhoneGone();
    }
    void wrongUserInTheBrowserDoesNotConfirm()
    {
        serve({{QStringLiteral("m.login.sso")}});
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        startDeletion(runner);
        nextStep(stages);
        ScriptedBrowser browser;
        browser.setUserName(QStringLiteral("mallory"));
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        browser.open(runner.openFallback());
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.at(0).at(0).value<ScriptedBrowser::Page>().status, 403);
        runner.fallbackDone();
        const int before = server->requestCount("DELETE", OldPhonePath);
        QTRY_VERIFY_WITH_TIMEOUT(server->requestCount("DELETE", OldPhonePath) > before + 1, 10000);
        QCOMPARE(runner.state(), AuthSession::State::WaitingForBrowser);
        assertOldPhoneKept();
        runner.cancel();
    }
    void passwordWrongThenRight()
    {
        serve({{QStringLiteral("m.login.password")}});
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy succeeded(&runner, &AuthSession::succeeded);
        QSignalSpy failed(&runner, &AuthSession::failed);
        startDeletion(runner);
        Step step = nextStep(stages);
        QCOMPARE(step.mode, Step::Mode::Password);
        QVERIFY(step.error.isEmpty());
        QCOMPARE(runner.state(), AuthSession::State::WaitingForUser);

        runner.submitPassword(QStringLiteral("not it"));
        step = nextStep(stages);
        QCOMPARE(step.mode, Step::Mode::Password);
        QVERIFY(!step.error.isEmpty());
        QCOMPARE(runner.state(), AuthSession::State::WaitingForUser);
        QCOMPARE(failed.size(), 0);
        assertOldPhoneKept();

        runner.submitPassword(Password);
        QVERIFY(succeeded.wait(10000));
        QCOMPARE(failed.size(), 0);
        assertOldPhoneGone();
    }
    void passwordThenTermsInOrderWithProgress()
    {
        serve({{QStringLiteral("m.login.password"), QStringLiteral("m.login.terms")}});
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy succeeded(&runner, &AuthSession::succeeded);
        startDeletion(runner);
        Step step = nextStep(stages);
        QCOMPARE(step.stage, QStringLiteral("m.login.password"));
        QCOMPARE(step.index, 0);
        QCOMPARE(step.count, 2);
        QCOMPARE(step.progress(), 0.0);
        // Terms before the password are refused: the runner offers only the current step.
        runner.acceptTerms();
        QCOMPARE(runner.state(), AuthSession::State::WaitingForUser);

        runner.submitPassword(Password);
        step = nextStep(stages);
        QCOMPARE(step.stage, QStringLiteral("m.login.terms"));
        QCOMPARE(step.mode, Step::Mode::Terms);
        QCOMPARE(step.index, 1);
        QCOMPARE(step.progress(), 0.5);
        QCOMPARE(step.policyTexts.size(), 1);
        QCOMPARE(step.policyTexts.at(0).language, QStringLiteral("fr"));
        QCOMPARE(step.policyTexts.at(0).name, QString::fromUtf8("Politique de confidentialité"));
        QCOMPARE(step.policyTexts.at(0).url,
            QUrl(QStringLiteral("https://example.org/privacy-1.0-fr.html")));
        assertOldPhoneKept();

        runner.acceptTerms();
        QVERIFY(succeeded.wait(10000));
        assertOldPhoneGone();
    }
    void ssoOrPasswordChoosesPasswordNatively()
    {
        serve({{QStringLiteral("m.login.sso")}, {QStringLiteral("m.login.password")}});
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy succeeded(&runner, &AuthSession::succeeded);
        startDeletion(runner);
        const Step step = nextStep(stages);
        QCOMPARE(step.mode, Step::Mode::Password);
        QCOMPARE(step.count, 1);
        runner.submitPassword(Password);
        QVERIFY(succeeded.wait(10000));
        assertOldPhoneGone();
    }
    void dummyIsDoneWithoutAsking()
    {
        serve({{QStringLiteral("m.login.dummy")}});
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy succeeded(&runner, &AuthSession::succeeded);
        startDeletion(runner);
        QVERIFY(succeeded.wait(10000));
        QCOMPARE(stages.size(), 0);
        QCOMPARE(server->requestCount("DELETE", OldPhonePath), 2);
        assertOldPhoneGone();
    }
    void deleteSeveralDevices()
    {
        serve({{QStringLiteral("m.login.password")}});
        const QString tablet = server->addDevice(Alice, QStringLiteral("TABLET"));
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy succeeded(&runner, &AuthSession::succeeded);
        runner.start(
            session, QStringLiteral("Remove two devices"), [s = session](const QJsonObject &auth) {
                return Session::DeviceClient::deleteDevicesRequest(
                    s, {OldPhone, QStringLiteral("TABLET")}, auth);
            });
        QCOMPARE(nextStep(stages).mode, Step::Mode::Password);
        runner.submitPassword(Password);
        QVERIFY(succeeded.wait(10000));
        assertOldPhoneGone();
        QVERIFY(!server->isAccessTokenValid(tablet));
        QCOMPARE(server->devicesOf(Alice), QStringList{session.deviceId});
    }
    void sessionExpiryMeansStartOverThenRestartWorks()
    {
        serve({{QStringLiteral("m.login.password")}}, 200);
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy succeeded(&runner, &AuthSession::succeeded);
        QSignalSpy failed(&runner, &AuthSession::failed);
        startDeletion(runner);
        const Step step = nextStep(stages);
        const QString authSession
            = QUrlQuery(step.fallbackUrl).queryItemValue(QStringLiteral("session"));
        QTRY_VERIFY_WITH_TIMEOUT(!server->hasUiaSession(authSession), 10000);

        runner.submitPassword(Password);
        QVERIFY(failed.wait(10000));
        const auto failure = failed.at(0).at(0).value<Failure>();
        QCOMPARE(failure.reason, Failure::Reason::SessionExpired);
        QVERIFY(failure.describe().contains(u"start over"));
        QCOMPARE(runner.state(), AuthSession::State::Failed);
        assertOldPhoneKept();

        server->setUiaSessionLifetimeMs(10 * 60 * 1000);
        runner.restart();
        const Step again = nextStep(stages);
        QCOMPARE(again.mode, Step::Mode::Password);
        QVERIFY(again.fallbackUrl != step.fallbackUrl); // a new session
        runner.submitPassword(Password);
        QVERIFY(succeeded.wait(10000));
        assertOldPhoneGone();
    }
    void forbiddenWithoutChallenge()
    {
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault fault;
        fault.status = 403;
        fault.body = R"({"errcode":"M_FORBIDDEN","error":"Not your device"})";
        config.faults.insert(OldPhonePath, fault);
        server = std::make_unique<DevServer>(config);
        QVERIFY(server->start());
        session = signInOnDevServer(network, *server);
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy failed(&runner, &AuthSession::failed);
        startDeletion(runner);
        QVERIFY(failed.wait(10000));
        const auto failure = failed.at(0).at(0).value<Failure>();
        QCOMPARE(failure.reason, Failure::Reason::Forbidden);
        QVERIFY(failure.error.is(u"M_FORBIDDEN"));
        QCOMPARE(failure.error.serverMessage, QStringLiteral("Not your device"));
        QCOMPARE(stages.size(), 0);
    }
    void malformedChallenge()
    {
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault fault;
        fault.status = 401;
        fault.body = R"({"flows":[{"stages":[42]}],"session":"s"})";
        config.faults.insert(OldPhonePath, fault);
        server = std::make_unique<DevServer>(config);
        QVERIFY(server->start());
        session = signInOnDevServer(network, *server);
        AuthSession runner(network);
        QSignalSpy failed(&runner, &AuthSession::failed);
        startDeletion(runner);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).value<Failure>().reason, Failure::Reason::InvalidChallenge);
    }
    void networkError()
    {
        Session::Session nowhere = session;
        nowhere.userId = Alice;
        nowhere.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        AuthSession runner(network);
        QSignalSpy failed(&runner, &AuthSession::failed);
        runner.start(nowhere, {}, [nowhere](const QJsonObject &auth) {
            return Session::DeviceClient::deleteDeviceRequest(nowhere, OldPhone, auth);
        });
        QVERIFY(failed.wait(10000));
        const auto failure = failed.at(0).at(0).value<Failure>();
        QCOMPARE(failure.reason, Failure::Reason::Network);
        QCOMPARE(failure.error.kind, Matrix::Error::Kind::ConnectionRefused);
    }
    void invalidTokenIsSignedOutNotAChallenge()
    {
        serve({{QStringLiteral("m.login.password")}});
        Session::Session stale = session;
        stale.accessToken = QStringLiteral("syt_stale");
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy failed(&runner, &AuthSession::failed);
        runner.start(stale, {}, [stale](const QJsonObject &auth) {
            return Session::DeviceClient::deleteDeviceRequest(stale, OldPhone, auth);
        });
        QVERIFY(failed.wait(10000));
        const auto failure = failed.at(0).at(0).value<Failure>();
        QCOMPARE(failure.reason, Failure::Reason::SignedOut);
        QVERIFY(failure.error.is(u"M_UNKNOWN_TOKEN"));
        QCOMPARE(stages.size(), 0);
        assertOldPhoneKept();
    }
    void oddServersEndTheRun_data()
    {
        QTest::addColumn<QList<QByteArray>>("answers"); // one per request, the last repeats
        QTest::addColumn<Failure::Reason>("reason");
        QTest::addColumn<int>("requests");
        // A dummy stage the server never takes: sent once, not forever.
        QTest::newRow("dummy refused")
            << QList<QByteArray>{R"({"flows":[{"stages":["m.login.dummy"]}],"session":"s"})"}
            << Failure::Reason::Server << 2;
        QTest::newRow("completed continues no flow")
            << QList<QByteArray>{R"({"flows":[{"stages":["m.login.password"]}],"session":"s",
                   "completed":["m.login.terms"]})"}
            << Failure::Reason::NoUsableFlow << 1;
        // Without a session there is no fallback page to open.
        QTest::newRow("sso without a session")
            << QList<QByteArray>{R"({"flows":[{"stages":["m.login.sso"]}]})"}
            << Failure::Reason::NoUsableFlow << 1;
        // A new session in the middle means the old one, and what it completed, is gone.
        QTest::newRow("session replaced")
            << QList<QByteArray>{R"({"flows":[{"stages":["m.login.dummy","m.login.password"]}],
                   "session":"first"})",
                   R"({"flows":[{"stages":["m.login.dummy","m.login.password"]}],
                   "session":"second"})"}
            << Failure::Reason::SessionExpired << 2;
    }
    void noAuthSessionMeansNoBrowserStep()
    {
        // A 401 without a session (allowed by the spec) gives the fallback page nothing to
        // name: the password flow is chosen even for an SSO user, and the stage is sent
        // without a session.
        int served = 0;
        CannedServer canned([&](const QByteArray &) {
            if (++served == 1)
                return CannedServer::response(401,
                    R"({"flows":[{"stages":["m.login.sso"]},{"stages":["m.login.password"]}]})");
            return CannedServer::response(200, "{}");
        });
        const Session::Session odd = sessionOn(canned);
        AuthSession runner(network);
        runner.setPreferredStage(QStringLiteral("m.login.sso"));
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy succeeded(&runner, &AuthSession::succeeded);
        runner.start(odd, {}, [odd](const QJsonObject &auth) {
            return Session::DeviceClient::deleteDeviceRequest(odd, OldPhone, auth);
        });
        QVERIFY(stages.wait(10000));
        QCOMPARE(stages.first().first().value<Step>().stage, QStringLiteral("m.login.password"));
        runner.submitPassword(QStringLiteral("hunter2"));
        QVERIFY(succeeded.wait(10000));
        QCOMPARE(canned.bodies().size(), 2);
        const QJsonObject auth
            = QJsonDocument::fromJson(canned.bodies().last()).object().value(u"auth").toObject();
        QCOMPARE(auth.value(u"type").toString(), QStringLiteral("m.login.password"));
        QVERIFY(!auth.contains(u"session"));
    }
    void oddServersEndTheRun()
    {
        QFETCH(QList<QByteArray>, answers);
        QFETCH(Failure::Reason, reason);
        QFETCH(int, requests);
        int served = 0;
        CannedServer canned([&](const QByteArray &) {
            const QByteArray body = answers.at(std::min<qsizetype>(served++, answers.size() - 1));
            return CannedServer::response(401, body);
        });
        const Session::Session odd = sessionOn(canned);
        AuthSession runner(network);
        QSignalSpy failed(&runner, &AuthSession::failed);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        runner.start(odd, {}, [odd](const QJsonObject &auth) {
            return Session::DeviceClient::deleteDeviceRequest(odd, OldPhone, auth);
        });
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.at(0).at(0).value<Failure>().reason, reason);
        QCOMPARE(served, requests);
        QCOMPARE(stages.size(), 0);
        QCOMPARE(runner.state(), AuthSession::State::Failed);
    }
    void cancelStopsPolling()
    {
        serve({{QStringLiteral("m.login.sso")}});
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy failed(&runner, &AuthSession::failed);
        QSignalSpy succeeded(&runner, &AuthSession::succeeded);
        startDeletion(runner);
        nextStep(stages);
        runner.openFallback();
        QTRY_VERIFY_WITH_TIMEOUT(server->requestCount("DELETE", OldPhonePath) >= 3, 10000);
        runner.cancel();
        QCOMPARE(runner.state(), AuthSession::State::Cancelled);
        const int sent = server->requestCount("DELETE", OldPhonePath);
        // Ten poll intervals without a single request.
        QSignalSpy handled(server.get(), &DevServer::requestHandled);
        QVERIFY(!handled.wait(500));
        QCOMPARE(server->requestCount("DELETE", OldPhonePath), sent);
        // Even when the user finishes in the browser afterwards, nothing goes through.
        runner.fallbackDone();
        QVERIFY(!handled.wait(200));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(succeeded.size(), 0);
        assertOldPhoneKept();
    }
    void pollingGivesUpAfterItsBound()
    {
        serve({{QStringLiteral("m.login.sso")}});
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy failed(&runner, &AuthSession::failed);
        startDeletion(runner);
        runner.setPollLimit(std::chrono::milliseconds(400));
        nextStep(stages);
        runner.openFallback();
        QVERIFY(failed.wait(10000));
        const auto failure = failed.at(0).at(0).value<Failure>();
        QCOMPARE(failure.reason, Failure::Reason::TimedOut);
        QVERIFY(!failure.describe().isEmpty());
        QVERIFY(server->requestCount("DELETE", OldPhonePath) >= 3);
        const int sent = server->requestCount("DELETE", OldPhonePath);
        QSignalSpy handled(server.get(), &DevServer::requestHandled);
        QVERIFY(!handled.wait(300));
        QCOMPARE(server->requestCount("DELETE", OldPhonePath), sent);
        assertOldPhoneKept();
    }
    void secretsNeverReachTheLog()
    {
        // Debug logging is on in the suite (QT_LOGGING_RULES): collect every message.
        static QStringList messages;
        messages.clear();
        const auto previous
            = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &,
                                         const QString &text) { messages.append(text); });
        serve({{QStringLiteral("m.login.password")}});
        AuthSession runner(network);
        QSignalSpy stages(&runner, &AuthSession::stageRequired);
        QSignalSpy succeeded(&runner, &AuthSession::succeeded);
        startDeletion(runner);
        nextStep(stages);
        runner.submitPassword(QStringLiteral("not it"));
        nextStep(stages);
        runner.submitPassword(Password);
        const bool done = succeeded.wait(10000);
        qInstallMessageHandler(previous);
        QVERIFY(done);
        QVERIFY(messages.join(u'\n').contains(u"m.login.password")); // it did log the stages
        for (const QString &message : std::as_const(messages)) {
            QVERIFY2(!message.contains(Password), qPrintable(message));
            QVERIFY2(!message.contains(u"not it"), qPrintable(message));
            QVERIFY2(!message.contains(session.accessToken), qPrintable(message));
        }
    }
};

QTEST_GUILESS_MAIN(TestAuthSession)
#include "tst_authsession.moc"
