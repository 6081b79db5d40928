// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sso/callbacklistener.h"

#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Portico::Sso;
using namespace std::chrono_literals;
using Kind = CallbackVerdict::Kind;

namespace {
// True once `answer` holds a whole HTTP response (head and Content-Length body).
bool wholeResponse(const QByteArray &answer)
{
    const qsizetype end = answer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QByteArray head = answer.left(end).toLower();
    const qsizetype at = head.indexOf("\r\ncontent-length:");
    if (at < 0)
        return false;
    const qsizetype lineEnd = head.indexOf("\r\n", at + 2);
    const qsizetype length
        = head.mid(at + 17, lineEnd < 0 ? -1 : lineEnd - at - 17).trimmed().toLongLong();
    return answer.size() >= end + 4 + length;
}

// Sends raw bytes on `socket` and returns what the listener answered: everything until it closed
// the connection, or one whole response when it keeps the connection alive.
QByteArray exchangeOn(QTcpSocket &socket, const QByteArray &raw)
{
    socket.write(raw);
    QByteArray answer;
    const bool done = QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState
                || (wholeResponse(answer) && !answer.contains("Connection: close"));
        },
        10000);
    if (!done)
        return QByteArrayLiteral("<still open>");
    return answer + socket.readAll();
}

// Sends raw bytes on a real loopback socket and returns everything the listener answered.
QByteArray exchange(const QUrl &redirect, const QByteArray &raw,
    const QHostAddress &address = QHostAddress::LocalHost)
{
    QTcpSocket socket;
    socket.connectToHost(address, quint16(redirect.port()));
    if (!socket.waitForConnected(5000))
        return QByteArrayLiteral("<refused>");
    return exchangeOn(socket, raw);
}

QByteArray get(const QUrl &redirect, const QByteArray &target, const QByteArray &host = {})
{
    const QByteArray hostHeader
        = host.isEmpty() ? "127.0.0.1:" + QByteArray::number(redirect.port()) : host;
    return exchange(redirect,
        "GET " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: test\r\n\r\n");
}

QByteArray callbackTarget(const QUrl &redirect, const QByteArray &query)
{
    return redirect.path(QUrl::FullyEncoded).toLatin1() + query;
}

// The answer to an accepted callback: a redirect to the clean success page.
const QByteArray Accepted = "HTTP/1.1 303 See Other";

// Cases this machine cannot run (no IPv6 loopback, no non-loopback address): each is said out
// loud, counted, and fails unless PORTICO_ALLOW_MISSING_NETWORK_CASES=1 says that is expected.
QStringList notRun;
bool cannotRunHere(const QString &why)
{
    notRun.append(QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(": ") + why);
    qWarning("NOT RUN on this machine: %s: %s", QTest::currentTestFunction(), qPrintable(why));
    return qEnvironmentVariableIntValue("PORTICO_ALLOW_MISSING_NETWORK_CASES") == 1;
}
} // namespace

