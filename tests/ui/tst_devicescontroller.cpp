// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The devices page's controller and the "Confirm it's you" prompt, against the development
// homeserver: what the dialog shows at each stage, and what the user's answers do.
#include "accountmanager.h"
#include "devicescontroller.h"

#include "cancelcheck.h"
#include "devoauth.h"
#include "devserver.h"
#include "devsession.h"
#include "scriptedbrowser.h"
#include "session/sessionstore.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Portico;

namespace {
const QString Alice = QStringLiteral("@alice:localhost");
const QString OldPhone = QStringLiteral("OLDPHONE");
const QString Tablet = QStringLiteral("TABLET");
const QString Password = QStringLiteral("wonderland");
const QString Sso = QStringLiteral("m.login.sso");
const QString PasswordStage = QStringLiteral("m.login.password");
const QString Terms = QStringLiteral("m.login.terms");
const QString DeviceDelete = QStringLiteral("org.matrix.device_delete");
const QString SessionEnd = QStringLiteral("org.matrix.session_end");
} // namespace

class TestDevicesController : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;
    std::unique_ptr<DevServer> server;
    Session::Session session;

    void serve(const QList<QStringList> &flows, const QString &loginMethod,
        qint64 uiaLifetimeMs = 10 * 60 * 1000, bool draftProviders = false)
    {
        DevServer::Config config = DevServer::Config::demo();
        config.uiaIdentityProviders = draftProviders;
        config.skipIdpPage = true;
        config.passwords.insert(QStringLiteral("alice"), Password);
        config.uiaFlows = flows;
        config.uiaSessionLifetimeMs = uiaLifetimeMs;
        server = std::make_unique<DevServer>(config);
        QVERIFY(server->start());
        session = signInOnDevServer(network, *server);
        session.loginMethod = loginMethod;
        QVERIFY(session.isValid());
        server->addDevice(Alice, OldPhone, QStringLiteral("Old phone"));
        server->addDevice(Alice, Tablet, QStringLiteral("Tablet"));
    }
    std::unique_ptr<Ui::DevicesController> controller()
    {
        auto devices = std::make_unique<Ui::DevicesController>(network, [this] { return session; });
        devices->prompt()->session().setPollInterval(std::chrono::milliseconds(50));
        QSignalSpy loaded(devices.get(), &Ui::DevicesController::loaded);
        devices->refresh();
        if (!loaded.wait(10000))
            qFatal("devices not loaded");
        return devices;
    }
    // Asks to delete and confirms; returns once the prompt shows its first stage.
    QString confirmDeletion(Ui::DevicesController &devices, const QStringList &ids)
    {
        QSignalSpy shown(devices.prompt(), &Ui::AuthPrompt::stageShown);
        devices.askDelete(ids);
        if (devices.deleteQuestion().isEmpty())
            return {};
        devices.confirmDelete();
        if (!shown.wait(10000))
            return {};
        return shown.first().first().toString();
    }

    // An OAuth session on the development homeserver's strict OAuth mode (its account page at
    // /_oauth/account), and two more devices. The controller opens URLs into `opened`.
    QList<QUrl> opened;
    void serveOAuth()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.oauth = true;
        server = std::make_unique<DevServer>(config);
        QVERIFY(server->start());
        const QJsonObject metadata = server->oauth()->metadata();
        session = {};
        session.userId = Alice;
        session.deviceId = QStringLiteral("THISLAPTOP");
        session.accessToken = server->addDevice(Alice, session.deviceId, QStringLiteral("Laptop"));
        session.baseUrl = server->baseUrl();
        session.plainHttpAllowed = true;
        session.api = Session::Session::Api::OAuth;
        session.loginMethod = QStringLiteral("oauth");
        session.oauthClientId = QStringLiteral("client");
        session.oauthTokenEndpoint = QUrl(metadata.value(u"token_endpoint").toString());
        session.oauthAccountManagementUri
            = QUrl(metadata.value(u"account_management_uri").toString());
        for (const QJsonValue &action :
            metadata.value(u"account_management_actions_supported").toArray())
            session.oauthAccountManagementActions.append(action.toString());
        QVERIFY(session.isValid());
        server->addDevice(Alice, OldPhone, QStringLiteral("Old phone"));
        server->addDevice(Alice, Tablet, QStringLiteral("Tablet"));
        server->clearRequestLog();
        opened.clear();
    }
    std::unique_ptr<Ui::DevicesController> oauthController()
    {
        auto devices = controller();
        devices->setBrowserLauncher([this](const QUrl &url) {
            opened.append(url);
            return true;
        });
        return devices;
    }
    // No request that UIA would need: neither DELETE /devices/{id} nor POST /delete_devices.
    bool sentNoDeletion() const
    {
        for (const auto &request : server->requestLog())
            if (request.method == "DELETE" || request.path.endsWith(u"/delete_devices"))
                return false;
        return true;
    }
    // Plays the user on the account page: opens it, and presses its confirmation button.
    int confirmOnAccountPage(const QUrl &url) { return ::confirmOnAccountPage(network, url); }

