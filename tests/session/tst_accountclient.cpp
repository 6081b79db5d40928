// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/accountclient.h"

#include "cannedserver.h"
#include "devserver.h"
#include "scriptedbrowser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Portico;

namespace {
// Signs in on the dev server through its SSO pages and returns the session.
Session::Session signIn(QNetworkAccessManager &network, const DevServer &server)
{
    ScriptedBrowser browser;
    QSignalSpy finished(&browser, &ScriptedBrowser::finished);
    browser.open(QUrl(server.baseUrl().toString()
        + QStringLiteral("/_matrix/client/v3/login/sso/redirect/"
                         "github?redirectUrl=http%3A%2F%2F127.0.0.1%3A1%2F")));
    finished.wait();
    const QString token
        = QUrlQuery(browser.visited().last()).queryItemValue(QStringLiteral("loginToken"));
    QNetworkRequest request(
        QUrl(server.baseUrl().toString() + QStringLiteral("/_matrix/client/v3/login")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.post(request,
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.token")},
                          {QStringLiteral("token"), token}})
            .toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait();
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    Session::Session session;
    session.userId = body.value(u"user_id").toString();
    session.deviceId = body.value(u"device_id").toString();
    session.accessToken = body.value(u"access_token").toString();
    session.baseUrl = server.baseUrl();
    return session;
}

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
        const Session::Session session = signIn(network, server);
        QVERIFY(session.isValid());
        Session::AccountClient client(network);

        std::optional<Matrix::Expected<Session::WhoAmI, Matrix::Error>> who;
        client.whoami(session, this, [&](const auto &r) { who.emplace(r); });
        const auto me = wait(who);
        QVERIFY(me);
        QCOMPARE(me->userId, session.userId);
        QCOMPARE(me->deviceId, session.deviceId);
        QVERIFY(server.requestLog().last().authenticated);

        std::optional<Matrix::Expected<bool, Matrix::Error>> out;
        client.logout(session, this, [&](const auto &r) { out.emplace(r); });
        QVERIFY(wait(out));
        QVERIFY(!server.isAccessTokenValid(session.accessToken));

        who.reset();
        client.whoami(session, this, [&](const auto &r) { who.emplace(r); });
        const auto gone = wait(who);
        QVERIFY(!gone);
        QVERIFY(gone.error().is(u"M_UNKNOWN_TOKEN"));
        QVERIFY(!gone.error().softLogout);
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
        Session::AccountClient(network).whoami(
            session, this, [&](const auto &r) { who.emplace(r); });
        QVERIFY(!wait(who));
        QCOMPARE(other.heads().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAccountClient)
#include "tst_accountclient.moc"
