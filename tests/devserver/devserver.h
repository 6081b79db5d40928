// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUrl>

#include <memory>

class QHttpServerResponse;

// Portico's development homeserver: enough of the Matrix client-server API to sign in through
// SSO, and strict where the spec is (it rejects what a real server rejects), so that it catches
// client bugs rather than hiding them. Listens on loopback only. Usable in-process by tests and
// as the standalone `portico-devserver`.
class DevServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    struct Config
    {
        QString serverName = QStringLiteral("localhost"); // the Matrix server name
        QJsonArray versions;
        // Providers of the m.login.sso flow; "${BASE}" and "${SERVER_NAME}" in icons are
        // replaced with this server's base URL and server name.
        QJsonArray identityProviders;
        bool skipIdpPage = false; // approve as defaultUser without showing the IdP page
        QString defaultUser = QStringLiteral("alice");
        qint64 loginTokenLifetimeMs = 120000;
        // Media served unauthenticated for IdP icons: media ID -> colour of a generated PNG.
        QHash<QString, QString> media;
        // The login response's base URL (MSC1730). Empty: this server's own base URL.
        QString loginBaseUrl;
        // "well_known" (the spec), "base_cs_url" (the 2018 draft), "both" or "none".
        QString loginBaseUrlField = QStringLiteral("well_known");
        // MSC1730 portal: it signs users in, then answers every authenticated request with 401,
        // since the sessions live on the homeserver its login response names.
        bool portal = false;
        // Users who may sign in with m.login.password: localpart -> password. When there are
        // any, GET /login offers the password flow next to SSO.
        QHash<QString, QString> passwords;
        // Access tokens of clients that ask for refresh_token expire after this (0: never).
        qint64 accessTokenLifetimeMs = 0;
        // GET /login answers this document as it is (after ${BASE}/${SERVER_NAME} substitution)
        // instead of the m.login.sso flow built from identityProviders. A string is sent raw,
        // so it may be broken JSON on purpose.
        QJsonValue loginFlows;
        // Added to every response, to measure what round trips cost.
        int latencyMs = 0;
        // Per path (decoded, without query), or per method and path ("POST /path"): what goes
        // wrong there.
        struct Fault
        {
            int status = 0; // answer with this status...
            QByteArray body; // ...and this body (raw, may be malformed)
            QByteArray contentType = QByteArrayLiteral("application/json");
            QByteArray retryAfter; // Retry-After header, e.g. "2" or an HTTP date
            QString redirectTo; // answer 302 to this path (itself: a redirect loop)
            int latencyMs = 0;
            int times = -1; // how many requests it hits; -1: all
        };
        QHash<QString, Fault> faults;

        static Config demo();
        // Reads a JSON config; unknown keys are an error, so typos do not go unnoticed.
        static Config fromJson(const QJsonObject &object, QString *error);
    };

    struct LoggedRequest
    {
        QByteArray method;
        QString path;
        bool authenticated = false;
    };

    explicit DevServer(Config config, QObject *parent = nullptr);

    // Listens on 127.0.0.1; port 0 picks a free one. False if it could not.
    bool start(quint16 port = 0);
    QUrl baseUrl() const;
    quint16 port() const { return m_port; }

    QList<LoggedRequest> requestLog() const { return m_log; }
    void clearRequestLog() { m_log.clear(); }
    // Devices of a user that hold a live access token.
    QStringList devicesOf(const QString &userId) const;
    bool isAccessTokenValid(const QString &accessToken) const
    {
        return m_registry->sessions.contains(accessToken)
            && !m_registry->sessions.value(accessToken).softLoggedOut;
    }
    // Portal mode: sessions this server issues live in `target`'s registry (same process).
    void shareSessionsWith(DevServer &target) { m_registry = target.m_registry; }
    // The server ends the device's session, keeping the device: its token now answers 401
    // M_UNKNOWN_TOKEN with soft_logout: true (and its refresh token is gone).
    void softLogout(const QString &userId, const QString &deviceId);
    int refreshCount() const { return m_refreshCount; }
    // The live access tokens of a user, so that tests can look for them where they must not be.
    QStringList accessTokensOf(const QString &userId) const
    {
        QStringList tokens;
        for (auto it = m_registry->sessions.cbegin(); it != m_registry->sessions.cend(); ++it)
            if (it->userId == userId)
                tokens.append(it.key());
        return tokens;
    }

Q_SIGNALS:
    void requestHandled(const QByteArray &method, const QString &path, int status);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct LoginToken
    {
        QString userId;
        QDateTime expires;
        bool used = false;
    };
    struct SsoAttempt
    {
        QString idpId;
        QUrl redirectUrl;
    };
    struct SessionInfo
    {
        QString userId;
        QString deviceId;
        QDateTime expires; // invalid: never
        bool softLoggedOut = false; // answered with soft_logout: true
        QString supersedes; // the refresh token this access token replaced (spec: it stays
                            // valid until the new access token is first used)
    };
    struct Registry
    {
        QHash<QString, SessionInfo> sessions; // access token -> session
        QHash<QString, SessionInfo> refreshTokens; // refresh token -> its session
    };

    QHttpServerResponse route(
        const QHttpServerRequest &request, const QStringList &segments, bool &authenticated);
    QHttpServerResponse versions() const;
    QHttpServerResponse loginFlows() const;
    QHttpServerResponse login(const QHttpServerRequest &request);
    QHttpServerResponse refresh(const QHttpServerRequest &request);
    // A fresh access token (and refresh token, when asked) for `session`, as JSON fields.
    QJsonObject issueTokens(SessionInfo session, bool withRefresh);
    QHttpServerResponse ssoRedirect(
        const QHttpServerRequest &request, const QString &idpId, bool perIdp);
    QHttpServerResponse idpPage(const QHttpServerRequest &request) const;
    QHttpServerResponse idpApprove(const QHttpServerRequest &request);
    QHttpServerResponse redirectWithToken(const QUrl &redirectUrl, const QString &localpart);
    QHttpServerResponse media(const QString &server, const QString &mediaId) const;
    const SessionInfo *authenticate(const QHttpServerRequest &request, QHttpServerResponse *error);

    QJsonObject provider(const QString &id) const;

    Config m_config;
    quint16 m_port = 0;
    QHash<QString, LoginToken> m_loginTokens;
    QHash<QString, SsoAttempt> m_attempts;
    // Shared with the target homeserver in portal mode.
    std::shared_ptr<Registry> m_registry = std::make_shared<Registry>();
    QList<LoggedRequest> m_log;
    QHash<QString, int> m_faultHits;
    mutable QHash<QString, QByteArray> m_mediaCache; // media ID -> PNG, drawn on first request
    int m_refreshCount = 0;
};
