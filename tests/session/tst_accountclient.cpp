// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/accountclient.h"

#include "cancelcheck.h"
#include "cannedserver.h"
#include "devserver.h"
#include "devsession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Portico;

namespace {
template<typename T> T wait(std::optional<T> &result)
{
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qFatal("no answer");
    return *result;
}
} // namespace

class TestAccountClient : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void whoamiAndLogout()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        QVERIFY(session.isValid());
        Session::AccountClient client(network);

        std::optional<Matrix::Expected<Session::WhoAmI, Matrix::Error>> who;
        Matrix::Call call = client.whoami(session, [&](const auto &r) { who.emplace(r); });
        const auto me = wait(who);
        QVERIFY(me);
        QCOMPARE(me->userId, session.userId);
        QCOMPARE(me->deviceId, session.deviceId);
        QVERIFY(server.requestLog().last().authenticated);

        std::optional<Matrix::Expected<bool, Matrix::Error>> out;
        call = client.logout(session, [&](const auto &r) { out.emplace(r); });
        QVERIFY(wait(out));
        QVERIFY(!server.isAccessTokenValid(session.accessToken));

        who.reset();
        call = client.whoami(session, [&](const auto &r) { who.emplace(r); });
        const auto gone = wait(who);
        QVERIFY(!gone);
        QVERIFY(gone.error().is(u"M_UNKNOWN_TOKEN"));
        QVERIFY(!gone.error().softLogout);
    }
    void destroyedCallNeverAnswersNorRetries_data()
    {
        addCancelRows({QStringLiteral("/_matrix/client/v3/account/whoami")});
    }
    // Destroying the returned Call ends the request, planned 429 retry included.
    void destroyedCallNeverAnswersNorRetries()
    {
        QFETCH(QString, path);
        QFETCH(int, when);
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        bool answered = false;
        std::optional<Matrix::Call> call;
        const int after = requestsAfterCancel(
            network, server, path, CancelWhen(when),
            [&] {
                call = Session::AccountClient(network).whoami(
                    session, [&](const auto &) { answered = true; });
            },
            [&] { call.reset(); });
        QCOMPARE(after, 0);
        QVERIFY(!answered);
    }
    void tokenIsNotCarriedAcrossRedirects()
    {
        CannedServer other([](const QByteArray &) {
            return CannedServer::response(200, R"({"user_id":"@x:y"})");
        });
        CannedServer redirecting([&other](const QByteArray &) {
            return CannedServer::response(
                307, {}, "text/plain", "Location: " + other.url().toEncoded() + "/steal\r\n");
        });
        Session::Session session;
        session.userId = QStringLiteral("@a:b");
        session.deviceId = QStringLiteral("D");
        session.accessToken = QStringLiteral("tok");
        session.baseUrl = redirecting.url();
        std::optional<Matrix::Expected<Session::WhoAmI, Matrix::Error>> who;
        const Matrix::Call call = Session::AccountClient(network).whoami(
            session, [&](const auto &r) { who.emplace(r); });
        QVERIFY(!wait(who));
        QCOMPARE(other.heads().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAccountClient)
#include "tst_accountclient.moc"
