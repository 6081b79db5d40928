// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "password/passwordlogin.h"

#include "devserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Portico;

class TestPasswordLogin : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

    static DevServer::Config withAlice()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.passwords.insert(QStringLiteral("alice"), QStringLiteral("wonderland"));
        return config;
    }
    static Discovery::Homeserver homeserverOf(const DevServer &server)
    {
        return {server.baseUrl(), Matrix::Versions{{QStringLiteral("v1.11")}, {}}, false};
    }

private Q_SLOTS:
    void signsIn_data()
    {
        QTest::addColumn<QString>("user");
        QTest::newRow("localpart") << "alice";
        QTest::newRow("matrix id") << "@alice:localhost";
        QTest::newRow("spaces around") << "  alice ";
    }
    void signsIn()
    {
        QFETCH(QString, user);
        DevServer server(withAlice());
        QVERIFY(server.start());
        Password::PasswordLogin login(network);
        QSignalSpy signedIn(&login, &Password::PasswordLogin::signedIn);
        login.start(homeserverOf(server), user, QStringLiteral("wonderland"));
        QVERIFY(login.isRunning());
        QVERIFY(signedIn.wait(15000));
        const auto session = signedIn.first().first().value<Session::Session>();
        QCOMPARE(session.userId, QStringLiteral("@alice:localhost"));
        QCOMPARE(session.loginMethod, QStringLiteral("password"));
        QCOMPARE(session.baseUrl, server.baseUrl());
        QVERIFY(server.isAccessTokenValid(session.accessToken));
        QVERIFY(!login.isRunning());
    }
    void wrongPassword()
    {
        DevServer server(withAlice());
        QVERIFY(server.start());
        Password::PasswordLogin login(network);
        QSignalSpy failed(&login, &Password::PasswordLogin::failed);
        login.start(homeserverOf(server), QStringLiteral("alice"), QStringLiteral("looking-glass"));
        QVERIFY(failed.wait(15000));
        QVERIFY(failed.first().first().value<Matrix::Error>().is(u"M_FORBIDDEN"));
        QCOMPARE(server.devicesOf(QStringLiteral("@alice:localhost")).size(), 0);
    }
    void cancelledAttemptReportsNothing()
    {
        DevServer server(withAlice());
        QVERIFY(server.start());
        Password::PasswordLogin login(network);
        QSignalSpy signedIn(&login, &Password::PasswordLogin::signedIn);
        QSignalSpy failed(&login, &Password::PasswordLogin::failed);
        login.start(homeserverOf(server), QStringLiteral("alice"), QStringLiteral("wonderland"));
        login.cancel();
        QVERIFY(!signedIn.wait(500));
        QCOMPARE(failed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPasswordLogin)
#include "tst_passwordlogin.moc"
