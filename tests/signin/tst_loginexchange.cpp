// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "signin/loginexchange.h"

#include "cancelcheck.h"
#include "devserver.h"
#include "devsession.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Portico;

// The shared tail of every credential sign-in: POST /login, then the MSC1730 binding to the
// base URL the response names (here another development homeserver).
class TestLoginExchange : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;
    std::unique_ptr<DevServer> target; // the homeserver the portal's login response names
    std::unique_ptr<DevServer> portal; // where the user signs in
    Discovery::Homeserver homeserver; // the portal's

    void serve()
    {
        target = std::make_unique<DevServer>(DevServer::Config::demo());
        QVERIFY(target->start());
        DevServer::Config portalConfig = DevServer::Config::demo();
        portalConfig.loginBaseUrl = target->baseUrl().toString();
        portal = std::make_unique<DevServer>(portalConfig);
        QVERIFY(portal->start());
        homeserver = {portal->baseUrl(), Matrix::Versions{{QStringLiteral("v1.1")}, {}}, false};
    }
    QJsonObject tokenCredentials() const
    {
        return {{QStringLiteral("type"), QStringLiteral("m.login.token")},
            {QStringLiteral("token"), loginTokenFromDevServer(*portal)}};
    }

private Q_SLOTS:
    void signsInAndBindsToTheNamedServer()
    {
        serve();
        SignIn::LoginExchange exchange(network);
        std::optional<Matrix::Expected<SignIn::LoginResult, Matrix::Error>> result;
        exchange.start(homeserver, tokenCredentials(), {}, QStringLiteral("sso:github"),
            [&](const auto &r) { result.emplace(r); });
        QVERIFY(exchange.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        // The target does not know the portal's session: it stays with the portal, and says so.
        QVERIFY(*result);
        QCOMPARE(result->value().session.baseUrl, portal->baseUrl());
        QCOMPARE(result->value().session.loginServer, portal->baseUrl());
        QVERIFY(!result->value().warning.isEmpty());
        QVERIFY(!exchange.isRunning());
        QCOMPARE(target->requestCount("GET", QStringLiteral("/_matrix/client/versions")), 1);
    }
    void cancelledDuringTheBindingSendsNothingMore_data()
    {
        addCancelRows({QStringLiteral("/_matrix/client/versions"),
            QStringLiteral("/_matrix/client/v3/account/whoami")});
    }
    // cancel() after the login, while the base URL is being checked: the new token never
    // travels to the named server afterwards, and no result is reported.
    void cancelledDuringTheBindingSendsNothingMore()
    {
        QFETCH(QString, path);
        QFETCH(int, when);
        serve();
        SignIn::LoginExchange exchange(network);
        bool answered = false;
        const int after = requestsAfterCancel(
            network, *target, path, CancelWhen(when),
            [&] {
                exchange.start(homeserver, tokenCredentials(), {}, QStringLiteral("sso"),
                    [&](const auto &) { answered = true; });
            },
            [&] { exchange.cancel(); });
        QCOMPARE(after, 0);
        QVERIFY(!answered);
        QVERIFY(!exchange.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestLoginExchange)
#include "tst_loginexchange.moc"
