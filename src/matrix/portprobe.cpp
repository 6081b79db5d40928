// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "portprobe.h"

#include "logging.h"

#include <QTcpSocket>

namespace Portico::Matrix {

namespace {
constexpr qsizetype Enough = 5; // a TLS record header, or "HTTP/"

QByteArray bigEndian(qsizetype value, int bytes)
{
    QByteArray out;
    for (int i = bytes - 1; i >= 0; --i)
        out.append(char((value >> (8 * i)) & 0xFF));
    return out;
}
} // namespace

bool looksLikeTls(const QByteArray &firstBytes)
{
    // ContentType handshake (22) or alert (21), then a protocol version 3.x (SSL 3 to TLS 1.3).
    return firstBytes.size() >= 3 && (firstBytes[0] == 0x16 || firstBytes[0] == 0x15)
        && firstBytes[1] == 0x03 && quint8(firstBytes[2]) <= 0x04;
}

bool looksLikeHttp(const QByteArray &firstBytes)
{
    return firstBytes.startsWith("HTTP/");
}

QByteArray probeClientHello()
{
    QByteArray hello = QByteArray::fromHex("0303"); // TLS 1.2
    hello += QByteArray(32, '\x2a'); // "random": nothing is negotiated with it
    hello += '\0'; // no session ID
    // ECDHE-RSA/ECDSA with AES-GCM: what a TLS 1.2 server offers.
    hello += QByteArray::fromHex("0008c02fc030c02bc02c");
    hello += QByteArray::fromHex("0100"); // no compression
    const QByteArray extensions = QByteArray::fromHex(
        "000a00040002001d" // supported_groups: x25519
        "000b00020100" // ec_point_formats: uncompressed
        "000d0006000404010403"); // signature_algorithms: rsa_pkcs1_sha256, ecdsa_sha256
    hello += bigEndian(extensions.size(), 2) + extensions;
    const QByteArray handshake = '\x01' + bigEndian(hello.size(), 3) + hello;
    return QByteArray::fromHex("160301") + bigEndian(handshake.size(), 2) + handshake;
}

PortProbe::PortProbe(
    const QString &host, quint16 port, std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_port(port)
{
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(timeout);
    connect(&m_deadline, &QTimer::timeout, this, [this] { decide(true); });
}

void PortProbe::start()
{
    m_tls = new QTcpSocket(this);
    m_plain = new QTcpSocket(this);
    connect(m_tls, &QTcpSocket::connected, m_tls, [this] { m_tls->write(probeClientHello()); });
    connect(m_plain, &QTcpSocket::connected, m_plain,
        [this] { m_plain->write("HEAD / HTTP/1.0\r\nHost: " + m_host.toUtf8() + "\r\n\r\n"); });
    connect(m_tls, &QTcpSocket::readyRead, this, [this] {
        m_tlsAnswer += m_tls->read(Enough - m_tlsAnswer.size());
        decide(false);
    });
    connect(m_plain, &QTcpSocket::readyRead, this, [this] {
        m_plainAnswer += m_plain->read(Enough - m_plainAnswer.size());
        decide(false);
    });
    const auto over = [this] {
        m_tlsOver = true;
        decide(false);
    };
    connect(m_tls, &QTcpSocket::disconnected, this, over);
    connect(m_tls, &QTcpSocket::errorOccurred, this, over);
    connect(m_plain, &QTcpSocket::errorOccurred, this, [this] { decide(false); });
    m_deadline.start();
    m_tls->connectToHost(m_host, m_port);
    m_plain->connectToHost(m_host, m_port);
}

void PortProbe::decide(bool final)
{
    if (looksLikeTls(m_tlsAnswer)) {
        finish(Speaks::Tls);
        return;
    }
    const bool tlsAnswered = m_tlsAnswer.size() >= 3 || m_tlsOver;
    if (looksLikeHttp(m_plainAnswer) && (tlsAnswered || final)) {
        finish(Speaks::PlainHttp);
        return;
    }
    if (final)
        finish(Speaks::Unknown);
}

void PortProbe::finish(Speaks speaks)
{
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    qCDebug(lcMatrix) << "port probe:" << speaks;
    m_tls->abort();
    m_plain->abort();
    Q_EMIT finished(speaks);
}

} // namespace Portico::Matrix
