// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth/devicelogin.h"

#include "oauthtestsupport.h"

#include <QElapsedTimer>
#include <QTest>

#include <limits>

using namespace Portico::OAuth;
using namespace std::chrono_literals;

// The device authorisation grant against the development homeserver's OAuth mode; the test
// plays the phone.
class TestDeviceLogin : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;
    std::unique_ptr<DevServer> server;
    std::unique_ptr<DeviceLogin> login;

    VerificationPrompt startAndWaitForPrompt()
    {
        QSignalSpy prompt(login.get(), &DeviceLogin::promptReady);
        login->start(server->baseUrl(), OAuthTest::metadataOf(*server));
        if (!prompt.wait(10000))
            return {};
        return prompt.first().first().value<VerificationPrompt>();
    }
    void phoneAnswers(const VerificationPrompt &prompt, const QByteArray &decision)
    {
        const OAuthTest::Page page = OAuthTest::fetch(network, prompt.qrUrl());
        QCOMPARE(page.status, 200);
        const OAuthTest::Page done = OAuthTest::fetch(network,
            QUrl(server->baseUrl().toString() + QStringLiteral("/_oauth/link")),
            "code=" + prompt.userCode.toUtf8() + "&decision=" + decision);
        QCOMPARE(done.status, 200);
    }

private Q_SLOTS:
    void init()
    {
        server = OAuthTest::oauthServer();
        login = std::make_unique<DeviceLogin>(network);
    }
    void cleanup()
    {
        login.reset();
        server.reset();
    }

    void signsInAndPollsNoFasterThanTheInterval()
    {
        server->oauth()->options().deviceIntervalSeconds = 1;
        QList<qint64> polls;
        QElapsedTimer clock;
        clock.start();
        connect(server.get(), &DevServer::requestHandled, this,
            [&](const QByteArray &method, const QString &path, int) {
                if (method == "POST" && path == u"/_oauth/token")
                    polls.append(clock.elapsed());
            });
        QSignalSpy signedIn(login.get(), &DeviceLogin::signedIn);
        QSignalSpy failed(login.get(), &DeviceLogin::failed);
        const VerificationPrompt prompt = startAndWaitForPrompt();
        QVERIFY(!prompt.userCode.isEmpty());
        QVERIFY(prompt.verificationUriComplete.isValid());
        QCOMPARE(login->intervalSeconds(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(polls.size(), 1, 10000); // authorization_pending
        phoneAnswers(prompt, "allow");
        // Counted, not waited for: the next poll may sign in while phoneAnswers() fetches.
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(polls.size(), 2);
        QVERIFY2(polls[1] - polls[0] >= 950, qPrintable(QString::number(polls[1] - polls[0])));
        const auto session = signedIn.first().first().value<Portico::Session::Session>();
        QVERIFY(session.isOAuth());
        QVERIFY(server->isAccessTokenValid(session.accessToken));
        QVERIFY(!session.refreshToken.isEmpty());
    }
    void slowDownAddsFiveSeconds()
    {
        login->setSecond(10ms);
        DevServer::Config::Fault slowDown;
        slowDown.status = 400;
        slowDown.body = R"({"error":"slow_down"})";
        slowDown.times = 1;
        server->setFault(QStringLiteral("POST /_oauth/token"), slowDown);
        QSignalSpy signedIn(login.get(), &DeviceLogin::signedIn);
        const VerificationPrompt prompt = startAndWaitForPrompt();
        const int before = login->intervalSeconds();
        QTRY_COMPARE_WITH_TIMEOUT(login->intervalSeconds(), before + 5, 10000);
        phoneAnswers(prompt, "allow");
        // Counted, not waited for: the next poll may sign in while phoneAnswers() fetches.
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
    }
    void denied()
    {
        login->setSecond(10ms);
        QSignalSpy failed(login.get(), &DeviceLogin::failed);
        QSignalSpy signedIn(login.get(), &DeviceLogin::signedIn);
        phoneAnswers(startAndWaitForPrompt(), "deny");
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<SignInError>().kind, SignInError::Kind::AccessDenied);
        QCOMPARE(signedIn.size(), 0);
    }
    void expired()
    {
        // The server says the code expired (RFC 8628 §3.5 expired_token): answered at once, not
        // waited for through a real lifetime.
        login->setSecond(10ms);
        DevServer::Config::Fault expiredToken;
        expiredToken.status = 400;
        expiredToken.body = R"({"error":"expired_token"})";
        expiredToken.times = 1;
        server->setFault(QStringLiteral("POST /_oauth/token"), expiredToken);
        QSignalSpy failed(login.get(), &DeviceLogin::failed);
        QSignalSpy signedIn(login.get(), &DeviceLogin::signedIn);
        QVERIFY(!startAndWaitForPrompt().userCode.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(failed.first().first().value<SignInError>().kind, SignInError::Kind::Expired);
        QCOMPARE(signedIn.size(), 0);
        QVERIFY(!login->hasPendingWork());
    }
    // The server's expires_in past Qt 6.4's int timer limit (~24.8 days): 4294968 s used to be
    // truncated to 704 ms, and the grant failed as expired at once. Read from the timer, not
    // waited for.
    void aLongExpiryDoesNotExpireAtOnce()
    {
        login->setSecond(60s); // no poll during the test
        server->oauth()->options().deviceCodeLifetimeMs = qint64(4294968) * 1000;
        QSignalSpy failed(login.get(), &DeviceLogin::failed);
        const VerificationPrompt prompt = startAndWaitForPrompt();
        QVERIFY(!prompt.userCode.isEmpty());
        QCOMPARE(login->expiryTimerInterval().count(), qint64(std::numeric_limits<int>::max()));
        QVERIFY(QDateTime::currentDateTimeUtc().daysTo(prompt.expiresAt) >= 49);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(login->step(), DeviceLogin::Step::WaitingForApproval);
    }
    void cancelStopsPolling()
    {
        login->setSecond(10ms);
        QSignalSpy failed(login.get(), &DeviceLogin::failed);
        QSignalSpy signedIn(login.get(), &DeviceLogin::signedIn);
        const VerificationPrompt prompt = startAndWaitForPrompt();
        QTRY_VERIFY_WITH_TIMEOUT(
            server->oauth()->tokenRequests(QString(AuthMetadata::DeviceCodeGrant)) >= 2, 10000);
        QVERIFY(login->hasPendingWork());
        login->cancel();
        // Nothing planned, nothing in flight: no poll can follow (read, not waited for).
        QVERIFY(!login->hasPendingWork());
        QCOMPARE(login->step(), DeviceLogin::Step::Idle);
        const int polled = server->oauth()->tokenRequests(QString(AuthMetadata::DeviceCodeGrant));
        phoneAnswers(prompt, "allow");
        // The phone's approval went through the same server after the cancel: had a poll been
        // sent meanwhile, the server would have counted it by now.
        QCOMPARE(server->oauth()->tokenRequests(QString(AuthMetadata::DeviceCodeGrant)), polled);
        QCOMPARE(signedIn.size() + failed.size(), 0);
    }
    void noDeviceGrant()
    {
        AuthMetadata metadata = OAuthTest::metadataOf(*server);
        metadata.deviceAuthorizationEndpoint = QUrl();
        QSignalSpy failed(login.get(), &DeviceLogin::failed);
        login->start(server->baseUrl(), metadata);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<SignInError>().kind,
            SignInError::Kind::DeviceAuthorization);
    }
};

QTEST_GUILESS_MAIN(TestDeviceLogin)
#include "tst_devicelogin.moc"
