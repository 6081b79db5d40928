// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth/oauthlogin.h"
#include "oauth/oauthrefresher.h"

#include "oauthtestsupport.h"

#include <QTest>

using namespace Portico::OAuth;
using Portico::Session::Session;
using Outcome = OAuthRefresher::Outcome;

// Refresh and revocation of OAuth sessions against the development homeserver's OAuth mode.
class TestOAuthRefresher : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;
    std::unique_ptr<DevServer> server;

    Session signIn()
    {
        server->oauth()->options().skipConsent = true;
        OAuthLogin login(network);
        QUrl opened;
        login.setBrowserLauncher([&](const QUrl &url) {
            opened = url;
            return true;
        });
        QSignalSpy signedIn(&login, &OAuthLogin::signedIn);
        login.start(server->baseUrl(), OAuthTest::metadataOf(*server),
            OAuthLogin::Redirect::PrivateUseScheme);
        if (!QTest::qWaitFor([&] { return opened.isValid(); }, 10000))
            qFatal("the browser was never opened");
        login.submitCallbackUrl(OAuthTest::fetch(network, opened).location);
        if (!signedIn.wait(10000))
            qFatal("no session");
        return signedIn.first().first().value<Session>();
    }
    static OAuthRefresher::Result wait(std::optional<OAuthRefresher::Result> &result)
    {
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            qFatal("the refresh never ended");
        return *result;
    }

private Q_SLOTS:
    void init() { server = OAuthTest::oauthServer(); }

    void concurrentCallersShareOneRefresh()
    {
        const Session session = signIn();
        OAuthRefresher refresher(network);
        QStringList order;
        connect(&refresher, &OAuthRefresher::refreshed, this,
            [&](const Session &) { order.append(QStringLiteral("refreshed")); });
        std::optional<OAuthRefresher::Result> first, second;
        refresher.refresh(session, [&](const auto &r) {
            order.append(QStringLiteral("first"));
            first = r;
        });
        refresher.refresh(session, [&](const auto &r) {
            order.append(QStringLiteral("second"));
            second = r;
        });
        QVERIFY(refresher.isRefreshing(session.key()));
        QCOMPARE(wait(first).outcome, Outcome::Refreshed);
        QCOMPARE(wait(second).session.accessToken, first->session.accessToken);
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("refresh_token")), 1);
        // The rotated token is handed out before anyone can use the new access token.
        QCOMPARE(order,
            (QStringList{
                QStringLiteral("refreshed"), QStringLiteral("first"), QStringLiteral("second")}));
        QVERIFY(first->session.refreshToken != session.refreshToken);
        QVERIFY(first->session.accessToken != session.accessToken);
        QVERIFY(first->session.accessTokenExpiresAt > QDateTime::currentDateTimeUtc());
        QVERIFY(server->isAccessTokenValid(first->session.accessToken));
        QVERIFY(first->session.isValid());
    }
    void serverErrorKeepsTheOldTokens_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("503") << 503;
        QTest::newRow("500") << 500;
        QTest::newRow("429") << 429;
    }
    void serverErrorKeepsTheOldTokens()
    {
        QFETCH(int, status);
        const Session session = signIn();
        DevServer::Config::Fault fault;
        fault.status = status;
        fault.body = "oops";
        fault.contentType = "text/plain";
        server->setFault(QStringLiteral("POST /_oauth/token"), fault);
        OAuthRefresher refresher(network);
        QSignalSpy ended(&refresher, &OAuthRefresher::sessionEnded);
        std::optional<OAuthRefresher::Result> result;
        refresher.refresh(session, [&](const auto &r) { result = r; });
        QCOMPARE(wait(result).outcome, Outcome::TryLater);
        QCOMPARE(result->session.refreshToken, session.refreshToken);
        QCOMPARE(ended.size(), 0);
    }
    void networkErrorKeepsTheOldTokens()
    {
        Session session = signIn();
        session.oauthTokenEndpoint = QUrl(QStringLiteral("http://127.0.0.1:1/_oauth/token"));
        OAuthRefresher refresher(network);
        std::optional<OAuthRefresher::Result> result;
        refresher.refresh(session, [&](const auto &r) { result = r; });
        QCOMPARE(wait(result).outcome, Outcome::TryLater);
    }
    void refusedRefreshEndsTheSession()
    {
        Session session = signIn();
        session.refreshToken = QStringLiteral("mar_unknown");
        OAuthRefresher refresher(network);
        QSignalSpy ended(&refresher, &OAuthRefresher::sessionEnded);
        std::optional<OAuthRefresher::Result> result;
        refresher.refresh(session, [&](const auto &r) { result = r; });
        QCOMPARE(wait(result).outcome, Outcome::SessionEnded);
        QCOMPARE(result->error.oauth->code, OAuthError::Code::InvalidGrant);
        QCOMPARE(ended.size(), 1);
    }
    void legacySessionIsNotRefreshedHere()
    {
        Session session = signIn();
        session.api = Session::Api::Legacy;
        OAuthRefresher refresher(network);
        std::optional<OAuthRefresher::Result> result;
        refresher.refresh(session, [&](const auto &r) { result = r; });
        QCOMPARE(wait(result).outcome, Outcome::SessionEnded);
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("refresh_token")), 0);
    }

    void revokesBothTokens()
    {
        const Session session = signIn();
        OAuthRevoker revoker(network);
        std::optional<bool> revoked;
        revoker.revoke(session, [&](bool ok, const TokenError &) { revoked = ok; });
        QVERIFY(QTest::qWaitFor([&] { return revoked.has_value(); }, 10000));
        QVERIFY(*revoked);
        const auto revocations = server->oauth()->revocations();
        QCOMPARE(revocations.size(), 2);
        QCOMPARE(revocations[0].hint, QStringLiteral("refresh_token"));
        QCOMPARE(revocations[0].found, QStringLiteral("refresh_token"));
        QCOMPARE(revocations[1].hint, QStringLiteral("access_token"));
        QVERIFY(!server->isAccessTokenValid(session.accessToken));
        QVERIFY(!server->devicesOf(session.userId).contains(session.deviceId));
    }
    void revocationFailureIsReported()
    {
        Session session = signIn();
        session.oauthClientId = QStringLiteral("unknown");
        OAuthRevoker revoker(network);
        std::optional<bool> revoked;
        TokenError error;
        revoker.revoke(session, [&](bool ok, const TokenError &e) {
            revoked = ok;
            error = e;
        });
        QVERIFY(QTest::qWaitFor([&] { return revoked.has_value(); }, 10000));
        QVERIFY(!*revoked);
        QCOMPARE(error.oauth->code, OAuthError::Code::InvalidClient);
        QVERIFY(server->isAccessTokenValid(session.accessToken));
    }
};

QTEST_GUILESS_MAIN(TestOAuthRefresher)
#include "tst_oauthrefresher.moc"
