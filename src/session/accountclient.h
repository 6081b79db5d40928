// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include "matrix/error.h"
#include "matrix/expected.h"

#include <QPointer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Portico::Session {

struct WhoAmI
{
    QString userId;
    QString deviceId;
};

// Authenticated requests of a session, always sent to the session's bound base URL.
class AccountClient
{
public:
    explicit AccountClient(QNetworkAccessManager &network)
        : m_network(network)
    {}

    QPointer<QNetworkReply> whoami(const Session &session, QObject *context,
        std::function<void(const Matrix::Expected<WhoAmI, Matrix::Error> &)> handler);
    QPointer<QNetworkReply> logout(const Session &session, QObject *context,
        std::function<void(const Matrix::Expected<bool, Matrix::Error> &)> handler);

private:
    QNetworkAccessManager &m_network;
};

} // namespace Portico::Session
