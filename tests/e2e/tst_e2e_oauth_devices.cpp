// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end, account management on an OAuth session (MSC4191): the built `portico` binary on
// Xvfb, signed in through the development homeserver's strict OAuth mode. "Remove" on the devices
// page opens the server's account page at org.matrix.device_delete for that device (no "Confirm
// it's you", no UIA request); the test plays the browser and confirms there; back in the app
// window the list is loaded again without the device. "Manage account" opens the profile action,
// and so it does after a restart, for the restored session.
#include "appdriver.h"
#include "devoauth.h"
#include "devserver.h"
#include "scriptedbrowser.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {
const QString Alice = QStringLiteral("@alice:localhost");
const QString OldPhone = QStringLiteral("OLDPHONE01");
const QString Tablet = QStringLiteral("TABLET0001");

// The X root window: focusing it takes the keyboard from the app, as a browser window would.
QString rootWindow()
{
    QProcess xwininfo;
    xwininfo.start(QStringLiteral("xwininfo"), {QStringLiteral("-root")});
    if (!xwininfo.waitForFinished(10000))
        return {};
    const auto match = QRegularExpression(QStringLiteral("Window id: (0x[0-9a-f]+)"))
                           .match(QString::fromUtf8(xwininfo.readAllStandardOutput()));
    return match.captured(1);
}

