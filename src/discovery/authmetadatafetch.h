// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeservercheck.h"

#include "matrix/httpcall.h"
#include "oauth/authmetadata.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Portico::Discovery {

// How long a response may be reused, from its Cache-Control (max-age; no-store and no-cache
// mean not at all) or else its Expires, measured against `now`; capped at a day. Nothing: do
// not reuse it. Pure.
std::optional<std::chrono::seconds> cacheLifetime(
    const QByteArray &cacheControl, const QByteArray &expires, const QDateTime &now);

// Whether /versions lists v1.15 or later (the stable auth_metadata endpoint). Pure.
bool hasStableAuthMetadata(const Matrix::Versions &versions);

// Fetches a homeserver's OAuth 2.0 authorisation server metadata (Matrix 1.15, MSC2965):
// GET /_matrix/client/v1/auth_metadata, or the unstable
// /_matrix/client/unstable/org.matrix.msc2965/auth_metadata when /versions lacks v1.15.
// A 404 M_UNRECOGNIZED, or a 404/405 without errcode, means the server has no OAuth API: the
// answer is then an empty optional. Answers are kept as long as HTTP caching allows.
//
// Meant to run beside GET /login (LoginFlowsFetch) once the homeserver is known: when it
// answers with metadata, the OAuth API is the sign-in and the legacy flows are only a fallback.
class AuthMetadataFetch : public QObject
{
    Q_OBJECT
public:
    using Result = Matrix::Expected<std::optional<OAuth::AuthMetadata>, Matrix::Error>;
    using Handler = std::function<void(const Result &)>;

    explicit AuthMetadataFetch(QNetworkAccessManager &network, QObject *parent = nullptr);

    // Answers later, never inside this call; a second fetch replaces the first, whose handler
    // then never runs.
    void fetch(const Homeserver &homeserver, Handler handler);
    void cancel();
    // For tests: what "now" is for the cache.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    struct Cached
    {
        std::optional<OAuth::AuthMetadata> metadata;
        QDateTime until;
    };

    QNetworkAccessManager &m_network;
    Matrix::Call m_call;
    QTimer m_answerLater; // a cached answer, given later like any other
    Handler m_cachedHandler;
    std::optional<OAuth::AuthMetadata> m_cachedAnswer;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTimeUtc(); };
    QHash<QString, Cached> m_cache; // metadata URL -> answer
};

} // namespace Portico::Discovery
