// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauthrefresher.h"

#include "logging.h"

#include <QTimer>

namespace Portico::OAuth {

OAuthRefresher::OAuthRefresher(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

OAuthRefresher::~OAuthRefresher() = default;

void OAuthRefresher::refresh(const Session::Session &session, Done done)
{
    const QString key = session.key();
    if (const auto it = m_pending.find(key); it != m_pending.end()) {
        if (done)
            it->second->waiting.append(std::move(done));
        return;
    }
    auto pending = std::make_unique<Pending>();
    pending->session = session;
    if (done)
        pending->waiting.append(std::move(done));
    Pending &entry = *pending;
    m_pending.emplace(key, std::move(pending));
    if (!session.isOAuth() || session.refreshToken.isEmpty()) {
        Result result;
        result.outcome = Outcome::SessionEnded;
        result.session = session;
        result.error.error = Matrix::Error::invalidResponse(QStringLiteral("nothing to refresh"));
        QTimer::singleShot(0, this, [this, key, result] { finish(key, result); });
        return;
    }
    entry.call = startRefresh(
        m_network, session, [this, key](const Result &result) { finish(key, result); });
}

Matrix::Call startRefresh(QNetworkAccessManager &network, const Session::Session &session,
    std::function<void(const OAuthRefresher::Result &)> done)
{
    using Result = OAuthRefresher::Result;
    using Outcome = OAuthRefresher::Outcome;
    qCInfo(lcOAuth) << "refreshing" << session.userId << session.deviceId;
    return postForm<TokenResponse>(network, session.oauthTokenEndpoint,
        {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
            {QStringLiteral("refresh_token"), session.refreshToken},
            {QStringLiteral("client_id"), session.oauthClientId}},
        parseTokenResponse,
        [session, done = std::move(done)](
            const Matrix::Expected<TokenResponse, TokenError> &tokens) {
            Result result;
            result.session = session;
            if (!tokens) {
                result.error = tokens.error();
                // A 4xx but 429 ends the session; a network error or a 5xx may pass.
                result.outcome
                    = result.error.isTransient() ? Outcome::TryLater : Outcome::SessionEnded;
            } else {
                result.outcome = Outcome::Refreshed;
                result.session.accessToken = tokens->accessToken;
                if (!tokens->refreshToken.isEmpty())
                    result.session.refreshToken = tokens->refreshToken;
                result.session.accessTokenExpiresAt = tokens->expiresInSeconds
                    ? QDateTime::currentDateTimeUtc().addSecs(*tokens->expiresInSeconds)
                    : QDateTime();
            }
            done(result);
        });
}

void OAuthRefresher::finish(const QString &key, const Result &result)
{
    const auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    const QList<Done> waiting = std::move(it->second->waiting);
    m_pending.erase(it);
    switch (result.outcome) {
    case Outcome::Refreshed:
        Q_EMIT refreshed(result.session);
        break;
    case Outcome::SessionEnded:
        qCInfo(lcOAuth) << "the refresh token was refused; the session has ended";
        Q_EMIT sessionEnded(result.session);
        break;
    case Outcome::TryLater:
        qCInfo(lcOAuth) << "refresh failed for now; keeping the old tokens";
        break;
    }
    for (const Done &done : waiting)
        done(result);
}

OAuthRevoker::OAuthRevoker(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

OAuthRevoker::~OAuthRevoker() = default;

void OAuthRevoker::revoke(const Session::Session &session, Done done)
{
    const QString key = session.key();
    auto pending = std::make_unique<Pending>();
    pending->session = session;
    pending->done = std::move(done);
    if (!session.refreshToken.isEmpty())
        pending->left.append({session.refreshToken, QStringLiteral("refresh_token")});
    if (!session.accessToken.isEmpty())
        pending->left.append({session.accessToken, QStringLiteral("access_token")});
    m_pending[key] = std::move(pending); // a second revoke of the same session replaces it
    if (!session.isOAuth() || !session.oauthRevocationEndpoint.isValid()) {
        QTimer::singleShot(0, this, [this, key] {
            const auto it = m_pending.find(key);
            if (it == m_pending.end())
                return;
            const Done finished = std::move(it->second->done);
            m_pending.erase(it);
            TokenError error;
            error.error = Matrix::Error::invalidResponse(QStringLiteral("no revocation endpoint"));
            if (finished)
                finished(false, error);
        });
        return;
    }
    next(key);
}

void OAuthRevoker::next(const QString &key)
{
    const auto it = m_pending.find(key);
    if (it == m_pending.end())
        return;
    Pending &pending = *it->second;
    if (pending.left.isEmpty()) {
        const Done finished = std::move(pending.done);
        m_pending.erase(it);
        qCInfo(lcOAuth) << "tokens revoked";
        if (finished)
            finished(true, {});
        return;
    }
    const auto [token, hint] = pending.left.takeFirst();
    pending.call = postForm<bool>(
        m_network, pending.session.oauthRevocationEndpoint,
        {{QStringLiteral("token"), token}, {QStringLiteral("token_type_hint"), hint},
            {QStringLiteral("client_id"), pending.session.oauthClientId}},
        [](const QByteArray &) -> Matrix::Expected<bool, Matrix::Error> { return true; },
        [this, key](const Matrix::Expected<bool, TokenError> &answer) {
            if (!answer) {
                const auto found = m_pending.find(key);
                if (found == m_pending.end())
                    return;
                const Done finished = std::move(found->second->done);
                m_pending.erase(found);
                qCWarning(lcOAuth) << "revocation failed:" << answer.error().error.detail;
                if (finished)
                    finished(false, answer.error());
                return;
            }
            next(key);
        });
}

} // namespace Portico::OAuth
