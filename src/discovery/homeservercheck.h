// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/error.h"
#include "matrix/expected.h"
#include "matrix/httpcall.h"
#include "matrix/versions.h"

#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace Portico::Discovery {

// A base URL that answered /_matrix/client/versions like a homeserver.
struct Homeserver
{
    QUrl baseUrl;
    Matrix::Versions versions;
    // The user chose this http server explicitly: later requests may use plain http too.
    bool plainHttpAllowed = false;
    bool plainHttp() const { return baseUrl.scheme() == u"http"; }
};

struct CheckError
{
    enum class Reason {
        Insecure, // plain http to a host that is not loopback, not chosen by the user
        Unreachable, // transport failure or HTTP error: see `error`
        NotAHomeserver, // answered, but not with a versions document
    };
    Reason reason;
    Matrix::Error error;
    QString detail;
};

using CheckHandler = std::function<void(const Matrix::Expected<Homeserver, CheckError> &)>;

// Checks that `baseUrl` is a homeserver: https (or http on loopback, or when `allowPlainHttp`),
// and GET /_matrix/client/versions answers with a versions document. Used by discovery and by
// the session binding (MSC1730), so both hold a URL to the same standard. The returned Call owns
// the request: cancelling or destroying it means the handler never runs.
[[nodiscard]] Matrix::Call startHomeserverCheck(
    QNetworkAccessManager &network, const QUrl &baseUrl, bool allowPlainHttp, CheckHandler handler);

} // namespace Portico::Discovery
