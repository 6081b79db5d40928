// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/homeservercheck.h"
#include "signin/loginexchange.h"
#include "signin/signinmethod.h"

class QNetworkAccessManager;

namespace Portico::Password {

// Signs in with m.login.password, for servers that offer no single sign-on: the credentials
// only; the /login, the MSC1730 binding and the session are the shared LoginExchange.
// A refusal is failed() with Reason::LoginFailed and the server's error.
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
};

} // namespace Portico::Password
