// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: the app binary signs in while the keychain cannot be used, as QtKeychain 0.13
// reports it on Linux (no session bus, no Secret Service, a locked keyring). The user is told
// which, the session is not written anywhere, and the app offers to retry. The locked keyring runs
// on a bus that can start no unlock prompter, so the Secret Service's prompt fails at once instead
// of waiting for someone to type a password.
#include "appdriver.h"
#include "devserver.h"
#include "devsession.h"
#include "scriptedbrowser.h"

#include <QFile>
#include <QScopeGuard>
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

    void signInExpectingStoreFailure(
        const QStringList &wrapper, const QProcessEnvironment &env, const QString &expectedReason)
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        DevServer server(config);
        QVERIFY(server.start());
        driver.forgetOpenedUrls();
        auto app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
                                     QStringLiteral("--idp"), QStringLiteral("github")},
            {}, wrapper, env);
        // Whatever fails below, nothing the wrapper started outlives the test.
        const auto cleanup = qScopeGuard([&app] { AppDriver::stop(*app); });
        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY2(opened.isValid(), qPrintable(QString::fromUtf8(app->readAllStandardError())));
        ScriptedBrowser browser;
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        browser.open(opened);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().value<ScriptedBrowser::Page>().status, 200);

        QString output;
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
        AppDriver::stop(*app);
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
};

QTEST_GUILESS_MAIN(TestE2eKeychain)
#include "tst_e2e_keychain.moc"
