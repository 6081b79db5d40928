// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expected.h"

#include <QJsonObject>
#include <QUrl>

namespace Portico::Matrix {

// The client well-known document (/.well-known/matrix/client), which is also the shape of the
// login response's `well_known` (MSC1730).
struct WellKnown
{
    QUrl homeserverBaseUrl; // normalised: no trailing '/'
    QUrl identityServerBaseUrl; // empty when absent
};

// The spec's outcomes for a document that is not usable, minus IGNORE (a 404, which is the
// caller's business since it depends on the HTTP status).
struct WellKnownError
{
    enum class Outcome { FailPrompt, FailError };
    Outcome outcome;
    QString detail;
};

Expected<WellKnown, WellKnownError> parseWellKnown(const QJsonObject &document);
Expected<WellKnown, WellKnownError> parseWellKnown(const QByteArray &body);

// A base URL as found in a document: absolute http(s) with a host, no user info, no query or
// fragment. Returns an empty URL when it is not one.
QUrl parseBaseUrl(const QString &text);

} // namespace Portico::Matrix
