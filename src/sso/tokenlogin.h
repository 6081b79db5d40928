// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/homeservercheck.h"
#include "matrix/error.h"
#include "matrix/expected.h"
#include "matrix/loginresponse.h"

#include <QPointer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Portico::Sso {

using LoginHandler
    = std::function<void(const Matrix::Expected<Matrix::LoginResponse, Matrix::Error> &)>;

// POST {base}/_matrix/client/v3/login with m.login.token. A response that lacks user_id,
// access_token or device_id is an InvalidResponse error, never a half session.
QPointer<QNetworkReply> exchangeLoginToken(QNetworkAccessManager &network,
    const Discovery::Homeserver &homeserver, const QString &loginToken, const QString &deviceName,
    QObject *context, LoginHandler handler);

// "Portico on <hostname>".
QString defaultDeviceName();

} // namespace Portico::Sso
