// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeservercheck.h"

#include "matrix/httpcall.h"
#include "matrix/loginflows.h"

namespace Portico::Discovery {

using FlowsHandler
    = std::function<void(const Matrix::Expected<Matrix::LoginFlows, Matrix::Error> &)>;

// GET {base}/_matrix/client/v3/login, or /r0/login for servers that only speak r0 or answer
// the v3 path with 404. Owns its request (and the r0 one after it): cancel(), a new start()
// or destroying it drops both, and the handler never runs afterwards.
class LoginFlowsFetch
{
public:
    void start(QNetworkAccessManager &network, const Homeserver &homeserver, FlowsHandler handler);
    void cancel() { m_call.cancel(); }
    bool isActive() const { return m_call.isActive(); }

private:
    void fetchFrom(QNetworkAccessManager &network, const Homeserver &homeserver,
        const QString &prefix, bool mayFallBack, FlowsHandler handler);

    Matrix::Call m_call;
};

} // namespace Portico::Discovery
