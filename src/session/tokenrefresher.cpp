// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenrefresher.h"

#include "matrix/endpoint.h"
#include "matrix/httpcall.h"
#include "matrix/logging.h"
#include "matrix/refreshresponse.h"

#include <QNetworkReply>

namespace Portico::Session {

using Matrix::Unexpected;

TokenRefresher::TokenRefresher(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { refreshNow(); });
}

void TokenRefresher::track(const Session &session)
{
    stop();
    m_session = session;
    schedule();
}

void TokenRefresher::stop()
{
    ++m_generation; // an answer still under way is for a session we no longer follow
    m_timer.stop();
    const QList<Done> waiting = std::exchange(m_waiting, {});
    Matrix::Error cancelled;
    cancelled.kind = Matrix::Error::Kind::Cancelled;
    for (const Done &done : waiting)
        if (done)
            done(Unexpected{cancelled});
}

void TokenRefresher::schedule()
{
    m_timer.stop();
    if (m_session.refreshToken.isEmpty() || !m_session.accessTokenExpiresAt.isValid())
        return;
    // Refresh when four fifths of the remaining lifetime are gone: early enough for a slow
    // network, late enough not to refresh all the time.
    const qint64 remaining
        = QDateTime::currentDateTimeUtc().msecsTo(m_session.accessTokenExpiresAt);
    m_timer.start(std::chrono::milliseconds(std::max<qint64>(0, remaining * 4 / 5)));
}

void TokenRefresher::refreshNow(Done done)
{
    if (m_session.refreshToken.isEmpty()) {
        Matrix::Error error;
        error.kind = Matrix::Error::Kind::Matrix;
        error.errcode = QStringLiteral("M_UNKNOWN_TOKEN");
        error.detail = QStringLiteral("no refresh token");
        if (done)
            done(Unexpected{error});
        return;
    }
    m_waiting.append(std::move(done));
    if (m_waiting.size() > 1)
        return; // joins the refresh under way
    m_timer.stop();
    Matrix::HttpRequest request;
    request.verb = QByteArrayLiteral("POST");
    request.url = Matrix::endpoint(m_session.baseUrl, u"/_matrix/client/v3/refresh");
    request.allowPlainHttp = m_session.plainHttpAllowed;
    request.maxRedirects = 0; // never carry the refresh token elsewhere
    request.json = {{QStringLiteral("refresh_token"), m_session.refreshToken}};
    const quint64 generation = m_generation;
    qCDebug(lcSession) << "refreshing the access token of" << m_session.userId;
    Matrix::sendRequest(m_network, request, this, [this, generation](const auto &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            finish(Unexpected{result.error()});
            return;
        }
        const auto response = Matrix::parseRefreshResponse(result->body);
        if (!response) {
            finish(Unexpected{Matrix::Error::invalidResponse(response.error(), result->status)});
            return;
        }
        Session updated = m_session;
        updated.accessToken = response->accessToken;
        if (!response->refreshToken.isEmpty())
            updated.refreshToken = response->refreshToken;
        updated.accessTokenExpiresAt = response->expiresInMs
            ? QDateTime::currentDateTimeUtc().addMSecs(*response->expiresInMs)
            : QDateTime();
        finish(updated);
    });
}

void TokenRefresher::finish(const Matrix::Expected<Session, Matrix::Error> &result)
{
    const QList<Done> waiting = std::exchange(m_waiting, {});
    if (result) {
        m_session = result.value();
        qCInfo(lcSession) << "access token refreshed for" << m_session.userId;
        schedule();
        Q_EMIT refreshed(m_session);
    } else {
        qCWarning(lcSession) << "refresh failed:" << result.error().describe();
        // A transient failure (network, 5xx) is tried again later with the same refresh token.
        if (result.error().kind != Matrix::Error::Kind::Matrix)
            m_timer.start(std::chrono::seconds(30));
        Q_EMIT failed(result.error());
    }
    for (const Done &done : waiting)
        if (done)
            done(result);
}

} // namespace Portico::Session
