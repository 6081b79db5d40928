// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace Portico::Matrix {

// Everything that can go wrong talking to a homeserver, typed so that callers can react
// (retry, start over, ask the user) rather than parse strings.
struct Error
{
    enum class Kind {
        HostNotFound, // DNS failure
        ConnectionRefused, // nothing listens there
        Timeout, // no answer in time
        Tls, // certificate or handshake problem
        Network, // any other transport failure
        TooLarge, // response body over our limit
        NotJson, // the body is not the JSON object the endpoint promises
        InvalidResponse, // JSON, but not of the promised shape
        Http, // an error status without a Matrix error body
        Matrix, // a Matrix error: see errcode
        RateLimited, // 429, see retryAfter
        Cancelled, // we aborted it
        InsecureUrl, // refused to send anything over plain http to a remote host
        PlainHttpOnTlsPort, // https asked, but the port speaks plain http (see plainHttpUrl)
        TlsOnPlainPort, // plain http asked, but the port speaks TLS
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString errcode; // e.g. M_FORBIDDEN, empty when not a Matrix error
    QString serverMessage; // the server's own `error` text, shown only as detail
    QString detail; // what we found wrong, for logs and the "details" line
    std::optional<std::chrono::milliseconds> retryAfter;
    bool softLogout = false;
    // The error body when it is a JSON object: a User-Interactive Auth 401 carries its flows,
    // session and completed stages here (uia/ parses them). May hold anything the server sent:
    // never log it whole.
    QJsonObject body;
    // PlainHttpOnTlsPort on a loopback host: the http:// address that answers instead (a remote
    // host is never offered plain http).
    QUrl plainHttpUrl;

    bool is(QStringView code) const { return errcode == code; }
    // A 2xx answer that is not the document the endpoint promises.
    static Error invalidResponse(const QString &detail, int httpStatus = 0)
    {
        Error error;
        error.kind = Kind::InvalidResponse;
        error.httpStatus = httpStatus;
        error.detail = detail;
        return error;
    }
    // A short human sentence; callers add what to do about it.
    QString describe() const;
};

// Builds an Error from an HTTP error response. Pure: the caller passes everything in.
// `retryAfterHeader` is the raw Retry-After value (seconds or an HTTP date, RFC 9110),
// `now` is what an HTTP date is measured against.
Error errorFromResponse(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader,
    const QDateTime &now);

// Retry-After as a delay, or nothing when absent or unparsable. Pure.
std::optional<std::chrono::milliseconds> parseRetryAfter(
    const QByteArray &value, const QDateTime &now);

} // namespace Portico::Matrix
