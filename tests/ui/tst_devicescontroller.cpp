// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The devices page's controller and the "Confirm it's you" prompt, against the development
// homeserver: what the dialog shows at each stage, and what the user's answers do.
#include "devicescontroller.h"

#include "cancelcheck.h"
#include "devserver.h"
#include "devsession.h"
#include "scriptedbrowser.h"

#include <QNetworkAccessManager>
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

private Q_SLOTS:
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
