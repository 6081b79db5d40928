// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/homeservercheck.h"
#include "matrix/error.h"
#include "session/session.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace Portico::Password {

// Signs in with m.login.password, for servers that offer no single sign-on: the same /login,
// and the same MSC1730 binding, as the SSO path.
class PasswordLogin : public QObject
{
    Q_OBJECT
public:
    explicit PasswordLogin(QNetworkAccessManager &network, QObject *parent = nullptr);

    // `user` is a localpart or a full Matrix ID (sent as an m.id.user identifier).
    // A `deviceId` signs in again on that device (after a soft logout).
    void start(const Discovery::Homeserver &homeserver, const QString &user,
        const QString &password, const QString &deviceId = {});
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void signedIn(const Portico::Session::Session &session, const QString &warning);
    void failed(const Portico::Matrix::Error &error);

private:
    QNetworkAccessManager &m_network;
    QPointer<QNetworkReply> m_reply;
    quint64 m_attempt = 0;
    bool m_running = false;
};

} // namespace Portico::Password
