// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/homeservercheck.h"
#include "matrix/error.h"
#include "matrix/expected.h"
#include "matrix/httpcall.h"
#include "matrix/loginresponse.h"

#include <QJsonObject>

#include <functional>

class QNetworkAccessManager;

namespace Portico::Session {

using LoginHandler
    = std::function<void(const Matrix::Expected<Matrix::LoginResponse, Matrix::Error> &)>;

// POST {base}/_matrix/client/v3/login with `credentials` (the login type and its fields, e.g.
// m.login.token with its token, or m.login.password with identifier and password), adding the
// device name. Whatever made the credentials, a response that lacks user_id, access_token or
// device_id is an InvalidResponse error, never a half session. The returned Call owns the
// request and its 429 retry: cancelling it means the login never reaches the server again.
[[nodiscard]] Matrix::Call startLogin(QNetworkAccessManager &network,
    const Discovery::Homeserver &homeserver, QJsonObject credentials, const QString &deviceName,
    LoginHandler handler);

// "Portico on <hostname>".
QString defaultDeviceName();

} // namespace Portico::Session
