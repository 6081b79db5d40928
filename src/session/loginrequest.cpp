// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginrequest.h"

#include "matrix/endpoint.h"
#include "matrix/httpcall.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace Portico::Session {

using Matrix::Unexpected;

QString defaultDeviceName()
{
    const QString host = QSysInfo::machineHostName();
    return host.isEmpty()
        ? QStringLiteral("Portico")
        : QCoreApplication::translate("Portico::Session", "Portico on %1").arg(host);
}

namespace {
Matrix::HttpRequest loginRequest(
    const Discovery::Homeserver &homeserver, QJsonObject credentials, const QString &deviceName)
{
    Matrix::HttpRequest request;
    request.verb = QByteArrayLiteral("POST");
    request.url = Matrix::endpoint(
        homeserver.baseUrl, QString(homeserver.versions.clientPrefix() + QStringLiteral("/login")));
    request.allowPlainHttp = homeserver.plainHttpAllowed;
    credentials.insert(QStringLiteral("initial_device_display_name"), deviceName);
    // Ask for a refresh token: short-lived access tokens are safer, and the refresher keeps them
    // fresh. Servers that do not know refresh tokens ignore this.
    credentials.insert(QStringLiteral("refresh_token"), true);
    request.json = credentials;
    return request;
}

Matrix::HttpHandler parsingLogin(LoginHandler handler)
{
    return [handler = std::move(handler)](const auto &result) {
        if (!result) {
            handler(Unexpected{result.error()});
            return;
        }
        auto response = Matrix::parseLoginResponse(result->body);
        if (!response) {
            handler(Unexpected{Matrix::Error::invalidResponse(response.error(), result->status)});
            return;
        }
        handler(std::move(response).value());
    };
}
} // namespace

Matrix::Call startLogin(QNetworkAccessManager &network, const Discovery::Homeserver &homeserver,
    QJsonObject credentials, const QString &deviceName, LoginHandler handler)
{
    return Matrix::startCall(network, loginRequest(homeserver, std::move(credentials), deviceName),
        parsingLogin(std::move(handler)));
}

} // namespace Portico::Session
