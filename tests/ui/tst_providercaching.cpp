// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The login controller with a provider cache: a server used before shows its providers at once,
// then is asked again in the background.
#include "logincontroller.h"

#include "devserver.h"
#include "session/sessionstore.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Portico;
using Page = Ui::LoginController::Page;

class TestProviderCaching : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

    static bool asked(const DevServer &server, const QString &path)
    {
        for (const auto &request : server.requestLog())
            if (request.path == path)
                return true;
        return false;
    }

private Q_SLOTS:
    void serverUsedBeforeShowsItsProvidersAtOnce()
    {
        QTemporaryDir dir;
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const QString url = server.baseUrl().toString();
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        {
            Ui::LoginController first(network, store);
            first.providerCache().setDirectory(dir.path());
            first.discover(url);
            QTRY_COMPARE_WITH_TIMEOUT(first.page(), Page::Providers, 15000);
        }
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/providers.json")));

        server.clearRequestLog();
        Ui::LoginController controller(network, store);
        controller.providerCache().setDirectory(dir.path());
        controller.discover(url);
        // Shown before any request could have been answered.
        QCOMPARE(controller.page(), Page::Providers);
        QVERIFY(!controller.busy());
        QCOMPARE(controller.providers()->rowCount(), 4);
        QCOMPARE(controller.homeserver(), url);
        QVERIFY(server.requestLog().isEmpty());
        // ...and asked again in the background.
        QTRY_VERIFY_WITH_TIMEOUT(asked(server, QStringLiteral("/_matrix/client/v3/login")), 15000);
        QCOMPARE(controller.page(), Page::Providers);
        QCOMPARE(controller.providers()->rowCount(), 4);
    }
    // A server that signs in through the OAuth 2.0 API shows its own choice from the cache at
    // once ("Continue with <server>", Create account, the device grant), not the legacy choices
    // its compatibility layer lists, and the quiet revalidation finds nothing to revise.
    void oauthServerUsedBeforeShowsItsChoiceAtOnce()
    {
        QTemporaryDir dir;
        DevServer::Config config = DevServer::Config::demo();
        config.oauth = true;
        DevServer server(config);
        QVERIFY(server.start());
        const QString url = server.baseUrl().toString();
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        {
            Ui::LoginController first(network, store);
            first.providerCache().setDirectory(dir.path());
            first.discover(url);
            QTRY_COMPARE_WITH_TIMEOUT(first.page(), Page::Providers, 15000);
            QCOMPARE(first.signInApi(), Ui::LoginController::SignInApi::OAuth);
        }

        server.clearRequestLog();
        Ui::LoginController controller(network, store);
        controller.providerCache().setDirectory(dir.path());
        QSignalSpy changed(&controller, &Ui::LoginController::homeserverChanged);
        controller.discover(url);
        // Shown before any request could have been answered, as the server's own choice.
        QCOMPARE(controller.page(), Page::Providers);
        QVERIFY(server.requestLog().isEmpty());
        QCOMPARE(controller.signInApi(), Ui::LoginController::SignInApi::OAuth);
        QVERIFY(controller.canCreateAccount());
        QVERIFY(controller.deviceGrantAvailable());
        QVERIFY(!controller.passwordAvailable());
        QCOMPARE(controller.providers()->rowCount(), 0);
        const int shown = changed.size();
        // Asked again quietly: the same choice, so the page is not rebuilt.
        QTRY_VERIFY_WITH_TIMEOUT(
            asked(server,
                QStringLiteral("/_matrix/client/unstable/org.matrix.msc2965/auth_metadata")),
            15000);
        QTRY_VERIFY_WITH_TIMEOUT(asked(server, QStringLiteral("/_matrix/client/v3/login")), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(controller.lookupStatus().isEmpty(), 15000);
        QCOMPARE(changed.size(), shown);
        QCOMPARE(controller.signInApi(), Ui::LoginController::SignInApi::OAuth);
        QCOMPARE(controller.page(), Page::Providers);
    }
    void revalidationReplacesStaleProviders()
    {
        QTemporaryDir dir;
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const QString url = server.baseUrl().toString();
        // Last time, the server offered a single provider that is gone now.
        Matrix::LoginFlows stale;
        stale.sso = true;
        stale.identityProviders = {{QStringLiteral("old"), QStringLiteral("Old IdP"), {}, {}}};
        Discovery::ProviderCache(dir.path())
            .store(url,
                Discovery::Homeserver{
                    server.baseUrl(), Matrix::Versions{{QStringLiteral("v1.11")}, {}}, false},
                stale);

        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.providerCache().setDirectory(dir.path());
        controller.discover(url);
        QCOMPARE(controller.page(), Page::Providers);
        QCOMPARE(controller.providers()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(controller.providers()->rowCount(), 4, 15000);
        QCOMPARE(controller.page(), Page::Providers);
        // The fresh answer is what the cache holds now.
        QCOMPARE(
            Discovery::ProviderCache(dir.path()).lookup(url)->flows.identityProviders.size(), 4);
    }
    void unreachableServerKeepsCachedProvidersAndSaysSo()
    {
        QTemporaryDir dir;
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close(); // the server is down now
        Matrix::LoginFlows saved;
        saved.sso = true;
        saved.identityProviders = {{QStringLiteral("kept"), QStringLiteral("Kept IdP"), {}, {}}};
        Discovery::ProviderCache(dir.path())
            .store(base.toString(),
                Discovery::Homeserver{base, Matrix::Versions{{QStringLiteral("v1.11")}, {}}, false},
                saved);

        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.providerCache().setDirectory(dir.path());
        controller.discover(base.toString());
        QCOMPARE(controller.page(), Page::Providers);
        QVERIFY(controller.noticeText().isEmpty());
        // The check fails: the buttons stay, and the page says they were not confirmed.
        QTRY_VERIFY_WITH_TIMEOUT(!controller.noticeText().isEmpty(), 15000);
        QVERIFY2(controller.noticeText().contains(QStringLiteral("last visit")),
            qPrintable(controller.noticeText()));
        QCOMPARE(controller.page(), Page::Providers);
        QCOMPARE(controller.providers()->rowCount(), 1);
        QVERIFY(controller.errorText().isEmpty());
        QVERIFY(controller.lookupStatus().isEmpty());
        QVERIFY(Discovery::ProviderCache(dir.path()).lookup(base.toString()));
    }
    void corruptCacheFileIsIgnored()
    {
        QTemporaryDir dir;
        QFile file(dir.path() + QStringLiteral("/providers.json"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"version\":1,\"servers\":[{\"key\":\"http");
        file.close();
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        Ui::LoginController controller(network, store);
        controller.providerCache().setDirectory(dir.path());
        controller.discover(server.baseUrl().toString());
        QCOMPARE(controller.page(), Page::Server); // nothing usable cached: asked first
        QVERIFY(controller.busy());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        QCOMPARE(controller.providers()->rowCount(), 4);
        QVERIFY(Discovery::ProviderCache(dir.path()).lookup(server.baseUrl().toString()));
    }
    void withoutCacheFolderEveryStartAsks()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::MemoryOnly);
        for (int run = 0; run < 2; ++run) {
            Ui::LoginController controller(network, store);
            QVERIFY(!controller.providerCache().isEnabled());
            controller.discover(server.baseUrl().toString());
            QCOMPARE(controller.page(), Page::Server);
            QVERIFY(controller.busy());
            QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 15000);
        }
    }
};

QTEST_MAIN(TestProviderCaching)
#include "tst_providercaching.moc"
