// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mxc.h"

#include "endpoint.h"
#include "userid.h"

#include <QHostAddress>

namespace Portico::Matrix {

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

namespace {
bool isPublicIPv4(quint32 a)
{
    const auto in
        = [a](quint32 net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
    return !(in(0x00000000, 8) || in(0x0A000000, 8) || in(0x7F000000, 8) || in(0x64400000, 10)
        || in(0xA9FE0000, 16) || in(0xAC100000, 12) || in(0xC0A80000, 16) || in(0xC0000000, 24)
        || in(0xE0000000, 3));
}

// A host a remote server may send Portico to: a DNS name that is not "localhost", or a public
// IP literal. Loopback, private, link-local, CGNAT, multicast and reserved addresses are not:
// a remote server's sign-in page must not make Portico probe the user's own machine or network.
// (Names that resolve to such addresses are not caught here: that would need the resolver.)
bool isPublicHost(const QString &host)
{
    if (host.isEmpty() || host.compare(u"localhost", Qt::CaseInsensitive) == 0
        || host.endsWith(u".localhost", Qt::CaseInsensitive))
        return false;
    // A numeric last label is an IP literal in some form the resolver takes ("2130706433",
    // "0x7f.1"): only one that parses as an address, and a public one, passes.
    const QString last = host.section(u'.', -1);
    bool numeric = false;
    last.toLongLong(&numeric, 0);
    const QHostAddress address(host);
    if (address.isNull())
        return !numeric && !host.contains(u':');
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return isPublicIPv4(address.toIPv4Address());
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        return isPublicIPv4(v4);
    return !(address.isLoopback() || address.isLinkLocal() || address.isSiteLocal()
        || address.isUniqueLocalUnicast() || address.isMulticast()
        || address == QHostAddress::AnyIPv6);
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
    // A homeserver on loopback (development) may name icons on loopback, even over plain http;
    // a remote one only https on a public host.
    if (isLoopback(baseUrl))
        return (url.scheme() == u"https" || (url.scheme() == u"http" && isLoopback(url))) ? url
                                                                                          : QUrl();
    if (url.scheme() == u"https" && isPublicHost(url.host()))
        return url;
    return {};
}

} // namespace Portico::Matrix
