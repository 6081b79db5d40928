// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpcall.h"

#include "duration.h"
#include "endpoint.h"
#include "logging.h"
#include "portprobe.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
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
    QPointer<PortProbe> probe; // asking the port what it speaks, after a telling failure
    bool active = true;

    void finish(const Expected<HttpResponse, Error> &result)
    {
        active = false;
        const HttpHandler done = std::move(handler);
        done(result);
    }
};

namespace {
void attempt(const std::shared_ptr<CallState> &state);
void probeThenFinish(const std::shared_ptr<CallState> &state, QNetworkReply *reply, bool timedOut);

// How long a TLS handshake may stay silent before the port is asked whether it speaks plain
// http (a plain HTTP server waits for a request line that a ClientHello never ends: without
// this, the user would wait for the whole timeout to learn nothing).
constexpr std::chrono::milliseconds SilentHandshake{1500};
constexpr std::chrono::milliseconds ProbeTimeout{1500};

Error mismatch(const QUrl &url, PortProbe::Speaks speaks)
{
    Error error;
    error.detail = url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    if (speaks == PortProbe::Speaks::PlainHttp) {
        error.kind = Error::Kind::PlainHttpOnTlsPort;
        if (isLoopback(url)) {
            QUrl plain = url.adjusted(
                QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
            plain.setScheme(QStringLiteral("http"));
            error.plainHttpUrl = plain;
        }
    } else {
        error.kind = Error::Kind::TlsOnPlainPort;
    }
    return error;
}

// A failure that the wrong protocol on the port would explain: worth asking the port.
bool mayBeProtocolMismatch(const QUrl &url, QNetworkReply::NetworkError error, bool timedOut)
{
    if (url.scheme() == u"https")
        return error == QNetworkReply::SslHandshakeFailedError
            || error == QNetworkReply::RemoteHostClosedError
            || error == QNetworkReply::UnknownNetworkError
            || error == QNetworkReply::ProtocolFailure || timedOut;
    return error == QNetworkReply::RemoteHostClosedError || error == QNetworkReply::ProtocolFailure
        || error == QNetworkReply::ProtocolUnknownError
        || error == QNetworkReply::UnknownNetworkError;
}

quint16 portOf(const QUrl &url)
{
    return quint16(url.port(url.scheme() == u"https" ? 443 : 80));
}

// Plans the next attempt; a cancelled call never sends it.
void retryLater(const std::shared_ptr<CallState> &state, std::chrono::milliseconds wait)
{
    // Holds the call until the timer fires or the network manager goes: a cancelled call
    // (inactive) sends nothing.
    QTimer::singleShot(timerInterval(wait), state->network, [state] {
        if (state->active)
            attempt(state);
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
    // An aborted reply is closed: reading it would only print "QIODevice::read: device not open".
    const QByteArray body = reply->isOpen() ? reply->readAll() : QByteArray();
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
        reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->url(),
        reply->rawHeader("Cache-Control"), reply->rawHeader("Expires")};
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
    } else if (!request.form.isEmpty()) {
        netRequest.setHeader(QNetworkRequest::ContentTypeHeader,
            QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = state->network->sendCustomRequest(netRequest, request.verb, formBody(request.form));
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
    // A TLS handshake that stays silent: ask the port whether it speaks plain http, and say so
    // at once if it does. Any sign of life (handshake done, headers, body) calls this off.
    auto mismatchFound = std::make_shared<std::optional<Error>>();
    if (request.url.scheme() == u"https") {
        auto *silent = new QTimer(reply);
        silent->setSingleShot(true);
        const auto alive = [silent] { silent->stop(); };
        QObject::connect(reply, &QNetworkReply::encrypted, silent, alive);
        QObject::connect(reply, &QNetworkReply::metaDataChanged, silent, alive);
        QObject::connect(reply, &QNetworkReply::readyRead, silent, alive);
        QObject::connect(silent, &QTimer::timeout, reply, [reply, mismatchFound] {
            const QUrl url = reply->url();
            auto *probe = new PortProbe(url.host(), portOf(url), ProbeTimeout, reply);
            QObject::connect(probe, &PortProbe::finished, reply,
                [reply, mismatchFound, url](PortProbe::Speaks speaks) {
                    if (speaks != PortProbe::Speaks::PlainHttp || reply->isFinished())
                        return;
                    *mismatchFound = mismatch(url, speaks);
                    reply->abort();
                });
            probe->start();
        });
        silent->start(SilentHandshake);
    }

    // A reply destroyed unfinished (its network manager went first) ends the call: nothing is
    // answered.
    auto finished = std::make_shared<bool>(false);
    QObject::connect(
        reply, &QObject::destroyed, [finished, weak = std::weak_ptr<CallState>(state)] {
            if (*finished)
                return;
            if (const auto live = weak.lock()) {
                live->active = false;
                live->handler = {};
            }
        });
    QObject::connect(reply, &QNetworkReply::finished, reply, [finished] { *finished = true; });
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QObject::connect(reply, &QNetworkReply::finished, reply,
        [reply, tooLarge, timedOut, mismatchFound, weak = std::weak_ptr<CallState>(state)] {
            const auto live = weak.lock();
            if (!live || !live->active || live->reply != reply)
                return;
            live->reply = nullptr;
            if (*mismatchFound) {
                qCInfo(lcMatrix) << "the port speaks plain http:" << forLog(reply->url());
                live->finish(Unexpected{**mismatchFound});
                return;
            }
            bool retry = false;
            std::chrono::milliseconds wait{0};
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 0 && !*tooLarge
                && mayBeProtocolMismatch(reply->url(), reply->error(), *timedOut)) {
                probeThenFinish(live, reply, *timedOut);
                return;
            }
            const auto result = outcome(reply, *tooLarge, *timedOut, live->request, &retry, &wait);
            if (retry) {
                qCInfo(lcMatrix) << "rate limited; retrying in" << wait.count() << "ms";
                retryLater(live, wait);
                return;
            }
            live->finish(result);
        });
}

// After a failure the wrong protocol would explain: the port's answer decides what the user
// is told. The reply's own outcome is taken now (the reply is deleted once this returns).
void probeThenFinish(const std::shared_ptr<CallState> &state, QNetworkReply *reply, bool timedOut)
{
    bool retry = false;
    std::chrono::milliseconds wait{0};
    const auto result = outcome(reply, false, timedOut, state->request, &retry, &wait);
    const QUrl url = reply->url();
    const bool https = url.scheme() == u"https";
    auto *probe = new PortProbe(url.host(), portOf(url), ProbeTimeout, state->network);
    state->probe = probe;
    QObject::connect(probe, &PortProbe::finished, probe,
        [probe, result, url, https, weak = std::weak_ptr<CallState>(state)](
            PortProbe::Speaks speaks) {
            probe->deleteLater();
            const auto live = weak.lock();
            if (!live || !live->active)
                return;
            live->probe = nullptr;
            if ((https && speaks == PortProbe::Speaks::PlainHttp)
                || (!https && speaks == PortProbe::Speaks::Tls)) {
                qCInfo(lcMatrix) << "the port speaks" << (https ? "plain http:" : "TLS:")
                                 << forLog(url);
                live->finish(Unexpected{mismatch(url, speaks)});
                return;
            }
            live->finish(result);
        });
    probe->start();
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
            [state, error] { // held until answered, or dropped with the network manager
                if (state->active)
                    state->finish(Unexpected{error});
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
    if (PortProbe *probe = state->probe) {
        state->probe = nullptr;
        probe->deleteLater();
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

QByteArray formBody(const QList<std::pair<QString, QString>> &form)
{
    // Not QUrlQuery: it leaves '+', '&' and '=' alone in values, which a form body cannot.
    QByteArray body;
    for (const auto &[key, value] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
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
