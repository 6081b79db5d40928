// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauthcalls.h"

#include "matrix/endpoint.h"
#include "matrix/userid.h"

namespace Portico::OAuth {

bool TokenError::isTransient() const
{
    using Kind = Matrix::Error::Kind;
    switch (error.kind) {
    case Kind::HostNotFound:
    case Kind::ConnectionRefused:
    case Kind::Timeout:
    case Kind::Network:
    case Kind::RateLimited:
        return true;
    default:
        return error.httpStatus >= 500 || (error.httpStatus == 0 && !oauth);
    }
}

Matrix::Call registerClient(QNetworkAccessManager &network, const AuthMetadata &metadata,
    const ClientMetadata &client, RegistrationHandler handler)
{
    Matrix::HttpRequest request;
    request.verb = "POST";
    request.url = metadata.registrationEndpoint;
    request.json = client.toJson();
    return Matrix::startCall(network, request, [handler = std::move(handler)](const auto &result) {
        if (!result) {
            handler(Matrix::Unexpected{TokenError{result.error(), oauthErrorOf(result.error())}});
            return;
        }
        const auto parsed = parseClientRegistration(result->body);
        if (!parsed)
            handler(Matrix::Unexpected{TokenError{parsed.error(), std::nullopt}});
        else
            handler(parsed.value());
    });
}

Matrix::Call whoami(QNetworkAccessManager &network, const QUrl &baseUrl, bool plainHttpAllowed,
    const QString &accessToken,
    std::function<void(const Matrix::Expected<WhoAmI, Matrix::Error> &)> handler)
{
    Matrix::HttpRequest request;
    request.url = Matrix::endpoint(baseUrl, u"/_matrix/client/v3/account/whoami");
    request.accessToken = accessToken;
    request.allowPlainHttp = plainHttpAllowed;
    return Matrix::startCall(network, request, [handler = std::move(handler)](const auto &result) {
        if (!result) {
            handler(Matrix::Unexpected{result.error()});
            return;
        }
        const auto object = Matrix::jsonObject(*result);
        if (!object) {
            handler(Matrix::Unexpected{object.error()});
            return;
        }
        WhoAmI who{object->value(u"user_id").toString(), object->value(u"device_id").toString()};
        if (!Matrix::UserId::parse(who.userId) || who.deviceId.isEmpty()) {
            handler(Matrix::Unexpected{Matrix::Error::invalidResponse(
                QStringLiteral("whoami: no valid user_id and device_id"), result->status)});
            return;
        }
        handler(who);
    });
}

Session::Session sessionFrom(const TokenResponse &tokens, const WhoAmI &who, const QUrl &baseUrl,
    bool plainHttpAllowed, const AuthMetadata &metadata, const QString &clientId)
{
    Session::Session session;
    session.userId = who.userId;
    session.deviceId = who.deviceId;
    session.baseUrl = baseUrl;
    session.plainHttpAllowed = plainHttpAllowed;
    session.accessToken = tokens.accessToken;
    session.refreshToken = tokens.refreshToken;
    if (tokens.expiresInSeconds)
        session.accessTokenExpiresAt
            = QDateTime::currentDateTimeUtc().addSecs(*tokens.expiresInSeconds);
    session.loginMethod = QStringLiteral("oauth");
    session.api = Session::Session::Api::OAuth;
    session.oauthIssuer = metadata.issuer;
    session.oauthClientId = clientId;
    session.oauthTokenEndpoint = metadata.tokenEndpoint;
    session.oauthRevocationEndpoint = metadata.revocationEndpoint;
    session.oauthAccountManagementUri = metadata.accountManagementUri;
    session.oauthAccountManagementActions = metadata.accountManagementActions;
    return session;
}

QString loopbackRedirect(const QString &host, const QByteArray &path)
{
    return QStringLiteral("http://") + host + QString::fromLatin1(path);
}

} // namespace Portico::OAuth
