// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Portico::Matrix {

// One MSC2858 identity provider, as offered by the server.
struct IdentityProvider
{
    QString id; // opaque; percent-encode it when putting it in a path
    QString name; // never empty: falls back to the id
    QString icon; // raw: mxc:// (spec) or https:// (early draft) or empty
    QString brand; // stable name ("github"), unstable "org.matrix." prefix removed; may be unknown

    bool operator==(const IdentityProvider &) const = default;
};

// GET /_matrix/client/v3/login, reduced to what a sign-in client acts on.
struct LoginFlows
{
    bool sso = false;
    bool token = false;
    bool password = false;
    bool cas = false; // deprecated, still means "the browser gives us a loginToken"
    bool oauthAwarePreferred = false;
    QList<IdentityProvider> identityProviders; // server order, valid and unique only
    QStringList otherTypes; // flows we do not use, for diagnostics
    QStringList warnings; // what was skipped and why; never fatal

    bool offersBrowserLogin() const { return sso || cas; }
};

// Fails only when the document is not an object with a `flows` array. Everything inside that is
// malformed is skipped with a warning, never hiding the valid providers.
Expected<LoginFlows, QString> parseLoginFlows(const QJsonObject &document);
Expected<LoginFlows, QString> parseLoginFlows(const QByteArray &body);

} // namespace Portico::Matrix
