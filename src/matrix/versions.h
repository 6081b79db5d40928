// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Portico::Matrix {

// GET /_matrix/client/versions.
struct Versions
{
    QStringList versions; // only the string entries, in server order
    QStringList enabledUnstableFeatures;

    // Whether the server speaks v1.1 or later, i.e. has the /v3 paths and per-IdP redirects.
    bool hasV3() const;
    // The path prefix for the client-server API this server understands.
    QString clientPrefix() const
    {
        return hasV3() ? QStringLiteral("/_matrix/client/v3")
                       : QStringLiteral("/_matrix/client/r0");
    }
};

// Fails when the body is not an object with a `versions` array holding at least one string:
// then the URL is not a Matrix homeserver (FAIL_ERROR in discovery).
Expected<Versions, QString> parseVersions(const QByteArray &body);

} // namespace Portico::Matrix
