// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/error.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <optional>

namespace Portico::OAuth {

// An OAuth 2.0 error (RFC 6749 §4.1.2.1, §5.2; RFC 8628 §3.5; RFC 7591 §3.2.2): from a token,
// device or registration endpoint's error body, or from an authorisation callback's query.
struct OAuthError
{
    enum class Code {
        InvalidRequest,
        InvalidClient,
        InvalidGrant,
        UnauthorizedClient,
        UnsupportedGrantType,
        UnsupportedResponseType,
        InvalidScope,
        AccessDenied,
        ServerError,
        TemporarilyUnavailable,
        AuthorizationPending, // RFC 8628: keep polling
        SlowDown, // RFC 8628: keep polling, 5 s slower
        ExpiredToken, // RFC 8628: the device code expired
        InvalidRedirectUri, // RFC 7591
        InvalidClientMetadata, // RFC 7591
        Other, // any other code: see `error`
    };
    Code code = Code::Other;
    QString error; // the code as sent
    QString description; // error_description: the server's text, shown only as detail
    QUrl uri; // error_uri

    static Code codeOf(QStringView error);
};

// An error body: a JSON object whose `error` is a non-empty string of the characters RFC 6749
// allows. Nothing otherwise. Pure.
std::optional<OAuthError> parseOAuthError(const QByteArray &body);
std::optional<OAuthError> parseOAuthError(const QJsonObject &object);
// The error a failed call carries in its body, if any.
std::optional<OAuthError> oauthErrorOf(const Matrix::Error &error);
// An authorisation callback's `error`, `error_description` and `error_uri`; nothing when the
// query has no single `error`. Pure.
std::optional<OAuthError> oauthErrorFromQuery(const QUrlQuery &query);

} // namespace Portico::OAuth
