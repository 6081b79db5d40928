// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mediaurl.h"

#include "endpoint.h"
#include "mxc.h"
#include "userid.h"

#include <QRegularExpression>

namespace Portico::Matrix {

namespace {
QUrl thumbnailUrl(const QUrl &baseUrl, QStringView prefix, const MxcUri &media, const QSize &size)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("width"), QString::number(qMax(1, size.width())));
    query.addQueryItem(QStringLiteral("height"), QString::number(qMax(1, size.height())));
    query.addQueryItem(QStringLiteral("method"), QStringLiteral("crop"));
    return endpoint(
        baseUrl, prefix.toString() + encodePathSegment(media.server) + u'/' + media.mediaId, query);
}
} // namespace

std::optional<MxcUri> MxcUri::parse(QStringView text)
{
    if (!text.startsWith(u"mxc://"))
        return std::nullopt;
    const QStringView rest = text.mid(6);
    const auto slash = rest.indexOf(u'/');
    if (slash <= 0)
        return std::nullopt;
    const QStringView server = rest.first(slash);
    const QStringView mediaId = rest.mid(slash + 1);
    if (!ServerName::parse(server) || !isMediaId(mediaId))
        return std::nullopt;
    return MxcUri{server.toString(), mediaId.toString()};
}

QString MxcUri::toString() const
{
    return QStringLiteral("mxc://") + server + u'/' + mediaId;
}

bool hasAuthenticatedMedia(const Versions &versions)
{
    static const QRegularExpression modern(QStringLiteral("^v(\\d+)\\.(\\d+)$"));
    for (const QString &version : versions.versions) {
        const auto match = modern.match(version);
        if (!match.hasMatch())
            continue;
        const int major = match.captured(1).toInt();
        const int minor = match.captured(2).toInt();
        if (major > 1 || (major == 1 && minor >= 11))
            return true;
    }
    return versions.enabledUnstableFeatures.contains(u"org.matrix.msc3916.stable");
}

QUrl authenticatedThumbnailUrl(const QUrl &baseUrl, const MxcUri &media, const QSize &size)
{
    return thumbnailUrl(baseUrl, u"/_matrix/client/v1/media/thumbnail/", media, size);
}

QUrl legacyThumbnailUrl(const QUrl &baseUrl, const MxcUri &media, const QSize &size)
{
    return thumbnailUrl(baseUrl, u"/_matrix/media/v3/thumbnail/", media, size);
}

} // namespace Portico::Matrix
