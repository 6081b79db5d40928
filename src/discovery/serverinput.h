// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/expected.h"
#include "matrix/userid.h"

#include <QString>
#include <QUrl>

namespace Portico::Discovery {

// What the user typed in the server field, understood.
struct ServerInput
{
    enum class Kind { ServerName, UserId, Url };
    Kind kind = Kind::ServerName;
    Matrix::ServerName serverName; // for ServerName and UserId
    QString userId; // for UserId, to prefill later steps
    QUrl url; // for Url: the base URL the user gave

    // The user typed http:// themselves: allowed, with a visible warning.
    bool explicitPlainHttp() const { return kind == Kind::Url && url.scheme() == u"http"; }
};

// "example.org", "example.org:8448", "[::1]:8008", "@alice:example.org",
// "https://matrix.example.org/". Pure.
Matrix::Expected<ServerInput, QString> parseServerInput(QStringView text);

} // namespace Portico::Discovery
