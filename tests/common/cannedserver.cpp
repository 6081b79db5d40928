// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cannedserver.h"

#include <QTcpSocket>

CannedServer::CannedServer(Responder responder, QObject *parent)
    : QTcpServer(parent)
    , m_responder(std::move(responder))
{
    listen(QHostAddress::LocalHost, 0);
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
                socket->setProperty("buffer", buffer);
                const auto end = buffer.indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = buffer.left(end);
                // Wait for a body announced by Content-Length, so POSTs are read whole.
                const auto lengthAt = head.toLower().indexOf("content-length:");
                int length = 0;
                if (lengthAt >= 0) {
                    const auto lineEnd = head.indexOf('\r', lengthAt);
                    length = head.mid(lengthAt + 15, lineEnd < 0 ? -1 : lineEnd - lengthAt - 15)
                                 .trimmed()
                                 .toInt();
                    if (buffer.size() < end + 4 + length)
                        return;
                }
                socket->setProperty("buffer", QByteArray());
                m_heads.append(head);
                m_bodies.append(buffer.mid(end + 4, length));
                socket->write(m_responder(head));
                socket->disconnectFromHost();
            });
        }
    });
}

QUrl CannedServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort()));
}

QByteArray CannedServer::response(int status, const QByteArray &body, const QByteArray &contentType,
    const QByteArray &extraHeaders)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n"
        + extraHeaders + "\r\n" + body;
}
