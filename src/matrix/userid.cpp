// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "userid.h"

#include <QHostAddress>

namespace Portico::Matrix {

namespace {
bool isDnsName(QStringView host)
{
    // The appendix allows 1-255 characters of [A-Za-z0-9.-]; labels must not be empty.
    if (host.isEmpty() || host.size() > 255 || host.startsWith(u'.') || host.endsWith(u'.'))
        return false;
    QChar previous;
    for (const QChar c : host) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.';
        if (!ok || (c == u'.' && previous == u'.'))
            return false;
        previous = c;
    }
    return true;
}
} // namespace

std::optional<ServerName> ServerName::parse(QStringView text)
{
    ServerName name;
    QStringView rest = text;
    if (rest.startsWith(u'[')) {
        const auto close = rest.indexOf(u']');
        if (close < 0)
            return std::nullopt;
        const QHostAddress address(rest.mid(1, close - 1).toString());
        if (address.protocol() != QAbstractSocket::IPv6Protocol)
            return std::nullopt;
        name.host = rest.first(close + 1).toString();
        rest = rest.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(u':'))
            return std::nullopt;
    } else {
        const auto colon = rest.indexOf(u':');
        const QStringView host = colon < 0 ? rest : rest.first(colon);
        if (!isDnsName(host))
            return std::nullopt;
        name.host = host.toString();
        rest = colon < 0 ? QStringView() : rest.mid(colon);
    }
    if (!rest.isEmpty()) {
        const QStringView digits = rest.mid(1);
        if (digits.isEmpty() || digits.size() > 5)
            return std::nullopt;
        for (const QChar c : digits)
            if (c < u'0' || c > u'9')
                return std::nullopt;
        const int port = digits.toInt();
        if (port < 1 || port > 65535)
            return std::nullopt;
        name.port = port;
    }
    return name;
}

QString ServerName::toString() const
{
    return port < 0 ? host : host + u':' + QString::number(port);
}

std::optional<UserId> UserId::parse(QStringView text)
{
    if (!text.startsWith(u'@') || text.size() > 255)
        return std::nullopt;
    const auto colon = text.indexOf(u':');
    if (colon < 2)
        return std::nullopt;
    auto server = ServerName::parse(text.mid(colon + 1));
    if (!server)
        return std::nullopt;
    return UserId{text.mid(1, colon - 1).toString(), *server};
}

QString UserId::toString() const
{
    return u'@' + localpart + u':' + server.toString();
}

} // namespace Portico::Matrix
