// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcall.h"

#include "endpoint.h"
#include "logging.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace Portico::Matrix {

namespace {
Error::Kind kindOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::HostNotFoundError:
        return Error::Kind::HostNotFound;
    case QNetworkReply::ConnectionRefusedError:
        return Error::Kind::ConnectionRefused;
    case QNetworkReply::TimeoutError:
        return Error::Kind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        return Error::Kind::Tls;
    case QNetworkReply::OperationCanceledError:
        return Error::Kind::Cancelled;
    default:
        return Error::Kind::Network;
    }
}

QString forLog(const QUrl &url)
{
    // Queries may carry a loginToken or a redirectUrl with a nonce: never log them.
    return url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
}
} // namespace

struct CallState
{
    QNetworkAccessManager *network = nullptr;
    HttpRequest request; // its rateLimitRetries count down with each retry
    HttpHandler handler;
    QPointer<QNetworkReply> reply; // the attempt in flight
    bool active = true;
    // Set only for the deprecated sendRequest(), whose calls nobody owns: they keep themselves
    // alive until they finish.
    std::shared_ptr<CallState> self;

    void finish(const Expected<HttpResponse, Error> &result)
    {
        active = false;
        const HttpHandler done = std::move(handler);
        const std::shared_ptr<CallState> keepAlive = std::move(self);
        done(result);
    }
};

namespace {
void attempt(const std::shared_ptr<CallState> &state);

// Plans the next attempt; a cancelled call never sends it.
void retryLater(const std::shared_ptr<CallState> &state, std::chrono::milliseconds wait)
{
    QTimer::singleShot(wait, state->network, [weak = std::weak_ptr<CallState>(state)] {
        if (const auto live = weak.lock(); live && live->active)
            attempt(live);
    });
}

Expected<HttpResponse, Error> outcome(QNetworkReply *reply, bool tooLarge, bool timedOut,
    HttpRequest &request, bool *retry, std::chrono::milliseconds *wait)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (tooLarge) {
        Error error;
        error.kind = Error::Kind::TooLarge;
        error.httpStatus = status;
        return Unexpected{error};
    }
    const QByteArray body = reply->readAll();
    const bool redirectProblem = reply->error() == QNetworkReply::TooManyRedirectsError
        || reply->error() == QNetworkReply::InsecureRedirectError;
    if (status == 0 || reply->error() != QNetworkReply::NoError) {
        if (status >= 300 && !redirectProblem) {
            const Error error = errorFromResponse(
                status, body, reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
            *wait = error.retryAfter.value_or(std::chrono::milliseconds(1000));
            if (error.kind == Error::Kind::RateLimited && request.rateLimitRetries > 0
                && *wait <= request.maxRetryWait) {
                --request.rateLimitRetries;
                *retry = true;
            }
            return Unexpected{error};
        }
        Error error;
        error.kind = timedOut ? Error::Kind::Timeout : kindOf(reply->error());
        if (redirectProblem)
            error.detail = QStringLiteral("redirect loop or insecure redirect");
        else
            error.detail = reply->errorString();
        qCDebug(lcMatrix) << "request failed:" << error.detail;
        return Unexpected{error};
    }
    return HttpResponse{status, body,
        reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->url()};
}

void attempt(const std::shared_ptr<CallState> &state)
{
    const HttpRequest &request = state->request;
    QNetworkRequest netRequest(request.url);
    netRequest.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    netRequest.setMaximumRedirectsAllowed(request.maxRedirects);
    netRequest.setRawHeader("Accept", "application/json");
    if (!request.accessToken.isEmpty())
        netRequest.setRawHeader("Authorization", "Bearer " + request.accessToken.toUtf8());

    QNetworkReply *reply = nullptr;
    if (request.verb == "GET") {
        reply = state->network->get(netRequest);
    } else {
        netRequest.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = state->network->sendCustomRequest(
            netRequest, request.verb, QJsonDocument(request.json).toJson(QJsonDocument::Compact));
    }
    state->reply = reply;
    qCDebug(lcMatrix) << request.verb << forLog(request.url);

    // Our own deadline rather than setTransferTimeout(), whose abort looks like a cancel.
    auto timedOut = std::make_shared<bool>(false);
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    deadline->start(request.timeout);

    // Stop reading as soon as the body is larger than the caller accepts.
    auto tooLarge = std::make_shared<bool>(false);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
        [reply, tooLarge, limit = request.maxBodyBytes](qint64 received, qint64 total) {
            if (received > limit || total > limit) {
                *tooLarge = true;
                reply->abort();
            }
        });
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QObject::connect(reply, &QNetworkReply::finished, reply,
        [reply, tooLarge, timedOut, weak = std::weak_ptr<CallState>(state)] {
            const auto live = weak.lock();
            if (!live || !live->active || live->reply != reply)
                return;
            live->reply = nullptr;
            bool retry = false;
            std::chrono::milliseconds wait{0};
            const auto result = outcome(reply, *tooLarge, *timedOut, live->request, &retry, &wait);
            if (retry) {
                qCInfo(lcMatrix) << "rate limited; retrying in" << wait.count() << "ms";
                retryLater(live, wait);
                return;
            }
            live->finish(result);
        });
}

