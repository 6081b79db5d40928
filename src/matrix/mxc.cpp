// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mxc.h"

#include "endpoint.h"
#include "userid.h"

namespace Portico::Matrix {

namespace {
bool isMediaId(QStringView id)
{
    if (id.isEmpty() || id.size() > 255)
        return false;
    for (const QChar c : id)
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                || c == u'_' || c == u'-'))
            return false;
    return true;
}
} // namespace

QUrl iconDownloadUrl(const QUrl &baseUrl, const QString &icon)
{
    if (icon.startsWith(u"mxc://")) {
        const QStringView rest = QStringView(icon).mid(6);
        const auto slash = rest.lastIndexOf(u'/');
        if (slash <= 0)
            return {};
        const QStringView server = rest.first(slash);
        const QStringView mediaId = rest.mid(slash + 1);
        if (!ServerName::parse(server) || !isMediaId(mediaId))
            return {};
        return endpoint(baseUrl,
            QString(QStringLiteral("/_matrix/media/v3/download/") + encodePathSegment(server) + u'/'
                + mediaId.toString()));
    }
    const QUrl url(icon, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return {};
    if (url.scheme() == u"https" || (url.scheme() == u"http" && isLoopback(url)))
        return url;
    return {};
}

} // namespace Portico::Matrix
