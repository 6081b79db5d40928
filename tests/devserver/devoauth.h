// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

#include <optional>

class DevServer;
class QHttpServerRequest;
class QHttpServerResponse;
class QUrlQuery;

// The development homeserver's OAuth 2.0 mode: an authorisation server strict the way the
// Matrix Authentication Service is (registration policy, PKCE, single-use short-lived codes,
// exact redirect URIs with the loopback port ignored, refresh token rotation, revocation, the
// device grant, account management), and a homeserver that accepts the tokens it issues and
// answers GET /login like MAS's compatibility layer. Its paths are under /_oauth/.
class DevOAuth
{
public:
    struct Options
    {
        bool skipConsent = false; // approve as the server's default user without a page
        qint64 codeLifetimeMs = 60000;
        qint64 accessTokenLifetimeMs = 5 * 60 * 1000;
        int deviceIntervalSeconds = 5;
        // How long one second of that interval lasts when polls are judged "too fast": tests
        // shorten it on both sides (DeviceLogin::setSecond()) instead of waiting real seconds.
        qint64 deviceSecondMs = 1000;
        qint64 deviceCodeLifetimeMs = 10 * 60 * 1000;
        bool unstableScopesOnly = false; // advertise and accept only msc2967 scope names
        bool deviceGrant = true;
    };
    // What the token endpoint and the revocation endpoint were asked, for tests.
    struct Revocation
    {
        QString hint; // token_type_hint as sent
        QString found; // "access_token", "refresh_token" or "" (unknown)
    };

    explicit DevOAuth(DevServer &server);

    Options &options() { return m_options; }
    // Answers the request when it is one of the OAuth mode's; nothing otherwise.
    std::optional<QHttpServerResponse> route(
        const QHttpServerRequest &request, const QStringList &segments, bool &authenticated);

    int registrationCount() const { return m_registrationCount; }
    QList<Revocation> revocations() const { return m_revocations; }
    int tokenRequests(const QString &grantType) const { return m_tokenRequests.value(grantType); }
    // The metadata document served at both paths.
    QJsonObject metadata() const;
    // The account management page's visits (GET), as asked: action and device_id.
    struct AccountVisit
    {
        QString action;
        QString deviceId;
    };
    QList<AccountVisit> accountVisits() const { return m_accountVisits; }

private:
    struct Client
    {
        QJsonObject metadata;
        QStringList redirectUris;
        QStringList grantTypes;
    };
    struct Grant // an authorisation request on its way to a code, or a device code
    {
        QString clientId;
        QString redirectUri; // exactly as the authorisation request sent it
        QString scope;
        QString deviceId;
        QString state;
        QString responseMode;
        QString codeChallenge;
        QDateTime expires;
        QString userId; // set once approved
        bool denied = false;
        bool used = false;
        QDateTime lastPoll; // device grant
        int interval = 5; // device grant, seconds
        QStringList issuedAccessTokens; // a replayed code revokes these
    };

    QHttpServerResponse registerClient(const QHttpServerRequest &request);
    QHttpServerResponse authorize(const QHttpServerRequest &request);
    QHttpServerResponse consent(const QHttpServerRequest &request);
    QHttpServerResponse token(const QHttpServerRequest &request);
    QHttpServerResponse codeGrant(const QUrlQuery &form);
    QHttpServerResponse refreshGrant(const QUrlQuery &form);
    QHttpServerResponse deviceCodeGrant(const QUrlQuery &form);
    QHttpServerResponse revoke(const QHttpServerRequest &request);
    QHttpServerResponse deviceAuthorization(const QHttpServerRequest &request);
    QHttpServerResponse devicePage(const QHttpServerRequest &request, bool post);
    QHttpServerResponse accountPage(const QHttpServerRequest &request, bool post);
    QHttpServerResponse loginFlows() const;
    // The response that sends the browser back to the client, with `fields` in its query or
    // fragment.
    QHttpServerResponse redirectBack(const Grant &grant, QUrlQuery fields) const;
    QHttpServerResponse tokensFor(const QString &clientId, const QString &userId,
        const QString &deviceId, const QString &scope, const QString &supersedes = {},
        QString *accessToken = nullptr);
    // The device ID of a Matrix scope, or empty when it has not exactly one valid device scope
    // and the API scope.
    QString deviceOfScope(const QString &scope) const;
    bool redirectUriRegistered(const Client &client, const QString &redirectUri) const;
    QString clientUriProblem(const QJsonObject &metadata) const;
    QString redirectUriProblem(const QString &uri, const QUrl &clientUri) const;
    QUrl url(const QString &path) const;

    DevServer &m_server;
    Options m_options;
    QHash<QString, Client> m_clients; // client_id -> client
    QHash<QString, Grant> m_pending; // consent id -> authorisation request awaiting consent
    QHash<QString, Grant> m_codes; // authorisation code -> its grant
    QHash<QString, Grant> m_deviceCodes; // device code -> its grant
    QHash<QString, QString> m_userCodes; // user code -> device code
    struct RefreshInfo
    {
        QString clientId;
        QString scope;
    };
    QHash<QString, RefreshInfo> m_refreshInfo; // refresh token -> what it was issued for
    int m_registrationCount = 0;
    QList<Revocation> m_revocations;
    QHash<QString, int> m_tokenRequests;
    QList<AccountVisit> m_accountVisits;
    QHash<QString, QString> m_accountForms; // removal form served -> the device it asks about
};
