// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/error.h"
#include "matrix/expected.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

// Small helpers shared by the OAuth parsers. Pure.
namespace Portico::OAuth::Json {

// The body as a JSON object, or Kind::NotJson.
Matrix::Expected<QJsonObject, Matrix::Error> object(const QByteArray &body);

// The strings of an array field; nothing when the field is absent; an error text when it is
// not an array of strings.
std::optional<QStringList> stringList(const QJsonObject &object, QStringView key, QString *error);

// An absolute https URL (http only on a loopback host), without a fragment.
bool isSecureUrl(const QUrl &url);

// A URL field that must be a secure URL; `required` decides whether absence is an error.
// Invalid QUrl when absent.
Matrix::Expected<QUrl, QString> secureUrl(
    const QJsonObject &object, QStringView key, bool required);

// A positive number of seconds, capped at a year; nothing when absent or not a number > 0.
std::optional<qint64> seconds(const QJsonValue &value);

} // namespace Portico::OAuth::Json
