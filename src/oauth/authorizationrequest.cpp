// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorizationrequest.h"

#include <QUrlQuery>

namespace Portico::OAuth {

namespace {
QString encoded(const QString &value)
{
    // QUrlQuery leaves '+', '&' and '=' alone in values (digest edge case 11).
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

bool equalInConstantTime(const QString &a, const QString &b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    if (x.size() != y.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < x.size(); ++i)
        diff |= static_cast<unsigned char>(x[i] ^ y[i]);
    return diff == 0;
}
} // namespace

AuthorizationRequest AuthorizationRequest::fresh(
    const QString &clientId, const QString &redirectUri, ScopeNames names)
{
    AuthorizationRequest r;
    r.clientId = clientId;
    r.redirectUri = redirectUri;
    r.deviceId = newDeviceId();
    r.scope = matrixScope(r.deviceId, names);
    r.state = newState();
    r.codeVerifier = newCodeVerifier();
    return r;
}

QUrl AuthorizationRequest::url(const QUrl &authorizationEndpoint) const
{
    QUrl url = authorizationEndpoint;
    QUrlQuery query(url);
    const auto add = [&](const QString &key, const QString &value) {
        query.removeAllQueryItems(key);
        query.addQueryItem(key, encoded(value));
    };
    add(QStringLiteral("response_type"), QStringLiteral("code"));
    add(QStringLiteral("client_id"), clientId);
    add(QStringLiteral("redirect_uri"), redirectUri);
    add(QStringLiteral("scope"), scope);
    add(QStringLiteral("state"), state);
    add(QStringLiteral("response_mode"), QStringLiteral("query"));
    add(QStringLiteral("code_challenge"), codeChallenge(codeVerifier));
    add(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    if (createAccount)
        add(QStringLiteral("prompt"), QStringLiteral("create"));
    url.setQuery(query);
    return url;
}

Matrix::Expected<CallbackResult, CallbackRejection> checkCallback(
    const QUrl &callback, const AuthorizationRequest &request)
{
    const QUrl expected(request.redirectUri);
    if (!callback.isValid() || callback.scheme() != expected.scheme()
        || callback.host() != expected.host() || callback.port() != expected.port()
        || callback.path() != expected.path() || !callback.userInfo().isEmpty())
        return Matrix::Unexpected{CallbackRejection::NotOurs};
    const QUrlQuery query(callback);
    const QStringList states
        = query.allQueryItemValues(QStringLiteral("state"), QUrl::FullyDecoded);
    if (states.isEmpty())
        return Matrix::Unexpected{CallbackRejection::NoState};
    if (states.size() != 1 || !equalInConstantTime(states.first(), request.state))
        return Matrix::Unexpected{CallbackRejection::WrongState};
    // RFC 9207 §2.4, before anything else of the response is used (its error too): a simple
    // string comparison with the issuer the request was sent to.
    const QStringList issuers = query.allQueryItemValues(QStringLiteral("iss"), QUrl::FullyDecoded);
    if (issuers.size() > 1 || (issuers.size() == 1 && issuers.first() != request.issuer)
        || (issuers.isEmpty() && request.issuerRequired))
        return Matrix::Unexpected{CallbackRejection::WrongIssuer};
    CallbackResult result;
    if (query.hasQueryItem(QStringLiteral("error"))) {
        result.error = oauthErrorFromQuery(query);
        if (!result.error) { // an error we cannot read is still an error
            OAuthError unreadable;
            unreadable.error = QStringLiteral("invalid_request");
            unreadable.code = OAuthError::Code::InvalidRequest;
            result.error = unreadable;
        }
        return result;
    }
    const QStringList codes = query.allQueryItemValues(QStringLiteral("code"), QUrl::FullyDecoded);
    if (codes.size() > 1)
        return Matrix::Unexpected{CallbackRejection::SeveralCodes};
    if (codes.isEmpty() || codes.first().isEmpty())
        return Matrix::Unexpected{CallbackRejection::NoCode};
    result.code = codes.first();
    return result;
}

} // namespace Portico::OAuth
