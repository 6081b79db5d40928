// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oautherror.h"

#include "json.h"

#include <algorithm>
#include <array>
#include <utility>

namespace Portico::OAuth {

namespace {
// RFC 6749 §5.2: error and error_description are %x20-21 / %x23-5B / %x5D-7E.
bool isErrorText(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u >= 0x20 && u <= 0x7e && u != u'"' && u != u'\\';
    });
}

constexpr qsizetype MaxLength = 1024;

std::optional<OAuthError> make(const QString &error, const QString &description, const QString &uri)
{
    if (error.isEmpty() || error.size() > MaxLength || !isErrorText(error))
        return std::nullopt;
    OAuthError result;
    result.error = error;
    result.code = OAuthError::codeOf(error);
    // A description is only detail; one we cannot show is dropped, not the error.
    if (description.size() <= MaxLength)
        result.description = description;
    const QUrl url(uri, QUrl::StrictMode);
    if (url.isValid() && (url.scheme() == u"https" || url.scheme() == u"http"))
        result.uri = url;
    return result;
}
} // namespace

OAuthError::Code OAuthError::codeOf(QStringView error)
{
    static const std::array<std::pair<QLatin1StringView, Code>, 15> codes{{
        {QLatin1StringView("invalid_request"), Code::InvalidRequest},
        {QLatin1StringView("invalid_client"), Code::InvalidClient},
        {QLatin1StringView("invalid_grant"), Code::InvalidGrant},
        {QLatin1StringView("unauthorized_client"), Code::UnauthorizedClient},
        {QLatin1StringView("unsupported_grant_type"), Code::UnsupportedGrantType},
        {QLatin1StringView("unsupported_response_type"), Code::UnsupportedResponseType},
        {QLatin1StringView("invalid_scope"), Code::InvalidScope},
        {QLatin1StringView("access_denied"), Code::AccessDenied},
        {QLatin1StringView("server_error"), Code::ServerError},
        {QLatin1StringView("temporarily_unavailable"), Code::TemporarilyUnavailable},
        {QLatin1StringView("authorization_pending"), Code::AuthorizationPending},
        {QLatin1StringView("slow_down"), Code::SlowDown},
        {QLatin1StringView("expired_token"), Code::ExpiredToken},
        {QLatin1StringView("invalid_redirect_uri"), Code::InvalidRedirectUri},
        {QLatin1StringView("invalid_client_metadata"), Code::InvalidClientMetadata},
    }};
    for (const auto &[name, code] : codes)
        if (error == name)
            return code;
    return Code::Other;
}

std::optional<OAuthError> parseOAuthError(const QByteArray &body)
{
    const auto object = Json::object(body);
    if (!object)
        return std::nullopt;
    return parseOAuthError(*object);
}

std::optional<OAuthError> parseOAuthError(const QJsonObject &object)
{
    const QJsonValue error = object.value(u"error");
    if (!error.isString())
        return std::nullopt;
    return make(error.toString(), object.value(u"error_description").toString(),
        object.value(u"error_uri").toString());
}

std::optional<OAuthError> oauthErrorOf(const Matrix::Error &error)
{
    // A Matrix error body (errcode) is not an OAuth one, even though both have `error`.
    if (!error.errcode.isEmpty() || error.body.contains(u"errcode"))
        return std::nullopt;
    return parseOAuthError(error.body);
}

std::optional<OAuthError> oauthErrorFromQuery(const QUrlQuery &query)
{
    const QStringList errors
        = query.allQueryItemValues(QStringLiteral("error"), QUrl::FullyDecoded);
    if (errors.size() != 1)
        return std::nullopt;
    return make(errors.first(),
        query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded),
        query.queryItemValue(QStringLiteral("error_uri"), QUrl::FullyDecoded));
}

} // namespace Portico::OAuth
