// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/error.h"
#include "matrix/expected.h"

#include <QByteArray>
#include <QStringList>

#include <optional>

namespace Portico::OAuth {

// A successful token endpoint response (RFC 6749 §5.1), for any grant.
struct TokenResponse
{
    QString accessToken;
    QString refreshToken; // empty: none issued (on refresh: keep the old one)
    std::optional<qint64> expiresInSeconds; // absent: the server did not say
    QStringList scope; // empty: the scope requested was granted as it was (§5.1)
};

// Fails when access_token is missing or empty, token_type is not Bearer (case-insensitive),
// or a field has the wrong type. Pure.
Matrix::Expected<TokenResponse, Matrix::Error> parseTokenResponse(const QByteArray &body);

} // namespace Portico::OAuth
