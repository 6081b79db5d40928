// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <utility>

class QNetworkAccessManager;

namespace Portico::Matrix {

// One request to a homeserver, described as data.
struct HttpRequest
{
    QByteArray verb = QByteArrayLiteral("GET");
    QUrl url;
    QJsonObject json; // sent as application/json when verb is not GET and `form` is empty
    // When not empty, sent instead of `json` as application/x-www-form-urlencoded, every byte
    // outside the unreserved set percent-encoded (OAuth endpoints). Holds secrets (codes,
    // verifiers, refresh tokens): never logged.
    QList<std::pair<QString, QString>> form;
    QString accessToken; // sent as Authorization: Bearer, never logged
    qint64 maxBodyBytes = 1024 * 1024;
    std::chrono::milliseconds timeout{20000};
    // Plain http is refused unless the host is loopback or the user chose an http server.
    bool allowPlainHttp = false;
    int maxRedirects = 5;
    // A 429 is retried by itself this many times, when the wait it asks for is short enough
    // (cancelling the Call drops a planned retry too).
    int rateLimitRetries = 2;
    std::chrono::milliseconds maxRetryWait{10000};
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QUrl finalUrl; // after redirects
    // Cache-Control and Expires, for callers that cache what the server lets them cache.
    QByteArray cacheControl{};
    QByteArray expires{};
};

using HttpHandler = std::function<void(const Expected<HttpResponse, Error> &)>;

struct CallState;

// One request to a homeserver, owned: the call's current reply and any retry it has planned
// (a 429's Retry-After) live and die with this handle. cancel(), or destroying the handle,
// aborts the attempt in flight and drops the planned retry; the handler then never runs. Keep
// it as a member of whatever the answer is for, and no handler runs after its owner is gone.
class Call
{
public:
    Call() = default;
    Call(Call &&other) noexcept = default;
    Call &operator=(Call &&other) noexcept;
    Call(const Call &) = delete;
    Call &operator=(const Call &) = delete;
    ~Call();

    void cancel();
    // From the start until the handler has run or the call was cancelled.
    bool isActive() const;

private:
    friend Call startCall(QNetworkAccessManager &, const HttpRequest &, HttpHandler);
    std::shared_ptr<CallState> m_state;
};

// Sends `request` asynchronously; `handler` runs once, later (never inside this call), unless
// the returned Call is cancelled or destroyed first. Any non-2xx status becomes an Error built
// from the body; a 429 is retried as HttpRequest::rateLimitRetries allows.
[[nodiscard]] Call startCall(
    QNetworkAccessManager &network, const HttpRequest &request, HttpHandler handler);

// `form` as an application/x-www-form-urlencoded body. Pure.
QByteArray formBody(const QList<std::pair<QString, QString>> &form);

// The JSON object a 2xx body must be, or Kind::NotJson.
Expected<QJsonObject, Error> jsonObject(const HttpResponse &response);

} // namespace Portico::Matrix
