// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QUrl>

#include <memory>
#include <optional>

class QHttpServerResponse;
class DevOAuth;
class DevIntrospection;

// Portico's development homeserver: enough of the Matrix client-server API to sign in through
// SSO and to manage devices behind User-Interactive Auth (with its fallback pages), and strict
// where the spec is (it rejects what a real server rejects), so that it catches client bugs rather
// than hiding them. Listens on loopback only. Usable in-process by tests and as the standalone
// `portico-devserver`.
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
        // Access tokens of clients that ask for refresh_token expire after this (0: never). An
        // expired one is answered like Synapse does: 401 M_UNKNOWN_TOKEN, soft_logout: true.
        qint64 accessTokenLifetimeMs = 0;
        // Like Synapse 1.5x-1.71: refresh only at /_matrix/client/v1/refresh (MSC2918); the v3
        // and r0 paths answer 400 M_UNRECOGNIZED.
        bool refreshAtV1Only = false;
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
        // User-Interactive Auth of DELETE /devices/{id} and POST /delete_devices: the flows
        // offered, each an ordered list of stages. m.login.password (the user's entry in
        // `passwords`), m.login.dummy and m.login.terms can be done through the API; m.login.sso
        // and m.login.terms through their fallback pages; any other stage not at all.
        QList<QStringList> uiaFlows
            = {{QStringLiteral("m.login.password")}, {QStringLiteral("m.login.sso")}};
        // params["m.login.terms"]["policies"]; empty: one privacy policy in English and French.
        QJsonObject uiaTermsPolicies;
        // An auth session unknown for this long is forgotten (answered like an unknown one).
        qint64 uiaSessionLifetimeMs = 10 * 60 * 1000;
        // Offer params["m.login.sso"]["identity_providers"] (early MSC2858 drafts only).
        bool uiaIdentityProviders = false;
        // Devices that exist from the start, each with a live access token:
        // {"user": localpart or user ID, "deviceId", "displayName"?, "lastSeenIp"?, "lastSeenTs"?}
        QJsonArray devices;
        // The OAuth 2.0 API, strict like MAS (devoauth.h), with GET /login as its compatibility
        // layer.
        bool oauth = false;
        // The OAuth 2.0 API through an authorisation server this server did not write
        // (devintrospection.h), as behind MAS: auth_metadata is its discovery document, access
        // tokens are checked by introspection as this confidential client, GET /login is 404.
        QString externalIssuer;
        QString introspectionClientId = QStringLiteral("homeserver");
        QString introspectionClientSecret;
        // Profiles (GET /profile/{userId}): localpart or user ID -> {"displayname"?,
        // "avatar_url"?}. A user with a device but no entry has their localpart as name.
        QHash<QString, QJsonObject> profiles;
        // The authenticated media API (v1.11, /_matrix/client/v1/media). Off: a server from
        // before it, whose /versions stops at v1.10 and whose v1 media paths are 404
        // M_UNRECOGNIZED; on, the legacy thumbnail path is frozen (404 M_NOT_FOUND) as
        // Synapse's is for new media.
        bool authenticatedMedia = true;
        // Media served as stored, whatever it is (huge, broken, another format): media ID ->
        // content type and bytes. Thumbnails of it are the stored bytes, as a server answers
        // for media it cannot thumbnail.
        struct RawMedia
        {
            QByteArray contentType;
            QByteArray body;
        };
        QHash<QString, RawMedia> rawMedia;

        static Config demo();
        // Reads a JSON config; unknown keys are an error, so typos do not go unnoticed.
        static Config fromJson(const QJsonObject &object, QString *error);
    };

    struct LoggedRequest
    {
        QByteArray method;
        QString path;
        bool authenticated = false;
        bool sentToken = false; // an Authorization header or an access_token query came
    };

    explicit DevServer(Config config, QObject *parent = nullptr);

    // Listens on 127.0.0.1; port 0 picks a free one. False if it could not.
    bool start(quint16 port = 0);
    QUrl baseUrl() const;
    quint16 port() const { return m_port; }

    QList<LoggedRequest> requestLog() const { return m_log; }
    void clearRequestLog() { m_log.clear(); }
    // Adds or replaces a fault while the server runs (a server that goes down later).
    void setFault(const QString &path, const Config::Fault &fault)
    {
        m_config.faults[path] = fault;
    }
    // Devices of a user: made by login or addDevice(), ended by logout or deletion.
    QStringList devicesOf(const QString &userId) const;
    bool isAccessTokenValid(const QString &accessToken) const
    {
        const auto it = m_registry->sessions.constFind(accessToken);
        return it != m_registry->sessions.cend() && !it->softLoggedOut
            && (!it->expires.isValid() || it->expires > QDateTime::currentDateTimeUtc());
    }
    // Portal mode: sessions this server issues live in `target`'s registry (same process).
    void shareSessionsWith(DevServer &target) { m_registry = target.m_registry; }
    // The server ends the device's session, keeping the device: its token now answers 401
    // M_UNKNOWN_TOKEN with soft_logout: true (and its refresh token is gone).
    void softLogout(const QString &userId, const QString &deviceId);
    int refreshCount() const { return m_refreshCount; }
    // The device's access tokens expire now, as if their lifetime had passed (its refresh
    // token stays valid): no test has to wait for a wall-clock lifetime.
    void expireAccessTokens(const QString &userId, const QString &deviceId);
    // Adds a device for `userId` as if it had signed in, and returns its access token.
    QString addDevice(const QString &userId, const QString &deviceId,
        const QString &displayName = {}, const QString &lastSeenIp = {}, qint64 lastSeenTs = 0);
    // The display name of a device ("" when it has none or does not exist).
    QString deviceDisplayName(const QString &userId, const QString &deviceId) const
    {
        return m_registry->devices.value(userId).value(deviceId).displayName;
    }
    // UIA sessions made from now on live this long.
    void setUiaSessionLifetimeMs(qint64 ms) { m_config.uiaSessionLifetimeMs = ms; }
    // Whether a UIA session is known and not expired.
    bool hasUiaSession(const QString &session) const;
    // Requests whose method and decoded path are these, in the request log.
    int requestCount(const QByteArray &method, const QString &path) const;
    // The live access tokens of a user, so that tests can look for them where they must not be.
    QStringList accessTokensOf(const QString &userId) const
    {
        QStringList tokens;
        for (auto it = m_registry->sessions.cbegin(); it != m_registry->sessions.cend(); ++it)
            if (it->userId == userId)
                tokens.append(it.key());
        return tokens;
    }

    // The OAuth mode's controls and log; null unless Config::oauth.
    DevOAuth *oauth() const { return m_oauth.get(); }
    // The external issuer's introspection; null unless Config::externalIssuer.
    DevIntrospection *introspection() const { return m_external.get(); }

