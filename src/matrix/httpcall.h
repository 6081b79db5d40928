// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Portico::Matrix {

// One request to a homeserver, described as data.
struct HttpRequest
{
    QByteArray verb = QByteArrayLiteral("GET");
    QUrl url;
    QJsonObject json; // sent as application/json when verb is not GET
    QString accessToken; // sent as Authorization: Bearer, never logged
    qint64 maxBodyBytes = 1024 * 1024;
    std::chrono::milliseconds timeout{20000};
    // Plain http is refused unless the host is loopback or the user chose an http server.
    bool allowPlainHttp = false;
    int maxRedirects = 5;
    // A 429 is retried by itself this many times, when the wait it asks for is short enough.
    // (An abort() of the returned reply ends only the attempt in flight; callers that may
    // abandon a request also check that its answer is still wanted.)
    int rateLimitRetries = 2;
    std::chrono::milliseconds maxRetryWait{10000};
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QUrl finalUrl; // after redirects
};

using HttpHandler = std::function<void(const Expected<HttpResponse, Error> &)>;

// Sends `request` asynchronously. `handler` runs once, on `context`'s thread, unless `context`
// is gone by then. Any non-2xx status becomes an Error built from the body. Returns the reply so
// that the caller can abort() it (the handler then gets Kind::Cancelled), or null when the
// request was refused before sending.
QPointer<QNetworkReply> sendRequest(QNetworkAccessManager &network, const HttpRequest &request,
    QObject *context, HttpHandler handler);

// The JSON object a 2xx body must be, or Kind::NotJson.
Expected<QJsonObject, Error> jsonObject(const HttpResponse &response);

} // namespace Portico::Matrix
