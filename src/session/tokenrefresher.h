// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include "matrix/error.h"
#include "matrix/expected.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;

namespace Portico::Session {

// Keeps one session's access token fresh: refreshes it shortly before it expires, and at once
// when asked (after an M_UNKNOWN_TOKEN). However many ask at the same time, one refresh request
// is made and all of them get its outcome. A refresh response without a new refresh token keeps
// the old one.
class TokenRefresher : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Matrix::Expected<Session, Matrix::Error> &)>;

    explicit TokenRefresher(QNetworkAccessManager &network, QObject *parent = nullptr);

    // Follows `session` from now on (a session without refresh token is never refreshed).
    void track(const Session &session);
    void stop();
    const Session &session() const { return m_session; }
    bool isRefreshing() const { return !m_waiting.isEmpty(); }

    // Refreshes now, or joins the refresh under way.
    void refreshNow(Done done = {});

Q_SIGNALS:
    void refreshed(const Portico::Session::Session &session);
    // The refresh token was refused (M_UNKNOWN_TOKEN, possibly soft_logout) or the server failed.
    void failed(const Portico::Matrix::Error &error);

private:
    void schedule();
    void finish(const Matrix::Expected<Session, Matrix::Error> &result);

    QNetworkAccessManager &m_network;
    Session m_session;
    QTimer m_timer;
    QList<Done> m_waiting;
    quint64 m_generation = 0;
};

} // namespace Portico::Session
