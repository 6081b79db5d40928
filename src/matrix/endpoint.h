// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace Portico::Matrix {

// Joins a homeserver base URL (which may carry a path prefix and may end with '/') and an API
// path such as "/_matrix/client/v3/login". `path` must already be percent-encoded where needed.
QUrl endpoint(const QUrl &baseUrl, QStringView encodedPath, const QUrlQuery &query = {});

// One path segment, percent-encoded so that '/', '?', '#', '%' and non-ASCII are safe.
QString encodePathSegment(QStringView segment);

// A query component value encoded completely, including '+', '&', '=' and '#', which QUrlQuery
// leaves alone (edge case 11).
QString encodeQueryValue(QStringView value);

// Whether `url`'s host is a loopback address (127.0.0.0/8, ::1, localhost).
bool isLoopback(const QUrl &url);

// The base URL as we keep it: scheme, host, port and path prefix, no trailing '/', no query.
QUrl normalizedBaseUrl(const QUrl &url);

} // namespace Portico::Matrix
