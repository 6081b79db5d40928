// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: the app binary signs in through SSO, then removes another device of the account
// from the keyboard. The server asks "confirm it's you" with single sign-on; the dialog opens
// the fallback page in the "browser" (a scripted one), and closes by itself once the user is
// through, without anyone pressing "I'm done". The device is gone on the server.
#include "appdriver.h"
#include "devserver.h"
#include "scriptedbrowser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

class TestE2eUia : public QObject
{
    Q_OBJECT
    QTemporaryDir scratch;
    AppDriver driver{scratch};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        if (qEnvironmentVariableIsEmpty("DISPLAY"))
            QFAIL("needs a display: run it through scripts/test");
    }

    void removeADeviceConfirmingWithSso()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        config.uiaFlows = {{QStringLiteral("m.login.sso")}};
        config.devices = QJsonArray{QJsonObject{{QStringLiteral("user"), QStringLiteral("alice")},
            {QStringLiteral("deviceId"), QStringLiteral("OLDPHONE")},
            {QStringLiteral("displayName"), QStringLiteral("Old phone")}}};
        DevServer server(config);
        QVERIFY(server.start());
        QVERIFY(server.devicesOf(QStringLiteral("@alice:localhost")).contains(u"OLDPHONE"));

        auto app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
            QStringLiteral("--idp"), QStringLiteral("github")});
        const auto cleanup = qScopeGuard([&app] { AppDriver::stop(*app); });
        QString output;
        const QStringList signedIn
            = AppDriver::signInInBrowser(*app, driver.waitForOpenedUrl(), output);
        QVERIFY2(!signedIn.isEmpty(), qPrintable(output));
        const QString thisDevice = signedIn.value(2);
        driver.forgetOpenedUrls();

        // Signed-in page: the Devices button has the keyboard.
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("Return")}));
        QCOMPARE(AppDriver::waitForLine(*app, QStringLiteral("devices"), output).value(1),
            QStringLiteral("2"));
        // The list has the keyboard, on the first other device: Delete asks, Enter confirms.
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("Delete")}));
        QCOMPARE(AppDriver::waitForLine(*app, QStringLiteral("delete-asked"), output).value(1),
            QStringLiteral("OLDPHONE"));
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("Return")}));
        QCOMPARE(AppDriver::waitForLine(*app, QStringLiteral("uia-stage"), output).value(1),
            QStringLiteral("m.login.sso"));
        QVERIFY(server.devicesOf(QStringLiteral("@alice:localhost")).contains(u"OLDPHONE"));

        // "Continue in browser": the server's fallback page for this UIA session.
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("Return")}));
        const QUrl fallback = driver.waitForOpenedUrl();
        QCOMPARE(
            fallback.path(), QStringLiteral("/_matrix/client/v3/auth/m.login.sso/fallback/web"));
        QVERIFY(!QUrlQuery(fallback).queryItemValue(QStringLiteral("session")).isEmpty());
        QCOMPARE(fallback.adjusted(QUrl::RemovePath | QUrl::RemoveQuery), server.baseUrl());

        // The user goes through the IdP in the browser; nobody touches the app.
        ScriptedBrowser browser;
        QSignalSpy pages(&browser, &ScriptedBrowser::finished);
        browser.open(fallback);
        QVERIFY(pages.wait(20000));
        QCOMPARE(pages.last().first().value<ScriptedBrowser::Page>().status, 200);
        const QStringList finished
            = AppDriver::waitForLine(*app, QStringLiteral("uia-finished"), output);
        QVERIFY2(finished.value(1) == u"ok", qPrintable(output));
        QCOMPARE(AppDriver::waitForLine(*app, QStringLiteral("devices-deleted"), output).value(1),
            QStringLiteral("OLDPHONE"));
        QCOMPARE(server.devicesOf(QStringLiteral("@alice:localhost")), QStringList{thisDevice});
        // The list is loaded again and shows what is left.
        QTRY_VERIFY_WITH_TIMEOUT(
            (output += QString::fromUtf8(app->readAllStandardOutput())).contains(u"\ndevices 1"),
            10000);
        QVERIFY(!output.contains(u"syt_")); // no token in the app's output
    }
};

QTEST_GUILESS_MAIN(TestE2eUia)
#include "tst_e2e_uia.moc"
