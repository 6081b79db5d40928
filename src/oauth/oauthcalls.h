// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authmetadata.h"
#include "clientregistration.h"
#include "oautherror.h"
#include "tokenresponse.h"

#include "matrix/httpcall.h"
#include "session/session.h"

#include <functional>
#include <optional>

class QNetworkAccessManager;

// The requests every OAuth flow makes, each owned by the Matrix::Call it returns.
namespace Portico::OAuth {

// A failed token (or device authorisation) request: the OAuth error when the server sent one.
struct TokenError
{
    Matrix::Error error;
    std::optional<OAuthError> oauth;
    // A network error, a 5xx or a 429: the same request may work later.
    bool isTransient() const;
};

using RegistrationHandler
    = std::function<void(const Matrix::Expected<ClientRegistration, TokenError> &)>;
using TokenHandler = std::function<void(const Matrix::Expected<TokenResponse, TokenError> &)>;

// POST the client metadata to the registration endpoint (RFC 7591).
[[nodiscard]] Matrix::Call registerClient(QNetworkAccessManager &network,
    const AuthMetadata &metadata, const ClientMetadata &client, RegistrationHandler handler);

// POST `form` to `endpoint` (the token or device authorisation endpoint) and parse the answer
// with `parse`; its 4xx bodies as OAuth errors.
template<typename T> using FormParser = Matrix::Expected<T, Matrix::Error> (*)(const QByteArray &);
template<typename T>
[[nodiscard]] Matrix::Call postForm(QNetworkAccessManager &network, const QUrl &endpoint,
    const QList<std::pair<QString, QString>> &form, FormParser<T> parse,
    std::function<void(const Matrix::Expected<T, TokenError> &)> handler)
{
    Matrix::HttpRequest request;
    request.verb = "POST";
    request.url = endpoint;
    request.form = form;
    request.rateLimitRetries = 0; // the flows decide when to ask again
    return Matrix::startCall(
        network, request, [parse, handler = std::move(handler)](const auto &result) {
            if (!result) {
                handler(
                    Matrix::Unexpected{TokenError{result.error(), oauthErrorOf(result.error())}});
                return;
            }
            const auto parsed = parse(result->body);
            if (!parsed)
                handler(Matrix::Unexpected{TokenError{parsed.error(), std::nullopt}});
            else
                handler(parsed.value());
        });
}

// Who the access token belongs to (GET /whoami), as the flows check it.
struct WhoAmI
{
    QString userId;
    QString deviceId;
};
[[nodiscard]] Matrix::Call whoami(QNetworkAccessManager &network, const QUrl &baseUrl,
    bool plainHttpAllowed, const QString &accessToken,
    std::function<void(const Matrix::Expected<WhoAmI, Matrix::Error> &)> handler);

// The session a token response and its /whoami make.
Session::Session sessionFrom(const TokenResponse &tokens, const WhoAmI &who, const QUrl &baseUrl,
    bool plainHttpAllowed, const AuthMetadata &metadata, const QString &clientId);

// The redirect URIs Portico registers: loopback ones without a port, and the private-use one.
QString loopbackRedirect(const QString &host, const QByteArray &path); // "http://127.0.0.1/p"
inline const QString PrivateUseRedirect = QStringLiteral("dev.portico:/callback");

} // namespace Portico::OAuth