class TestCallbackListener : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanupTestCase()
    {
        qInfo("network cases not run on this machine: %d%s%s", int(notRun.size()),
            notRun.isEmpty() ? "" : ": ", qPrintable(notRun.join(u"; ")));
    }
    void redirectUrlShape()
    {
        CallbackListener a, b;
        QVERIFY(a.start());
        QVERIFY(b.start());
        const QUrl url = a.redirectUrl();
        QCOMPARE(url.scheme(), QStringLiteral("http"));
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);
        QVERIFY(url.path().startsWith(QStringLiteral("/callback/")));
        QCOMPARE(url.path().size(), 10 + 43); // 256-bit nonce, base64url
        QVERIFY(a.redirectUrl().path() != b.redirectUrl().path());
        QVERIFY(a.redirectUrl().port() != b.redirectUrl().port());
    }
    void acceptsOneValidCallback()
    {
        CallbackListener listener;
        QVERIFY(listener.start());
        QSignalSpy tokens(&listener, &CallbackListener::tokenReceived);
        const QUrl url = listener.redirectUrl();
        QTcpSocket browser;
        browser.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        QVERIFY(browser.waitForConnected(5000));
        const QByteArray host
            = "\r\nHost: 127.0.0.1:" + QByteArray::number(url.port()) + "\r\n\r\n";
        const QByteArray answer = exchangeOn(
            browser, "GET " + callbackTarget(url, "?loginToken=tok%2B1") + " HTTP/1.1" + host);
        // A redirect to a clean page: the loginToken stays in neither address bar nor history.
        QVERIFY2(answer.startsWith(Accepted), answer.constData());
        QVERIFY(answer.contains("\r\nLocation: /signed-in\r\n"));
        QVERIFY(!answer.contains("tok"));
        QVERIFY(answer.contains("Referrer-Policy: no-referrer"));
        QVERIFY(answer.contains("Cache-Control: no-store"));
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.first().first().toString(), QStringLiteral("tok+1"));
        QVERIFY(!listener.isListening());
        // The browser follows on the connection it kept.
        const QByteArray success = exchangeOn(browser, "GET /signed-in HTTP/1.1" + host);
        QVERIFY2(success.startsWith("HTTP/1.1 200 OK"), success.constData());
        QVERIFY(success.contains("Content-Type: text/html; charset=utf-8"));
        QVERIFY(success.contains("close this tab"));
    }
    void successPageOutlivesTheListenerOnANewConnection()
    {
        auto listener = std::make_unique<CallbackListener>();
        QVERIFY(listener->start());
        const QUrl url = listener->redirectUrl();
        QVERIFY(get(url, callbackTarget(url, "?loginToken=t")).startsWith(Accepted));
        listener.reset(); // the sign-in went on and dropped its listener
        QVERIFY(get(url, "/favicon.ico").startsWith("HTTP/1.1 404"));
        const QByteArray success = get(url, "/signed-in");
        QVERIFY2(success.startsWith("HTTP/1.1 200 OK"), success.constData());
        QVERIFY(success.contains("close this tab"));
        // Served once; then the port is closed.
        QTRY_COMPARE_WITH_TIMEOUT(get(url, "/signed-in"), QByteArray("<refused>"), 15000);
    }
    void replayAfterSuccessIsRefused()
    {
        CallbackListener listener;
        QVERIFY(listener.start());
        QSignalSpy tokens(&listener, &CallbackListener::tokenReceived);
        const QByteArray target = callbackTarget(listener.redirectUrl(), "?loginToken=once");
        QVERIFY(get(listener.redirectUrl(), target).startsWith(Accepted));
        QVERIFY(get(listener.redirectUrl(), target).startsWith("HTTP/1.1 404"));
        QCOMPARE(tokens.size(), 1);
    }
    void refusals_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<bool>("wrongNonce");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("wrong nonce")
            << QByteArray("?loginToken=t") << true << QByteArray("403") << int(Kind::WrongNonce);
        QTest::newRow("no token") << QByteArray("") << false << QByteArray("400")
                                  << int(Kind::MissingToken);
        QTest::newRow("empty token")
            << QByteArray("?loginToken=") << false << QByteArray("400") << int(Kind::EmptyToken);
        QTest::newRow("several tokens") << QByteArray("?loginToken=a&loginToken=b") << false
                                        << QByteArray("400") << int(Kind::SeveralTokens);
    }
    void refusals()
    {
        QFETCH(QByteArray, query);
        QFETCH(bool, wrongNonce);
        QFETCH(QByteArray, status);
        QFETCH(int, kind);
        CallbackListener listener;
        QVERIFY(listener.start());
        QSignalSpy tokens(&listener, &CallbackListener::tokenReceived);
        QSignalSpy rejected(&listener, &CallbackListener::rejected);
        const QByteArray target = wrongNonce
            ? QByteArray("/callback/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") + query
            : callbackTarget(listener.redirectUrl(), query);
        const QByteArray answer = get(listener.redirectUrl(), target);
        QVERIFY2(answer.startsWith("HTTP/1.1 " + status), answer.constData());
        QVERIFY(answer.contains("<html"));
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.first().first().value<Kind>(), Kind(kind));
        // The attempt goes on: the real callback still works.
        QVERIFY(listener.isListening());
        QVERIFY(
            get(listener.redirectUrl(), callbackTarget(listener.redirectUrl(), "?loginToken=good"))
                .startsWith(Accepted));
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.first().first().toString(), QStringLiteral("good"));
    }
    void otherPathsGet404AndChangeNothing()
    {
        CallbackListener listener;
        QVERIFY(listener.start());
        QSignalSpy rejected(&listener, &CallbackListener::rejected);
        for (const QByteArray &target :
            {QByteArray("/favicon.ico"), QByteArray("/"), QByteArray("/robots.txt?x=1")})
            QVERIFY(get(listener.redirectUrl(), target).startsWith("HTTP/1.1 404"));
        QCOMPARE(rejected.size(), 0);
        QVERIFY(listener.isListening());
    }
    void otherMethodsAreRefused()
    {
        CallbackListener listener;
        QVERIFY(listener.start());
        QSignalSpy tokens(&listener, &CallbackListener::tokenReceived);
        const QUrl url = listener.redirectUrl();
        const QByteArray answer = exchange(url,
            "POST " + callbackTarget(url, "?loginToken=t") + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + QByteArray::number(url.port()) + "\r\nContent-Length: 0\r\n\r\n");
        QVERIFY(answer.startsWith("HTTP/1.1 405"));
        QCOMPARE(tokens.size(), 0);
    }
    void foreignHostHeaderIsRefused()
    {
        // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends Host: evil.example.
        CallbackListener listener;
        QVERIFY(listener.start());
        QSignalSpy tokens(&listener, &CallbackListener::tokenReceived);
        const QByteArray target = callbackTarget(listener.redirectUrl(), "?loginToken=t");
        QVERIFY(get(listener.redirectUrl(), target,
            "evil.example:" + QByteArray::number(listener.redirectUrl().port()))
                    .startsWith("HTTP/1.1 400"));
        QVERIFY(get(listener.redirectUrl(), target, "127.0.0.1:1").startsWith("HTTP/1.1 400"));
        QCOMPARE(tokens.size(), 0);
        // localhost is how some browsers say it.
        QVERIFY(get(listener.redirectUrl(), target,
            "localhost:" + QByteArray::number(listener.redirectUrl().port()))
                    .startsWith(Accepted));
    }
    void oversizedHeadIsCutOff()
    {
        CallbackListener listener;
        QVERIFY(listener.start());
        const QUrl url = listener.redirectUrl();
        const QByteArray huge = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: "
            + QByteArray(1024 * 1024, 'a') + "\r\n\r\n";
        const QByteArray answer = exchange(url, huge);
        QVERIFY2(
            answer.startsWith("HTTP/1.1 431") || answer.isEmpty(), answer.left(40).constData());
        QVERIFY(get(url, callbackTarget(url, "?loginToken=t")).startsWith(Accepted));
    }
    void garbageIsRefused()
    {
        CallbackListener listener;
        QVERIFY(listener.start());
        // A TLS ClientHello sent to our plain-http port.
        QVERIFY(exchange(listener.redirectUrl(), QByteArray::fromHex("160301020001") + "\r\n\r\n")
                    .startsWith("HTTP/1.1 400"));
        QVERIFY(listener.isListening());
    }
    void tricklingClientDoesNotBlock()
    {
        CallbackListener::Limits limits;
        limits.readTimeout = 500ms;
        CallbackListener listener(limits);
        QVERIFY(listener.start());
        const QUrl url = listener.redirectUrl();
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        QVERIFY(slow.waitForConnected(5000));
        slow.write("GET /callback/");
        // Meanwhile the real callback is served at once...
        QVERIFY(get(url, callbackTarget(url, "?loginToken=t")).startsWith(Accepted));
        // ...and the trickler is cut off by the read deadline.
        QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 5000);
    }
    void manyConcurrentConnections()
    {
        CallbackListener::Limits limits;
        limits.maxConnections = 4;
        limits.readTimeout = std::chrono::minutes(5); // what closes them below is the cap alone
        CallbackListener listener(limits);
        QVERIFY(listener.start());
        const QUrl url = listener.redirectUrl();
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 12; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, quint16(url.port()));
            QVERIFY(idle.back()->waitForConnected(5000));
            idle.back()->write("GET /favicon.ico HTTP/1.1\r\n");
        }
        // Those over the cap are closed at once, without an answer; the first four stay open.
        for (int i = 4; i < 12; ++i)
            QTRY_COMPARE_WITH_TIMEOUT(idle[i]->state(), QAbstractSocket::UnconnectedState, 15000);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(idle[i]->state(), QAbstractSocket::ConnectedState);
            QVERIFY(idle[i]->readAll().isEmpty());
        }
        // A freed place takes the real callback.
        idle[0]->abort();
        QTRY_VERIFY_WITH_TIMEOUT(get(url, "/favicon.ico").startsWith("HTTP/1.1 404"), 15000);
        QVERIFY(get(url, callbackTarget(url, "?loginToken=t")).startsWith(Accepted));
    }
    void listensOnLoopbackOnly()
    {
        CallbackListener listener;
        QVERIFY(listener.start());
        QHostAddress external;
        for (const QHostAddress &address : QNetworkInterface::allAddresses())
            if (!address.isLoopback() && address.protocol() == QAbstractSocket::IPv4Protocol)
                external = address;
        if (external.isNull()) {
            QVERIFY2(cannotRunHere(QStringLiteral("this machine has no non-loopback IPv4 address")),
                "this machine has no non-loopback IPv4 address, so the case cannot run");
            return;
        }
        QCOMPARE(exchange(listener.redirectUrl(), "GET / HTTP/1.1\r\n\r\n", external),
            QByteArray("<refused>"));
    }
    void servesIpv6LoopbackWhenAvailable()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHostIPv6, 0)) {
            QVERIFY2(cannotRunHere(QStringLiteral("no IPv6 loopback here")),
                "no IPv6 loopback here, so the case cannot run");
            return;
        }
        probe.close();
        CallbackListener listener;
        QVERIFY(listener.start());
        const QUrl url = listener.redirectUrl();
        const QByteArray answer = exchange(url,
            "GET " + callbackTarget(url, "?loginToken=v6")
                + " HTTP/1.1\r\nHost: [::1]:" + QByteArray::number(url.port()) + "\r\n\r\n",
            QHostAddress::LocalHostIPv6);
        QVERIFY(answer.startsWith(Accepted));
    }
    void timesOut()
    {
        CallbackListener::Limits limits;
        limits.attemptTimeout = 200ms;
        CallbackListener listener(limits);
        QVERIFY(listener.start());
        QSignalSpy timedOut(&listener, &CallbackListener::timedOut);
        QVERIFY(timedOut.wait(5000));
        QVERIFY(!listener.isListening());
        QCOMPARE(
            get(listener.redirectUrl(), callbackTarget(listener.redirectUrl(), "?loginToken=late")),
            QByteArray("<refused>"));
    }
    void stopClosesThePort()
    {
        CallbackListener listener;
        QVERIFY(listener.start());
        const QUrl url = listener.redirectUrl();
        listener.stop();
        QCOMPARE(get(url, callbackTarget(url, "?loginToken=t")), QByteArray("<refused>"));
    }
};

QTEST_GUILESS_MAIN(TestCallbackListener)
#include "tst_callbacklistener.moc"
