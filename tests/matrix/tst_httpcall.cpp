// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/httpcall.h"

#include "cannedserver.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Portico::Matrix;
using namespace std::chrono_literals;

namespace {
// Sends and waits for the handler through the event loop (no sleeps).
Expected<HttpResponse, Error> call(QNetworkAccessManager &network, const HttpRequest &request)
{
    std::optional<Expected<HttpResponse, Error>> result;
    QObject context;
    sendRequest(network, request, &context, [&](const auto &r) { result.emplace(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qFatal("no answer");
    return *result;
}
} // namespace

class TestHttpCall : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void success()
    {
        CannedServer server(
            [](const QByteArray &) { return CannedServer::response(200, R"({"ok":true})"); });
        HttpRequest request;
        request.url = server.url();
        const auto result = call(network, request);
        QVERIFY(result);
        QCOMPARE(result->status, 200);
        QCOMPARE(jsonObject(result.value())->value(u"ok").toBool(), true);
    }
    void postSendsJsonAndBearer()
    {
        CannedServer server([](const QByteArray &) { return CannedServer::response(200, "{}"); });
        HttpRequest request;
        request.verb = "POST";
        request.url = server.url();
        request.json = {{QStringLiteral("type"), QStringLiteral("m.login.token")}};
        request.accessToken = QStringLiteral("secret");
        QVERIFY(call(network, request));
        const QByteArray head = server.heads().value(0);
        QVERIFY(head.startsWith("POST / HTTP/1.1"));
        QVERIFY(head.contains("Authorization: Bearer secret"));
        QVERIFY(head.toLower().contains("content-type: application/json"));
    }
    void postSendsAForm()
    {
        CannedServer server([](const QByteArray &) { return CannedServer::response(200, "{}"); });
        HttpRequest request;
        request.verb = "POST";
        request.url = server.url();
        request.json = {{QStringLiteral("ignored"), true}};
        request.form = {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("code"), QStringLiteral("a+b&c=d e/é")}};
        QVERIFY(call(network, request));
        QVERIFY(server.heads().value(0).toLower().contains(
            "content-type: application/x-www-form-urlencoded"));
        QCOMPARE(server.bodies().value(0),
            QByteArray("grant_type=authorization_code&code=a%2Bb%26c%3Dd%20e%2F%C3%A9"));
    }
    void plainHttpToRemoteIsRefusedBeforeSending()
    {
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://matrix.example.org/_matrix/client/versions"));
        const auto result = call(network, request);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::InsecureUrl);
        request.url = QUrl(QStringLiteral("ftp://127.0.0.1/"));
        QCOMPARE(call(network, request).error().kind, Error::Kind::InsecureUrl);
    }
    void matrixError()
    {
        CannedServer server([](const QByteArray &) {
            return CannedServer::response(403, R"({"errcode":"M_FORBIDDEN","error":"no"})");
        });
        HttpRequest request;
        request.url = server.url();
        const auto result = call(network, request);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::Matrix);
        QCOMPARE(result.error().errcode, QStringLiteral("M_FORBIDDEN"));
        QCOMPARE(result.error().httpStatus, 403);
    }
    void rateLimitedWithHeader()
    {
        CannedServer server([](const QByteArray &) {
            return CannedServer::response(
                429, R"({"errcode":"M_LIMIT_EXCEEDED"})", "application/json", "Retry-After: 3\r\n");
        });
        HttpRequest request;
        request.url = server.url();
        request.rateLimitRetries = 0;
        const auto result = call(network, request);
        QCOMPARE(result.error().kind, Error::Kind::RateLimited);
        QCOMPARE(result.error().retryAfter, std::optional(3000ms));
    }
    void rateLimitIsRetriedWithinABound()
    {
        int hits = 0;
        CannedServer server([&hits](const QByteArray &) {
            return ++hits == 1 ? CannedServer::response(429, R"({"errcode":"M_LIMIT_EXCEEDED"})",
                       "application/json", "Retry-After: 0\r\n")
                               : CannedServer::response(200, "{}");
        });
        HttpRequest request;
        request.url = server.url();
        QVERIFY(call(network, request));
        QCOMPARE(hits, 2);
    }
    void longRateLimitIsNotWaitedFor()
    {
        CannedServer server([](const QByteArray &) {
            return CannedServer::response(429, "Too many", "text/plain", "Retry-After: 3600\r\n");
        });
        HttpRequest request;
        request.url = server.url();
        const auto result = call(network, request);
        QCOMPARE(result.error().kind, Error::Kind::RateLimited);
        QCOMPARE(server.heads().size(), 1);
    }
    void bodyOverTheLimitIsCutOff()
    {
        CannedServer server([](const QByteArray &) {
            return CannedServer::response(200, QByteArray(300 * 1024, 'x'));
        });
        HttpRequest request;
        request.url = server.url();
        request.maxBodyBytes = 64 * 1024;
        const auto result = call(network, request);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::TooLarge);
    }
    void redirectLoopIsAnError()
    {
        CannedServer server([](const QByteArray &) {
            return CannedServer::response(302, {}, "text/plain", "Location: /again\r\n");
        });
        HttpRequest request;
        request.url = server.url();
        const auto result = call(network, request);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::Network);
        QVERIFY(result.error().detail.contains(QStringLiteral("redirect")));
        QCOMPARE(server.heads().size(), request.maxRedirects + 1);
    }
    void connectionRefused()
    {
        quint16 port;
        {
            QTcpServer closed;
            closed.listen(QHostAddress::LocalHost, 0);
            port = closed.serverPort();
        }
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        QCOMPARE(call(network, request).error().kind, Error::Kind::ConnectionRefused);
    }
    void timeout()
    {
        QTcpServer silent; // accepts, never answers
        silent.listen(QHostAddress::LocalHost, 0);
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort()));
        request.timeout = 300ms;
        const auto result = call(network, request);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::Timeout);
    }
    void tlsFailureIsTyped()
    {
        // https to a plain-http port: the handshake fails, as with a broken certificate setup.
        QTcpServer plain; // answers plain HTTP to whatever arrives, a TLS ClientHello included
        plain.listen(QHostAddress::LocalHost, 0);
        connect(&plain, &QTcpServer::newConnection, this, [&plain] {
            QTcpSocket *socket = plain.nextPendingConnection();
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        });
        HttpRequest request;
        request.url = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(plain.serverPort()));
        const auto result = call(network, request);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::Tls);
        QVERIFY(result.error().describe().contains(QStringLiteral("secure connection")));
    }
    void abortGivesCancelled()
    {
        QTcpServer silent;
        silent.listen(QHostAddress::LocalHost, 0);
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort()));
        std::optional<Expected<HttpResponse, Error>> result;
        QObject context;
        auto reply
            = sendRequest(network, request, &context, [&](const auto &r) { result.emplace(r); });
        QVERIFY(reply);
        reply->abort();
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        QCOMPARE(result->error().kind, Error::Kind::Cancelled);
    }
    // A cancelled Call drops its planned 429 retry too: only the other call's retry arrives.
    // Both wait the same second, and the cancelled one would have been sent first.
    void cancelledCallDropsItsPlannedRetry()
    {
        int hits = 0;
        CannedServer server([&hits](const QByteArray &) {
            return ++hits <= 2 ? CannedServer::response(429, R"({"errcode":"M_LIMIT_EXCEEDED"})",
                       "application/json", "Retry-After: 1\r\n")
                               : CannedServer::response(200, "{}");
        });
        HttpRequest a;
        a.url = server.url().resolved(QUrl(QStringLiteral("/a")));
        bool aAnswered = false;
        Call callA = startCall(network, a, [&](const auto &) { aAnswered = true; });
        QTRY_COMPARE_WITH_TIMEOUT(hits, 1, 15000);
        HttpRequest b;
        b.url = server.url().resolved(QUrl(QStringLiteral("/b")));
        std::optional<Expected<HttpResponse, Error>> resultB;
        Call callB = startCall(network, b, [&](const auto &r) { resultB.emplace(r); });
        QTRY_COMPARE_WITH_TIMEOUT(hits, 2, 15000);
        QVERIFY(callA.isActive());
        callA.cancel();
        QVERIFY(!callA.isActive());
        QTRY_VERIFY_WITH_TIMEOUT(resultB.has_value(), 15000);
        QVERIFY(resultB->hasValue());
        QVERIFY(!callB.isActive());
        QCOMPARE(server.heads().size(), 3);
        QVERIFY(server.heads().at(0).startsWith("GET /a "));
        QVERIFY(server.heads().at(1).startsWith("GET /b "));
        QVERIFY(server.heads().at(2).startsWith("GET /b "));
        QVERIFY(!aAnswered);
    }
    // Destroying the handle aborts the request in flight, and its handler never runs.
    void destroyedCallNeverAnswers()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort()));
        bool answered = false;
        QTcpSocket *accepted = nullptr;
        {
            Call pending = startCall(network, request, [&](const auto &) { answered = true; });
            QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 15000);
            accepted = silent.nextPendingConnection();
        }
        QTRY_COMPARE_WITH_TIMEOUT(accepted->state(), QAbstractSocket::UnconnectedState, 15000);
        // A later call completes through the same event loop: the dropped one stayed silent.
        CannedServer server([](const QByteArray &) { return CannedServer::response(200, "{}"); });
        request.url = server.url();
        QVERIFY(call(network, request));
        QVERIFY(!answered);
    }
    // A refused request is answered later, never from inside startCall().
    void refusedCallAnswersLater()
    {
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://matrix.example.org/"));
        std::optional<Expected<HttpResponse, Error>> result;
        Call pending = startCall(network, request, [&](const auto &r) { result.emplace(r); });
        QVERIFY(!result.has_value());
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000);
        QCOMPARE(result->error().kind, Error::Kind::InsecureUrl);
        QVERIFY(!pending.isActive());
    }
    void nonJsonSuccessBody()
    {
        HttpResponse response{200, "<html>", "text/html", {}};
        QCOMPARE(jsonObject(response).error().kind, Error::Kind::NotJson);
        response.body = "[1]";
        QCOMPARE(jsonObject(response).error().kind, Error::Kind::NotJson);
    }
};

QTEST_GUILESS_MAIN(TestHttpCall)
#include "tst_httpcall.moc"
