// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "avatarfetch.h"

#include "matrix/endpoint.h"
#include "matrix/logging.h"
#include "matrix/versions.h"

using namespace std::chrono_literals;

namespace Portico::Session {

using Matrix::Unexpected;

void AvatarFetch::fetch(const Session &session, const Matrix::MxcUri &media, const QSize &pixelSize,
    MediaApi known, Handler handler)
{
    cancel();
    m_session = session;
    m_media = media;
    m_pixelSize = pixelSize;
    m_handler = std::move(handler);
    if (known != MediaApi::Unknown) {
        fetchThumbnail(known);
        return;
    }
    Matrix::HttpRequest request;
    request.url = Matrix::endpoint(session.baseUrl, u"/_matrix/client/versions");
    request.allowPlainHttp = session.plainHttpAllowed;
    request.maxRedirects = 0;
    request.maxBodyBytes = 64 * 1024;
    request.timeout = 15s;
    m_call = Matrix::startCall(m_network, request, [this](const auto &result) {
        // A server whose /versions fails now is asked the modern way; its answer decides.
        MediaApi api = MediaApi::Authenticated;
        if (result) {
            if (const auto versions = Matrix::parseVersions(result->body);
                versions && !Matrix::hasAuthenticatedMedia(*versions))
                api = MediaApi::Legacy;
        }
        fetchThumbnail(api);
    });
}

void AvatarFetch::cancel()
{
    m_call.cancel();
    m_handler = nullptr;
    m_session.accessToken.clear();
}

void AvatarFetch::fetchThumbnail(MediaApi api)
{
    Matrix::HttpRequest request;
    request.allowPlainHttp = m_session.plainHttpAllowed;
    request.maxBodyBytes = m_limits.maxBytes;
    request.timeout = 15s;
    request.rateLimitRetries = 1;
    // Never follow a redirect: with the token it could carry it anywhere, and a thumbnail of
    // our own server that moves elsewhere is not worth the doubt.
    request.maxRedirects = 0;
    if (api == MediaApi::Authenticated) {
        request.url = Matrix::authenticatedThumbnailUrl(m_session.baseUrl, m_media, m_pixelSize);
        request.accessToken = m_session.accessToken;
    } else {
        request.url = Matrix::legacyThumbnailUrl(m_session.baseUrl, m_media, m_pixelSize);
    }
    m_call = Matrix::startCall(m_network, request, [this, api](const auto &result) {
        if (!result) {
            // Servers before v1.11 do not know the path: the spec's sign to use the old one.
            if (api == MediaApi::Authenticated && result.error().httpStatus == 404
                && result.error().is(u"M_UNRECOGNIZED")) {
                qCDebug(lcSession) << "avatar: no authenticated media here, legacy path";
                fetchThumbnail(MediaApi::Legacy);
                return;
            }
            finish(Unexpected{result.error()});
            return;
        }
        if (!result->contentType.startsWith("image/")) {
            finish(Unexpected{Matrix::Error::invalidResponse(
                QStringLiteral("not an image: ") + QString::fromLatin1(result->contentType),
                result->status)});
            return;
        }
        auto image = Matrix::decodeCheckedImage(result->body, m_pixelSize, m_limits);
        if (!image) {
            finish(Unexpected{Matrix::Error::invalidResponse(image.error(), result->status)});
            return;
        }
        finish(Result{*image, result->body, api});
    });
}

void AvatarFetch::finish(const Matrix::Expected<Result, Matrix::Error> &result)
{
    // The handler may start the next fetch (or destroy this one): take it out first.
    Handler handler = std::exchange(m_handler, nullptr);
    m_session.accessToken.clear();
    if (handler)
        handler(result);
}

} // namespace Portico::Session
