// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "password/passwordlogin.h"

#include "devserver.h"
#include "ui/usermessages.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
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
        const auto failure = failed.first().first().value<SignIn::Failure>();
        QCOMPARE(failure.reason, SignIn::Failure::Reason::LoginFailed);
        QVERIFY(failure.error.is(u"M_FORBIDDEN"));
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
        // A second attempt, started after the cancel, answers after any answer to the first.
        Password::PasswordLogin later(network);
        QSignalSpy laterSignedIn(&later, &Password::PasswordLogin::signedIn);
        later.start(homeserverOf(server), QStringLiteral("alice"), QStringLiteral("wonderland"));
        QVERIFY(laterSignedIn.wait(15000));
        QCOMPARE(signedIn.size(), 0);
        QCOMPARE(failed.size(), 0);
    }
    // The server asked the first attempt to wait (429 Retry-After): cancelled during that wait,
    // it never reaches the server again, so no device is made that nobody keeps.
    void cancelledDuringARateLimitWaitIsNotRetried()
    {
        DevServer server(withAlice());
        DevServer::Config::Fault busy;
        busy.status = 429;
        busy.body = R"({"errcode":"M_LIMIT_EXCEEDED","error":"Too many requests"})";
        busy.retryAfter = "1";
        busy.times = 2; // the cancelled attempt's first try, and the later attempt's
        server.setFault(QStringLiteral("POST /_matrix/client/v3/login"), busy);
        QVERIFY(server.start());
        // Every handler of a finished reply has run when the manager's finished() returns.
        QSignalSpy replies(&network, &QNetworkAccessManager::finished);
        Password::PasswordLogin login(network);
        QSignalSpy signedIn(&login, &Password::PasswordLogin::signedIn);
        login.start(homeserverOf(server), QStringLiteral("alice"), QStringLiteral("wonderland"));
        QVERIFY(replies.wait(15000)); // answered 429: the retry is planned now
        QCOMPARE(server.requestCount("POST", QStringLiteral("/_matrix/client/v3/login")), 1);
        login.cancel();

        // Planned after the first one's retry, with the same wait: it is answered after that
        // retry would have reached the server.
        Password::PasswordLogin later(network);
        QSignalSpy laterSignedIn(&later, &Password::PasswordLogin::signedIn);
        later.start(homeserverOf(server), QStringLiteral("alice"), QStringLiteral("wonderland"));
        QVERIFY(laterSignedIn.wait(15000));
        QCOMPARE(server.requestCount("POST", QStringLiteral("/_matrix/client/v3/login")), 3);
        QCOMPARE(server.devicesOf(QStringLiteral("@alice:localhost")).size(), 1);
        QCOMPARE(signedIn.size(), 0);
    }
    // A 429 whose wait is too long to wait for by itself: the user is told when to try again, and
    // trying again before then asks the server nothing (for that user; another one may ask).
    void aLongRateLimitIsNotAskedAgainBeforeItsEnd()
    {
        DevServer server(withAlice());
        DevServer::Config::Fault busy;
        busy.status = 429;
        busy.body = R"({"errcode":"M_LIMIT_EXCEEDED","error":"Too many failed attempts"})";
        busy.retryAfter = "600";
        busy.times = 1;
        server.setFault(QStringLiteral("POST /_matrix/client/v3/login"), busy);
        QVERIFY(server.start());
        const QString login = QStringLiteral("/_matrix/client/v3/login");
        Password::PasswordLogin password(network);
        QSignalSpy failed(&password, &Password::PasswordLogin::failed);
        QSignalSpy signedIn(&password, &Password::PasswordLogin::signedIn);
        password.start(homeserverOf(server), QStringLiteral("alice"), QStringLiteral("wonderland"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 15000);
        const auto first = failed.first().first().value<SignIn::Failure>();
        QCOMPARE(first.error.kind, Matrix::Error::Kind::RateLimited);
        QVERIFY(first.error.retryAfter && *first.error.retryAfter > std::chrono::minutes(9));
        QCOMPARE(server.requestCount("POST", login), 1);

        // Pressed again: answered at once, from the wait the server gave, without a request.
        password.start(
            homeserverOf(server), QStringLiteral(" Alice "), QStringLiteral("wonderland"));
        QCOMPARE(failed.size(), 2);
        const auto second = failed.last().first().value<SignIn::Failure>();
        QCOMPARE(second.error.kind, Matrix::Error::Kind::RateLimited);
        QVERIFY(second.error.retryAfter && *second.error.retryAfter <= *first.error.retryAfter
            && *second.error.retryAfter > std::chrono::minutes(9));
        QCOMPARE(server.requestCount("POST", login), 1);

        // Another account on that server is the server's to judge.
        password.start(homeserverOf(server), QStringLiteral("bob"), QStringLiteral("builder"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 3, 15000);
        QVERIFY(failed.last().first().value<SignIn::Failure>().error.is(u"M_FORBIDDEN"));
        QCOMPARE(server.requestCount("POST", login), 2);
        QCOMPARE(signedIn.size(), 0);
    }
    // The time to try again at, to the minute in every locale: the C locale's short format has
    // seconds ("14:19:30" under LANG=C).
    void rateLimitedTimeHasNoSeconds_data()
    {
        QTest::addColumn<QLocale>("locale");
        QTest::addColumn<QString>("today");
        QTest::addColumn<QString>("tomorrow");
        QTest::newRow("C") << QLocale::c() << "14:19"
                           << "2 Dec 2026 00:07";
        QTest::newRow("de_DE") << QLocale(QStringLiteral("de_DE")) << "14:19"
                               << "02.12.26 00:07";
        QTest::newRow("en_US") << QLocale(QStringLiteral("en_US")) << "2:19\u202fPM"
                               << "12/2/26 12:07\u202fAM";
    }
    void rateLimitedTimeHasNoSeconds()
    {
        QFETCH(QLocale, locale);
        QFETCH(QString, today);
        QFETCH(QString, tomorrow);
        // Newer CLDR (Qt 6.8) puts a narrow no-break space before AM/PM, Qt 6.4 a plain one.
        const auto plain = [](QString s) { return s.replace(QChar(0x202f), u' '); };
        const QDate day(2026, 12, 1);
        QCOMPARE(
            plain(Ui::clockTime(QDateTime(day, QTime(14, 19, 30)), day, locale)), plain(today));
        QCOMPARE(plain(Ui::clockTime(QDateTime(day.addDays(1), QTime(0, 7, 30)), day, locale)),
            plain(tomorrow));
        // And the sentence, in the default locale.
        const QLocale before;
        QLocale::setDefault(locale);
        Matrix::Error error;
        error.kind = Matrix::Error::Kind::RateLimited;
        error.httpStatus = 429;
        error.retryAfter = std::chrono::minutes(17);
        const QString sentence
            = plain(Ui::describePasswordError(error, QDateTime(day, QTime(14, 2, 30))));
        QLocale::setDefault(before);
        QVERIFY2(
            sentence.endsWith(QStringLiteral(" at %1.").arg(plain(today))), qPrintable(sentence));
    }
    // What the user reads: when the server lets them try again.
    void rateLimitedSentences()
    {
        const QDateTime now(QDate(2026, 12, 1), QTime(14, 2, 30));
        Matrix::Error error;
        error.kind = Matrix::Error::Kind::RateLimited;
        error.httpStatus = 429;
        QCOMPARE(Ui::describePasswordError(error, now),
            QStringLiteral("Too many attempts. Wait a moment, then try again."));
        error.retryAfter = std::chrono::milliseconds(19200);
        QCOMPARE(Ui::describePasswordError(error, now),
            QStringLiteral("Too many attempts. You can try again in 20 seconds."));
        error.retryAfter = std::chrono::milliseconds(1000);
        QCOMPARE(Ui::describePasswordError(error, now),
            QStringLiteral("Too many attempts. You can try again in a second."));
        error.retryAfter = std::chrono::minutes(17);
        const QString at = Ui::clockTime(QDateTime(now.date(), QTime(14, 19, 30)), now.date(), {});
        QCOMPARE(Ui::describePasswordError(error, now),
            QStringLiteral("Too many attempts. You can try again at %1.").arg(at));
        // The SSO login token exchange (also POST /login).
        const SignIn::Failure sso{SignIn::Failure::Reason::LoginFailed, error};
        QCOMPARE(Ui::describeSsoError(sso, now),
            QStringLiteral("The server is busy and turned the sign-in away. You can try again "
                           "at %1.")
                .arg(at));
    }
};

QTEST_GUILESS_MAIN(TestPasswordLogin)
#include "tst_passwordlogin.moc"
