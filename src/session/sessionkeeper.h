// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"
#include "tokenrefresher.h"

#include "matrix/error.h"
#include "matrix/httpcall.h"
#include "oauth/oauthrefresher.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Portico::Session {

// Keeps one signed-in session alive: asks its server whether the session still works
// (/account/whoami on the bound base URL), refreshes its access token, and tells when the
// server has ended it. Being offline is not being signed out: the check is retried with
// growing pauses until the server answers.
//
// An M_UNKNOWN_TOKEN while a refresh token is held (Synapse answers an expired access token so,
// with soft_logout: true) means: refresh, then ask once more. Only a refused refresh (the
// refresh endpoint's own 4xx, TokenRefresher::isRefusal()) ends the session; then soft_logout
// (of the request or of the refusal) decides between SoftLoggedOut and Ended.
//
// A session of the OAuth 2.0 API (Session::Api::OAuth) keeps using that API only (digest §7):
// it is refreshed at its token endpoint (a 4xx there ends it, a network error or 5xx is tried
// again later with the old refresh token) and signed out by revoking both of its tokens at the
// revocation endpoint (RFC 7009), never through /refresh or /logout.
class SessionKeeper : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Unverified, // restored from the keychain, not asked yet
        Verifying,
        Verified,
        Offline, // the server could not be asked; retried at nextRetry()
        SoftLoggedOut, // the server ended the session but kept the device
        Ended, // the server no longer knows the session
    };
    Q_ENUM(State)

    struct Backoff
    {
        std::chrono::milliseconds first{2000};
        std::chrono::milliseconds max{5 * 60 * 1000};
    };

    SessionKeeper(
        QNetworkAccessManager &network, const Session &session, QObject *parent = nullptr);

    const Session &session() const { return m_session; }
    QString key() const { return m_session.key(); }
    State state() const { return m_state; }
    // Why the last check failed (Offline) or why the session ended.
    const Matrix::Error &lastError() const { return m_lastError; }
    QDateTime nextRetry() const { return m_nextRetry; }
    // The wait the retry timer was started with, while a retry is planned (Offline): tests read
    // the plan instead of waiting for it.
    std::optional<std::chrono::milliseconds> plannedRetryWait() const;
    int failedAttempts() const { return m_failedAttempts; }

    void setBackoff(Backoff backoff) { m_backoff = backoff; }
    // What "now" is for nextRetry() and for the refresher's plan (tests pass their own; UTC).
    // Set it before verify(): the refresh is planned again by it.
    void setClock(TokenRefresher::Clock clock);
    // Asks the server now (also "Retry now" while offline).
    void verify();
    // The session was just made by a sign-in: it works, no need to ask.
    void markVerified();
    // Stops all timers and requests.
    void stop();
    // Ends the session on the server (POST /logout), so that it forgets the device. An expired
    // access token is refreshed first and the logout sent again. `done` gets the logout's
    // outcome (M_UNKNOWN_TOKEN: the server no longer knew the session, or refused the refresh;
    // any other error: the server could not be asked). Tokens refreshed on the way are not
    // reported through sessionUpdated(): the session is going away. Checks stop for good.
    using SignOutDone = std::function<void(const Matrix::Expected<bool, Matrix::Error> &)>;
    void signOut(SignOutDone done);
    // The server's account management page, found again for a session stored without it (by an
    // older Portico): kept from now on, also across refreshes, and reported through
    // sessionUpdated() so that it is stored.
    void setAccountManagement(const QUrl &uri, const QStringList &actions);
    // The refresher, for tests (its planned refresh) and for clocks.
    TokenRefresher &refresher() { return m_refresher; }

Q_SIGNALS:
    void stateChanged(Portico::Session::SessionKeeper::State state);
    // New tokens: store them.
    void sessionUpdated(const Portico::Session::Session &session);

private:
    void check(bool mayRefresh);
    void setState(State state);
    void end(const Matrix::Error &why);
    void retryLater(const Matrix::Error &error);
    void sendLogout(bool mayRefresh, const SignOutDone &done);
    void revoke(const SignOutDone &done);

    QNetworkAccessManager &m_network;
    Session m_session;
    TokenRefresher m_refresher;
    OAuth::OAuthRevoker m_revoker;
    Matrix::Call m_check; // /whoami; stop() cancels it
    Matrix::Call m_logout; // lives until answered, or with the keeper
    QTimer m_retry;
    Backoff m_backoff;
    State m_state = State::Unverified;
    Matrix::Error m_lastError;
    QDateTime m_nextRetry;
    int m_failedAttempts = 0;
    quint64 m_generation = 0;
    TokenRefresher::Clock m_now = [] { return QDateTime::currentDateTimeUtc(); };
    bool m_checkAwaitsRefresh = false; // a check will judge the refresh outcome itself
    bool m_signingOut = false;
};

} // namespace Portico::Session
