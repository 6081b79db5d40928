// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The login controller with the real keychain, but no session bus to reach it (CMake points
// DBUS_SESSION_BUS_ADDRESS at nothing): a sign-in works and is kept in memory, and Retry saving,
// refused again, says so again and stays on offer. Its own binary: QtKeychain and libsecret keep
// the first bus they reach for the whole process.
#include "logincontroller.h"

#include "devserver.h"
#include "scriptedbrowser.h"
#include "session/sessionstore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Portico;
using Page = Ui::LoginController::Page;

class TestRetrySave : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void aRefusedRetryStaysOnOffer()
    {
        QVERIFY(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(u"no-such-bus"));
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Session::SessionStore store(Session::SessionStore::Persistence::Keychain);
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        controller.ssoLogin().setBrowserLauncher(browser.launcher());
        QSignalSpy storeFailed(&controller, &Ui::LoginController::storeFailed);
        QSignalSpy signedIn(&controller, &Ui::LoginController::signedIn);
        controller.setAutoProvider(QStringLiteral("github"));
        controller.discover(server.baseUrl().toString());
        QVERIFY(storeFailed.wait(15000));
        QCOMPARE(storeFailed.last().first().toString(), QStringLiteral("no-keychain"));
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));
        QVERIFY(controller.saveFailed());
        QVERIFY(!controller.busy());
        const QString refused = controller.errorText();
        QVERIFY(refused.contains(u"keychain"));

        // Retry: the old error goes while the keychain is asked, and comes back with its answer.
        QSignalSpy errors(&controller, &Ui::LoginController::errorTextChanged);
        controller.retrySave();
        QVERIFY(controller.busy());
        QVERIFY(!controller.saveFailed());
        QVERIFY(controller.errorText().isEmpty());
        QVERIFY(storeFailed.wait(10000));
        QCOMPARE(storeFailed.size(), 2);
        QCOMPARE(storeFailed.last().first().toString(), QStringLiteral("no-keychain"));
        QCOMPARE(errors.size(), 2);
        QCOMPARE(controller.errorText(), refused);
        QVERIFY(controller.saveFailed()); // Retry is offered again
        QVERIFY(!controller.busy());
        QCOMPARE(controller.page(), Page::SignedIn);
        QCOMPARE(controller.userId(), QStringLiteral("@alice:localhost"));
        QCOMPARE(controller.accounts()->rowCount(), 1);
        QCOMPARE(signedIn.size(), 0);
        // Still signed in on the server, with one device: Retry made no new session.
        QCOMPARE(server.devicesOf(QStringLiteral("@alice:localhost")).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRetrySave)
#include "tst_retrysave.moc"
