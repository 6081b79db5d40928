// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionkeeper.h"

#include "accountclient.h"

#include "matrix/duration.h"
#include "matrix/logging.h"

#include <algorithm>

namespace Portico::Session {

SessionKeeper::SessionKeeper(
    QNetworkAccessManager &network, const Session &session, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_session(session)
    , m_refresher(network)
    , m_revoker(network)
{
    if (m_session.isOAuth())
        m_refresher.setExchange([this](const Session &current, TokenRefresher::Done done) {
            return OAuth::startRefresh(m_network, current,
                [done = std::move(done)](const OAuth::OAuthRefresher::Result &result) {
                    using Outcome = OAuth::OAuthRefresher::Outcome;
                    switch (result.outcome) {
                    case Outcome::Refreshed:
                        done(result.session);
                        return;
                    case Outcome::TryLater: // the transport's or the server's error, kept
                        done(Matrix::Unexpected{result.error.error});
                        return;
                    case Outcome::SessionEnded:
                        break;
                    }
                    // The token endpoint refused the refresh token: a refusal to the keeper,
                    // like the legacy endpoint's M_UNKNOWN_TOKEN (the device is gone too).
                    Matrix::Error refused = result.error.error;
                    refused.kind = Matrix::Error::Kind::Matrix;
                    if (refused.httpStatus < 400 || refused.httpStatus >= 500)
                        refused.httpStatus = 400;
                    refused.errcode = QStringLiteral("M_UNKNOWN_TOKEN");
                    refused.softLogout = false;
                    if (result.error.oauth)
                        refused.detail = result.error.oauth->error;
                    done(Matrix::Unexpected{refused});
                });
        });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SessionKeeper::verify);
    connect(&m_refresher, &TokenRefresher::refreshed, this, [this](const Session &refreshed) {
        // The refresher's copy may predate setAccountManagement().
        const QUrl accountPage = m_session.oauthAccountManagementUri;
        const QStringList actions = m_session.oauthAccountManagementActions;
        m_session = refreshed;
        m_session.oauthAccountManagementUri = accountPage;
        m_session.oauthAccountManagementActions = actions;
        if (!m_signingOut)
            Q_EMIT sessionUpdated(m_session);
    });
    connect(&m_refresher, &TokenRefresher::failed, this, [this](const Matrix::Error &error) {
        // A refused refresh token ends the session; anything else is retried by the refresher.
        // A check or a sign-out waiting for this refresh decides for itself.
        if (m_checkAwaitsRefresh || m_signingOut)
            return;
        if (TokenRefresher::isRefusal(error) && m_state != State::Ended
            && m_state != State::SoftLoggedOut)
            end(error);
    });
    m_refresher.track(m_session);
}

std::optional<std::chrono::milliseconds> SessionKeeper::plannedRetryWait() const
{
    if (!m_retry.isActive())
        return std::nullopt;
    return m_retry.intervalAsDuration();
}

void SessionKeeper::setClock(TokenRefresher::Clock clock)
{
    m_now = clock;
    m_refresher.setClock(std::move(clock));
    if (!m_refresher.isRefreshing())
        m_refresher.track(m_session);
}

void SessionKeeper::setAccountManagement(const QUrl &uri, const QStringList &actions)
{
    if (m_session.oauthAccountManagementUri == uri
        && m_session.oauthAccountManagementActions == actions)
        return;
    m_session.oauthAccountManagementUri = uri;
    m_session.oauthAccountManagementActions = actions;
    if (!m_signingOut)
        Q_EMIT sessionUpdated(m_session);
}

void SessionKeeper::verify()
{
    if (m_state == State::Ended || m_state == State::SoftLoggedOut)
        return;
    m_retry.stop();
    m_nextRetry = {};
    check(true);
}

void SessionKeeper::markVerified()
{
    m_retry.stop();
    m_failedAttempts = 0;
    m_nextRetry = {};
    setState(State::Verified);
}

void SessionKeeper::stop()
{
    ++m_generation;
    m_check.cancel();
    m_retry.stop();
    m_refresher.stop();
}

void SessionKeeper::check(bool mayRefresh)
{
    setState(State::Verifying);
    const quint64 generation = ++m_generation;
    const QString sentWith = m_session.accessToken;
    m_check = AccountClient(m_network).whoami(
        m_session, [this, generation, mayRefresh, sentWith](const auto &result) {
            if (generation != m_generation)
                return;
            if (result) {
                markVerified();
                return;
            }
            const Matrix::Error error = result.error();
            if (!error.is(u"M_UNKNOWN_TOKEN")) {
                retryLater(error);
                return;
            }
            if (m_session.accessToken != sentWith) {
                // Refused the token a refresh has replaced meanwhile: ask with the new one.
                check(mayRefresh);
                return;
            }
            if (!mayRefresh || m_session.refreshToken.isEmpty()) {
                // No refresh token, or refused again right after a refresh: soft_logout decides.
                end(error);
                return;
            }
            // An expired access token (soft_logout or not): refresh, then ask once more.
            m_checkAwaitsRefresh = true;
            m_refresher.refreshNow([this, generation, error](const auto &refreshed) {
                m_checkAwaitsRefresh = false;
                if (generation != m_generation)
                    return;
                if (refreshed) {
                    check(false);
                    return;
                }
                if (!TokenRefresher::isRefusal(refreshed.error())) {
                    // Offline, a server fault, or no refresh endpoint: not a sign-out.
                    retryLater(refreshed.error());
                    return;
                }
                // The server kept the device if either answer says so.
                Matrix::Error why = refreshed.error();
                why.softLogout = why.softLogout || error.softLogout;
                end(why);
            });
        });
}

void SessionKeeper::signOut(SignOutDone done)
{
    ++m_generation; // no check answers any more, none is planned
    m_check.cancel();
    m_retry.stop();
    m_signingOut = true;
    if (m_session.isOAuth())
        revoke(done);
    else
        sendLogout(true, done);
}

void SessionKeeper::revoke(const SignOutDone &done)
{
    m_refresher.stop();
    m_revoker.revoke(m_session, [done](bool revoked, const OAuth::TokenError &error) {
        if (revoked) {
            done(true);
            return;
        }
        // Not revoked: the server could not be asked (or has no revocation endpoint); the
        // caller asks before removing the account here only.
        done(Matrix::Unexpected{error.error});
    });
}

void SessionKeeper::sendLogout(bool mayRefresh, const SignOutDone &done)
{
    m_logout
        = AccountClient(m_network).logout(m_session, [this, mayRefresh, done](const auto &result) {
              if (result || !result.error().is(u"M_UNKNOWN_TOKEN") || !mayRefresh
                  || m_session.refreshToken.isEmpty()) {
                  m_refresher.stop();
                  done(result);
                  return;
              }
              // An expired access token: the server still has the device. Refresh and log out
              // with the new token, or the device would stay there.
              const Matrix::Error expired = result.error();
              m_refresher.refreshNow([this, done, expired](const auto &refreshed) {
                  if (refreshed) {
                      sendLogout(false, done);
                      return;
                  }
                  m_refresher.stop();
                  // Refused: the server has ended the session itself. Anything else: it could
                  // not be asked, and the caller says so.
                  done(Matrix::Unexpected{
                      TokenRefresher::isRefusal(refreshed.error()) ? expired : refreshed.error()});
              });
          });
}

void SessionKeeper::retryLater(const Matrix::Error &error)
{
    // Offline, a server hiccup or rate limiting: not "signed out". Ask again later, waiting
    // twice as long each time (and at least as long as the server asked).
    m_lastError = error;
    const int exponent = std::min(m_failedAttempts, 20);
    ++m_failedAttempts;
    std::chrono::milliseconds wait = std::min<std::chrono::milliseconds>(
        m_backoff.first * (qint64(1) << exponent), m_backoff.max);
    if (error.retryAfter)
        wait = std::max<std::chrono::milliseconds>(
            wait, std::min<std::chrono::milliseconds>(*error.retryAfter, m_backoff.max));
    m_nextRetry = m_now().addMSecs(wait.count());
    m_retry.start(Matrix::timerInterval(wait));
    qCInfo(lcSession) << "could not check the session of" << m_session.userId << "("
                      << error.describe() << "); next try in" << wait.count() << "ms";
    setState(State::Offline);
}

void SessionKeeper::end(const Matrix::Error &why)
{
    m_lastError = why;
    stop();
    qCInfo(lcSession) << "the server ended the session of" << m_session.userId
                      << (why.softLogout ? "(soft logout)" : "");
    setState(why.softLogout ? State::SoftLoggedOut : State::Ended);
}

void SessionKeeper::setState(State state)
{
    if (m_state == state && state != State::Offline)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Portico::Session
