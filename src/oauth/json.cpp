// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "json.h"

#include "matrix/endpoint.h"

#include <QJsonDocument>

#include <algorithm>

namespace Portico::OAuth::Json {

Matrix::Expected<QJsonObject, Matrix::Error> object(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject()) {
        Matrix::Error error;
        error.kind = Matrix::Error::Kind::NotJson;
        error.detail = parseError.error != QJsonParseError::NoError
            ? parseError.errorString()
            : QStringLiteral("not an object");
        return Matrix::Unexpected{error};
    }
    return doc.object();
}

std::optional<QStringList> stringList(const QJsonObject &object, QStringView key, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return std::nullopt;
    if (!value.isArray()) {
        *error = key.toString() + QStringLiteral(" is not an array");
        return std::nullopt;
    }
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString()) {
            *error = key.toString() + QStringLiteral(" holds a non-string");
            return std::nullopt;
        }
        list.append(item.toString());
    }
    return list;
}

bool isSecureUrl(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty() || url.hasFragment()
        || !url.userInfo().isEmpty())
        return false;
    if (url.scheme() == u"https")
        return true;
    return url.scheme() == u"http" && Matrix::isLoopback(url);
}

Matrix::Expected<QUrl, QString> secureUrl(const QJsonObject &object, QStringView key, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() && !required)
        return QUrl();
    if (!value.isString())
        return Matrix::Unexpected{key.toString() + QStringLiteral(" is missing or not a string")};
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!isSecureUrl(url))
        return Matrix::Unexpected{
            key.toString() + QStringLiteral(" is not an https URL (http only on loopback)")};
    return url;
}

std::optional<qint64> seconds(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double s = value.toDouble();
    if (!(s > 0))
        return std::nullopt;
    return qint64(std::min(s, 366.0 * 24 * 3600));
}

} // namespace Portico::OAuth::Json
