// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: the app binary signs in while the keychain cannot be used, as QtKeychain 0.13
// reports it on Linux (no session bus, no Secret Service, a locked keyring). The user is told
// which, the session is not written anywhere, and the app offers to retry; once a Secret Service
// is there, Retry (pressed from the keyboard) stores it in the keychain. The locked keyring runs
// on a bus that can start no unlock prompter, so the Secret Service's prompt fails at once instead
// of waiting for someone to type a password.
#include "appdriver.h"
#include "devserver.h"
#include "devsession.h"
#include "scriptedbrowser.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

// A session bus that can start no service at all.
const char BareBusConfig[] = "<busconfig>\n"
                             "  <type>session</type>\n"
                             "  <listen>unix:tmpdir=/tmp</listen>\n"
                             "  <auth>EXTERNAL</auth>\n"
                             "  <policy context=\"default\">\n"
                             "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                             "    <allow eavesdrop=\"true\"/>\n"
                             "    <allow own=\"*\"/>\n"
                             "  </policy>\n"
                             "</busconfig>\n";

class TestE2eKeychain : public QObject
{
    Q_OBJECT
    QTemporaryDir scratch;
    AppDriver driver{scratch};

    // Runs the app through `wrapper`, signs in on `server` through the scripted browser and
    // waits for the keychain to refuse the session with `expectedReason`. Leaves the app running,
    // in `app`, signed in with the session in memory only; what it said on stdout in `output`.
    void signInUntilStoreFailure(const DevServer &server, std::unique_ptr<QProcess> &app,
        const QStringList &wrapper, const QProcessEnvironment &env, const QString &expectedReason,
        QString &output)
    {
        driver.forgetOpenedUrls();
        app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
                                QStringLiteral("--idp"), QStringLiteral("github")},
            {}, wrapper, env);
        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY2(opened.isValid(), qPrintable(QString::fromUtf8(app->readAllStandardError())));
        ScriptedBrowser browser;
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        browser.open(opened);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().value<ScriptedBrowser::Page>().status, 200);

        const QStringList failed
            = AppDriver::waitForLine(*app, QStringLiteral("store-failed"), output);
        QVERIFY2(
            !failed.isEmpty(), qPrintable(output + QString::fromUtf8(app->readAllStandardError())));
        QVERIFY2(failed.value(1) == expectedReason, qPrintable(failed.join(u' ')));
        QVERIFY(!output.contains(QStringLiteral("signed-in")));

        // Signed in on the server, but nothing of it on disk: no token, not even the metadata.
        const QStringList tokens = server.accessTokensOf(QStringLiteral("@alice:localhost"));
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(filesContaining(scratch.path(), tokens.first().toUtf8()), QStringList());
        QCOMPARE(
            filesContaining(scratch.filePath(QStringLiteral("config")), "alice"), QStringList());
    }

    void signInExpectingStoreFailure(
        const QStringList &wrapper, const QProcessEnvironment &env, const QString &expectedReason)
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        std::unique_ptr<QProcess> app;
        // Whatever fails below, nothing the wrapper started outlives the test.
        const auto cleanup = qScopeGuard([&app] {
            if (app)
                AppDriver::stop(*app);
        });
        QString output;
        signInUntilStoreFailure(server, app, wrapper, env, expectedReason, output);
    }

    // The wrapper that runs the app on a private session bus that can start no service at all.
    QStringList onABareBus()
    {
        const QString config = scratch.filePath(QStringLiteral("bare-bus.conf"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly) || file.write(BareBusConfig) < 0)
            qFatal("cannot write %s", qPrintable(config));
        file.close();
        return {QStringLiteral("dbus-run-session"), QStringLiteral("--config-file=") + config,
            QStringLiteral("--")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        if (qEnvironmentVariableIsEmpty("DISPLAY"))
            QFAIL("needs a display: run it through scripts/test");
    }

    void noSessionBus()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
            QStringLiteral("unix:path=") + scratch.filePath(QStringLiteral("no-such-bus")));
        signInExpectingStoreFailure({}, env, QStringLiteral("no-keychain"));
    }

    void noSecretService()
    {
        signInExpectingStoreFailure(onABareBus(), {}, QStringLiteral("no-keychain"));
    }

    void lockedKeyring()
    {
        signInExpectingStoreFailure(
            onABareBus() << QStringLiteral(E2E_STUB_DIR "/with-locked-keyring"), {},
            QStringLiteral("locked"));
    }

    // A stored account whose keyring is locked at the next start (nobody there to unlock it):
    // the signed-in page is shown from the settings at once, then the keychain refuses the
    // token; the app says so and keeps running, nothing goes to the server without a token, and
    // the account stays in the settings for a start with the keyring open.
    void restoreWithALockedKeyring()
    {
        DevServer::Config config = DevServer::Config::demo();
        DevServer server(config);
        QVERIFY(server.start());
        const QString settingsPath
            = scratch.filePath(QStringLiteral("config/Portico/Portico.conf"));
        const auto cleanup = qScopeGuard([&settingsPath] { QFile::remove(settingsPath); });
        {
            QSettings settings(settingsPath, QSettings::IniFormat);
            const QString group = QStringLiteral("sessions/%40alice%3Alocalhost%2FLOCKEDDEV/");
            settings.setValue(QStringLiteral("sessionKeys"),
                QStringList{QStringLiteral("@alice:localhost/LOCKEDDEV")});
            settings.setValue(group + QStringLiteral("userId"), QStringLiteral("@alice:localhost"));
            settings.setValue(group + QStringLiteral("deviceId"), QStringLiteral("LOCKEDDEV"));
            settings.setValue(group + QStringLiteral("baseUrl"), server.baseUrl().toString());
            settings.setValue(group + QStringLiteral("plainHttpAllowed"), true);
            settings.setValue(group + QStringLiteral("loginMethod"), QStringLiteral("sso:github"));
            settings.sync();
            QCOMPARE(settings.status(), QSettings::NoError);
        }
        std::unique_ptr<QProcess> app = driver.launch(
            {}, {}, onABareBus() << QStringLiteral(E2E_STUB_DIR "/with-locked-keyring"));
        const auto stop = qScopeGuard([&app] { AppDriver::stop(*app); });
        QString output;
        const QStringList restored
            = AppDriver::waitForLine(*app, QStringLiteral("restored"), output);
        QCOMPARE(restored.mid(1),
            (QStringList{QStringLiteral("@alice:localhost"), QStringLiteral("LOCKEDDEV"),
                server.baseUrl().toString()}));
        const QStringList failed
            = AppDriver::waitForLine(*app, QStringLiteral("restore-failed"), output);
        QVERIFY2(
            !failed.isEmpty(), qPrintable(output + QString::fromUtf8(app->readAllStandardError())));
        // gnome-keyring answers a locked collection's read as "not found" or as locked.
        QVERIFY2(failed.value(1) == u"locked" || failed.value(1) == u"not-found",
            qPrintable(failed.join(u' ')));
        QCOMPARE(failed.value(2), QStringLiteral("@alice:localhost"));
        QCOMPARE(app->state(), QProcess::Running);
        QVERIFY(!output.contains(QStringLiteral("verified")));
        QCOMPARE(server.requestLog().size(), 0);
        QCOMPARE(QSettings(settingsPath, QSettings::IniFormat)
                     .value(QStringLiteral("sessionKeys"))
                     .toStringList(),
            QStringList{QStringLiteral("@alice:localhost/LOCKEDDEV")});
    }

    // The keychain shows up while the session is kept in memory only (the user starts their
    // keyring): Retry, from the keyboard, stores it there, and only there. Retry before that is
    // refused again and leaves Retry to press once more.
    void retryStoresOnceTheKeychainIsThere()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        std::unique_ptr<QProcess> app;
        const auto cleanup = qScopeGuard([this, &app] {
            if (app)
                AppDriver::stop(*app);
            // The next test starts with no account on this computer.
            QDir(scratch.filePath(QStringLiteral("config"))).removeRecursively();
        });
        QString signingIn;
        signInUntilStoreFailure(server, app,
            onABareBus() << QStringLiteral(E2E_STUB_DIR "/with-keyring-later"), {},
            QStringLiteral("no-keychain"), signingIn);
        if (QTest::currentTestFailed())
            return;
        const QString token = server.accessTokensOf(QStringLiteral("@alice:localhost")).value(0);
        // The wrapper's first line: the app's pid, whose window takes the keys.
        const qint64 appPid = AppDriver::waitForLine(*app, QStringLiteral("app-pid"), signingIn)
                                  .value(1)
                                  .toLongLong();
        QVERIFY2(appPid > 0, qPrintable(signingIn));

        // Still no keychain: Retry (it has the keyboard) is refused again, and offered again.
        QString retrying;
        const auto said = [&app](const QString &output) {
            return output + QString::fromUtf8(app->readAllStandardError());
        };
        QVERIFY(AppDriver::typeKeys(appPid, {QStringLiteral("Return")}));
        const QStringList failed
            = AppDriver::waitForLine(*app, QStringLiteral("store-failed"), retrying);
        QVERIFY2(failed.value(1) == u"no-keychain", qPrintable(said(retrying)));

        // The user starts their keyring, then presses Retry once more.
        QString retryingAgain;
        app->write("start-keyring\n");
        QVERIFY2(
            !AppDriver::waitForLine(*app, QStringLiteral("keyring-ready"), retryingAgain).isEmpty(),
            qPrintable(said(retryingAgain)));
        QVERIFY(AppDriver::typeKeys(appPid, {QStringLiteral("Return")}));
        const QStringList signedIn
            = AppDriver::waitForLine(*app, QStringLiteral("signed-in"), retryingAgain);
        QVERIFY2(!signedIn.isEmpty(), qPrintable(said(retryingAgain)));
        QVERIFY2(!retryingAgain.contains(u"store-failed"), qPrintable(said(retryingAgain)));
        QCOMPARE(signedIn.value(1), QStringLiteral("@alice:localhost"));
        QCOMPARE(signedIn.value(3), server.baseUrl().toString());
        const QString deviceId = signedIn.value(2);
        QCOMPARE(server.devicesOf(QStringLiteral("@alice:localhost")), QStringList{deviceId});
        // Retry saving is gone; the keyboard is back on the account's main action (Devices).
        QVERIFY(AppDriver::typeKeys(appPid, {QStringLiteral("Return")}));
        QVERIFY2(
            AppDriver::waitForLine(*app, QStringLiteral("devices"), retryingAgain).value(1) == u"1",
            qPrintable(said(retryingAgain)));

        // Stored: the account's metadata is in the settings now, its token still in no file.
        QVERIFY(!filesContaining(scratch.filePath(QStringLiteral("config")), "alice").isEmpty());
        QCOMPARE(filesContaining(scratch.path(), token.toUtf8()), QStringList());

        // The next start finds the session in the keychain, and the server takes its token.
        QString restarting;
        app->write("restart\n");
        const QStringList restored
            = AppDriver::waitForLine(*app, QStringLiteral("restored"), restarting);
        QVERIFY2(!restored.isEmpty(), qPrintable(said(restarting)));
        QCOMPARE(restored.mid(1),
            (QStringList{
                QStringLiteral("@alice:localhost"), deviceId, server.baseUrl().toString()}));
        const QStringList verified
            = AppDriver::waitForLine(*app, QStringLiteral("verified"), restarting);
        QCOMPARE(verified.mid(1), (QStringList{QStringLiteral("@alice:localhost"), deviceId}));
        QCOMPARE(server.accessTokensOf(QStringLiteral("@alice:localhost")), QStringList{token});
        for (const QString &output : {signingIn, retrying, retryingAgain, restarting})
            QVERIFY(!output.contains(token));
    }
};

QTEST_GUILESS_MAIN(TestE2eKeychain)
#include "tst_e2e_keychain.moc"
