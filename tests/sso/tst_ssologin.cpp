// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sso/ssologin.h"

#include "devserver.h"
#include "devsession.h"
#include "scriptedbrowser.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Portico;
using namespace std::chrono_literals;

namespace {} // namespace

class TestSsoLogin : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

    static Discovery::Homeserver homeserverOf(const DevServer &server)
    {
        return {server.baseUrl(), Matrix::Versions{{QStringLiteral("v1.11")}, {}}, false};
    }

private Q_SLOTS:
    void fullSignIn()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        ScriptedBrowser browser;
        browser.setUserName(QStringLiteral("bob"));
        QSignalSpy pageShown(&browser, &ScriptedBrowser::finished);
        Sso::SsoLogin login(network);
        QList<QUrl> opened;
        login.setBrowserLauncher([&](const QUrl &url) {
            opened.append(url);
            browser.open(url);
            return true;
        });
        QSignalSpy signedIn(&login, &Sso::SsoLogin::signedIn);
        login.start(homeserverOf(server), QStringLiteral("keycloak"));
        QCOMPARE(login.step(), Sso::SsoLogin::Step::WaitingForBrowser);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().path(),
            QStringLiteral("/_matrix/client/v3/login/sso/redirect/keycloak"));

        QVERIFY(signedIn.wait(15000));
        const auto session = signedIn.first().first().value<Session::Session>();
        QCOMPARE(session.userId, QStringLiteral("@bob:localhost"));
        QCOMPARE(session.baseUrl, server.baseUrl());
        QCOMPARE(session.loginMethod, QStringLiteral("sso:keycloak"));
        QVERIFY(server.isAccessTokenValid(session.accessToken));
        QVERIFY(signedIn.first().at(1).toString().isEmpty());
        QCOMPARE(login.step(), Sso::SsoLogin::Step::Idle);
        // The browser was shown our success page.
        QVERIFY(pageShown.size() == 1 || pageShown.wait(15000));
        QCOMPARE(pageShown.first().first().value<ScriptedBrowser::Page>().status, 200);
        QVERIFY(pageShown.first().first().value<ScriptedBrowser::Page>().body.contains(
            "close this tab"));
    }
    void cancelledAttemptIgnoresALateCallback()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Sso::SsoLogin login(network);
        QUrl opened;
        login.setBrowserLauncher([&](const QUrl &url) {
            opened = url;
            return true;
        });
        QSignalSpy signedIn(&login, &Sso::SsoLogin::signedIn);
        QSignalSpy failed(&login, &Sso::SsoLogin::failed);
        login.start(homeserverOf(server), QStringLiteral("github"));
        login.cancel();
        QCOMPARE(login.step(), Sso::SsoLogin::Step::Idle);
        ScriptedBrowser browser;
        QSignalSpy pageShown(&browser, &ScriptedBrowser::finished);
        browser.open(opened);
        QVERIFY(pageShown.wait(15000));
        // The listener is gone: the browser cannot reach it, and nothing signs in.
        QCOMPARE(pageShown.first().first().value<ScriptedBrowser::Page>().status, 0);
        QCOMPARE(signedIn.size(), 0);
        QCOMPARE(failed.size(), 0);
    }
    void browserThatCannotOpenFails()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Sso::SsoLogin login(network);
        login.setBrowserLauncher([](const QUrl &) { return false; });
        QSignalSpy failed(&login, &Sso::SsoLogin::failed);
        login.start(homeserverOf(server), QStringLiteral("github"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<Sso::SsoError>().reason,
            Sso::SsoError::Reason::BrowserFailed);
        QCOMPARE(login.step(), Sso::SsoLogin::Step::Idle);
    }
    void timeoutFails()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Sso::SsoLogin login(network);
        Sso::CallbackListener::Limits limits;
        limits.attemptTimeout = 200ms;
        login.setListenerLimits(limits);
        login.setBrowserLauncher([](const QUrl &) { return true; });
        QSignalSpy failed(&login, &Sso::SsoLogin::failed);
        login.start(homeserverOf(server), QStringLiteral("github"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(
            failed.first().first().value<Sso::SsoError>().reason, Sso::SsoError::Reason::TimedOut);
    }
    void reopenBrowserUsesTheSameAttempt()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Sso::SsoLogin login(network);
        QList<QUrl> opened;
        login.setBrowserLauncher([&](const QUrl &url) {
            opened.append(url);
            return true;
        });
        login.start(homeserverOf(server), QStringLiteral("github"));
        login.reopenBrowser();
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened[0], opened[1]);
    }
    void pastedLinkCompletesTheSignIn()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        Sso::SsoLogin login(network);
        login.setBrowserLauncher([](const QUrl &) { return true; }); // the browser never returns
        QSignalSpy signedIn(&login, &Sso::SsoLogin::signedIn);
        QCOMPARE(
            login.submitCallbackUrl(QStringLiteral("http://127.0.0.1:1/callback/x?loginToken=t")),
            Sso::CallbackVerdict::Kind::WrongNonce); // no attempt yet
        login.start(homeserverOf(server), QStringLiteral("github"));
        const QString token = loginTokenFromDevServer(server);
        QVERIFY(!token.isEmpty());
        const QString link
            = login.redirectUrl().toString() + QStringLiteral("?loginToken=") + token;
        QCOMPARE(login.submitCallbackUrl(
                     QStringLiteral("http://127.0.0.1:1/callback/forged?loginToken=") + token),
            Sso::CallbackVerdict::Kind::WrongNonce);
        QCOMPARE(login.submitCallbackUrl(login.redirectUrl().toString()),
            Sso::CallbackVerdict::Kind::MissingToken);
        QCOMPARE(login.submitCallbackUrl(QStringLiteral("just text")),
            Sso::CallbackVerdict::Kind::NotCallback);
        QCOMPARE(signedIn.size(), 0);
        // The same nonce through the portico:// scheme, as the desktop would hand it over.
        const QString schemeLink = QStringLiteral("portico://sso") + login.redirectUrl().path()
            + QStringLiteral("?loginToken=") + token;
        QCOMPARE(login.submitCallbackUrl(schemeLink), Sso::CallbackVerdict::Kind::Accepted);
        QVERIFY(signedIn.wait(15000));
        QCOMPARE(signedIn.first().first().value<Session::Session>().userId,
            QStringLiteral("@alice:localhost"));
        // Once used, the attempt is over: the pasted link is not accepted twice.
        QVERIFY(login.submitCallbackUrl(link) != Sso::CallbackVerdict::Kind::Accepted);
    }
    void rejectedTokenFails()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Sso::SsoLogin login(network);
        QUrl opened;
        login.setBrowserLauncher([&](const QUrl &url) {
            opened = url;
            return true;
        });
        QSignalSpy failed(&login, &Sso::SsoLogin::failed);
        login.start(homeserverOf(server), QStringLiteral("github"));
        // A forged token on the right nonce: the server refuses it.
        const QUrl redirect(
            QUrlQuery(opened).queryItemValue(QStringLiteral("redirectUrl"), QUrl::FullyDecoded));
        ScriptedBrowser browser;
        QSignalSpy pageShown(&browser, &ScriptedBrowser::finished);
        browser.open(QUrl(redirect.toString() + QStringLiteral("?loginToken=forged")));
        QVERIFY(failed.wait(15000));
        const auto error = failed.first().first().value<Sso::SsoError>();
        QCOMPARE(error.reason, Sso::SsoError::Reason::LoginFailed);
        QVERIFY(error.error.is(u"M_FORBIDDEN"));
    }
};

QTEST_GUILESS_MAIN(TestSsoLogin)
#include "tst_ssologin.moc"
