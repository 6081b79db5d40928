// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "authmetadatafetch.h"

#include "matrix/endpoint.h"
#include "matrix/error.h"
#include "matrix/logging.h"

#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

namespace Portico::Discovery {

namespace {
constexpr std::chrono::seconds MaxLifetime{24 * 3600};
}

std::optional<std::chrono::seconds> cacheLifetime(
    const QByteArray &cacheControl, const QByteArray &expires, const QDateTime &now)
{
    const QString directives = QString::fromLatin1(cacheControl).toLower();
    static const QRegularExpression noReuse(QStringLiteral("(^|[,\\s])(no-store|no-cache)\\b"));
    if (noReuse.match(directives).hasMatch())
        return std::nullopt;
    static const QRegularExpression maxAge(
        QStringLiteral("(^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})"));
    if (const auto match = maxAge.match(directives); match.hasMatch()) {
        const qint64 seconds = match.captured(2).toLongLong();
        if (seconds <= 0)
            return std::nullopt;
        return std::min(std::chrono::seconds(seconds), MaxLifetime);
    }
    if (expires.isEmpty())
        return std::nullopt;
    // An HTTP date, parsed as Retry-After's is; a bare number is no valid Expires (RFC 9111
    // §5.3: it means "already expired").
    bool number = false;
    expires.trimmed().toLongLong(&number);
    const auto delay = number ? std::nullopt : Matrix::parseRetryAfter(expires, now);
    const qint64 seconds = delay ? delay->count() / 1000 : 0;
    if (seconds <= 0)
        return std::nullopt;
    return std::min(std::chrono::seconds(seconds), MaxLifetime);
}

bool hasStableAuthMetadata(const Matrix::Versions &versions)
{
    static const QRegularExpression version(QStringLiteral("^v(\\d+)\\.(\\d+)$"));
    return std::any_of(versions.versions.cbegin(), versions.versions.cend(), [](const QString &v) {
        const auto match = version.match(v);
        if (!match.hasMatch())
            return false;
        const int major = match.captured(1).toInt();
        const int minor = match.captured(2).toInt();
        return major > 1 || (major == 1 && minor >= 15);
    });
}

AuthMetadataFetch::AuthMetadataFetch(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_answerLater.setSingleShot(true);
    m_answerLater.setInterval(0);
    connect(&m_answerLater, &QTimer::timeout, this, [this] {
        const Handler handler = std::move(m_cachedHandler);
        m_cachedHandler = {};
        if (handler)
            handler(m_cachedAnswer);
    });
}

void AuthMetadataFetch::cancel()
{
    m_call.cancel();
    m_answerLater.stop();
    m_cachedHandler = {};
}

void AuthMetadataFetch::fetch(const Homeserver &homeserver, Handler handler)
{
    cancel();
    const QUrl url = Matrix::endpoint(homeserver.baseUrl,
        hasStableAuthMetadata(homeserver.versions)
            ? u"/_matrix/client/v1/auth_metadata"
            : u"/_matrix/client/unstable/org.matrix.msc2965/auth_metadata");
    const QString key = url.toString();
    if (const auto cached = m_cache.constFind(key);
        cached != m_cache.cend() && cached->until > m_clock()) {
        // Answered later, like a fetch from the network.
        m_cachedAnswer = cached->metadata;
        m_cachedHandler = std::move(handler);
        m_answerLater.start();
        return;
    }
    Matrix::HttpRequest request;
    request.url = url;
    request.allowPlainHttp = homeserver.plainHttpAllowed;
    m_call = Matrix::startCall(m_network, request,
        [this, key, handler = std::move(handler)](
            const Matrix::Expected<Matrix::HttpResponse, Matrix::Error> &response) {
            const QDateTime now = m_clock();
            if (!response) {
                const Matrix::Error &error = response.error();
                const bool noOAuth = (error.httpStatus == 404 && error.errcode.isEmpty())
                    || (error.httpStatus == 404 && error.is(u"M_UNRECOGNIZED"))
                    || (error.httpStatus == 405 && error.errcode.isEmpty());
                if (!noOAuth) {
                    handler(Matrix::Unexpected{error});
                    return;
                }
                qCInfo(lcDiscovery) << "no OAuth 2.0 API here";
                handler(std::optional<OAuth::AuthMetadata>());
                return;
            }
            const auto metadata = OAuth::parseAuthMetadata(response->body);
            if (!metadata) {
                qCWarning(lcDiscovery) << "unusable auth_metadata:" << metadata.error().detail;
                handler(Matrix::Unexpected{metadata.error()});
                return;
            }
            if (const auto lifetime = cacheLifetime(response->cacheControl, response->expires, now))
                m_cache.insert(key, {metadata.value(), now.addSecs(lifetime->count())});
            handler(std::optional<OAuth::AuthMetadata>(metadata.value()));
        });
}

} // namespace Portico::Discovery
