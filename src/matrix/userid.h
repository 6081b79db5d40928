// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Portico::Matrix {

// A server name as the appendix defines it: hostname, IPv4 or [IPv6] literal, optional :port.
struct ServerName
{
    QString host; // IPv6 literals keep their brackets
    int port = -1;

    static std::optional<ServerName> parse(QStringView text);
    QString toString() const;
};

// "@localpart:server.name". Only the parts a sign-in client needs.
struct UserId
{
    QString localpart;
    ServerName server;

    // Splits at the first colon, as the spec says; rejects ids without '@', ':' or localpart.
    static std::optional<UserId> parse(QStringView text);
    QString toString() const;
};

} // namespace Portico::Matrix
