// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Portico::Sso {

// {base}{prefix}/login/sso/redirect[/{idpId}]?redirectUrl=…, with the IdP id as one
// percent-encoded path segment and redirectUrl encoded completely (edge cases 1 and 11).
// An empty idpId gives the generic endpoint, for servers that list no providers.
QUrl ssoRedirectUrl(const QUrl &baseUrl, const QString &clientPrefix, const QString &idpId,
    const QUrl &redirectUrl);

} // namespace Portico::Sso
