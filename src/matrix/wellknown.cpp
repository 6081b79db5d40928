// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "wellknown.h"

#include "endpoint.h"

#include <QJsonDocument>

namespace Portico::Matrix {

QUrl parseBaseUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return {};
    if (url.scheme() != u"https" && url.scheme() != u"http")
        return {};
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return {};
    return normalizedBaseUrl(url);
}

Expected<WellKnown, WellKnownError> parseWellKnown(const QJsonObject &document)
{
    using Outcome = WellKnownError::Outcome;
    const QJsonValue homeserver = document.value(u"m.homeserver");
    if (!homeserver.isObject())
        return Unexpected{WellKnownError{Outcome::FailPrompt, QStringLiteral("no m.homeserver")}};
    const QJsonValue baseUrl = homeserver.toObject().value(u"base_url");
    if (!baseUrl.isString())
        return Unexpected{
            WellKnownError{Outcome::FailPrompt, QStringLiteral("no m.homeserver.base_url")}};
    WellKnown result;
    result.homeserverBaseUrl = parseBaseUrl(baseUrl.toString());
    if (result.homeserverBaseUrl.isEmpty())
        return Unexpected{WellKnownError{
            Outcome::FailError, QStringLiteral("m.homeserver.base_url is not a URL")}};
    if (const QJsonValue identity = document.value(u"m.identity_server"); !identity.isUndefined()) {
        const QJsonValue isBase = identity.toObject().value(u"base_url");
        if (!isBase.isString())
            return Unexpected{WellKnownError{
                Outcome::FailPrompt, QStringLiteral("m.identity_server without base_url")}};
        result.identityServerBaseUrl = parseBaseUrl(isBase.toString());
        if (result.identityServerBaseUrl.isEmpty())
            return Unexpected{WellKnownError{
                Outcome::FailError, QStringLiteral("m.identity_server.base_url is not a URL")}};
    }
    return result;
}

Expected<WellKnown, WellKnownError> parseWellKnown(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject())
        return Unexpected{WellKnownError{
            WellKnownError::Outcome::FailPrompt, QStringLiteral("not a JSON object")}};
    return parseWellKnown(doc.object());
}

} // namespace Portico::Matrix