Q_SIGNALS:
    void requestHandled(const QByteArray &method, const QString &path, int status);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    friend class DevOAuth;
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
        QString uiaSession; // set when this sign-in confirms an m.login.sso UIA stage
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
    struct DeviceInfo
    {
        QString displayName;
        QString lastSeenIp;
        qint64 lastSeenTs = 0; // ms since the epoch; 0: never
    };
    struct Registry
    {
        QHash<QString, SessionInfo> sessions; // access token -> session
        QHash<QString, SessionInfo> refreshTokens; // refresh token -> its session
        QHash<QString, QMap<QString, DeviceInfo>> devices; // user ID -> device ID -> device
    };
    // One User-Interactive Auth session: bound to the user and the request that started it.
    struct UiaSession
    {
        QString userId;
        QByteArray method;
        QString path;
        QJsonObject request; // the body without `auth`
        QStringList completed;
        QDateTime expires;
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
    QHttpServerResponse thumbnail(
        const QHttpServerRequest &request, const QString &server, const QString &mediaId) const;
    QHttpServerResponse profile(
        const QHttpServerRequest &request, const QString &userId, bool &authenticated);
    QHttpServerResponse devicesRoute(const QHttpServerRequest &request, const QStringList &rest,
        const SessionInfo &user, const QByteArray &method, const QString &path);
    QJsonObject deviceJson(const QString &userId, const QString &deviceId) const;
    void deleteDevice(const QString &userId, const QString &deviceId);
    // Nothing when the request may go on; else the 401 challenge or the error to answer.
    std::optional<QHttpServerResponse> userInteractiveAuth(const SessionInfo &user,
        const QByteArray &method, const QString &path, const QJsonObject &body);
    QHttpServerResponse uiaChallenge(
        const QString &session, const char *errcode = nullptr, const QString &error = {}) const;
    // The UIA session, or null when it is unknown or expired (expired ones are forgotten).
    UiaSession *liveUiaSession(const QString &session);
    // Whether `stage` may be done next in `session`, completing it if so.
    bool completeStage(UiaSession &session, const QString &stage);
    bool isUiaComplete(const UiaSession &session) const;
    QHttpServerResponse uiaFallback(
        const QHttpServerRequest &request, const QString &stage, bool post);
    QString newUiaSession(const SessionInfo &user, const QByteArray &method, const QString &path,
        const QJsonObject &request);
    const SessionInfo *authenticate(const QHttpServerRequest &request, QHttpServerResponse *error);
    const SessionInfo *introspected(const QString &accessToken, QHttpServerResponse *error);

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
    QHash<QString, UiaSession> m_uiaSessions;
    std::shared_ptr<DevOAuth> m_oauth;
    std::shared_ptr<DevIntrospection> m_external;
    QHash<QString, SessionInfo> m_introspected; // access token -> its session, as last asked
};
