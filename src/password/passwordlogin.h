// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/homeservercheck.h"
#include "signin/loginexchange.h"
#include "signin/signinmethod.h"

#include <QDeadlineTimer>
#include <QHash>

class QNetworkAccessManager;

namespace Portico::Password {

// Signs in with m.login.password, for servers that offer no single sign-on: the credentials
// only; the /login, the MSC1730 binding and the session are the shared LoginExchange.
// A refusal is failed() with Reason::LoginFailed and the server's error. A 429 whose wait is too
// long to wait for by itself (Retry-After, retry_after_ms) is remembered for that server and
// user: until it is over, start() fails at once with the time left and asks the server nothing
// (pressing "Sign in" again does not hammer a server that is already refusing).
class PasswordLogin : public SignIn::Method
{
    Q_OBJECT
public:
    explicit PasswordLogin(QNetworkAccessManager &network, QObject *parent = nullptr);

    // `user` is a localpart or a full Matrix ID (sent as an m.id.user identifier).
    // A `deviceId` signs in again on that device (after a soft logout).
    void start(const Discovery::Homeserver &homeserver, const QString &user,
        const QString &password, const QString &deviceId = {});
    void cancel() override;
    bool isRunning() const override { return m_exchange.isRunning(); }

private:
    SignIn::LoginExchange m_exchange;
    QHash<QString, QDeadlineTimer> m_notBefore; // server and user → end of the server's wait
};

} // namespace Portico::Password
