// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbacklistener.h"

#include "matrix/logging.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>

#include <utility>

namespace Portico::Sso {

namespace {
QByteArray page(const QString &title, const QString &message)
{
    return QStringLiteral(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width\"><title>%1</title>"
        "<style>body{font-family:sans-serif;max-width:32em;margin:4em auto;padding:0 1em;"
        "color:#222;background:#fafafa}h1{font-size:1.4em}@media(prefers-color-scheme:dark)"
        "{body{color:#eee;background:#1e1e1e}}</style></head>"
        "<body><h1>%1</h1><p>%2</p></body></html>")
        .arg(title.toHtmlEscaped(), message.toHtmlEscaped())
        .toUtf8();
}

QByteArray response(int status, const QByteArray &reason, const QByteArray &extraHeaders,
    const QByteArray &body, bool keepAlive = false)
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    bytes += extraHeaders;
    bytes += "Content-Type: text/html; charset=utf-8\r\n";
    bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    bytes += "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n";
    bytes += "X-Content-Type-Options: nosniff\r\n";
    bytes += keepAlive ? "\r\n" : "Connection: close\r\n\r\n";
    return bytes + body;
}

// After the callback was accepted: serves the success page the browser was redirected to, on
// the same port, once, for a short while, and then closes. It outlives the listener (the sign-in
// may be over, and the listener deleted, before the browser follows the redirect) and takes no
// callback: everything but the success page is 404.
class SuccessPageServer : public QObject
{
public:
    SuccessPageServer(std::vector<std::unique_ptr<QTcpServer>> servers,
        const QList<QTcpSocket *> &redirected, const CallbackListener *listener,
        const CallbackListener::Limits &limits)
        : QObject(QCoreApplication::instance())
        , m_servers(std::move(servers))
        , m_limits(limits)
    {
        for (const auto &server : m_servers) {
            server->disconnect(listener);
            QTcpServer *raw = server.get();
            connect(raw, &QTcpServer::newConnection, this, [this, raw] {
                while (QTcpSocket *socket = raw->nextPendingConnection())
                    adopt(socket);
            });
        }
        // The browser usually asks on the connection it kept alive after the redirect.
        for (QTcpSocket *socket : redirected) {
            socket->disconnect(listener);
            adopt(socket);
        }
        connect(&m_timeout, &QTimer::timeout, this, &SuccessPageServer::finish);
        m_timeout.setSingleShot(true);
        m_timeout.start(m_limits.successPageTimeout);
    }

private:
    void adopt(QTcpSocket *socket)
    {
        socket->setParent(this);
        socket->setProperty("received", QByteArray());
        if (m_open >= m_limits.maxConnections) {
            socket->abort();
            socket->deleteLater();
            return;
        }
        ++m_open;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            --m_open;
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }

    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray received = socket->property("received").toByteArray();
        received += socket->read(m_limits.maxHeadBytes + 1 - received.size());
        socket->setProperty("received", received);
        const auto head = parseRequestHead(received, m_limits.maxHeadBytes);
        if (!head && head.error() == HeadError::Incomplete)
            return;
        if (head && head->method == "GET" && head->target == CallbackListener::SuccessPath) {
            socket->write(response(200, "OK", {},
                page(CallbackListener::tr("Signed in to Portico"),
                    CallbackListener::tr("Portico has received your sign-in. You can close this "
                                         "tab and return to Portico."))));
            socket->disconnectFromHost();
            finish();
            return;
        }
        socket->write(response(404, "Not Found", {},
            page(CallbackListener::tr("Not found"),
                CallbackListener::tr("There is nothing here."))));
        socket->disconnectFromHost();
    }

    void finish()
    {
        m_timeout.stop();
        for (const auto &server : m_servers)
            server->close();
        // Sockets still writing finish first: they are children, deleted with us a bit later.
        QTimer::singleShot(m_limits.readTimeout, this, &QObject::deleteLater);
    }

    std::vector<std::unique_ptr<QTcpServer>> m_servers;
    CallbackListener::Limits m_limits;
    QTimer m_timeout;
    int m_open = 0;
};
} // namespace

CallbackListener::CallbackListener(QObject *parent)
    : CallbackListener(Limits{}, parent)
{}

