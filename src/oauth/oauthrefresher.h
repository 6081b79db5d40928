// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oauthcalls.h"

#include "matrix/httpcall.h"
#include "session/session.h"

#include <QList>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

class QNetworkAccessManager;

namespace Portico::OAuth {

// Refreshes the access tokens of OAuth sessions (grant_type=refresh_token at the session's
// token endpoint). However many callers ask for one session at the same time, one request is
// made and all of them get its outcome. The rotated refresh token comes out in refreshed()
// before any caller hears of it, so that the keeper stores it before the new access token is
// used (the server keeps the old refresh token until then). A network error, a 429 or a 5xx
// keeps the old tokens (TryLater); any other 4xx ends the session (digest §7).
class OAuthRefresher : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Refreshed, TryLater, SessionEnded };
    struct Result
    {
        Outcome outcome = Outcome::TryLater;
        Session::Session session; // refreshed, or the old one
        TokenError error;
    };
    using Done = std::function<void(const Result &)>;

    explicit OAuthRefresher(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~OAuthRefresher() override;

    // Refreshes `session` (an OAuth one with a refresh token), or joins its refresh under way.
    void refresh(const Session::Session &session, Done done = {});
    bool isRefreshing(const QString &sessionKey) const { return m_pending.count(sessionKey) > 0; }

Q_SIGNALS:
    void refreshed(const Portico::Session::Session &session);
    void sessionEnded(const Portico::Session::Session &session);

private:
    struct Pending
    {
        Session::Session session;
        QList<Done> waiting;
        Matrix::Call call;
    };
    void finish(const QString &key, const Result &result);

    QNetworkAccessManager &m_network;
    std::map<QString, std::unique_ptr<Pending>> m_pending;
};

// One refresh of `session` (grant_type=refresh_token at its token endpoint), owned by the Call:
// the outcome as OAuthRefresher gives it. For callers that do their own joining and planning
// (Session::TokenRefresher, through SessionKeeper).
[[nodiscard]] Matrix::Call startRefresh(QNetworkAccessManager &network,
    const Session::Session &session, std::function<void(const OAuthRefresher::Result &)> done);

// Ends OAuth sessions at the revocation endpoint (RFC 7009): the refresh token, then the
// access token, each with its token_type_hint and the client_id. `done` says whether the
// server took both; a session without revocation endpoint is reported as not revoked.
class OAuthRevoker : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(bool revoked, const TokenError &error)>;

    explicit OAuthRevoker(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~OAuthRevoker() override;

    void revoke(const Session::Session &session, Done done = {});

private:
    struct Pending
    {
        QList<std::pair<QString, QString>> left; // (token, hint) still to revoke
        Session::Session session;
        Done done;
        Matrix::Call call;
    };
    void next(const QString &key);

    QNetworkAccessManager &m_network;
    std::map<QString, std::unique_ptr<Pending>> m_pending;
};

} // namespace Portico::OAuth
