// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devintrospection.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrlQuery>

namespace {
constexpr int TimeoutMs = 10000;

// The body of a chunked transfer (RFC 9112 §7.1), without trailers.
QByteArray unchunk(QByteArray data)
{
    QByteArray body;
    while (true) {
        const qsizetype end = data.indexOf("\r\n");
        if (end < 0)
            return body;
        bool ok = false;
        const qsizetype size = data.left(end).split(';').first().trimmed().toLongLong(&ok, 16);
        if (!ok || size == 0)
            return body;
        body += data.mid(end + 2, size);
        data = data.mid(end + 2 + size + 2);
    }
}
} // namespace

DevIntrospection::DevIntrospection(QUrl issuer, QString clientId, QString clientSecret)
    : m_issuer(std::move(issuer))
    , m_clientId(std::move(clientId))
    , m_clientSecret(std::move(clientSecret))
{}

DevIntrospection::Reply DevIntrospection::request(
    const QByteArray &method, const QUrl &url, const QByteArray &form)
{
    Reply reply;
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port(80)));
    if (!socket.waitForConnected(TimeoutMs)) {
        reply.error = QStringLiteral("cannot reach the issuer: ") + socket.errorString();
        return reply;
    }
    QByteArray head = method + ' ' + url.path(QUrl::FullyEncoded).toUtf8() + " HTTP/1.1\r\n"
        + "Host: " + url.authority().toUtf8() + "\r\nConnection: close\r\n"
        + "Accept: application/json\r\n";
    if (method == "POST") {
        const QByteArray credentials = (m_clientId + u':' + m_clientSecret).toUtf8().toBase64();
        head += "Authorization: Basic " + credentials + "\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Content-Length: " + QByteArray::number(form.size()) + "\r\n";
    }
    socket.write(head + "\r\n" + form);
    QByteArray data;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(TimeoutMs))
        data += socket.readAll();
    data += socket.readAll();
    const qsizetype split = data.indexOf("\r\n\r\n");
    const QList<QByteArray> status = data.left(data.indexOf("\r\n")).split(' ');
    if (split < 0 || status.size() < 2) {
        reply.error = QStringLiteral("no HTTP answer from the issuer");
        return reply;
    }
    reply.status = status.at(1).toInt();
    const QByteArray headers = data.left(split).toLower();
    reply.body = data.mid(split + 4);
    if (headers.contains("transfer-encoding: chunked"))
        reply.body = unchunk(reply.body);
    return reply;
}

QJsonObject DevIntrospection::metadata(QString *error)
{
    QUrl discovery = m_issuer;
    discovery.setPath(discovery.path() + QStringLiteral("/.well-known/openid-configuration"));
    const Reply reply = request("GET", discovery);
    const QJsonObject document = QJsonDocument::fromJson(reply.body).object();
    if (reply.status != 200 || document.isEmpty()) {
        if (error)
            *error = reply.error.isEmpty()
                ? QStringLiteral("the issuer's discovery document answered %1").arg(reply.status)
                : reply.error;
        return {};
    }
    m_introspectionEndpoint = QUrl(document.value(u"introspection_endpoint").toString());
    return document;
}

DevIntrospection::Identity DevIntrospection::introspect(const QString &accessToken, QString *error)
{
    if (!m_introspectionEndpoint.isValid() && metadata(error).isEmpty())
        return {};
    QUrlQuery form;
    form.addQueryItem(
        QStringLiteral("token"), QString::fromLatin1(QUrl::toPercentEncoding(accessToken)));
    form.addQueryItem(QStringLiteral("token_type_hint"), QStringLiteral("access_token"));
    ++m_introspections;
    const Reply reply
        = request("POST", m_introspectionEndpoint, form.query(QUrl::FullyEncoded).toUtf8());
    if (reply.status != 200) {
        *error = reply.error.isEmpty() ? QStringLiteral("introspection answered %1: %2")
                                             .arg(reply.status)
                                             .arg(QString::fromUtf8(reply.body))
                                       : reply.error;
        return {};
    }
    const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    if (!answer.value(u"active").toBool())
        return {};
    // An access token, not a refresh token sent as one (oidc-provider names no token_type for
    // refresh tokens; MAS says "access_token").
    const QString type = answer.value(u"token_type").toString().toLower();
    if (type != u"bearer" && type != u"access_token")
        return {};
    // The Matrix scopes, stable or unstable (MSC2967), as Synapse reads them behind MAS.
    static const QRegularExpression api(
        QStringLiteral("^urn:matrix:(client|org\\.matrix\\.msc2967\\.client):api:\\*$"));
    static const QRegularExpression device(QStringLiteral(
        "^urn:matrix:(client|org\\.matrix\\.msc2967\\.client):device:([A-Za-z0-9._~-]+)$"));
    bool hasApi = false;
    QStringList devices;
    for (const QString &scope : answer.value(u"scope").toString().split(u' ', Qt::SkipEmptyParts)) {
        hasApi = hasApi || api.match(scope).hasMatch();
        if (const auto match = device.match(scope); match.hasMatch())
            devices.append(match.captured(2));
    }
    const QString localpart = answer.value(u"username").toString(answer.value(u"sub").toString());
    if (!hasApi || devices.size() != 1 || localpart.isEmpty())
        return {};
    return {localpart, devices.first()};
}
