// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include "matrix/error.h"
#include "matrix/expected.h"
#include "matrix/httpcall.h"
#include "matrix/imagecheck.h"
#include "matrix/mediaurl.h"

#include <QImage>
#include <QSize>

#include <functional>

class QNetworkAccessManager;

namespace Portico::Session {

// Which media API a server has; learnt once per server and handed back in for the next fetch.
enum class MediaApi {
    Unknown, // ask /versions
    Authenticated, // /_matrix/client/v1/media, with the access token
    Legacy, // /_matrix/media/v3, without any token
};

// One avatar thumbnail of a session's server, checked and decoded. Through the authenticated
// media API with the session's token; the legacy path, without a token, only for servers
// without it (a /versions below v1.11, or a 404 M_UNRECOGNIZED from the authenticated path).
// Every answer is bounded (Matrix::ImageLimits) and refused before decoding when it is too big,
// of another format, or declares too many pixels. One fetch at a time; destroying the fetch or
// cancel() ends it, and the handler never runs after.
class AvatarFetch
{
public:
    struct Result
    {
        QImage image; // decoded once, at the size asked for
        QByteArray bytes; // the checked body, for a disk cache
        MediaApi api = MediaApi::Unknown; // the API that answered
    };
    using Handler = std::function<void(const Matrix::Expected<Result, Matrix::Error> &)>;

    explicit AvatarFetch(QNetworkAccessManager &network)
        : m_network(network)
    {}

    // `pixelSize`: the thumbnail asked of the server, and the size it is decoded to.
    void fetch(const Session &session, const Matrix::MxcUri &media, const QSize &pixelSize,
        MediaApi known, Handler handler);
    void cancel();
    bool isActive() const { return m_call.isActive(); }

    void setLimits(const Matrix::ImageLimits &limits) { m_limits = limits; }

private:
    void fetchThumbnail(MediaApi api);
    void finish(const Matrix::Expected<Result, Matrix::Error> &result);

    QNetworkAccessManager &m_network;
    Matrix::ImageLimits m_limits;
    Matrix::Call m_call;
    Session m_session;
    Matrix::MxcUri m_media;
    QSize m_pixelSize;
    Handler m_handler;
};

} // namespace Portico::Session
