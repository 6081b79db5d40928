// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "versions.h"

#include <QSize>
#include <QString>
#include <QUrl>

#include <optional>

namespace Portico::Matrix {

// mxc://{server}/{mediaId}, the only form media references take in profiles.
struct MxcUri
{
    QString server; // a valid server name
    QString mediaId; // [A-Za-z0-9_-]{1,255}

    // Fails on anything else: another scheme, a path or query after the media ID, a bad server.
    static std::optional<MxcUri> parse(QStringView text);
    QString toString() const;
    bool operator==(const MxcUri &) const = default;
};

// Whether the server has the authenticated media API (/_matrix/client/v1/media, Matrix 1.11):
// v1.11 or later in /versions, or MSC3916's stable flag from the servers that had it first.
bool hasAuthenticatedMedia(const Versions &versions);

// GET /_matrix/client/v1/media/thumbnail/{server}/{mediaId}?width&height&method=crop: needs the
// access token. Pure.
QUrl authenticatedThumbnailUrl(const QUrl &baseUrl, const MxcUri &media, const QSize &size);
// GET /_matrix/media/v3/thumbnail/…: the legacy path, unauthenticated, only for servers without
// the authenticated API (Matrix 1.11 deprecated it; servers freeze it for new media). Pure.
QUrl legacyThumbnailUrl(const QUrl &baseUrl, const MxcUri &media, const QSize &size);

} // namespace Portico::Matrix