CallbackListener::CallbackListener(Limits limits, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
{
    m_attemptTimer.setSingleShot(true);
    connect(&m_attemptTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcSso) << "no callback within" << m_limits.attemptTimeout.count() << "ms";
        stop();
        Q_EMIT timedOut();
    });
}

CallbackListener::~CallbackListener() = default;

bool CallbackListener::start()
{
    stop();
    m_done = false;
    auto v4 = std::make_unique<QTcpServer>();
    // Loopback only: a listener on every interface would take callbacks from the network.
    if (!v4->listen(QHostAddress::LocalHost, 0)) {
        qCWarning(lcSso) << "cannot listen on 127.0.0.1:" << v4->errorString();
        return false;
    }
    m_port = v4->serverPort();
    m_servers.push_back(std::move(v4));
    auto v6 = std::make_unique<QTcpServer>();
    if (v6->listen(QHostAddress::LocalHostIPv6, m_port))
        m_servers.push_back(std::move(v6)); // optional: "localhost" may resolve to ::1
    for (const auto &server : m_servers) {
        server->setMaxPendingConnections(m_limits.maxConnections);
        QTcpServer *raw = server.get();
        connect(raw, &QTcpServer::newConnection, this, [this, raw] { onNewConnection(raw); });
    }
    m_expectedPath = newCallbackPath();
    m_attemptTimer.start(m_limits.attemptTimeout);
    qCDebug(lcSso) << "listening on loopback port" << m_port;
    return true;
}

void CallbackListener::stop()
{
    m_attemptTimer.stop();
    for (const auto &server : m_servers)
        server->close();
    m_servers.clear();
}

bool CallbackListener::isListening() const
{
    return !m_servers.empty();
}

QUrl CallbackListener::redirectUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(QString::fromLatin1(m_expectedPath));
    return url;
}

