// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include "matrix/error.h"
#include "matrix/expected.h"
#include "matrix/httpcall.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace Portico::Session {

// Keeps one session's access token fresh: refreshes it shortly before it expires, and at once
// when asked (after an M_UNKNOWN_TOKEN). However many ask at the same time, one refresh request
// is made and all of them get its outcome. A refresh response without a new refresh token keeps
// the old one.
//
// Refresh lives at /_matrix/client/v3/refresh (Matrix 1.3); Synapse before 1.72 serves it only
// at the MSC2918 path /_matrix/client/v1/refresh and answers v3 with 400 M_UNRECOGNIZED. Such an
// answer (or a 404/405 without errcode) makes the refresher try v1 at once and remember that
// path. A missing endpoint is not a refusal: it never ends the session.
class TokenRefresher : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Matrix::Expected<Session, Matrix::Error> &)>;
    using Clock = std::function<QDateTime()>;

    explicit TokenRefresher(QNetworkAccessManager &network, QObject *parent = nullptr);

    // How one refresh request is made, for sessions of another API than the legacy one (the
    // OAuth 2.0 token endpoint): the planning, joining and retrying stay here. Unset: /refresh.
    using Exchange = std::function<Matrix::Call(const Session &session, Done done)>;
    void setExchange(Exchange exchange) { m_exchange = std::move(exchange); }

    // Follows `session` from now on (a session without refresh token is never refreshed).
    void track(const Session &session);
    void stop();
    const Session &session() const { return m_session; }
    bool isRefreshing() const { return !m_waiting.isEmpty(); }
    // The path refresh requests go to: the v3 one until the server has shown it serves only v1.
    QString refreshPath() const { return m_refreshPath; }

    // Refreshes now, or joins the refresh under way.
    void refreshNow(Done done = {});

    // When the next refresh is planned (invalid: none), by the clock below; and the interval its
    // timer was started with.
    QDateTime plannedRefresh() const { return m_timer.isActive() ? m_plannedAt : QDateTime(); }
    std::chrono::milliseconds timerInterval() const { return m_timer.intervalAsDuration(); }
    // What "now" is when planning (tests pass their own; UTC).
    void setClock(Clock clock) { m_now = std::move(clock); }

    // The refresh endpoint itself refused the refresh token (a 4xx Matrix error other than
    // M_UNRECOGNIZED and M_LIMIT_EXCEEDED): the only refresh failure that ends a session.
    static bool isRefusal(const Matrix::Error &error);
    // The server does not serve refresh at the path asked (M_UNRECOGNIZED, or 404/405 with no
    // Matrix error).
    static bool isUnrecognized(const Matrix::Error &error);

Q_SIGNALS:
    void refreshed(const Portico::Session::Session &session);
    // The refresh failed: refused (see isRefusal()), or the server or network failed (then it is
    // tried again later by itself).
    void failed(const Portico::Matrix::Error &error);

private:
    void schedule();
    void planAt(const QDateTime &when, std::chrono::milliseconds wait);
    void send();
    void finish(const Matrix::Expected<Session, Matrix::Error> &result);

    QNetworkAccessManager &m_network;
    Session m_session;
    QTimer m_timer;
    QDateTime m_plannedAt;
    QList<Done> m_waiting;
    Matrix::Call m_call;
    Exchange m_exchange;
    QString m_refreshPath;
    bool m_triedFallback = false;
    Clock m_now = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace Portico::Session
