// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenrefresher.h"

#include "matrix/duration.h"
#include "matrix/endpoint.h"
#include "matrix/logging.h"
#include "matrix/refreshresponse.h"

namespace Portico::Session {

using Matrix::Unexpected;
using namespace std::chrono_literals;

namespace {
const QString V3Refresh = QStringLiteral("/_matrix/client/v3/refresh");
const QString V1Refresh = QStringLiteral("/_matrix/client/v1/refresh"); // MSC2918, Synapse < 1.72

// After a transient failure (network, 5xx, both paths missing) the same refresh token is tried
// again after this long, or as long as the server asked.
constexpr std::chrono::milliseconds TransientRetry = 30s;
} // namespace

TokenRefresher::TokenRefresher(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_refreshPath(V3Refresh)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        // A timer clamped to the int limit fires long before the refresh is due: plan again.
        if (m_now().msecsTo(m_plannedAt) > 1000) {
            planAt(m_plannedAt, std::chrono::milliseconds(m_now().msecsTo(m_plannedAt)));
            return;
        }
        refreshNow();
    });
}

bool TokenRefresher::isUnrecognized(const Matrix::Error &error)
{
    if (error.is(u"M_UNRECOGNIZED"))
        return true;
    return error.errcode.isEmpty() && (error.httpStatus == 404 || error.httpStatus == 405);
}

bool TokenRefresher::isRefusal(const Matrix::Error &error)
{
    return error.kind == Matrix::Error::Kind::Matrix && error.httpStatus >= 400
        && error.httpStatus < 500 && !isUnrecognized(error);
}

void TokenRefresher::track(const Session &session)
{
    stop();
    m_session = session;
    schedule();
}

void TokenRefresher::stop()
{
    m_call.cancel(); // an answer still under way is for a session we no longer follow
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
    const QDateTime now = m_now();
    const qint64 remaining = std::max<qint64>(0, now.msecsTo(m_session.accessTokenExpiresAt));
    // remaining * 4 / 5 without the product, which overflows for an expiry near the end of
    // QDateTime's range (and the timer then fired at once).
    const std::chrono::milliseconds wait(remaining / 5 * 4 + remaining % 5 * 4 / 5);
    planAt(now.addMSecs(wait.count()), wait);
}

void TokenRefresher::planAt(const QDateTime &when, std::chrono::milliseconds wait)
{
    m_plannedAt = when;
    m_timer.start(Matrix::timerInterval(wait));
}

void TokenRefresher::refreshNow(Done done)
{
    if (m_session.refreshToken.isEmpty()) {
        Matrix::Error error;
        error.kind = Matrix::Error::Kind::Matrix;
        error.httpStatus = 401;
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
    m_triedFallback = false;
    send();
}

void TokenRefresher::send()
{
    if (m_exchange) {
        m_call = m_exchange(m_session, [this](const auto &result) { finish(result); });
        return;
    }
    Matrix::HttpRequest request;
    request.verb = QByteArrayLiteral("POST");
    request.url = Matrix::endpoint(m_session.baseUrl, m_refreshPath);
    request.allowPlainHttp = m_session.plainHttpAllowed;
    request.maxRedirects = 0; // never carry the refresh token elsewhere
    request.json = {{QStringLiteral("refresh_token"), m_session.refreshToken}};
    qCDebug(lcSession) << "refreshing the access token of" << m_session.userId << "at"
                       << m_refreshPath;
    m_call = Matrix::startCall(m_network, request, [this](const auto &result) {
        if (!result) {
            if (isUnrecognized(result.error()) && !m_triedFallback) {
                // The other path, once per refresh; remembered when it works.
                m_triedFallback = true;
                const QString other = m_refreshPath == V3Refresh ? V1Refresh : V3Refresh;
                qCInfo(lcSession) << "the server does not serve" << m_refreshPath << "; trying"
                                  << other;
                m_refreshPath = other;
                send();
                return;
            }
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
        updated.accessTokenExpiresAt
            = response->expiresInMs ? m_now().addMSecs(*response->expiresInMs) : QDateTime();
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
        // Anything but a refusal is tried again later with the same refresh token.
        if (!isRefusal(result.error())) {
            const std::chrono::milliseconds wait
                = std::max(TransientRetry, result.error().retryAfter.value_or(0ms));
            planAt(m_now().addMSecs(wait.count()), wait);
        }
        Q_EMIT failed(result.error());
    }
    for (const Done &done : waiting)
        if (done)
            done(result);
}

} // namespace Portico::Session
