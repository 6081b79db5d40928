// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeservercheck.h"

#include "matrix/loginflows.h"

namespace Portico::Discovery {

using FlowsHandler
    = std::function<void(const Matrix::Expected<Matrix::LoginFlows, Matrix::Error> &)>;

// GET {base}/_matrix/client/v3/login, or /r0/login for servers that only speak r0 or answer
// the v3 path with 404.
QPointer<QNetworkReply> fetchLoginFlows(QNetworkAccessManager &network,
    const Homeserver &homeserver, QObject *context, FlowsHandler handler);

} // namespace Portico::Discovery
