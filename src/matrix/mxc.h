// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Portico::Matrix {

// Where to fetch an identity provider's icon before there is an access token:
// mxc://server/media-id (the spec) becomes the unauthenticated
// {base}/_matrix/media/v3/download/server/media-id; an https URL (early MSC2858 drafts) is used
// as it is when its host is public (no loopback, private or link-local address); plain http, and
// loopback hosts, only when the homeserver itself is on loopback. Anything else, or a media ID with
// characters outside [A-Za-z0-9_-], gives an empty URL: the button is drawn without an icon. Pure.
QUrl iconDownloadUrl(const QUrl &baseUrl, const QString &icon);

// A media ID as the spec allows it: [A-Za-z0-9_-], 1 to 255 characters. Pure.
bool isMediaId(QStringView id);

} // namespace Portico::Matrix
