// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "error.h"

#include "duration.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

namespace Portico::Matrix {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Portico::Matrix::Error", text);
}
} // namespace

QString Error::describe() const
{
    switch (kind) {
    case Kind::HostNotFound:
        return tr("The server's name could not be found.");
    case Kind::ConnectionRefused:
        return tr("The server refused the connection.");
    case Kind::Timeout:
        return tr("The server did not answer in time.");
    case Kind::Tls:
        return tr("A secure connection to the server could not be established.");
    case Kind::Network:
        return tr("The server could not be reached.");
    case Kind::TooLarge:
        return tr("The server sent more data than expected.");
    case Kind::NotJson:
    case Kind::InvalidResponse:
        return tr("The server sent an answer Portico does not understand.");
    case Kind::Http:
        return tr("The server answered with an error (HTTP %1).").arg(httpStatus);
    case Kind::RateLimited:
        return tr("The server is busy and asked to wait before trying again.");
    case Kind::Cancelled:
        return tr("The request was cancelled.");
    case Kind::InsecureUrl:
        return tr("The server's address is not secure (plain http).");
    case Kind::PlainHttpOnTlsPort:
        return tr("The server does not speak https at this address: it answers in plain http.");
    case Kind::TlsOnPlainPort:
        return tr("The server speaks https at this address, not plain http.");
    case Kind::Matrix:
        if (errcode == u"M_FORBIDDEN")
            return tr("The server refused the request.");
        if (errcode == u"M_USER_DEACTIVATED")
            return tr("This account has been deactivated.");
        if (errcode == u"M_USER_LOCKED")
            return tr("This account is locked.");
        if (errcode == u"M_UNKNOWN_TOKEN" || errcode == u"M_MISSING_TOKEN")
            return tr("The session is no longer valid.");
        if (errcode == u"M_NOT_FOUND" || errcode == u"M_UNRECOGNIZED")
            return tr("The server does not offer this.");
        return tr("The server answered with an error (%1).").arg(errcode);
    }
    return {};
}

std::optional<std::chrono::milliseconds> parseRetryAfter(
    const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds >= 0 ? std::optional(std::chrono::milliseconds(
                   std::min<qlonglong>(seconds, MaxDurationMs / 1000) * 1000))
                            : std::nullopt;
    // An HTTP date (IMF-fixdate), e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(
        QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(when)));
}

Error errorFromResponse(int httpStatus, const QByteArray &body, const QByteArray &retryAfterHeader,
    const QDateTime &now)
{
    Error error;
    error.httpStatus = httpStatus;
    error.kind = Error::Kind::Http;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject object = doc.object();
        error.body = object;
        if (const QJsonValue code = object.value(u"errcode"); code.isString()) {
            error.kind = Error::Kind::Matrix;
            error.errcode = code.toString();
        }
        error.serverMessage = object.value(u"error").toString().left(500);
        error.softLogout = object.value(u"soft_logout").toBool(false);
        if (const auto ms = durationFromJson(object.value(u"retry_after_ms")))
            error.retryAfter = std::chrono::milliseconds(*ms);
    }
    if (httpStatus == 429) {
        error.kind = Error::Kind::RateLimited;
        // The header is the current way (since v1.10); retry_after_ms is the deprecated one.
        if (auto header = parseRetryAfter(retryAfterHeader, now))
            error.retryAfter = header;
    }
    return error;
}

} // namespace Portico::Matrix
