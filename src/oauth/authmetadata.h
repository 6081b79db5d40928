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

// The authorisation server metadata (RFC 8414) a homeserver names at
// /_matrix/client/v1/auth_metadata, validated as the Matrix spec (v1.15) requires.
struct AuthMetadata
{
    QUrl issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint;
    QUrl registrationEndpoint;
    QUrl deviceAuthorizationEndpoint; // invalid: no device grant (RFC 8628)
    QUrl accountManagementUri; // invalid: none (MSC4191)
    QStringList accountManagementActions; // as advertised, e.g. "org.matrix.device_delete"
    QStringList responseTypes;
    QStringList responseModes;
    QStringList grantTypes;
    QStringList codeChallengeMethods;
    QStringList promptValues; // "create": the server can register new accounts
    QStringList scopes; // scopes_supported; empty when not advertised
    // RFC 9207: the issuer identifier exactly as the document has it (compared as a string with
    // the iss of authorisation responses), and whether every response carries it.
    QString issuerIdentifier;
    bool issuerInResponses = false; // authorization_response_iss_parameter_supported

    static constexpr QLatin1StringView DeviceCodeGrant{
        "urn:ietf:params:oauth:grant-type:device_code"};

    // The device endpoint is there, and grant_types_supported does not leave the grant out.
    bool supportsDeviceGrant() const;
    bool canCreateAccount() const { return promptValues.contains(u"create"); }
    // The action that ends a device's session: org.matrix.device_delete, or the unstable
    // org.matrix.session_end where only that is advertised. Empty: no account management.
    QString deviceDeleteAction() const;
    // account_management_uri with action (and device_id where given), or invalid.
    QUrl accountManagementUrl(const QString &action, const QString &deviceId = {}) const;
};

// Parses and validates the document: the required fields present with the values Matrix
// requires (code, authorization_code + refresh_token, query + fragment, S256), `issuer` and
// every endpoint https (http only on loopback). account_management_uri and
// account_management_actions_supported are read under their stable names and, where those are
// absent, the unstable "org.matrix.msc4191." ones. Pure.
Matrix::Expected<AuthMetadata, Matrix::Error> parseAuthMetadata(const QByteArray &body);
Matrix::Expected<AuthMetadata, Matrix::Error> parseAuthMetadata(const QJsonObject &object);

} // namespace Portico::OAuth