private Q_SLOTS:
    // MSC4191: on an OAuth session "Remove" opens the server's account page at device_delete
    // for that device, asks nothing itself and offers no UIA; back in the window, the list is
    // loaded again and the device the user removed there is gone.
    void oauthRemovalOpensTheAccountPage()
    {
        serveOAuth();
        auto devices = oauthController();
        QVERIFY(devices->removesInBrowser());
        QVERIFY(devices->canManageAccount());
        QCOMPARE(devices->devices()->rowCount(), 3);
        QSignalSpy loaded(devices.get(), &Ui::DevicesController::loaded);
        // Coming back without having gone anywhere loads nothing.
        devices->windowActivated();
        QCOMPARE(loaded.size(), 0);

        QSignalSpy asked(devices.get(), &Ui::DevicesController::deleteAsked);
        devices->askDelete({OldPhone});
        QVERIFY(devices->deleteQuestion().isEmpty()); // the server's page asks
        QVERIFY(!devices->prompt()->active());
        QCOMPARE(asked.size(), 1);
        QCOMPARE(opened.size(), 1);
        const QUrl url = opened.first();
        QCOMPARE(url.adjusted(QUrl::RemoveQuery), session.oauthAccountManagementUri);
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("action")), DeviceDelete);
        QCOMPARE(query.queryItemValue(QStringLiteral("device_id")), OldPhone);
        QVERIFY(devices->noticeText().contains(u"browser"));
        QVERIFY(devices->errorText().isEmpty());

        QSignalSpy deleted(devices.get(), &Ui::DevicesController::deleted);
        // Back before confirming: the list is loaded, the device still there, the notice stays.
        devices->windowActivated();
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(devices->devices()->rowCount(), 3);
        QCOMPARE(deleted.size(), 0);
        QVERIFY(devices->noticeText().contains(u"browser"));

        QCOMPARE(confirmOnAccountPage(url), 200);
        QVERIFY(!server->devicesOf(Alice).contains(OldPhone));
        devices->windowActivated();
        QTRY_COMPARE(loaded.size(), 2);
        QCOMPARE(devices->devices()->rowCount(), 2);
        QVERIFY(devices->devices()->displayName(OldPhone) != u"Old phone");
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().first().toStringList(), QStringList{OldPhone});
        QVERIFY2(devices->noticeText().contains(u"Old phone was signed out and removed"),
            qPrintable(devices->noticeText()));
        QVERIFY(sentNoDeletion());
    }

    // A session stored before Portico kept the account page (its settings have no
    // oauthAccountManagementUri): once restored, the devices page asks the server's auth_metadata
    // again and, when its issuer is the session's, removes on the account page and stores it.
    void restoredOAuthSessionFindsItsAccountPageAgain_data()
    {
        QTest::addColumn<bool>("sameIssuer");
        QTest::newRow("the session's issuer") << true;
        QTest::newRow("another issuer: not taken") << false;
    }
    void restoredOAuthSessionFindsItsAccountPageAgain()
    {
        QFETCH(bool, sameIssuer);
        serveOAuth();
        const QUrl accountPage = session.oauthAccountManagementUri;
        session.oauthIssuer = sameIssuer
            ? QUrl(server->oauth()->metadata().value(u"issuer").toString())
            : QUrl(QStringLiteral("https://elsewhere.example/"));
        QSettings().clear();
        Session::SessionStore store;
        QSignalSpy saved(&store, &Session::SessionStore::saved);
        store.save(session);
        QTRY_COMPARE(saved.size(), 1);
        {
            // As an older Portico wrote it.
            QSettings settings;
            settings.beginGroup(QStringLiteral("sessions/")
                + QString::fromLatin1(QUrl::toPercentEncoding(session.key())));
            QVERIFY(settings.contains(QStringLiteral("oauthClientId")));
            settings.remove(QStringLiteral("oauthAccountManagementUri"));
            settings.remove(QStringLiteral("oauthAccountManagementActions"));
        }
        QVERIFY(!store.storedSessions().first().oauthAccountManagementUri.isValid());

        Ui::AccountManager accounts(network, store);
        Ui::DevicesController &devices = *accounts.devices();
        devices.setBrowserLauncher([this](const QUrl &url) {
            opened.append(url);
            return true;
        });
        QSignalSpy loaded(&devices, &Ui::DevicesController::loaded);
        QSignalSpy searched(&devices, &Ui::DevicesController::accountPageSearched);
        accounts.restore();
        QVERIFY(devices.removesInBrowser());
        QVERIFY(!devices.canManageAccount());
        // Asked at restore already (the signed-in page's Manage account), once.
        QTRY_COMPARE_WITH_TIMEOUT(searched.size(), 1, 10000);
        QCOMPARE(searched.first().first().toBool(), sameIssuer);
        QCOMPARE(devices.canManageAccount(), sameIssuer);
        accounts.refreshDevices(); // the devices page opens
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QCOMPARE(searched.size(), 1);
        if (!sameIssuer) {
            QVERIFY(!devices.canManageAccount());
            devices.askDelete({OldPhone});
            QVERIFY(opened.isEmpty());
            QVERIFY(devices.errorText().contains(u"no account page"));
            store.remove(accounts.current());
            return;
        }
        QVERIFY(devices.canManageAccount());
        devices.askDelete({OldPhone});
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().adjusted(QUrl::RemoveQuery), accountPage);
        QCOMPARE(QUrlQuery(opened.first()).queryItemValue(QStringLiteral("action")), DeviceDelete);
        QVERIFY(devices.errorText().isEmpty());
        // Kept for the next start.
        QTRY_COMPARE(saved.size(), 2);
        QCOMPARE(store.storedSessions().first().oauthAccountManagementUri, accountPage);
        QVERIFY(
            store.storedSessions().first().oauthAccountManagementActions.contains(DeviceDelete));
        store.remove(accounts.current());
    }

    void oauthRemovalNamesTheActionTheServerLists_data()
    {
        QTest::addColumn<QStringList>("actions");
        QTest::addColumn<QString>("expected");
        QTest::newRow("both") << QStringList{SessionEnd, DeviceDelete} << DeviceDelete;
        QTest::newRow("only unstable") << QStringList{SessionEnd} << SessionEnd;
        QTest::newRow("none listed") << QStringList{} << DeviceDelete;
        // Neither: the stable action still, and the server shows its account page (MSC4191).
        QTest::newRow("neither") << QStringList{QStringLiteral("org.matrix.profile")}
                                 << DeviceDelete;
    }
    void oauthRemovalNamesTheActionTheServerLists()
    {
        QFETCH(QStringList, actions);
        QFETCH(QString, expected);
        serveOAuth();
        session.oauthAccountManagementActions = actions;
        auto devices = oauthController();
        devices->askDelete({Tablet});
        QCOMPARE(opened.size(), 1);
        QCOMPARE(QUrlQuery(opened.first()).queryItemValue(QStringLiteral("action")), expected);
        QCOMPARE(QUrlQuery(opened.first()).queryItemValue(QStringLiteral("device_id")), Tablet);
        QCOMPARE(confirmOnAccountPage(opened.first()), 200);
        QVERIFY(!server->devicesOf(Alice).contains(Tablet));
    }

    void manageAccountOpensTheProfile()
    {
        serveOAuth();
        auto devices = oauthController();
        QSignalSpy pageOpened(devices.get(), &Ui::DevicesController::accountPageOpened);
        devices->manageAccount();
        QCOMPARE(opened.size(), 1);
        const QUrlQuery query(opened.first());
        QCOMPARE(
            query.queryItemValue(QStringLiteral("action")), QStringLiteral("org.matrix.profile"));
        QVERIFY(!query.hasQueryItem(QStringLiteral("device_id")));
        QCOMPARE(pageOpened.size(), 1);
        // Back from the profile: the list is loaded again (the user may have removed a device).
        QSignalSpy loaded(devices.get(), &Ui::DevicesController::loaded);
        devices->windowActivated();
        QTRY_COMPARE(loaded.size(), 1);
        // Leaving the page ends the trip: coming back later loads nothing.
        devices->reset();
        devices->windowActivated();
        QCOMPARE(loaded.size(), 1);
    }

    void legacySessionsOfferNoAccountPage()
    {
        serve({{PasswordStage}}, QStringLiteral("password"));
        auto devices = controller();
        devices->setBrowserLauncher([this](const QUrl &url) {
            opened.append(url);
            return true;
        });
        opened.clear();
        QVERIFY(!devices->removesInBrowser());
        QVERIFY(!devices->canManageAccount());
        devices->manageAccount();
        devices->askDelete({OldPhone});
        QVERIFY(opened.isEmpty());
        QVERIFY(!devices->deleteQuestion().isEmpty()); // our own question, then UIA
        devices->cancelDelete();
    }

    void oauthAccountPageMustBeSecure_data()
    {
        QTest::addColumn<QUrl>("page");
        QTest::newRow("none") << QUrl();
        QTest::newRow("plain http elsewhere")
            << QUrl(QStringLiteral("http://evil.example/account"));
        QTest::newRow("javascript") << QUrl(QStringLiteral("javascript:alert(1)"));
        QTest::newRow("user info") << QUrl(QStringLiteral("https://me@auth.example/account"));
        QTest::newRow("relative") << QUrl(QStringLiteral("/account"));
    }
    // The address comes back from the settings after a restart: checked before it is opened.
    void oauthAccountPageMustBeSecure()
    {
        QFETCH(QUrl, page);
        serveOAuth();
        session.oauthAccountManagementUri = page;
        auto devices = oauthController();
        QVERIFY(devices->removesInBrowser());
        QVERIFY(!devices->canManageAccount());
        devices->askDelete({OldPhone});
        devices->manageAccount();
        QVERIFY(opened.isEmpty());
        QVERIFY(devices->errorText().contains(u"account page"));
        QVERIFY(devices->deleteQuestion().isEmpty());
        QVERIFY(!devices->prompt()->active());
        QVERIFY(server->devicesOf(Alice).contains(OldPhone));
        QVERIFY(sentNoDeletion());
    }

    void oauthRemovesOneAtATime()
    {
        serveOAuth();
        auto devices = oauthController();
        devices->askDelete({OldPhone, Tablet});
        QVERIFY(opened.isEmpty());
        QVERIFY(devices->errorText().contains(u"one device at a time"));
        QVERIFY(!devices->prompt()->active());
        QVERIFY(sentNoDeletion());
    }

    void oauthBrowserThatCannotOpenIsExplained()
    {
        serveOAuth();
        auto devices = oauthController();
        devices->setBrowserLauncher([](const QUrl &) { return false; });
        QSignalSpy asked(devices.get(), &Ui::DevicesController::deleteAsked);
        devices->askDelete({OldPhone});
        QVERIFY(devices->errorText().contains(u"browser"));
        QCOMPARE(asked.size(), 0);
        QSignalSpy loaded(devices.get(), &Ui::DevicesController::loaded);
        devices->windowActivated(); // nobody went anywhere
        QCOMPARE(loaded.size(), 0);
    }

    void listsThisDeviceFirstAndRenames()
    {
        serve({{PasswordStage}}, QStringLiteral("password"));
        auto devices = controller();
        Ui::DeviceListModel *model = devices->devices();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->data(model->index(0), Ui::DeviceListModel::DeviceIdRole).toString(),
            session.deviceId);
        QVERIFY(model->data(model->index(0), Ui::DeviceListModel::IsThisDeviceRole).toBool());

        QSignalSpy loaded(devices.get(), &Ui::DevicesController::loaded);
        devices->rename(Tablet, QStringLiteral("  Kitchen tablet "));
        QVERIFY(loaded.wait(10000)); // renamed, then listed again
        QCOMPARE(server->deviceDisplayName(Alice, Tablet), QStringLiteral("Kitchen tablet"));
        QCOMPARE(model->displayName(Tablet), QStringLiteral("Kitchen tablet"));
    }

    void leavingThePageEndsTheListing_data()
    {
        addCancelRows({QStringLiteral("/_matrix/client/v3/devices")});
    }
    // reset() (leaving the page) while the devices are being listed: nothing more is sent, even
    // after a 429, and nothing is loaded into the page left.
    void leavingThePageEndsTheListing()
    {
        QFETCH(QString, path);
        QFETCH(int, when);
        serve({{PasswordStage}}, QStringLiteral("password"));
        Ui::DevicesController devices(network, [this] { return session; });
        QSignalSpy loaded(&devices, &Ui::DevicesController::loaded);
        const int after = requestsAfterCancel(
            network, *server, path, CancelWhen(when), [&] { devices.refresh(); },
            [&] { devices.reset(); });
        QCOMPARE(after, 0);
        QCOMPARE(loaded.size(), 0);
        QCOMPARE(devices.devices()->rowCount(), 0);
        QVERIFY(!devices.busy());
    }
    void thisDeviceIsNotRemovedHere()
    {
        serve({{PasswordStage}}, QStringLiteral("password"));
        auto devices = controller();
        devices->askDelete({session.deviceId});
        QVERIFY(devices->deleteQuestion().isEmpty()); // Sign out is the way for this one
        devices->askDelete({session.deviceId, OldPhone});
        QVERIFY(devices->deleteQuestion().contains(u"Old phone"));
    }

    void passwordWrongThenRight()
    {
        serve({{PasswordStage}}, QStringLiteral("password"));
        auto devices = controller();
        Ui::AuthPrompt *prompt = devices->prompt();
        QCOMPARE(confirmDeletion(*devices, {OldPhone}), PasswordStage);
        QVERIFY(prompt->active());
        QCOMPARE(prompt->mode(), Ui::AuthPrompt::Mode::Password);
        QVERIFY(prompt->reason().contains(u"Old phone"));
        QCOMPARE(prompt->userId(), Alice);

        QSignalSpy changed(prompt, &Ui::AuthPrompt::changed);
        prompt->submitPassword(QStringLiteral("not the password"));
        QTRY_VERIFY_WITH_TIMEOUT(!prompt->errorText().isEmpty(), 15000);
        QCOMPARE(prompt->mode(), Ui::AuthPrompt::Mode::Password); // try again, same stage
        QVERIFY(prompt->active());
        QVERIFY(server->devicesOf(Alice).contains(OldPhone));

        QSignalSpy deleted(devices.get(), &Ui::DevicesController::deleted);
        prompt->submitPassword(Password);
        QVERIFY(deleted.wait(10000));
        QCOMPARE(deleted.first().first().toStringList(), QStringList{OldPhone});
        QVERIFY(!prompt->active());
        QVERIFY(!server->devicesOf(Alice).contains(OldPhone));
        QVERIFY(devices->noticeText().contains(u"Old phone"));
        QVERIFY(devices->errorText().isEmpty());
    }

    void passwordThenTermsWithProgress()
    {
        serve({{PasswordStage, Terms}}, QStringLiteral("password"));
        auto devices = controller();
        Ui::AuthPrompt *prompt = devices->prompt();
        QSignalSpy shown(prompt, &Ui::AuthPrompt::stageShown);
        QCOMPARE(confirmDeletion(*devices, {OldPhone, Tablet}), PasswordStage);
        QCOMPARE(prompt->stepNumber(), 1);
        QCOMPARE(prompt->stepCount(), 2);
        QVERIFY(prompt->reason().contains(u"2 devices"));
        shown.clear();
        prompt->submitPassword(Password);
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.first().first().toString(), Terms);
        QCOMPARE(prompt->mode(), Ui::AuthPrompt::Mode::Terms);
        QCOMPARE(prompt->stepNumber(), 2);
        QVERIFY(!prompt->policies().isEmpty());
        const QVariantMap policy = prompt->policies().first().toMap();
        QVERIFY(!policy.value(QStringLiteral("name")).toString().isEmpty());
        QVERIFY(policy.value(QStringLiteral("url")).toString().startsWith(u"http"));

        QSignalSpy deleted(devices.get(), &Ui::DevicesController::deleted);
        prompt->acceptTerms();
        QVERIFY(deleted.wait(10000));
        QCOMPARE(server->devicesOf(Alice), QStringList{session.deviceId});
    }

    // Signed in through SSO: the SSO flow, though the server also takes a password; the
    // browser step finishes the dialog without "I'm done".
    void ssoUserConfirmsInTheBrowser()
    {
        serve({{PasswordStage}, {Sso}}, QStringLiteral("sso:github"));
        auto devices = controller();
        Ui::AuthPrompt *prompt = devices->prompt();
        ScriptedBrowser browser;
        QSignalSpy pages(&browser, &ScriptedBrowser::finished);
        prompt->setBrowserLauncher(browser.launcher());
        QCOMPARE(confirmDeletion(*devices, {OldPhone}), Sso);
        QCOMPARE(prompt->mode(), Ui::AuthPrompt::Mode::Browser);
        QVERIFY(!prompt->waitingForBrowser()); // not until the user has opened it

        QSignalSpy deleted(devices.get(), &Ui::DevicesController::deleted);
        prompt->openBrowser();
        QVERIFY(prompt->waitingForBrowser());
        QVERIFY(deleted.wait(20000));
        QCOMPARE(pages.size(), 1);
        QVERIFY(!server->devicesOf(Alice).contains(OldPhone));
        QVERIFY(!prompt->active());
    }

    // A server in the style of MSC2858's first draft names the providers of the SSO stage.
    void draftServersNameTheProviders()
    {
        serve({{Sso}}, QStringLiteral("sso:github"), 10 * 60 * 1000, true);
        auto devices = controller();
        Ui::AuthPrompt *prompt = devices->prompt();
        QCOMPARE(confirmDeletion(*devices, {OldPhone}), Sso);
        QCOMPARE(prompt->providerName(),
            QStringLiteral("GitHub, Company Keycloak, GitLab (early-draft https icon) or "
                           "University login"));
        prompt->cancel();
        serve({{Sso}}, QStringLiteral("sso:github"));
        devices = controller();
        QCOMPARE(confirmDeletion(*devices, {OldPhone}), Sso);
        QVERIFY(devices->prompt()->providerName().isEmpty()); // the final spec: the server picks
    }

    void aBrowserThatCannotOpenIsExplained()
    {
        serve({{Sso}}, QStringLiteral("sso:github"));
        auto devices = controller();
        Ui::AuthPrompt *prompt = devices->prompt();
        prompt->setBrowserLauncher([](const QUrl &) { return false; });
        QCOMPARE(confirmDeletion(*devices, {OldPhone}), Sso);
        prompt->openBrowser();
        QVERIFY(prompt->errorText().contains(u"browser"));
        QVERIFY(prompt->active());
        prompt->cancel();
    }

    void cancelKeepsTheDeviceAndSaysNothing()
    {
        serve({{PasswordStage}}, QStringLiteral("password"));
        auto devices = controller();
        Ui::AuthPrompt *prompt = devices->prompt();
        QCOMPARE(confirmDeletion(*devices, {OldPhone}), PasswordStage);
        QSignalSpy finished(prompt, &Ui::AuthPrompt::finished);
        prompt->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(!prompt->active());
        QVERIFY(devices->errorText().isEmpty());
        QVERIFY(!devices->busy());
        QVERIFY(server->devicesOf(Alice).contains(OldPhone));
        // Declining before the dialog leaves everything as it was too.
        devices->askDelete({OldPhone});
        devices->cancelDelete();
        QVERIFY(devices->deleteQuestion().isEmpty());
        QVERIFY(!prompt->active());
    }

    void anExpiredConfirmationCanStartOver()
    {
        serve({{PasswordStage}}, QStringLiteral("password"), 200);
        auto devices = controller();
        Ui::AuthPrompt *prompt = devices->prompt();
        QCOMPARE(confirmDeletion(*devices, {OldPhone}), PasswordStage);
        // Wait for the server to have expired it, then answer.
        const QUrl fallback = prompt->session().fallbackUrl();
        const QString id = QUrlQuery(fallback).queryItemValue(QStringLiteral("session"));
        QVERIFY(server->hasUiaSession(id));
        QTRY_VERIFY_WITH_TIMEOUT(!server->hasUiaSession(id), 10000);
        prompt->submitPassword(Password);
        QTRY_VERIFY_WITH_TIMEOUT(prompt->canStartOver(), 15000);
        QVERIFY(prompt->errorText().contains(u"start over"));
        QVERIFY(prompt->active()); // the dialog stays, with "Start over"

        server->setUiaSessionLifetimeMs(10 * 60 * 1000);
        QSignalSpy shown(prompt, &Ui::AuthPrompt::stageShown);
        prompt->startOver();
        QVERIFY(shown.wait(10000));
        QVERIFY(!prompt->canStartOver());
        QSignalSpy deleted(devices.get(), &Ui::DevicesController::deleted);
        prompt->submitPassword(Password);
        QVERIFY(deleted.wait(10000));
    }
};

QTEST_GUILESS_MAIN(TestDevicesController)
#include "tst_devicescontroller.moc"