void CallbackListener::onNewConnection(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        socket->setParent(this);
        // A real cap on what is open at once (the backlog bounds only what waits to be
        // accepted): a client holding many connections cannot make us hold more.
        if (m_openConnections >= m_limits.maxConnections) {
            qCDebug(lcSso) << "too many connections; closing one at once";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_openConnections;
        connect(socket, &QObject::destroyed, this, [this] { --m_openConnections; });
        // Bound what Qt buffers for us: a flood stays in the kernel, not in our memory.
        socket->setReadBufferSize(m_limits.maxHeadBytes + 1);
        // A client that trickles bytes or never finishes its head is cut off.
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, socket, [socket] { socket->abort(); });
        deadline->start(m_limits.readTimeout);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void CallbackListener::onReadyRead(QTcpSocket *socket)
{
    // Read at most one byte past the limit, so a flood never sits in our memory.
    QByteArray received = socket->property("received").toByteArray();
    received += socket->read(m_limits.maxHeadBytes + 1 - received.size());
    socket->setProperty("received", received);
    if (socket->property("answered").toBool())
        return;

    const auto head = parseRequestHead(received, m_limits.maxHeadBytes);
    if (!head) {
        switch (head.error()) {
        case HeadError::Incomplete:
            return;
        case HeadError::TooLarge:
            respond(socket, 431, "Request Header Fields Too Large", tr("Request too large"),
                tr("This request is too large for Portico's sign-in page."));
            return;
        case HeadError::Malformed:
            respond(socket, 400, "Bad Request", tr("Bad request"),
                tr("Portico could not understand this request."));
            return;
        }
    }
    // Refuse requests addressed to another host name (DNS rebinding): the browser was sent to
    // 127.0.0.1, and only a page that talks to us directly would say so.
    const QByteArray port = ':' + QByteArray::number(m_port);
    if (head->host != "127.0.0.1" + port && head->host != "[::1]" + port
        && head->host != "localhost" + port) {
        respond(socket, 400, "Bad Request", tr("Wrong address"),
            tr("This request was not addressed to Portico."));
        Q_EMIT rejected(CallbackVerdict::Kind::NotCallback);
        return;
    }
    if (head->method != "GET") {
        respond(socket, 405, "Method Not Allowed", tr("Not allowed"),
            tr("Portico's sign-in page only answers GET requests."));
        return;
    }

    if (m_judge) {
        judge(socket, head->target);
        return;
    }
    const CallbackVerdict verdict = checkCallbackTarget(head->target, m_expectedPath);
    using Kind = CallbackVerdict::Kind;
    switch (verdict.kind) {
    case Kind::NotCallback:
        respond(socket, 404, "Not Found", tr("Not found"), tr("There is nothing here."));
        return;
    case Kind::WrongNonce:
        respond(socket, 403, "Forbidden", tr("Not this sign-in"),
            tr("This link belongs to another sign-in attempt. Start the sign-in again in "
               "Portico."));
        break;
    case Kind::MissingToken:
    case Kind::EmptyToken:
    case Kind::SeveralTokens:
        respond(socket, 400, "Bad Request", tr("Sign-in incomplete"),
            tr("The server did not hand over a valid sign-in token. Go back to Portico and "
               "try again."));
        break;
    case Kind::Accepted:
        if (m_done)
            return;
        m_done = true;
        redirectToSuccessPage(socket);
        qCInfo(lcSso) << "callback accepted";
        Q_EMIT tokenReceived(verdict.loginToken);
        return;
    }
    qCInfo(lcSso) << "callback refused:" << int(verdict.kind);
    Q_EMIT rejected(verdict.kind);
}

void CallbackListener::judge(QTcpSocket *socket, const QByteArray &target)
{
    QUrl url = QUrl::fromEncoded("http://127.0.0.1" + target, QUrl::StrictMode);
    url.setPort(m_port);
    const QByteArray path = url.path(QUrl::FullyEncoded).toLatin1();
    if (!url.isValid() || path != m_expectedPath) {
        if (url.isValid() && !path.startsWith("/callback/")) {
            respond(socket, 404, "Not Found", tr("Not found"), tr("There is nothing here."));
            return;
        }
        respond(socket, 403, "Forbidden", tr("Not this sign-in"),
            tr("This link belongs to another sign-in attempt. Start the sign-in again in "
               "Portico."));
        Q_EMIT rejected(CallbackVerdict::Kind::WrongNonce);
        return;
    }
    if (m_done) {
        respond(socket, 409, "Conflict", tr("Already done"),
            tr("Portico has already received this sign-in. You can close this tab."));
        return;
    }
    // The owner may end the attempt while judging: it stops this listener and deletes it
    // later, so an answer other than the redirect is written on a socket that no longer dies
    // with the listener.
    const Judgement judgement = m_judge(url);
    if (judgement == Judgement::SignedIn && !m_servers.empty()) {
        qCInfo(lcSso) << "OAuth callback accepted";
        m_done = true;
        redirectToSuccessPage(socket);
        return;
    }
    socket->setParent(nullptr);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(m_limits.readTimeout, socket, &QObject::deleteLater);
    switch (judgement) {
    case Judgement::SignedIn: // and the listener was stopped meanwhile: no success page
        respond(socket, 200, "OK", tr("Signed in to Portico"),
            tr("Portico has received your sign-in. You can close this tab and return to "
               "Portico."));
        return;
    case Judgement::Ended:
        m_done = true;
        respond(socket, 200, "OK", tr("Sign-in not completed"),
            tr("The server did not sign you in. Return to Portico to see why, or to try "
               "again."));
        return;
    case Judgement::Refused:
        respond(socket, 403, "Forbidden", tr("Not this sign-in"),
            tr("This link does not belong to the sign-in Portico is waiting for. Start the "
               "sign-in again in Portico."));
        Q_EMIT rejected(CallbackVerdict::Kind::WrongNonce);
        return;
    }
}

void CallbackListener::redirectToSuccessPage(QTcpSocket *socket)
{
    // 303: the browser asks for the success page with GET, and the address bar and history
    // keep that page's clean address, not the one with the loginToken.
    socket->setProperty("answered", true);
    socket->write(response(303, "See Other",
        QByteArrayLiteral("Location: ") + CallbackListener::SuccessPath + "\r\n",
        page(tr("Signed in to Portico"), tr("Portico has received your sign-in.")),
        /*keepAlive=*/true));
    m_attemptTimer.stop();
    // The ports now serve the success page only, whatever becomes of this listener.
    new SuccessPageServer(std::exchange(m_servers, {}), {socket}, this, m_limits);
}

void CallbackListener::respond(QTcpSocket *socket, int status, const QByteArray &reason,
    const QString &title, const QString &message)
{
    socket->setProperty("answered", true);
    socket->write(response(status, reason, {}, page(title, message)));
    socket->disconnectFromHost();
}

} // namespace Portico::Sso
