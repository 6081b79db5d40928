// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHttpServerRequest>
#include <QRandomGenerator>
#include <QString>

// Small pieces the development homeserver's Matrix side and its OAuth side both need.
namespace DevHttp {

// `length` characters of [A-Za-z0-9] from the system's random source.
inline QString randomToken(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString token;
    for (int i = 0; i < length; ++i)
        token.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]));
    return token;
}

// A request header by name, case-insensitively (Qt 6.4's QHttpServerRequest has no lookup).
inline QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &[key, value] : request.headers())
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

} // namespace DevHttp
