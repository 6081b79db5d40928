// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QUrl>

#include <functional>

// A loopback HTTP server that answers each request with whatever raw bytes the test wants:
// broken bodies, odd headers, redirect loops. It records every request head it received.
class CannedServer : public QTcpServer
{
    Q_OBJECT
public:
    // Gets the request head (request line and headers); returns the raw response.
    using Responder = std::function<QByteArray(const QByteArray &head)>;

    explicit CannedServer(Responder responder, QObject *parent = nullptr);
    QUrl url() const;
    QList<QByteArray> heads() const { return m_heads; }
    // The request bodies, one per head.
    QList<QByteArray> bodies() const { return m_bodies; }

    static QByteArray response(int status, const QByteArray &body,
        const QByteArray &contentType = QByteArrayLiteral("application/json"),
        const QByteArray &extraHeaders = {});

private:
    Responder m_responder;
    QList<QByteArray> m_heads;
    QList<QByteArray> m_bodies;
};
