// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "refreshresponse.h"

#include "duration.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Portico::Matrix {

Expected<RefreshResponse, QString> parseRefreshResponse(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return Unexpected{QStringLiteral("not a JSON object")};
    const QJsonObject object = doc.object();
    RefreshResponse response;
    response.accessToken = object.value(u"access_token").toString();
    if (response.accessToken.isEmpty())
        return Unexpected{QStringLiteral("access_token is missing")};
    response.refreshToken = object.value(u"refresh_token").toString();
    if (const auto expires = durationFromJson(object.value(u"expires_in_ms"));
        expires && *expires > 0)
        response.expiresInMs = expires;
    return response;
}

} // namespace Portico::Matrix
