// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logincontroller.h"

#include "devoauth.h"
#include "devserver.h"
#include "scriptedbrowser.h"
#include "session/accountclient.h"
#include "session/sessionstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>

#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>
#include <algorithm>

using namespace Portico;
using Page = Ui::LoginController::Page;
using State = Ui::AccountListModel::AccountState;

namespace {
// Signs in through `controller` with provider `idp`, a scripted browser playing the user.
bool signInThrough(Ui::LoginController &controller, ScriptedBrowser &browser,
    const DevServer &server, const QString &idp)
{
    controller.ssoLogin().setBrowserLauncher(browser.launcher());
    QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);
    controller.setAutoProvider(idp);
    controller.discover(server.baseUrl().toString());
    return signedIn.wait(15000);
}
} // namespace

class TestLoginController : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    // Each run gets a fresh keyring but keeps this test's settings folder: a session left there
    // by an earlier run (its secret gone with that keyring) would be restored as an account.
    void initTestCase() { QSettings().clear(); }
    void signInAndOut()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        controller.ssoLogin().setBrowserLauncher(browser.launcher());

        QCOMPARE(controller.page(), Page::Server);
        controller.discover(server.baseUrl().toString());
        QVERIFY(controller.busy());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        QVERIFY(!controller.busy());
        QCOMPARE(controller.providers()->rowCount(), 4);
        QCOMPARE(controller.homeserver(), server.baseUrl().toString());
        QVERIFY(controller.insecure()); // plain http, even if on loopback: the UI warns
        QVERIFY(!controller.genericSso());

        QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);
        controller.signIn(QStringLiteral("github"));
        QCOMPARE(controller.page(), Page::Waiting);
        QCOMPARE(controller.pendingProvider(), QStringLiteral("GitHub"));
        QVERIFY(signedIn.wait(15000));
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));
        QVERIFY(!controller.deviceId().isEmpty());
        QCOMPARE(controller.sessionServer(), server.baseUrl().toString());
        QVERIFY(controller.errorText().isEmpty());
        QVERIFY(controller.ephemeral());
        QCOMPARE(server.devicesOf(QStringLiteral("@alice:localhost")).size(), 1);

        controller.signOut();
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        QVERIFY(controller.userId().isEmpty());
        QCOMPARE(server.devicesOf(QStringLiteral("@alice:localhost")).size(), 0);
        // Signed out with the server (the profile's requests may come and go around it).
        const auto log = server.requestLog();
        QVERIFY(std::any_of(log.cbegin(), log.cend(), [](const auto &request) {
            return request.path == u"/_matrix/client/v3/logout" && request.authenticated;
        }));
    }
    void badInputShowsAnErrorWithoutNetwork()
    {
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.discover(QStringLiteral("@nope"));
        QVERIFY(!controller.busy());
        QVERIFY(controller.errorText().contains(QStringLiteral("Matrix ID")));
        QCOMPARE(controller.page(), Page::Server);
    }
    void deadServerShowsAnError()
    {
        quint16 port;
        {
            QTcpServer closed;
            closed.listen(QHostAddress::LocalHost, 0);
            port = closed.serverPort();
        }
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.discover(QStringLiteral("http://127.0.0.1:%1").arg(port));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 15000);
        QVERIFY(controller.errorText().contains(QStringLiteral("refused")));
        QCOMPARE(controller.page(), Page::Server);
    }
    // https typed for a plain-http server on this machine: the error says so and the controller
    // offers its http:// address, which continues as if typed; a server elsewhere gets no offer.
    void aLoopbackPlainHttpServerIsOfferedOverHttp_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1");
        QTest::newRow("localhost") << QStringLiteral("localhost");
    }
    void aLoopbackPlainHttpServerIsOfferedOverHttp()
    {
        QFETCH(QString, host);
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        QSignalSpy offers(&controller, &Ui::LoginController::plainHttpOfferChanged);
        const QString typed
            = QStringLiteral("https://%1:%2").arg(host).arg(server.baseUrl().port());
        const QString offered
            = QStringLiteral("http://%1:%2").arg(host).arg(server.baseUrl().port());
        controller.discover(typed);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 15000);
        QCOMPARE(controller.page(), Page::Server);
        QVERIFY2(controller.errorText().contains(QStringLiteral("plain http")),
            qPrintable(controller.errorText()));
        QCOMPARE(controller.plainHttpOffer(), offered);
        QCOMPARE(offers.size(), 1);
        // Typing something else withdraws the offer; the same failure offers it again.
        controller.serverTextEdited(typed + u'x');
        QCOMPARE(controller.plainHttpOffer(), QString());
        controller.discover(typed);
        QTRY_COMPARE_WITH_TIMEOUT(controller.plainHttpOffer(), offered, 15000);
        controller.usePlainHttpOffer();
        QCOMPARE(controller.serverText(), offered); // filled in
        QCOMPARE(controller.plainHttpOffer(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        QVERIFY(controller.errorText().isEmpty());
        QCOMPARE(controller.homeserver(), offered);
    }
    void noOfferForOtherFailures()
    {
        quint16 port;
        {
            QTcpServer closed;
            closed.listen(QHostAddress::LocalHost, 0);
            port = closed.serverPort();
        }
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.discover(QStringLiteral("https://127.0.0.1:%1").arg(port));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 15000);
        QVERIFY(!controller.errorText().isEmpty());
        QCOMPARE(controller.plainHttpOffer(), QString());
        controller.usePlainHttpOffer(); // nothing to use: nothing happens
        QCOMPARE(controller.page(), Page::Server);
        QVERIFY(!controller.busy());
    }
    void cancelGoesBackToProviders()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.ssoLogin().setBrowserLauncher([](const QUrl &) { return true; });
        controller.discover(server.baseUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        controller.signIn(QStringLiteral("university"));
        QCOMPARE(controller.page(), Page::Waiting);
        controller.cancelSignIn();
        QCOMPARE(controller.page(), Page::Providers);
        controller.back();
        QCOMPARE(controller.page(), Page::Server);
    }
    void autoProviderSignsInRightAway()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        QVERIFY(signInThrough(controller, browser, server, QStringLiteral("keycloak")));
        QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));
    }
    void typingLooksUpQuietlyThenContinueIsInstant()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        // The pause that counts as "stopped typing", shortened here rather than waited for.
        QCOMPARE(controller.serverLookup().debounceInterval(), std::chrono::milliseconds(600));
        controller.serverLookup().setDebounceInterval(std::chrono::milliseconds(30));
        const QString url = server.baseUrl().toString();
        controller.serverTextEdited(url.left(10)); // half typed: nothing is looked up yet
        QCOMPARE(controller.lookupStatus(), QString()); // a lookup under way would say so
        controller.serverTextEdited(url);
        QCOMPARE(controller.lookupStatus(), QString());
        QVERIFY(!controller.busy());
        QTRY_VERIFY_WITH_TIMEOUT(
            controller.lookupStatus().contains(QStringLiteral("4 sign-in options")), 5000);
        QCOMPARE(controller.page(), Page::Server);
        QVERIFY(controller.errorText().isEmpty());
        const auto requests = server.requestLog().size();
        QCOMPARE(requests, 3); // /versions, /login and auth_metadata, once each
        controller.discover(url);
        QCOMPARE(controller.page(), Page::Providers); // at once, from what was found
        QCOMPARE(server.requestLog().size(), requests);
        QCOMPARE(controller.providers()->rowCount(), 4);
    }
    // A server with the OAuth 2.0 API: one "Continue" (and "Create account"), its page in the
    // browser, the callback on the loopback listener, a session of that API; a declined
    // sign-in says so and shows the choice again.
    void oauthServerSignsInThroughItsOwnPage()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.oauth = true;
        DevServer server(config);
        QVERIFY(server.start());
        server.oauth()->options().skipConsent = true;
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        controller.ssoLogin().setBrowserLauncher(browser.launcher());
        controller.signInFlow().oauthSignIn().login().setBrowserLauncher(browser.launcher());
        QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);

        controller.discover(server.baseUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 5000);
        QCOMPARE(controller.signInApi(), Ui::LoginController::SignInApi::OAuth);
        QVERIFY(controller.canCreateAccount());
        QVERIFY(!controller.genericSso()); // MAS's compatibility SSO is not offered
        QVERIFY(!controller.passwordAvailable());
        QCOMPARE(controller.serverName(), QStringLiteral("127.0.0.1:%1").arg(server.port()));

        controller.signInWithOAuth(false);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
        QCOMPARE(controller.page(), Page::SignedIn);
        QTRY_COMPARE(finished.size(), 1);
        const Session::Session session = controller.accountManager().current();
        QVERIFY(session.isOAuth());
        QVERIFY(server.isAccessTokenValid(session.accessToken));

        // Declined at the server: a sentence, and the choice again; no session.
        server.oauth()->options().skipConsent = false;
        controller.addAccount();
        controller.discover(server.baseUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 5000);
        QUrl opened;
        controller.signInFlow().oauthSignIn().login().setBrowserLauncher(
            [&opened](const QUrl &url) {
                opened = url;
                return true;
            });
        controller.signInWithOAuth(true);
        QTRY_VERIFY_WITH_TIMEOUT(opened.isValid(), 5000);
        QCOMPARE(
            QUrlQuery(opened).queryItemValue(QStringLiteral("prompt")), QStringLiteral("create"));
        QCOMPARE(controller.page(), Page::Waiting);
        QUrl denied = opened;
        {
            // The consent page's Deny button, as the browser would post it.
            QNetworkReply *page = network.get(QNetworkRequest(opened));
            QSignalSpy done(page, &QNetworkReply::finished);
            QVERIFY(done.wait(5000));
            const QString body = QString::fromUtf8(page->readAll());
            page->deleteLater();
            const QString marker = QStringLiteral("name=\"consent\" value=\"");
            const qsizetype at = body.indexOf(marker) + marker.size();
            const QString consent = body.mid(at, body.indexOf(u'"', at) - at);
            QNetworkRequest post(
                QUrl(server.baseUrl().toString() + QStringLiteral("/_oauth/consent")));
            post.setHeader(QNetworkRequest::ContentTypeHeader,
                QByteArrayLiteral("application/x-www-form-urlencoded"));
            post.setAttribute(
                QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            QNetworkReply *answer
                = network.post(post, "consent=" + consent.toUtf8() + "&decision=deny");
            QSignalSpy answered(answer, &QNetworkReply::finished);
            QVERIFY(answered.wait(5000));
            denied = QUrl::fromEncoded(answer->rawHeader("Location"));
            answer->deleteLater();
        }
        QCOMPARE(QUrlQuery(denied).queryItemValue(QStringLiteral("error")),
            QStringLiteral("access_denied"));
        QTRY_COMPARE(finished.size(), 1);
        browser.open(denied); // back to the loopback listener
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
        QCOMPARE(finished.last().first().value<ScriptedBrowser::Page>().status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 5000);
        QVERIFY2(controller.errorText().contains(QStringLiteral("declined")),
            qPrintable(controller.errorText()));
        QCOMPARE(signedIn.size(), 1);
    }

    // "Sign in on another device": the page shows the code and a QR code of the complete
    // address; the phone approves; cancel ends it and nothing signs in afterwards.
    void deviceGrantShowsTheCodeAndSignsIn()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.oauth = true;
        DevServer server(config);
        QVERIFY(server.start());
        server.oauth()->options().deviceIntervalSeconds = 1;
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        // The same shortened second on both sides: a client second shortened against the server's
        // real one made every poll after the first "too fast", and slow_down then never ended
        // (failed 3 in 15 runs); real seconds on both sides waited a second for the first poll.
        server.oauth()->options().deviceSecondMs = 100;
        controller.signInFlow().deviceSignIn().login().setSecond(std::chrono::milliseconds(100));
        QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);
        controller.discover(server.baseUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 5000);
        QVERIFY(controller.deviceGrantAvailable());

        // Cancelled: back to the choice, and an approval afterwards signs nothing in.
        controller.signInOnAnotherDevice();
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::DeviceGrant, 5000);
        const QString firstCode = controller.deviceUserCode();
        QVERIFY(!firstCode.isEmpty());
        QVERIFY(controller.deviceQrCode().startsWith(u"data:image/png;base64,"));
        controller.cancelSignIn();
        QCOMPARE(controller.page(), Page::Providers);
        QVERIFY(controller.deviceUserCode().isEmpty());

        controller.signInOnAnotherDevice();
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::DeviceGrant, 5000);
        const QString code = controller.deviceUserCode();
        QVERIFY(code != firstCode);
        // Approved only after a few polls, so that their pace is judged by the server.
        const auto polls = [&server] {
            return server.oauth()->tokenRequests(
                QString(Portico::OAuth::AuthMetadata::DeviceCodeGrant));
        };
        const int pollsBefore = polls();
        QTRY_VERIFY_WITH_TIMEOUT(polls() >= pollsBefore + 3, 15000);
        for (const QString &userCode : {firstCode, code}) {
            QNetworkRequest request(
                QUrl(server.baseUrl().toString() + QStringLiteral("/_oauth/link")));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                QByteArrayLiteral("application/x-www-form-urlencoded"));
            QNetworkReply *reply
                = network.post(request, "code=" + userCode.toUtf8() + "&decision=allow");
            QSignalSpy done(reply, &QNetworkReply::finished);
            QVERIFY(done.wait(5000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        QTRY_VERIFY2_WITH_TIMEOUT(signedIn.size() == 1,
            qPrintable(controller.errorText() + u' ' + QString::number(int(controller.page()))),
            15000);
        QCOMPARE(controller.page(), Page::SignedIn);
        QVERIFY(controller.accountManager().current().isOAuth());
        QCOMPARE(controller.accounts()->rowCount(), 1); // the cancelled attempt made none
        // Never polled too fast for the server: no slow_down lengthened the interval.
        QCOMPARE(controller.signInFlow().deviceSignIn().login().intervalSeconds(), 1);
    }

    void aStaleLookupNeverWins()
    {
        DevServer::Config slowConfig = DevServer::Config::demo();
        slowConfig.latencyMs = 700;
        slowConfig.identityProviders
            = {QJsonObject{{QStringLiteral("id"), QStringLiteral("slow")}}};
        DevServer slow(slowConfig);
        DevServer fast(DevServer::Config::demo());
        QVERIFY(slow.start());
        QVERIFY(fast.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        // Every reply the slow server's lookup got, answered or dropped, says so here.
        bool slowAnswered = false;
        QObject watching;
        connect(&network, &QNetworkAccessManager::finished, &watching,
            [&slowAnswered, port = slow.port()](QNetworkReply *reply) {
                slowAnswered = slowAnswered || reply->url().port() == port;
            });
        controller.discover(slow.baseUrl().toString());
        controller.discover(fast.baseUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        QCOMPARE(controller.homeserver(), fast.baseUrl().toString());
        // Once the slow server's answer is in (at once if the stale request was dropped), the
        // newer answer still stands.
        QTRY_VERIFY_WITH_TIMEOUT(slowAnswered, 15000);
        QCOMPARE(controller.homeserver(), fast.baseUrl().toString());
        QCOMPARE(controller.providers()->rowCount(), 4);
    }
    void passwordOnlyServerGetsThePasswordForm()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.passwords.insert(QStringLiteral("alice"), QStringLiteral("wonderland"));
        config.loginFlows = QJsonObject{{QStringLiteral("flows"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.password")}}}}};
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.discover(server.baseUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Password, 15000);
        QVERIFY(controller.passwordAvailable());
        QVERIFY(controller.errorText().isEmpty());

        controller.signInWithPassword(QStringLiteral("alice"), QStringLiteral("wrong"));
        QVERIFY(controller.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 15000);
        QVERIFY(controller.errorText().contains(QStringLiteral("wrong")));
        QCOMPARE(controller.page(), Page::Password);

        QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);
        controller.signInWithPassword(QStringLiteral("alice"), QStringLiteral("wonderland"));
        QVERIFY(signedIn.wait(15000));
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));
    }
    void serverWithNothingUsableIsExplained()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.loginFlows = QJsonObject{{QStringLiteral("flows"),
            QJsonArray{
                QJsonObject{{QStringLiteral("type"), QStringLiteral("org.example.retina_scan")}}}}};
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.discover(server.baseUrl().toString());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 15000);
        QCOMPARE(controller.page(), Page::Server);
        QVERIFY(controller.errorText().contains(QStringLiteral("no sign-in method")));
    }
    void serverWithoutProvidersGetsTheGenericButton()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.identityProviders = {};
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        QList<QUrl> opened;
        controller.ssoLogin().setBrowserLauncher([&](const QUrl &url) {
            opened.append(url);
            return true;
        });
        controller.discover(server.baseUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        QVERIFY(controller.genericSso());
        QCOMPARE(controller.providers()->rowCount(), 0);
        controller.signIn({});
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().path(), QStringLiteral("/_matrix/client/v3/login/sso/redirect"));
    }
    void manyProvidersAreFiltered()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.identityProviders = {};
        for (int i = 0; i < 200; ++i)
            config.identityProviders.append(
                QJsonObject{{QStringLiteral("id"), QStringLiteral("idp%1").arg(i)},
                    {QStringLiteral("name"), QStringLiteral("Provider %1").arg(i)}});
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.discover(server.baseUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        QCOMPARE(controller.filteredProviders()->count(), 200);
        controller.filteredProviders()->setFilterText(QStringLiteral("Provider 19"));
        QCOMPARE(controller.filteredProviders()->count(), 11); // 19 and 190-199
        // A new server starts unfiltered.
        controller.back();
        controller.discover(server.baseUrl().toString());
        QCOMPARE(controller.filteredProviders()->count(), 200);
    }
    void sessionStaysAliveAcrossTokenExpiry()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        // Refreshable tokens that the test expires itself, instead of a lifetime on the clock
        // (the keeper's own schedule is tested with an injected clock in tst_tokenrefresher).
        config.accessTokenLifetimeMs = 60 * 60 * 1000;
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        QVERIFY(signInThrough(controller, browser, server, QStringLiteral("github")));
        for (int lifetime = 1; lifetime <= 2; ++lifetime) {
            server.expireAccessTokens(controller.userId(), controller.deviceId());
            controller.retryVerification(); // the next check meets the expired token
            QTRY_VERIFY_WITH_TIMEOUT(server.refreshCount() >= lifetime, 15000);
        }
        QCOMPARE(controller.page(), Page::SignedIn);
        // What the store holds is the latest token, and it works.
        // What the store holds follows: its token works (checked between two refreshes).
        const auto stored = [&store] {
            QSignalSpy loaded(&store, &Session::SessionStore::loaded);
            store.loadAll(); // memory-only: answers at once
            return loaded.first().first().value<QList<Session::Session>>();
        };
        QCOMPARE(stored().size(), 1);
        QVERIFY(stored().first().refreshToken.startsWith(QStringLiteral("syr_")));
        QTRY_VERIFY_WITH_TIMEOUT(server.isAccessTokenValid(stored().first().accessToken), 3000);
    }
    void endedSessionsAtRestore_data()
    {
        QTest::addColumn<bool>("soft");
        QTest::newRow("hard: logged out elsewhere") << false;
        QTest::newRow("soft logout") << true;
    }
    void endedSessionsAtRestore()
    {
        QFETCH(bool, soft);
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Session::Session session;
        {
            Ui::LoginController first(network, store);
            ScriptedBrowser browser;
            QVERIFY(signInThrough(first, browser, server, QStringLiteral("github")));
            QSignalSpy loaded(&store, &Session::SessionStore::loaded);
            store.loadAll();
            session = loaded.first().first().value<QList<Session::Session>>().first();
        }
        if (soft) {
            server.softLogout(session.userId, session.deviceId);
        } else {
            std::optional<bool> done;
            const Matrix::Call logout = Session::AccountClient(network).logout(
                session, [&](const auto &r) { done = bool(r); });
            QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 15000);
        }
        Ui::LoginController again(network, store);
        again.restore();
        QCOMPARE(again.page(), Page::SignedIn); // shown at once, then checked
        QTRY_COMPARE_WITH_TIMEOUT(again.page(), Page::Server, 15000);
        QVERIFY(again.noticeText().contains(
            soft ? QStringLiteral("signed you out") : QStringLiteral("has ended")));
        QSignalSpy loaded(&store, &Session::SessionStore::loaded);
        store.loadAll();
        // A soft logout keeps the device's session data for signing in again; a hard one wipes it.
        QCOMPARE(loaded.first().first().value<QList<Session::Session>>().size(), soft ? 1 : 0);
    }
    void signInAgainAfterSoftLogout_data()
    {
        QTest::addColumn<QString>("user");
        QTest::newRow("the same user: same device") << "alice";
        QTest::newRow("another user: refused") << "bob";
    }
    void signInAgainAfterSoftLogout()
    {
        QFETCH(QString, user);
        DevServer server(DevServer::Config::demo()); // with the IdP page, to choose the user
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        ScriptedBrowser browser;
        QList<QUrl> opened;
        const auto useBrowser = [&browser, &opened](Ui::LoginController &controller) {
            controller.ssoLogin().setBrowserLauncher([&browser, &opened](const QUrl &url) {
                opened.append(url);
                browser.open(url);
                return true;
            });
        };
        QString deviceId;
        {
            Ui::LoginController first(network, store);
            useBrowser(first);
            QSignalSpy signedIn(&first, &Ui::LoginController::signedIn);
            first.setAutoProvider(QStringLiteral("keycloak"));
            first.discover(server.baseUrl().toString());
            QVERIFY(signedIn.wait(15000));
            deviceId = first.deviceId();
        }
        server.softLogout(QStringLiteral("@alice:localhost"), deviceId);
        Ui::LoginController again(network, store);
        useBrowser(again);
        again.restore();
        QTRY_COMPARE_WITH_TIMEOUT(
            again.signInAgainUser(), QStringLiteral("@alice:localhost"), 15000);
        QCOMPARE(again.page(), Page::Server);

        browser.setUserName(user);
        QSignalSpy signedIn(&again, &Ui::LoginController::signedIn);
        opened.clear();
        again.signInAgain();
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 15000);
        QCOMPARE(opened.first().path(), // the same provider as before
            QStringLiteral("/_matrix/client/v3/login/sso/redirect/keycloak"));
        if (user == u"alice") {
            // Counted, not waited for: the scripted browser may finish while the line above waits.
            QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 15000);
            QCOMPARE(again.userId(), QStringLiteral("@alice:localhost"));
            QCOMPARE(again.deviceId(), deviceId); // the device was kept
            QCOMPARE(server.devicesOf(QStringLiteral("@alice:localhost")), QStringList{deviceId});
            QVERIFY(again.signInAgainUser().isEmpty());
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(
                again.errorText().contains(QStringLiteral("belongs to @alice:localhost")), 15000);
            QCOMPARE(signedIn.size(), 0);
            QCOMPARE(again.page(), Page::Server);
            QTRY_COMPARE_WITH_TIMEOUT(
                server.devicesOf(QStringLiteral("@bob:localhost")), QStringList(), 15000);
        }
    }
    void twoAccountsAreListedAndSwitched()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        QVERIFY(signInThrough(controller, browser, server, QStringLiteral("github")));
        const QString alice = controller.userId() + u'/' + controller.deviceId();

        // Adding an account is optional: Back returns to the account shown.
        controller.addAccount();
        QCOMPARE(controller.page(), Page::Server);
        controller.back();
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));

        controller.addAccount();
        browser.setUserName(QStringLiteral("bob"));
        QVERIFY(signInThrough(controller, browser, server, QStringLiteral("github")));
        QCOMPARE(controller.userId(), QStringLiteral("@bob:localhost"));
        Ui::AccountListModel *accounts = controller.accounts();
        QCOMPARE(accounts->rowCount(), 2);
        const auto role = [accounts](int row, Ui::AccountListModel::Role r) {
            return accounts->data(accounts->index(row), r);
        };
        QCOMPARE(role(0, Ui::AccountListModel::UserIdRole).toString(),
            QStringLiteral("@alice:localhost"));
        QCOMPARE(role(0, Ui::AccountListModel::CurrentRole).toBool(), false);
        QCOMPARE(role(1, Ui::AccountListModel::CurrentRole).toBool(), true);
        QCOMPARE(role(1, Ui::AccountListModel::StateRole).toInt(), int(State::Verified));

        QSignalSpy changed(&controller, &Ui::LoginController::sessionChanged);
        controller.switchAccount(alice);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));
        QCOMPARE(role(0, Ui::AccountListModel::CurrentRole).toBool(), true);

        // Signing out of one account shows the other; the server forgot only the first.
        controller.signOut();
        QTRY_COMPARE_WITH_TIMEOUT(controller.userId(), QStringLiteral("@bob:localhost"), 15000);
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(accounts->rowCount(), 1);
        QCOMPARE(server.devicesOf(QStringLiteral("@alice:localhost")).size(), 0);
        QCOMPARE(server.devicesOf(QStringLiteral("@bob:localhost")).size(), 1);
    }

    // With the real keychain: both accounts come back after a restart, the one shown last
    // shown first, each checked with the server.
    void everyAccountIsRestored()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        QString aliceKey;
        {
            Session::SessionStore store;
            Ui::LoginController controller(network, store);
            ScriptedBrowser browser;
            QVERIFY(signInThrough(controller, browser, server, QStringLiteral("github")));
            aliceKey = controller.userId() + u'/' + controller.deviceId();
            controller.addAccount();
            browser.setUserName(QStringLiteral("bob"));
            QVERIFY(signInThrough(controller, browser, server, QStringLiteral("github")));
            controller.switchAccount(aliceKey);
        }
        Session::SessionStore store;
        Ui::LoginController controller(network, store);
        QSignalSpy verified(&controller, &Ui::LoginController::sessionVerified);
        QSignalSpy restored(&controller, &Ui::LoginController::sessionRestored);
        controller.restore();
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 10000);
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));
        QCOMPARE(controller.accounts()->rowCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(verified.size(), 2, 10000);
        QCOMPARE(controller.sessionState(), State::Verified);

        // Leave the keychain as we found it.
        for (int i = 0; i < 2; ++i) {
            QSignalSpy removed(&store, &Session::SessionStore::removed);
            controller.signOut();
            QVERIFY(removed.wait(10000));
        }
        QTRY_COMPARE_WITH_TIMEOUT(controller.accounts()->rowCount(), 0, 15000);
        QCOMPARE(controller.page(), Page::Server);
    }

    // With the real keychain: the signed-in page is shown from the settings before the keychain
    // has answered (it is slow on first contact), without a flip through the server page; the
    // tokens come afterwards and the server checks them. Signing out before they came waits for
    // them, then signs the device out on the server.
    void restoredPageIsShownBeforeTheKeychainAnswers()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        QString deviceId;
        {
            Session::SessionStore store;
            Ui::LoginController first(network, store);
            ScriptedBrowser browser;
            QVERIFY(signInThrough(first, browser, server, QStringLiteral("github")));
            deviceId = first.deviceId();
        }
        for (const bool signOutAtOnce : {false, true}) {
            Session::SessionStore store;
            Ui::LoginController controller(network, store);
            QList<Page> pages;
            connect(&controller, &Ui::LoginController::pageChanged, &controller,
                [&] { pages.append(controller.page()); });
            QSignalSpy loaded(&store, &Session::SessionStore::loaded);
            QSignalSpy verified(&controller, &Ui::LoginController::sessionVerified);
            QSignalSpy restored(&controller, &Ui::LoginController::sessionRestored);
            server.clearRequestLog();
            controller.restore();
            QCOMPARE(loaded.size(), 0); // the keychain has not answered yet
            QCOMPARE(restored.size(), 1);
            QCOMPARE(controller.page(), Page::SignedIn);
            QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));
            QCOMPARE(controller.deviceId(), deviceId);
            QCOMPARE(controller.sessionServer(), server.baseUrl().toDisplayString());
            QCOMPARE(controller.sessionState(), State::Unverified);
            if (!signOutAtOnce) {
                QTRY_COMPARE_WITH_TIMEOUT(verified.size(), 1, 15000);
                QCOMPARE(loaded.size(), 1);
                QCOMPARE(controller.sessionState(), State::Verified);
                QCOMPARE(pages, QList<Page>{Page::SignedIn});
                // No request that needs a token went out before the token was there (the
                // avatar's /versions check is public and carries none on purpose).
                for (const auto &request : server.requestLog())
                    QVERIFY2(request.sentToken || request.path == u"/_matrix/client/versions",
                        qPrintable(request.path));
                continue;
            }
            QSignalSpy removed(&store, &Session::SessionStore::removed);
            controller.signOut();
            QVERIFY(controller.busy());
            QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 15000);
            QCOMPARE(loaded.size(), 1);
            QCOMPARE(controller.page(), Page::Server);
            QVERIFY(!controller.busy());
            QVERIFY2(controller.errorText().isEmpty(), qPrintable(controller.errorText()));
            // Signed out on the server, not only forgotten here.
            QCOMPARE(server.devicesOf(QStringLiteral("@alice:localhost")), QStringList());
            QCOMPARE(store.storedSessions().size(), 0);
        }
    }

    // The app shows the restored accounts in its first frame and asks the keychain for their
    // tokens only once that frame is on screen (app/main.cpp): restoreShownFirst() asks for none,
    // readRestoredTokens() asks once. (In memory the store answers at once, so what is asked
    // shows synchronously.)
    void restoreShownFirstReadsTheTokensWhenAsked()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        {
            Ui::LoginController first(network, store);
            ScriptedBrowser browser;
            QVERIFY(signInThrough(first, browser, server, QStringLiteral("github")));
        }
        Ui::LoginController controller(network, store);
        QSignalSpy loaded(&store, &Session::SessionStore::loaded);
        QSignalSpy restored(&controller, &Ui::LoginController::sessionRestored);
        QSignalSpy verified(&controller, &Ui::LoginController::sessionVerified);
        controller.restoreShownFirst();
        QCOMPARE(restored.size(), 1);
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));
        QCOMPARE(loaded.size(), 0);
        controller.readRestoredTokens();
        QCOMPARE(loaded.size(), 1);
        controller.readRestoredTokens(); // nothing left to read
        QCOMPARE(loaded.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(verified.size(), 1, 15000);
        QCOMPARE(controller.sessionState(), State::Verified);
    }

    // While a new sign-in waits for the keychain, a background save of another account's
    // refreshed token fails, and so does a delete: that is said, but the new session is not
    // taken for unsaved; it is shown once the keychain has it.
    void anotherAccountsKeychainFailureIsNotTheNewSignIns()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store; // the real keychain: saving takes a while
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        controller.ssoLogin().setBrowserLauncher(browser.launcher());
        QSignalSpy storeFailed(&controller, &Ui::LoginController::storeFailed);
        // Runs right after the controller has handed the new session to the keychain.
        connect(&controller.ssoLogin(), &Sso::SsoLogin::signedIn, &store, [&store] {
            Session::StoreError refreshed{Session::StoreError::Reason::Locked,
                QStringLiteral("the collection is locked"), Session::StoreError::Operation::Save,
                QStringLiteral("@carol:localhost/CAROL")};
            Q_EMIT store.failed(refreshed);
            Session::StoreError deleted = refreshed;
            deleted.operation = Session::StoreError::Operation::Remove;
            Q_EMIT store.failed(deleted);
        });
        QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);
        controller.setAutoProvider(QStringLiteral("github"));
        controller.discover(server.baseUrl().toString());
        QVERIFY(signedIn.wait(15000));
        QCOMPARE(controller.page(), Page::SignedIn);
        QVERIFY(!controller.saveFailed());
        QCOMPARE(storeFailed.size(), 0);
        QVERIFY(controller.errorText().contains(QStringLiteral("locked"))); // said, though

        QSignalSpy removed(&store, &Session::SessionStore::removed);
        controller.signOut(); // leave the keychain as we found it
        QVERIFY(removed.wait(15000));
    }

    // Offline at start is not "signed out": the session is shown, marked, and checked again
    // with growing pauses until the server answers.
    void offlineAtRestoreKeepsTheSession()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        {
            Ui::LoginController first(network, store);
            ScriptedBrowser browser;
            QVERIFY(signInThrough(first, browser, server, QStringLiteral("github")));
        }
        DevServer::Config::Fault down;
        down.status = 503;
        down.body = "<h1>Service Unavailable</h1>";
        down.contentType = "text/html";
        down.times = 2;
        server.setFault(QStringLiteral("/_matrix/client/v3/account/whoami"), down);

        Ui::LoginController controller(network, store);
        // Pauses of a minute and more: the planned retry is read from the keeper and asked for
        // ("Retry now") instead of waited for; tst_sessionkeeper proves the timer makes it.
        controller.setVerificationBackoff({std::chrono::minutes(1), std::chrono::minutes(5)});
        QList<State> states;
        connect(&controller, &Ui::LoginController::sessionChanged, this, [&] {
            if (states.isEmpty() || states.last() != controller.sessionState())
                states.append(controller.sessionState());
        });
        controller.restore();
        QCOMPARE(controller.page(), Page::SignedIn);
        for (const std::chrono::milliseconds planned :
            {std::chrono::minutes(1), std::chrono::minutes(2)}) {
            QTRY_COMPARE_WITH_TIMEOUT(controller.sessionState(), State::Offline, 15000);
            QVERIFY(controller.sessionStatusText().contains(QStringLiteral("still signed in")));
            QCOMPARE(controller.page(), Page::SignedIn);
            const Session::SessionKeeper *keeper = controller.accountManager().currentKeeper();
            QVERIFY(keeper);
            QCOMPARE(keeper->plannedRetryWait(), std::optional(planned));
            controller.retryVerification();
        }
        QTRY_COMPARE_WITH_TIMEOUT(controller.sessionState(), State::Verified, 10000);
        QVERIFY(controller.sessionStatusText().isEmpty());
        QCOMPARE(states.count(State::Offline), 2);
        QCOMPARE(states.last(), State::Verified);
        QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));
    }

    void signOutWhileTheServerIsDownAsksFirst()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        QVERIFY(signInThrough(controller, browser, server, QStringLiteral("github")));
        DevServer::Config::Fault down;
        down.status = 502;
        down.body = "bad gateway";
        down.contentType = "text/plain";
        server.setFault(QStringLiteral("/_matrix/client/v3/logout"), down);
        const auto storedCount = [&store] {
            QSignalSpy loaded(&store, &Session::SessionStore::loaded);
            store.loadAll();
            return loaded.first().first().value<QList<Session::Session>>().size();
        };

        controller.signOut();
        QTRY_VERIFY_WITH_TIMEOUT(!controller.signOutQuestion().isEmpty(), 15000);
        QVERIFY(controller.signOutQuestion().contains(QStringLiteral("@alice:localhost")));
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(storedCount(), 1); // nothing removed before the user answers

        controller.cancelSignOut();
        QVERIFY(controller.signOutQuestion().isEmpty());
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(storedCount(), 1);

        controller.signOut();
        QTRY_VERIFY_WITH_TIMEOUT(!controller.signOutQuestion().isEmpty(), 15000);
        controller.confirmSignOut();
        QCOMPARE(controller.page(), Page::Providers);
        QVERIFY(controller.userId().isEmpty());
        QCOMPARE(storedCount(), 0);
        // The server never heard of it: the device is still there, as the question said.
        QCOMPARE(server.devicesOf(QStringLiteral("@alice:localhost")).size(), 1);
    }

    // The devices page finds the session ended on the server (soft logout): the account is
    // checked again, and the user is offered to sign in again, as at start.
    void theDevicesPageNoticesAnEndedSession()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        QVERIFY(signInThrough(controller, browser, server, QStringLiteral("github")));
        server.softLogout(controller.userId(), controller.deviceId());
        controller.showDevices();
        QCOMPARE(controller.page(), Page::Devices);
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Server, 10000);
        QCOMPARE(controller.signInAgainUser(), QStringLiteral("@alice:localhost"));
        QVERIFY(controller.noticeText().contains(QStringLiteral("signed you out")));
    }

    void errorMessagesSayWhatToDo()
    {
        Sso::SsoError error{Sso::SsoError::Reason::LoginFailed, {}};
        error.error.kind = Matrix::Error::Kind::Matrix;
        error.error.errcode = QStringLiteral("M_FORBIDDEN");
        QVERIFY(Ui::describeSsoError(error).contains(QStringLiteral("Start again")));
        error.error.errcode = QStringLiteral("M_USER_DEACTIVATED");
        QVERIFY(Ui::describeSsoError(error).contains(QStringLiteral("deactivated")));
        QVERIFY(Ui::describeSsoError(
            {Sso::SsoError::Reason::TimedOut,
                {}}).contains(QStringLiteral("in time")));
        QVERIFY(Ui::describeDiscoveryError(
            {Discovery::DiscoveryError::Reason::WellKnownInvalid, {},
                {}}).contains(QStringLiteral("full URL")));
    }
};

QTEST_GUILESS_MAIN(TestLoginController)
#include "tst_logincontroller.moc"
