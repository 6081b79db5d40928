// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

// The development homeserver behind an authorisation server it did not write (Config::
// externalIssuer), as a homeserver behind the Matrix Authentication Service is: its auth_metadata
// is the issuer's own discovery document, and it checks every access token by introspection
// (RFC 7662) at the issuer, as the confidential client `clientId`. An active access token (not
// a refresh token) whose scope has the Matrix API scope and exactly one device scope is that
// device of the user named by its `username` (or `sub`).
//
// The requests are synchronous: DevServer answers each request before it reads the next, and
// the issuer is another process on loopback. Hand-written on a blocking QTcpSocket for that
// reason (QNetworkAccessManager has no blocking mode, and a nested event loop would let the
// server take the next request in the middle of this one).
class DevIntrospection
{
public:
    struct Identity
    {
        QString localpart;
        QString deviceId;
    };

    DevIntrospection(QUrl issuer, QString clientId, QString clientSecret);

    // The issuer's discovery document (RFC 8414 / OpenID), or an empty object when it cannot
    // be fetched; `error` says why.
    QJsonObject metadata(QString *error = nullptr);
    // The identity an access token stands for; empty when the issuer says it is not active or
    // not a Matrix token. `error` is set when the issuer could not be asked.
    Identity introspect(const QString &accessToken, QString *error);
    int introspections() const { return m_introspections; }

private:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QString error;
    };
    Reply request(const QByteArray &method, const QUrl &url, const QByteArray &form = {});

    QUrl m_issuer;
    QString m_clientId;
    QString m_clientSecret;
    QUrl m_introspectionEndpoint;
    int m_introspections = 0;
};
