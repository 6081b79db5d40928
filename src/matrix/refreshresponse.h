// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Portico::Matrix {

// A successful POST /_matrix/client/v3/refresh response.
struct RefreshResponse
{
    QString accessToken;
    QString refreshToken; // empty: keep using the old one (the spec allows servers to omit it)
    std::optional<qint64> expiresInMs; // absent: the new access token does not expire
};

// Fails when access_token is missing or empty. Pure.
Expected<RefreshResponse, QString> parseRefreshResponse(const QByteArray &body);

} // namespace Portico::Matrix
