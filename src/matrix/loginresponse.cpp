// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginresponse.h"

#include "duration.h"
#include "userid.h"
#include "wellknown.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Portico::Matrix {

Expected<LoginResponse, QString> parseLoginResponse(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return Unexpected{QStringLiteral("not a JSON object")};
    const QJsonObject object = doc.object();

    LoginResponse response;
    response.userId = object.value(u"user_id").toString();
    response.accessToken = object.value(u"access_token").toString();
    response.deviceId = object.value(u"device_id").toString();
    if (!UserId::parse(response.userId))
        return Unexpected{QStringLiteral("user_id is missing or malformed")};
    if (response.accessToken.isEmpty())
        return Unexpected{QStringLiteral("access_token is missing")};
    if (response.deviceId.isEmpty())
        return Unexpected{QStringLiteral("device_id is missing")};
    response.refreshToken = object.value(u"refresh_token").toString();
    if (const auto expires = durationFromJson(object.value(u"expires_in_ms"));
        expires && *expires > 0)
        response.expiresInMs = expires;

    // The spec's `well_known` wins over the draft's `base_cs_url`.
    if (const QJsonValue wellKnown = object.value(u"well_known"); !wellKnown.isUndefined()) {
        const auto parsed = wellKnown.isObject() ? parseWellKnown(wellKnown.toObject())
                                                 : parseWellKnown(QByteArray());
        if (parsed) {
            response.baseUrlSource = LoginResponse::BaseUrlSource::WellKnown;
            response.baseUrl = parsed->homeserverBaseUrl;
            return response;
        }
        response.baseUrlProblem = QStringLiteral("well_known: ") + parsed.error().detail;
    }
    if (const QJsonValue draft = object.value(u"base_cs_url"); !draft.isUndefined()) {
        const QUrl url = parseBaseUrl(draft.toString());
        if (!url.isEmpty()) {
            response.baseUrlSource = LoginResponse::BaseUrlSource::BaseCsUrl;
            response.baseUrl = url;
            response.baseUrlProblem.clear();
        } else if (response.baseUrlProblem.isEmpty()) {
            response.baseUrlProblem = QStringLiteral("base_cs_url is not a URL");
        }
    }
    return response;
}

} // namespace Portico::Matrix
