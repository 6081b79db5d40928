// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "instancechannel.h"

#include <QLocalSocket>
#include <QStandardPaths>
#include <QTimer>
#include <QVariant>

#include <unistd.h>

namespace {
constexpr qsizetype MaxMessage = 8 * 1024;

QString socketPath()
{
    // Per user: the runtime folder is private (0700); fall back to a name with the uid in it.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    const QString name = QStringLiteral(PORTICO_APP_ID ".instance");
    return runtime.isEmpty() ? name + u'-' + QString::number(getuid()) : runtime + u'/' + name;
}
} // namespace

InstanceChannel::InstanceChannel(QObject *parent)
    : QObject(parent)
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(5000, socket, [socket] { socket->abort(); });
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
                if (buffer.size() > MaxMessage) {
                    socket->abort();
                    return;
                }
                socket->setProperty("buffer", buffer);
                const auto end = buffer.indexOf('\n');
                if (end < 0)
                    return;
                const QString message = QString::fromUtf8(buffer.left(end));
                socket->write("ok\n");
                socket->disconnectFromServer();
                Q_EMIT activationRequested();
                if (message.startsWith(u"open "))
                    Q_EMIT urlReceived(message.mid(5));
            });
        }
    });
}

bool InstanceChannel::handOver(const QString &url)
{
    QLocalSocket socket;
    socket.connectToServer(socketPath());
    if (!socket.waitForConnected(1000))
        return false;
    socket.write(
        (url.isEmpty() ? QStringLiteral("activate") : QStringLiteral("open ") + url).toUtf8()
        + '\n');
    // Wait for the running instance's acknowledgement, so we exit only once it has the link.
    while (!socket.canReadLine())
        if (!socket.waitForReadyRead(3000))
            return false;
    return socket.readLine().startsWith("ok");
}

bool InstanceChannel::listen()
{
    if (m_server.listen(socketPath()))
        return true;
    // A socket left behind by a crashed instance: nobody answered handOver(), so remove it.
    QLocalServer::removeServer(socketPath());
    return m_server.listen(socketPath());
}
