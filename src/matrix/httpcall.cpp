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

QPointer<QNetworkReply> sendRequest(QNetworkAccessManager &network, const HttpRequest &request,
    QObject *context, HttpHandler handler)
{
    if (request.url.scheme() != u"https"
        && !(request.url.scheme() == u"http"
            && (request.allowPlainHttp || isLoopback(request.url)))) {
        Error error;
        error.kind = Error::Kind::InsecureUrl;
        error.detail = forLog(request.url);
        QTimer::singleShot(0, context, [handler, error] { handler(Unexpected{error}); });
        return nullptr;
    }

    QNetworkRequest netRequest(request.url);
    netRequest.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    netRequest.setMaximumRedirectsAllowed(request.maxRedirects);
    netRequest.setRawHeader("Accept", "application/json");
    if (!request.accessToken.isEmpty())
        netRequest.setRawHeader("Authorization", "Bearer " + request.accessToken.toUtf8());

    QNetworkReply *reply = nullptr;
    if (request.verb == "GET") {
        reply = network.get(netRequest);
    } else {
        netRequest.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        reply = network.sendCustomRequest(
            netRequest, request.verb, QJsonDocument(request.json).toJson(QJsonDocument::Compact));
    }
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
    // Deleted when done even if `context` is gone by then.
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QObject::connect(reply, &QNetworkReply::finished, context,
        [reply, tooLarge, timedOut, handler, context, network = &network,
            retry = request]() mutable {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (*tooLarge) {
                Error error;
                error.kind = Error::Kind::TooLarge;
                error.httpStatus = status;
                handler(Unexpected{error});
                return;
            }
            const QByteArray body = reply->readAll();
            const bool redirectProblem = reply->error() == QNetworkReply::TooManyRedirectsError
                || reply->error() == QNetworkReply::InsecureRedirectError;
            if (status == 0 || reply->error() != QNetworkReply::NoError) {
                if (status >= 300 && !redirectProblem) {
                    const Error error = errorFromResponse(status, body,
                        reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
                    const auto wait = error.retryAfter.value_or(std::chrono::milliseconds(1000));
                    if (error.kind == Error::Kind::RateLimited && retry.rateLimitRetries > 0
                        && wait <= retry.maxRetryWait) {
                        qCInfo(lcMatrix) << "rate limited; retrying in" << wait.count() << "ms";
                        --retry.rateLimitRetries;
                        QTimer::singleShot(wait, context, [network, retry, context, handler] {
                            sendRequest(*network, retry, context, handler);
                        });
                        return;
                    }
                    handler(Unexpected{error});
                    return;
                }
                Error error;
                error.kind = *timedOut ? Error::Kind::Timeout : kindOf(reply->error());
                if (redirectProblem)
                    error.detail = QStringLiteral("redirect loop or insecure redirect");
                else
                    error.detail = reply->errorString();
                qCDebug(lcMatrix) << "request failed:" << error.detail;
                handler(Unexpected{error});
                return;
            }
            handler(HttpResponse{status, body,
                reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->url()});
        });
    return reply;
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
