// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbacklistener.h"

#include "matrix/logging.h"

#include <QTcpServer>
#include <QTcpSocket>

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
        respond(socket, 200, "OK", tr("Signed in to Portico"),
            tr("Portico has received your sign-in. You can close this tab and return to "
               "Portico."));
        stop();
        qCInfo(lcSso) << "callback accepted";
        Q_EMIT tokenReceived(verdict.loginToken);
        return;
    }
    qCInfo(lcSso) << "callback refused:" << int(verdict.kind);
    Q_EMIT rejected(verdict.kind);
}

void CallbackListener::respond(QTcpSocket *socket, int status, const QByteArray &reason,
    const QString &title, const QString &message)
{
    socket->setProperty("answered", true);
    const QByteArray body = page(title, message);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    response += "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n";
    response += "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
    socket->write(response + body);
    socket->disconnectFromHost();
}

} // namespace Portico::Sso
