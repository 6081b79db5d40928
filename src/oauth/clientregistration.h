// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/error.h"
#include "matrix/expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace Portico::OAuth {

// The client metadata Portico registers (RFC 7591) as a native public client. MAS wants
// client_uri https and not localhost, and logo/tos/policy URIs https on the client_uri host.
struct ClientMetadata
{
    QString clientName;
    QUrl clientUri;
    QUrl logoUri;
    QUrl tosUri;
    QUrl policyUri;
    QStringList redirectUris; // loopback ones without a port (RFC 8252 §7.3)
    bool deviceGrant = false; // also ask for the device code grant

    // Portico's own metadata, with the given redirect URIs.
    static ClientMetadata portico(const QStringList &redirectUris, bool deviceGrant);
    QJsonObject toJson() const;
};

// A registration response (201): the client_id we keep with the session.
struct ClientRegistration
{
    QString clientId;
};

// Fails when client_id is missing, empty or not a string. A client_secret is ignored: we
// registered as a public client (token_endpoint_auth_method none). Pure.
Matrix::Expected<ClientRegistration, Matrix::Error> parseClientRegistration(const QByteArray &body);

} // namespace Portico::OAuth
