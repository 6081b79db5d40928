// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoint.h"

#include <QHostAddress>

namespace Portico::Matrix {

QUrl endpoint(const QUrl &baseUrl, QStringView encodedPath, const QUrlQuery &query)
{
    QUrl url = normalizedBaseUrl(baseUrl);
    url.setPath(url.path(QUrl::FullyEncoded) + encodedPath.toString(), QUrl::StrictMode);
    if (!query.isEmpty())
        url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

QString encodePathSegment(QStringView segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment.toString()));
}

QString encodeQueryValue(QStringView value)
{
    // toPercentEncoding leaves only RFC 3986 unreserved characters as they are.
    return QString::fromLatin1(QUrl::toPercentEncoding(value.toString()));
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QUrl normalizedBaseUrl(const QUrl &url)
{
    QUrl base = url.adjusted(
        QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    if (base.path() == u"/")
        base.setPath({});
    return base;
}

} // namespace Portico::Matrix
