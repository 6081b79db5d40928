// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/httpcall.h"

#include "cannedserver.h"
#include "matrix/portprobe.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
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
    const Call held = startCall(network, request, [&](const auto &r) { result.emplace(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        qFatal("no answer");
    return *result;
}

// A TLS port, canned: whatever arrives gets a TLS alert and the door, as from a TLS server that
// shares no cipher with the client, or is sent a plain-http request.
class CannedTlsServer : public QTcpServer
{
public:
    CannedTlsServer()
    {
        listen(QHostAddress::LocalHost);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    const QByteArray first = socket->readAll();
                    // A ClientHello gets a handshake_failure alert (no cipher in common), a
                    // plain request a protocol_version alert.
                    socket->write(QByteArray::fromHex(
                        first.startsWith('\x16') ? "15030300020228" : "15030300020246"));
                    socket->disconnectFromHost();
                });
            }
        });
    }
    QUrl url(const QString &scheme) const
    {
        return QUrl(scheme + QStringLiteral("://127.0.0.1:") + QString::number(serverPort())
            + QStringLiteral("/_matrix/client/versions"));
    }
};
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
        // Not a certificate problem: the port speaks plain http, and the user is told so.
        QCOMPARE(result.error().kind, Error::Kind::PlainHttpOnTlsPort);
        // A TLS port whose handshake fails stays a TLS error.
        CannedTlsServer tls;
        request.url = tls.url(QStringLiteral("https"));
        const auto broken = call(network, request);
        QVERIFY(!broken);
        QCOMPARE(broken.error().kind, Error::Kind::Tls);
        QVERIFY(broken.error().describe().contains(QStringLiteral("secure connection")));
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
    // Typed "localhost:8008" for a server that speaks plain http: Portico asks with https, the
    // server waits for a request line the ClientHello never ends. Said at once, with the
    // http:// address to use instead (the host is loopback), not after the whole timeout.
    void httpsToAPlainHttpPort()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("device not open")));
        CannedServer server([](const QByteArray &) {
            return CannedServer::response(200, R"({"versions":["v1.11"]})");
        });
        HttpRequest request;
        request.url = QUrl(QStringLiteral("https://127.0.0.1:%1/_matrix/client/versions")
                               .arg(server.url().port()));
        request.timeout = 20s;
        QElapsedTimer clock;
        clock.start();
        const auto result = call(network, request);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::PlainHttpOnTlsPort);
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(result.error().plainHttpUrl,
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.url().port())));
        QVERIFY(result.error().describe().contains(u"does not speak https"));
    }
    // A plain server that answers the ClientHello at once with an HTTP 400 (as many do).
    void httpsToAPlainHttpPortThatAnswers400()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("device not open")));
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        connect(&server, &QTcpServer::newConnection, &server, [&server] {
            while (QTcpSocket *socket = server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    socket->readAll();
                    socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n"
                                  "Connection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
        });
        HttpRequest request;
        request.url = QUrl(QStringLiteral("https://localhost:%1/.well-known/matrix/client")
                               .arg(server.serverPort()));
        const auto result = call(network, request);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::PlainHttpOnTlsPort);
        QCOMPARE(result.error().plainHttpUrl,
            QUrl(QStringLiteral("http://localhost:%1").arg(server.serverPort())));
    }
    // The other way round: http:// typed for a TLS port.
    void httpToATlsPort()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("device not open")));
        CannedTlsServer server;
        HttpRequest request;
        request.url = server.url(QStringLiteral("http"));
        const auto result = call(network, request);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, Error::Kind::TlsOnPlainPort);
        QVERIFY(result.error().describe().contains(u"speaks https"));
    }
    // A TLS port that answers a plain request with an HTTP 400 (nginx does) is still TLS.
    void probeTellsTlsFromPlain()
    {
        QTcpServer nginxLike;
        QVERIFY(nginxLike.listen(QHostAddress::LocalHost));
        connect(&nginxLike, &QTcpServer::newConnection, &nginxLike, [&nginxLike] {
            while (QTcpSocket *socket = nginxLike.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    const QByteArray first = socket->readAll();
                    socket->write(first.startsWith('\x16')
                            ? QByteArray::fromHex("15030300020228")
                            : QByteArray("HTTP/1.1 400 Bad Request\r\n\r\nThe plain HTTP "
                                         "request was sent to HTTPS port"));
                    socket->disconnectFromHost();
                });
        });
        PortProbe probe(QStringLiteral("127.0.0.1"), nginxLike.serverPort(), 5s);
        QSignalSpy finished(&probe, &PortProbe::finished);
        probe.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().value<PortProbe::Speaks>(), PortProbe::Speaks::Tls);
        QVERIFY(looksLikeTls(probeClientHello()));
        QVERIFY(!looksLikeTls("HTTP/1.1 400"));
        QVERIFY(looksLikeHttp("HTTP/1.0 200"));
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
