// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/homeservercheck.h"
#include "matrix/error.h"
#include "matrix/expected.h"
#include "matrix/httpcall.h"
#include "session/baseurlbinding.h"
#include "session/session.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace Portico::SignIn {

// A new session and what the user should know about how it was bound.
struct LoginResult
{
    Session::Session session;
    QString warning; // MSC1730: the base URL the server named was not taken
};

// The tail every credential-based sign-in shares, written once: POST /login with the method's
// credentials, the MSC1730 base URL binding, and the session built from both. Owns its
// requests: cancel(), a new start() or destroying it drops them, 429 retries included, and
// the handler never runs afterwards.
class LoginExchange : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const Matrix::Expected<LoginResult, Matrix::Error> &)>;

    explicit LoginExchange(QNetworkAccessManager &network, QObject *parent = nullptr);

    // `credentials`: the login type and its fields (m.login.token with its token,
    // m.login.password with identifier and password); a non-empty `deviceId` signs in again on
    // that device. `loginMethod` is kept with the session (e.g. "sso:github", "password").
    void start(const Discovery::Homeserver &homeserver, QJsonObject credentials,
        const QString &deviceId, const QString &loginMethod, Handler handler);
    void cancel();
    bool isRunning() const { return m_running; }

private:
    QNetworkAccessManager &m_network;
    Matrix::Call m_login;
    Session::BaseUrlBinder m_binding;
    quint64 m_attempt = 0;
    bool m_running = false;
};

} // namespace Portico::SignIn
