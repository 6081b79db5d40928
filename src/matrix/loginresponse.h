// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace Portico::Matrix {

// A successful POST /login response.
struct LoginResponse
{
    // Where the response says the session should live from now on (MSC1730).
    enum class BaseUrlSource {
        None, // neither field: stay on the login server
        WellKnown, // well_known.m.homeserver.base_url (the spec)
        BaseCsUrl, // base_cs_url (the 2018 draft)
    };

    QString userId;
    QString accessToken;
    QString deviceId;
    QString refreshToken; // empty when none
    std::optional<qint64> expiresInMs;

    BaseUrlSource baseUrlSource = BaseUrlSource::None;
    QUrl baseUrl; // set when baseUrlSource != None
    // Set when a field was there but unusable: the session stays on the login server and the
    // user is told why.
    QString baseUrlProblem;
};

// Fails when user_id (well-formed), access_token or device_id is missing.
Expected<LoginResponse, QString> parseLoginResponse(const QByteArray &body);

} // namespace Portico::Matrix
