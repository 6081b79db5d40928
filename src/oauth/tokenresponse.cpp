// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenresponse.h"

#include "json.h"

namespace Portico::OAuth {

Matrix::Expected<TokenResponse, Matrix::Error> parseTokenResponse(const QByteArray &body)
{
    const auto object = Json::object(body);
    if (!object)
        return Matrix::Unexpected{object.error()};
    const auto invalid = [](const char *what) {
        return Matrix::Unexpected{Matrix::Error::invalidResponse(
            QStringLiteral("token response: ") + QLatin1StringView(what))};
    };
    TokenResponse response;
    const QJsonValue access = object->value(u"access_token");
    if (!access.isString() || access.toString().isEmpty())
        return invalid("access_token is missing");
    response.accessToken = access.toString();
    if (object->value(u"token_type").toString().compare(u"Bearer", Qt::CaseInsensitive) != 0)
        return invalid("token_type is not Bearer");
    const QJsonValue refresh = object->value(u"refresh_token");
    if (!refresh.isUndefined() && !refresh.isNull() && !refresh.isString())
        return invalid("refresh_token is not a string");
    response.refreshToken = refresh.toString();
    const QJsonValue expires = object->value(u"expires_in");
    if (!expires.isUndefined() && !expires.isNull() && !expires.isDouble())
        return invalid("expires_in is not a number");
    response.expiresInSeconds = Json::seconds(expires);
    const QJsonValue scope = object->value(u"scope");
    if (!scope.isUndefined() && !scope.isString())
        return invalid("scope is not a string");
    response.scope = scope.toString().split(u' ', Qt::SkipEmptyParts);
    return response;
}

} // namespace Portico::OAuth