// Whether a window of the app is the active one, as AT-SPI says (tests/e2e/atspi-probe): 0 yes,
// 4 no, else the probe failed. With the event loop going (the homeserver lives here).
int activeWindow(qint64 pid)
{
    QProcess process;
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(
        QStringLiteral(E2E_ATSPI_PROBE), {QString::number(pid), QStringLiteral("active")});
    if (!finished.wait(30000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}
} // namespace

class TestE2eOAuthDevices : public QObject
{
    Q_OBJECT

    QTemporaryDir scratch;
    AppDriver driver{scratch};
    QNetworkAccessManager network;

    // The account page as the user's browser shows it, and its "Remove" pressed: the status of
    // the answer to the form (0: no page).
    int confirmInBrowser(const QUrl &url, QByteArray *confirmation)
    {
        return confirmOnAccountPage(network, url, confirmation);
    }

    static bool askedForUia(const DevServer &server)
    {
        for (const auto &request : server.requestLog())
            if (request.method == "DELETE" || request.path.endsWith(u"/delete_devices"))
                return true;
        return false;
    }

    // The last line of the app's output that is "devices N", N, or -1 while there is none.
    static int lastDeviceCount(QProcess &app, QString &output)
    {
        output += QString::fromUtf8(app.readAllStandardOutput());
        const auto lines = output.split(u'\n');
        for (auto line = lines.crbegin(); line != lines.crend(); ++line)
            if (line->startsWith(u"devices "))
                return line->mid(8).toInt();
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        if (qEnvironmentVariableIsEmpty("DISPLAY")
            || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL(
                "needs a display and a D-Bus session with a keyring: run it through scripts/test");
        QVERIFY2(!rootWindow().isEmpty(), "xwininfo -root names no root window");
    }

    void removeThroughTheAccountPage()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.oauth = true;
        config.devices
            = QJsonArray{QJsonObject{{QStringLiteral("user"), QStringLiteral("alice")},
                             {QStringLiteral("deviceId"), OldPhone},
                             {QStringLiteral("displayName"), QStringLiteral("Old phone")}},
                QJsonObject{{QStringLiteral("user"), QStringLiteral("alice")},
                    {QStringLiteral("deviceId"), Tablet},
                    {QStringLiteral("displayName"), QStringLiteral("Tablet")}}};
        DevServer server(config);
        QVERIFY(server.start());
        DevOAuth &oauth = *server.oauth();
        oauth.options().skipConsent = true; // the consent page is DevOAuth's own tests' work
        const QUrl accountPage(oauth.metadata().value(u"account_management_uri").toString());

        // With its AT-SPI bridge on: the test asks it whether the window is active.
        QProcessEnvironment env;
        env.insert(QStringLiteral("QT_LINUX_ACCESSIBILITY_ALWAYS_ON"), QStringLiteral("1"));
        auto app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
                                     QStringLiteral("--idp"), QStringLiteral("continue")},
            {}, {}, env);
        auto cleanup = qScopeGuard([&app] { AppDriver::stop(*app); });
        QString output;
        const QStringList signedIn
            = AppDriver::signInInBrowser(*app, driver.waitForOpenedUrl(), output);
        QVERIFY2(!signedIn.isEmpty(), qPrintable(output));
        const QString thisDevice = signedIn.value(2);
        QCOMPARE(oauth.tokenRequests(QStringLiteral("authorization_code")), 1);
        QCOMPARE(server.devicesOf(Alice).size(), 3);
        driver.forgetOpenedUrls();
        server.clearRequestLog();

        // Signed-in page, the keyboard on Devices: "Manage account" is the button before it.
        QVERIFY(AppDriver::typeKeys(
            app->processId(), {QStringLiteral("shift+Tab"), QStringLiteral("Return")}));
        const QUrl profile = driver.waitForOpenedUrl();
        QCOMPARE(profile.adjusted(QUrl::RemoveQuery), accountPage);
        QCOMPARE(QUrlQuery(profile).queryItemValue(QStringLiteral("action")),
            QStringLiteral("org.matrix.profile"));
        QVERIFY(!QUrlQuery(profile).hasQueryItem(QStringLiteral("device_id")));
        QByteArray body;
        QCOMPARE(confirmInBrowser(profile, &body), 200);
        QVERIFY(body.contains("id=\"profile\""));
        driver.forgetOpenedUrls();

        // Devices (Tab back to it): three, the list's keyboard on the first other device.
        QVERIFY(AppDriver::typeKeys(
            app->processId(), {QStringLiteral("Tab"), QStringLiteral("Return")}));
        QCOMPARE(AppDriver::waitForLine(*app, QStringLiteral("devices"), output).value(1),
            QStringLiteral("3"));
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("Delete")}));
        const QStringList asked
            = AppDriver::waitForLine(*app, QStringLiteral("delete-asked"), output);
        QCOMPARE(asked.size(), 2);
        const QString removed = asked.value(1);
        QVERIFY2(removed == OldPhone || removed == Tablet, qPrintable(output));
        const QUrl opened = driver.waitForOpenedUrl();
        QCOMPARE(opened.adjusted(QUrl::RemoveQuery), accountPage);
        const QUrlQuery query(opened);
        QCOMPARE(query.queryItemValue(QStringLiteral("action")),
            QStringLiteral("org.matrix.device_delete"));
        QCOMPARE(query.queryItemValue(QStringLiteral("device_id")), removed);
        // The app asked nothing itself: no "Confirm it's you", no question of its own.
        QVERIFY(server.devicesOf(Alice).contains(removed));

        // The browser takes the keyboard (the window is no longer the active one); the user
        // confirms on the server's page.
        QTRY_COMPARE_WITH_TIMEOUT(activeWindow(app->processId()), 0, 15000);
        QCOMPARE(QProcess::execute(
                     QStringLiteral("xdotool"), {QStringLiteral("windowfocus"), rootWindow()}),
            0);
        QTRY_COMPARE_WITH_TIMEOUT(activeWindow(app->processId()), 4, 15000);
        QCOMPARE(confirmInBrowser(opened, &body), 200);
        QVERIFY2(body.contains("id=\"done\""), body.constData());
        QVERIFY(!server.devicesOf(Alice).contains(removed));
        QCOMPARE(lastDeviceCount(*app, output), 3); // nothing loaded while away

        // Back in the app's window: the list is loaded again, without the device.
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("shift")}));
        QTRY_COMPARE_WITH_TIMEOUT(lastDeviceCount(*app, output), 2, 15000);
        QCOMPARE(AppDriver::waitForLine(*app, QStringLiteral("devices-deleted"), output).value(1),
            removed);
        QVERIFY2(!output.contains(u"uia-stage"), qPrintable(output));
        QVERIFY(!askedForUia(server));
        const QStringList left = server.devicesOf(Alice);
        QCOMPARE(left.size(), 2);
        QVERIFY(left.contains(thisDevice));

        // A restart: the restored OAuth session still offers account management.
        AppDriver::stop(*app);
        cleanup.dismiss();
        driver.forgetOpenedUrls();
        auto again = driver.launch({});
        const auto cleanupAgain = qScopeGuard([&again] { AppDriver::stop(*again); });
        QString output2;
        const QStringList verified
            = AppDriver::waitForLine(*again, QStringLiteral("verified"), output2);
        QVERIFY2(!verified.isEmpty(),
            qPrintable(output2 + QString::fromUtf8(again->readAllStandardError())));
        QCOMPARE(verified.value(2), thisDevice);
        QVERIFY(AppDriver::typeKeys(
            again->processId(), {QStringLiteral("shift+Tab"), QStringLiteral("Return")}));
        const QUrl restoredProfile = driver.waitForOpenedUrl();
        QCOMPARE(restoredProfile.adjusted(QUrl::RemoveQuery), accountPage);
        QCOMPARE(QUrlQuery(restoredProfile).queryItemValue(QStringLiteral("action")),
            QStringLiteral("org.matrix.profile"));
        // ...and removes the other device there too.
        driver.forgetOpenedUrls();
        QVERIFY(AppDriver::typeKeys(
            again->processId(), {QStringLiteral("Tab"), QStringLiteral("Return")}));
        QCOMPARE(AppDriver::waitForLine(*again, QStringLiteral("devices"), output2).value(1),
            QStringLiteral("2"));
        QVERIFY(AppDriver::typeKeys(again->processId(), {QStringLiteral("Delete")}));
        const QUrl second = driver.waitForOpenedUrl();
        QCOMPARE(QUrlQuery(second).queryItemValue(QStringLiteral("action")),
            QStringLiteral("org.matrix.device_delete"));
        QCOMPARE(QUrlQuery(second).queryItemValue(QStringLiteral("device_id")),
            removed == OldPhone ? Tablet : OldPhone);
        QVERIFY(!askedForUia(server));
    }
};

QTEST_GUILESS_MAIN(TestE2eOAuthDevices)
#include "tst_e2e_oauth_devices.moc"
