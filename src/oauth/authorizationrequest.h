// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oautherror.h"
#include "pkce.h"

#include "matrix/expected.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace Portico::OAuth {

// One authorisation code request (RFC 6749 §4.1.1 with PKCE, RFC 7636), its secrets included:
// `state` and `codeVerifier` never leave the process but in the requests they belong to.
struct AuthorizationRequest
{
    QString clientId;
    QString redirectUri; // exactly as sent here and again to the token endpoint
    QString deviceId;
    QString scope;
    QString state;
    QString codeVerifier;
    bool createAccount = false; // prompt=create
    // RFC 9207: the issuer the request goes to; a response naming another (iss) is refused,
    // and so is one without iss when the issuer says it always sends it.
    QString issuer;
    bool issuerRequired = false;

    // A fresh request: new device ID, state and verifier.
    static AuthorizationRequest fresh(
        const QString &clientId, const QString &redirectUri, ScopeNames names);
    // The URL to open in the browser: response_type=code, response_mode=query, S256. Pure.
    QUrl url(const QUrl &authorizationEndpoint) const;
};

// Why a callback was not taken.
enum class CallbackRejection {
    NotOurs, // another scheme, host, port or path than the redirect URI
    NoState,
    WrongState, // another attempt's, or forged
    NoCode,
    SeveralCodes,
    WrongIssuer, // iss names another authorisation server, or is missing where it must be
};

// What a callback that belongs to the attempt says: a code, or the server's OAuth error.
struct CallbackResult
{
    QString code;
    std::optional<OAuthError> error;
};

// Checks a callback URL against the request: the redirect URI's scheme, host, port and path,
// exactly one `state` equal to ours (compared in constant time), then exactly one non-empty
// `code` or an `error`. An error with a wrong or missing state is refused like any forgery. Pure.
Matrix::Expected<CallbackResult, CallbackRejection> checkCallback(
    const QUrl &callback, const AuthorizationRequest &request);

} // namespace Portico::OAuth
