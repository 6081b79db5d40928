// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/profileclient.h"

#include "devserver.h"
#include "devsession.h"

#include <QNetworkAccessManager>
#include <QTest>

// JSON in raw strings writes "://" as ":\/\/" (a valid JSON escape): moc 6.4 takes "//" in a
// raw string inside a class body for a comment and loses the class.

using namespace Portico;

namespace {
using Result = Matrix::Expected<Session::Profile, Matrix::Error>;

Result wait(std::optional<Result> &result)
{
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        qFatal("no answer");
    return *result;
}
const QString ProfilePath = QStringLiteral("/_matrix/client/v3/profile/@alice:localhost");
} // namespace

class TestProfileClient : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void parsesTheSpecExample()
    {
        const auto profile = Session::parseProfile(QByteArray(
            R"({"avatar_url":"mxc:\/\/matrix.org\/SDGdghriugerRg","displayname":"Alice Margatroid"})"));
        QVERIFY(profile);
        QCOMPARE(profile->displayName, QStringLiteral("Alice Margatroid"));
        QVERIFY(profile->avatar);
        QCOMPARE(profile->avatar->toString(), QStringLiteral("mxc://matrix.org/SDGdghriugerRg"));
        QVERIFY(profile->warnings.isEmpty());
    }
    void parsesEmptyAndNull()
    {
        for (const QByteArray &body :
            {QByteArray("{}"), QByteArray(R"({"displayname":null,"avatar_url":null})"),
                QByteArray(R"({"displayname":"","avatar_url":""})")}) {
            const auto profile = Session::parseProfile(body);
            QVERIFY(profile);
            QVERIFY(profile->displayName.isEmpty());
            QVERIFY(!profile->avatar);
            QVERIFY(profile->warnings.isEmpty());
        }
    }
    void dropsOddFieldsWithAWarning()
    {
        const auto profile = Session::parseProfile(
            QByteArray(R"({"displayname":7,"avatar_url":"https:\/\/evil.example\/a.png"})"));
        QVERIFY(profile);
        QVERIFY(profile->displayName.isEmpty());
        QVERIFY(!profile->avatar);
        QCOMPARE(profile->warnings.size(), 2);
        const auto other = Session::parseProfile(QByteArray(R"({"avatar_url":{"url":"x"}})"));
        QVERIFY(other);
        QVERIFY(!other->avatar);
        QCOMPARE(other->warnings.size(), 1);
    }
    void cleansDisplayNames()
    {
        // A newline, a right-to-left override and a zero-width space would break or disguise
        // a label; blanks around the name are noise.
        const auto profile = Session::parseProfile(QByteArray(
            "{\"displayname\":\"  Al\\nice \\u202egnp.exe\\u200b \\u00e9\\ud83d\\ude00  \"}"));
        QVERIFY(profile);
        QCOMPARE(profile->displayName, QString::fromUtf8("Al ice gnp.exe é😀"));
    }
    void boundsLongNames()
    {
        // 300 emoji: the cut never leaves half a surrogate pair.
        QByteArray body = "{\"displayname\":\"a";
        for (int i = 0; i < 300; ++i)
            body += "\\ud83d\\ude00";
        body += "\"}";
        const auto profile = Session::parseProfile(body);
        QVERIFY(profile);
        QVERIFY(profile->displayName.size() <= Session::Profile::MaxNameLength);
        QVERIFY(profile->displayName.size() >= Session::Profile::MaxNameLength - 1);
        QVERIFY(!profile->displayName.back().isHighSurrogate());
    }
    void refusesNonObjects()
    {
        QVERIFY(!Session::parseProfile(QByteArray()));
        QVERIFY(!Session::parseProfile(QByteArray("[]")));
        QVERIFY(!Session::parseProfile(QByteArray("{")));
    }

    void fetchesDisplayNameAndAvatarWithTheToken()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        QVERIFY(session.isValid());
        server.clearRequestLog();
        Session::ProfileClient client(network);
        std::optional<Result> result;
        client.fetch(session, [&](const Result &r) { result.emplace(r); });
        QVERIFY(client.isActive());
        const Result profile = wait(result);
        QVERIFY2(profile, qPrintable(profile ? QString() : profile.error().describe()));
        QCOMPARE(profile->displayName, QStringLiteral("Alice Liddell"));
        QVERIFY(profile->avatar);
        QCOMPARE(profile->avatar->toString(), QStringLiteral("mxc://localhost/aliceAvatar"));
        QCOMPARE(server.requestCount("GET", ProfilePath), 1);
        QVERIFY(server.requestLog().last().sentToken);
        QVERIFY(server.requestLog().last().authenticated);
        QVERIFY(!client.isActive());
    }
    void aUserWithoutAProfileHasAnEmptyOne()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.profiles.clear();
        DevServer server(config);
        QVERIFY(server.start());
        Session::Session session = signInOnDevServer(network, server);
        // Someone the server does not know: 404 M_NOT_FOUND.
        session.userId = QStringLiteral("@nobody:localhost");
        Session::ProfileClient client(network);
        std::optional<Result> result;
        client.fetch(session, [&](const Result &r) { result.emplace(r); });
        const Result profile = wait(result);
        QVERIFY(profile);
        QVERIFY(profile->displayName.isEmpty());
        QVERIFY(!profile->avatar);
    }
    void aRevokedTokenIsAnError()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Session::Session session = signInOnDevServer(network, server);
        session.accessToken = QStringLiteral("revoked");
        Session::ProfileClient client(network);
        std::optional<Result> result;
        client.fetch(session, [&](const Result &r) { result.emplace(r); });
        const Result profile = wait(result);
        QVERIFY(!profile);
        QCOMPARE(profile.error().httpStatus, 401);
        QVERIFY(profile.error().is(u"M_UNKNOWN_TOKEN"));
    }
    void aBrokenBodyIsAnError()
    {
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault broken;
        broken.status = 200;
        broken.body = QByteArrayLiteral("{\"displayname\":");
        config.faults.insert(ProfilePath, broken);
        DevServer server(config);
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        Session::ProfileClient client(network);
        std::optional<Result> result;
        client.fetch(session, [&](const Result &r) { result.emplace(r); });
        const Result profile = wait(result);
        QVERIFY(!profile);
        QCOMPARE(profile.error().kind, Matrix::Error::Kind::InvalidResponse);
    }
    void destroyingTheClientCancels()
    {
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault late;
        late.status = 200;
        late.body = QByteArrayLiteral("{}");
        late.latencyMs = 300;
        config.faults.insert(ProfilePath, late);
        DevServer server(config);
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        bool ran = false;
        auto client = std::make_unique<Session::ProfileClient>(network);
        client->fetch(session, [&](const Result &) { ran = true; });
        // The server has the request and answers it in 300 ms; its client goes away first.
        QTRY_COMPARE(server.requestCount("GET", ProfilePath), 1);
        client.reset();
        // A second fetch, answered after the first would have been: by then the first
        // handler would have run, had the cancelled call not dropped it.
        Session::ProfileClient later(network);
        std::optional<Result> result;
        later.fetch(session, [&](const Result &r) { result.emplace(r); });
        QVERIFY(wait(result));
        QCOMPARE(server.requestCount("GET", ProfilePath), 2);
        QVERIFY(!ran);
    }
};

QTEST_GUILESS_MAIN(TestProfileClient)
#include "tst_profileclient.moc"
