// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/loginresponse.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Portico::Session {

// A signed-in Matrix session, however it was made. Only accessToken and refreshToken are
// secret: they live in the keychain and nowhere else.
struct Session
{
    QString userId;
    QString deviceId;
    QUrl baseUrl; // the bound base URL: every request of this session goes here
    bool plainHttpAllowed = false; // the user chose an http server explicitly
    QString accessToken;
    QString refreshToken;
    QDateTime accessTokenExpiresAt; // UTC; invalid: the token does not expire
    QString loginMethod; // for display and re-authentication, e.g. "sso:github"
    // The API that issued the tokens, and the only one that may refresh or end them (digest §7).
    enum class Api { Legacy, OAuth };
    Api api = Api::Legacy;
    // OAuth 2.0 sessions only: what refresh and sign-out need, without discovery first.
    QUrl oauthIssuer;
    QString oauthClientId;
    QUrl oauthTokenEndpoint;
    QUrl oauthRevocationEndpoint;
    // The server's account management page (MSC4191; invalid: none) and the actions it lists:
    // devices are removed there, since UIA cannot remove them on an OAuth session.
    QUrl oauthAccountManagementUri;
    QStringList oauthAccountManagementActions;

    // Where the user signed in: the server that offered the sign-in methods. It differs from
    // baseUrl when an MSC1730 portal handed the session on to its target; signing in again
    // (after a soft logout) starts here. Empty for sessions stored before it was kept.
    QUrl loginServer;

    bool isValid() const
    {
        return !userId.isEmpty() && !deviceId.isEmpty() && !accessToken.isEmpty()
            && baseUrl.isValid()
            && (api == Api::Legacy || (!oauthClientId.isEmpty() && oauthTokenEndpoint.isValid()));
    }
    bool isOAuth() const { return api == Api::OAuth; }
    // The keychain key and the settings group of this session.
    QString key() const { return userId + u'/' + deviceId; }
};

// The session a successful /login made, living at the bound base URL.
inline Session sessionFromLogin(const Matrix::LoginResponse &response, const QUrl &baseUrl,
    bool plainHttpAllowed, const QString &loginMethod)
{
    Session session;
    session.userId = response.userId;
    session.deviceId = response.deviceId;
    session.accessToken = response.accessToken;
    session.refreshToken = response.refreshToken;
    if (response.expiresInMs)
        session.accessTokenExpiresAt
            = QDateTime::currentDateTimeUtc().addMSecs(*response.expiresInMs);
    session.baseUrl = baseUrl;
    session.plainHttpAllowed = plainHttpAllowed;
    session.loginMethod = loginMethod;
    return session;
}

} // namespace Portico::Session

Q_DECLARE_METATYPE(Portico::Session::Session)
