// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// "Sign in again as @user" after a soft logout, through the page navigator: where it starts (the
// portal the user signed in at, not its MSC1730 target), and that an abandoned attempt leaves
// nothing behind for the next, ordinary sign-in.
#include "logincontroller.h"

#include "devserver.h"
#include "scriptedbrowser.h"
#include "session/sessionstore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace Portico;
using Page = Ui::LoginController::Page;

namespace {
const QString Alice = QStringLiteral("@alice:localhost");

DevServer::Config withPasswords()
{
    DevServer::Config config = DevServer::Config::demo(); // with the IdP page, to choose the user
    config.passwords.insert(QStringLiteral("alice"), QStringLiteral("wonderland"));
    return config;
}
} // namespace

class TestSignInAgain : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

    // Alice signs in at `server` through keycloak and is then signed out softly; returns her
    // device. The store keeps her session for signing in again.
    QString signInThenSoftLogout(DevServer &server, DevServer &issuer, Session::SessionStore &store)
    {
        ScriptedBrowser browser;
        Ui::LoginController first(network, store);
        first.ssoLogin().setBrowserLauncher(browser.launcher());
        QSignalSpy signedIn(&first, &Ui::LoginController::signedIn);
        first.setAutoProvider(QStringLiteral("keycloak"));
        first.discover(server.baseUrl().toString());
        if (!signedIn.wait(15000))
            return {};
        const QString deviceId = first.deviceId();
        issuer.softLogout(Alice, deviceId);
        return deviceId;
    }

    // A controller showing "Sign in again as @alice" after restoring the soft-logged-out session.
    static bool restoreSoftLoggedOut(Ui::LoginController &controller)
    {
        controller.restore();
        return QTest::qWaitFor([&] { return controller.signInAgainUser() == Alice; }, 15000);
    }

private Q_SLOTS:
    // Started, then cancelled in the browser step: the next sign-in, as another user, is an
    // ordinary one (it used to be refused as "this device belongs to @alice").
    void anAbandonedAttemptDoesNotRefuseTheNextUser()
    {
        DevServer server(withPasswords());
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        QVERIFY(!signInThenSoftLogout(server, server, store).isEmpty());

        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        QList<QUrl> opened;
        controller.ssoLogin().setBrowserLauncher([&opened](const QUrl &url) {
            opened.append(url); // the user never finishes this one
            return true;
        });
        QVERIFY(restoreSoftLoggedOut(controller));
        controller.signInAgain();
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Waiting, 15000);
        controller.cancelSignIn();
        controller.back();

        controller.ssoLogin().setBrowserLauncher(browser.launcher());
        browser.setUserName(QStringLiteral("bob"));
        QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);
        controller.setAutoProvider(QStringLiteral("keycloak"));
        controller.discover(server.baseUrl().toString());
        QVERIFY(signedIn.wait(15000));
        QCOMPARE(controller.userId(), QStringLiteral("@bob:localhost"));
        QVERIFY(controller.errorText().isEmpty());
    }

    // Abandoned, then a password sign-in: a new device, not the soft-logged-out one.
    void anAbandonedAttemptLendsNoDeviceToAPasswordSignIn()
    {
        DevServer server(withPasswords());
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        const QString oldDevice = signInThenSoftLogout(server, server, store);
        QVERIFY(!oldDevice.isEmpty());

        Ui::LoginController controller(network, store);
        controller.ssoLogin().setBrowserLauncher([](const QUrl &) { return true; });
        QVERIFY(restoreSoftLoggedOut(controller));
        controller.signInAgain();
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Waiting, 15000);
        controller.cancelSignIn();

        controller.discover(server.baseUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        controller.usePassword();
        QCOMPARE(controller.page(), Page::Password);
        QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);
        controller.signInWithPassword(QStringLiteral("alice"), QStringLiteral("wonderland"));
        QVERIFY(signedIn.wait(15000));
        QCOMPARE(controller.userId(), Alice);
        QVERIFY(controller.deviceId() != oldDevice);
        QCOMPARE(server.devicesOf(Alice).size(), 2);
    }

    // The user looks another server up while signing in again still checks the old one: the
    // check is dropped, and the server the user chose stays.
    void itsServerCheckDoesNotOverwriteALaterLookup()
    {
        DevServer::Config slowConfig = withPasswords();
        DevServer slow(slowConfig);
        QVERIFY(slow.start());
        DevServer fast(DevServer::Config::demo());
        QVERIFY(fast.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        QVERIFY(!signInThenSoftLogout(slow, slow, store).isEmpty());

        Ui::LoginController controller(network, store);
        QList<QUrl> opened;
        controller.ssoLogin().setBrowserLauncher([&opened](const QUrl &url) {
            opened.append(url);
            return true;
        });
        QVERIFY(restoreSoftLoggedOut(controller));
        // The answer to the check, whenever it comes (at once when it was cancelled).
        bool checkAnswered = false;
        QObject watching; // the connection ends with this test
        connect(&network, &QNetworkAccessManager::finished, &watching, [&](QNetworkReply *reply) {
            if (reply->url().port() == slow.port()
                && reply->url().path() == u"/_matrix/client/versions")
                checkAnswered = true;
        });
        DevServer::Config::Fault late;
        late.latencyMs = 700;
        slow.setFault(QStringLiteral("/_matrix/client/versions"), late);
        controller.signInAgain();
        controller.discover(fast.baseUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(checkAnswered, 15000);
        QCOMPARE(controller.homeserver(), fast.baseUrl().toString());
        QCOMPARE(controller.page(), Page::Providers);
        QVERIFY(opened.isEmpty());
    }

    // Signed in at an MSC1730 portal, bound to its target, signed out softly by the target:
    // signing in again starts at the portal, where SSO is offered, and keeps the device.
    void startsAtThePortalTheSessionWasMadeAt()
    {
        DevServer target(DevServer::Config::demo());
        QVERIFY(target.start());
        DevServer::Config portalConfig = DevServer::Config::demo();
        portalConfig.portal = true;
        portalConfig.skipIdpPage = true;
        portalConfig.loginBaseUrl = target.baseUrl().toString();
        DevServer portal(portalConfig);
        portal.shareSessionsWith(target);
        QVERIFY(portal.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        const QString deviceId = signInThenSoftLogout(portal, target, store);
        QVERIFY(!deviceId.isEmpty());
        {
            QSignalSpy loaded(&store, &Session::SessionStore::loaded);
            store.loadAll();
            const auto stored = loaded.first().first().value<QList<Session::Session>>();
            QCOMPARE(stored.size(), 1);
            QCOMPARE(stored.first().baseUrl, target.baseUrl());
            QCOMPARE(stored.first().loginServer, portal.baseUrl());
        }

        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        QList<QUrl> opened;
        controller.ssoLogin().setBrowserLauncher([&](const QUrl &url) {
            opened.append(url);
            browser.open(url);
            return true;
        });
        QVERIFY(restoreSoftLoggedOut(controller));
        QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);
        controller.signInAgain();
        QVERIFY(signedIn.wait(15000));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().port(), portal.port());
        QCOMPARE(controller.userId(), Alice);
        QCOMPARE(controller.deviceId(), deviceId);
        QCOMPARE(controller.sessionServer(), target.baseUrl().toString());
    }
};

QTEST_GUILESS_MAIN(TestSignInAgain)
#include "tst_signinagain.moc"
