// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <chrono>

class QTcpSocket;

namespace Portico::Matrix {

// The first bytes a server answered with: a TLS record (handshake or alert), or an HTTP status
// line. Pure.
bool looksLikeTls(const QByteArray &firstBytes);
bool looksLikeHttp(const QByteArray &firstBytes);
// A TLS 1.2 ClientHello any TLS server answers, with a ServerHello or an alert. Pure.
QByteArray probeClientHello();

// What a port speaks, when a request to it failed in a way that suggests the wrong one (a TLS
// handshake that fails or never ends, a plain-http answer that is not HTTP): asks it both ways at
// once, a ClientHello on one connection and a plain HEAD on another, and reads the first bytes.
// Plain http only when the HEAD gets an HTTP answer and the ClientHello gets none that is TLS (a
// TLS server such as nginx answers a plain request with an HTTP 400 too). Sends nothing else.
class PortProbe : public QObject
{
    Q_OBJECT
public:
    enum class Speaks { Unknown, Tls, PlainHttp };
    Q_ENUM(Speaks)

    PortProbe(const QString &host, quint16 port, std::chrono::milliseconds timeout,
        QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    // Once.
    void finished(Portico::Matrix::PortProbe::Speaks speaks);

private:
    void decide(bool final);
    void finish(Speaks speaks);

    QString m_host;
    quint16 m_port;
    QTcpSocket *m_tls = nullptr;
    QTcpSocket *m_plain = nullptr;
    QByteArray m_tlsAnswer;
    QByteArray m_plainAnswer;
    bool m_tlsOver = false; // closed or failed
    QTimer m_deadline;
    bool m_done = false;
};

} // namespace Portico::Matrix
