// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include "matrix/error.h"
#include "matrix/expected.h"
#include "matrix/httpcall.h"

#include <functional>

class QNetworkAccessManager;

namespace Portico::Session {

struct WhoAmI
{
    QString userId;
    QString deviceId;
};

// Authenticated requests of a session, always sent to the session's bound base URL. Each
// returned Call owns its request and any 429 retry: keep it as a member of whatever wants the
// answer; cancelling or destroying it means the handler never runs and nothing more is sent.
class AccountClient
{
public:
    using WhoAmIHandler = std::function<void(const Matrix::Expected<WhoAmI, Matrix::Error> &)>;
    using LogoutHandler = std::function<void(const Matrix::Expected<bool, Matrix::Error> &)>;

    explicit AccountClient(QNetworkAccessManager &network)
        : m_network(network)
    {}

    [[nodiscard]] Matrix::Call whoami(const Session &session, WhoAmIHandler handler);
    [[nodiscard]] Matrix::Call logout(const Session &session, LogoutHandler handler);

private:
    QNetworkAccessManager &m_network;
};

} // namespace Portico::Session