std::shared_ptr<CallState> begin(
    QNetworkAccessManager &network, const HttpRequest &request, HttpHandler handler)
{
    auto state = std::make_shared<CallState>();
    state->network = &network;
    state->request = request;
    state->handler = std::move(handler);
    if (request.url.scheme() != u"https"
        && !(request.url.scheme() == u"http"
            && (request.allowPlainHttp || isLoopback(request.url)))) {
        Error error;
        error.kind = Error::Kind::InsecureUrl;
        error.detail = forLog(request.url);
        // Answered later, like every other outcome, so that callers see one order of events.
        QMetaObject::invokeMethod(
            &network,
            [weak = std::weak_ptr<CallState>(state), error] {
                if (const auto live = weak.lock(); live && live->active)
                    live->finish(Unexpected{error});
            },
            Qt::QueuedConnection);
        return state;
    }
    attempt(state);
    return state;
}
} // namespace

Call &Call::operator=(Call &&other) noexcept
{
    if (this != &other) {
        cancel();
        m_state = std::move(other.m_state);
    }
    return *this;
}

Call::~Call()
{
    cancel();
}

void Call::cancel()
{
    const std::shared_ptr<CallState> state = std::move(m_state);
    if (!state || !state->active)
        return;
    state->active = false;
    state->handler = {};
    if (QNetworkReply *reply = state->reply) {
        state->reply = nullptr;
        reply->abort();
    }
}

bool Call::isActive() const
{
    return m_state && m_state->active;
}

Call startCall(QNetworkAccessManager &network, const HttpRequest &request, HttpHandler handler)
{
    Call call;
    call.m_state = begin(network, request, std::move(handler));
    return call;
}

QPointer<QNetworkReply> sendRequest(QNetworkAccessManager &network, const HttpRequest &request,
    QObject *context, HttpHandler handler)
{
    auto state = begin(network, request,
        [context = QPointer<QObject>(context), handler = std::move(handler)](const auto &result) {
            if (context)
                handler(result);
        });
    state->self = state; // until it finishes, refused or not
    return state->reply; // null when refused before sending
}

Expected<QJsonObject, Error> jsonObject(const HttpResponse &response)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body, &parseError);
    if (!doc.isObject()) {
        Error error;
        error.kind = Error::Kind::NotJson;
        error.httpStatus = response.status;
        error.detail = parseError.error != QJsonParseError::NoError
            ? parseError.errorString()
            : QStringLiteral("not an object");
        return Unexpected{error};
    }
    return doc.object();
}

} // namespace Portico::Matrix
