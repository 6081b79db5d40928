// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ssoredirect.h"

#include "matrix/endpoint.h"

namespace Portico::Sso {

QUrl ssoRedirectUrl(
    const QUrl &baseUrl, const QString &clientPrefix, const QString &idpId, const QUrl &redirectUrl)
{
    QString path = clientPrefix + QStringLiteral("/login/sso/redirect");
    if (!idpId.isEmpty())
        path += u'/' + Matrix::encodePathSegment(idpId);
    QUrl url = Matrix::endpoint(baseUrl, path);
    url.setQuery(QStringLiteral("redirectUrl=")
            + Matrix::encodeQueryValue(redirectUrl.toString(QUrl::FullyEncoded)),
        QUrl::StrictMode);
    return url;
}

} // namespace Portico::Sso
