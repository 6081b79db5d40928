// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devoauth.h"
#include "httputil.h"

#include "devserver.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace {
using Status = QHttpServerResponse::StatusCode;

constexpr QLatin1StringView DeviceCodeGrant{"urn:ietf:params:oauth:grant-type:device_code"};
constexpr QLatin1StringView StableScope{"urn:matrix:client:"};
constexpr QLatin1StringView UnstableScope{"urn:matrix:org.matrix.msc2967.client:"};

QHttpServerResponse page(const QString &body, int code = 200)
{
    return QHttpServerResponse(QByteArrayLiteral("text/html; charset=utf-8"),
        QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                       "<title>Portico development authorisation server</title>"
                       "<style>body{font-family:sans-serif;max-width:28em;"
                       "margin:3em auto}</style></head><body>%1</body></html>")
            .arg(body)
            .toUtf8(),
        static_cast<Status>(code));
}

QHttpServerResponse oauthError(int code, const char *error, const QString &description)
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("error"), QLatin1StringView(error)},
                                   {QStringLiteral("error_description"), description}},
        static_cast<Status>(code));
}

using DevHttp::header;
using DevHttp::randomToken;

// A form-encoded body (the only kind OAuth endpoints take), or nothing.
std::optional<QUrlQuery> formOf(const QHttpServerRequest &request)
{
    if (!header(request, "content-type").startsWith("application/x-www-form-urlencoded"))
        return std::nullopt;
    return QUrlQuery(QString::fromUtf8(request.body()).replace(u'+', u' '));
}

QString value(const QUrlQuery &query, const char *key)
{
    const QStringList values = query.allQueryItemValues(QLatin1StringView(key), QUrl::FullyDecoded);
    return values.size() == 1 ? values.first() : QString();
}

bool isLoopbackHost(const QString &host)
{
    return host == u"localhost" || host == u"127.0.0.1" || host == u"::1";
}

bool isUnreserved(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')
            || c == u'-' || c == u'.' || c == u'_' || c == u'~';
    });
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}
} // namespace

DevOAuth::DevOAuth(DevServer &server)
    : m_server(server)
{}

QUrl DevOAuth::url(const QString &path) const
{
    return QUrl(m_server.baseUrl().toString() + path);
}

QJsonObject DevOAuth::metadata() const
{
    QJsonArray grants{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")};
    if (m_options.deviceGrant)
        grants.append(QString(DeviceCodeGrant));
    const QLatin1StringView prefix = m_options.unstableScopesOnly ? UnstableScope : StableScope;
    QJsonObject m{
        {QStringLiteral("issuer"), url(QStringLiteral("/")).toString()},
        {QStringLiteral("authorization_endpoint"),
            url(QStringLiteral("/_oauth/authorize")).toString()},
        {QStringLiteral("token_endpoint"), url(QStringLiteral("/_oauth/token")).toString()},
        {QStringLiteral("revocation_endpoint"), url(QStringLiteral("/_oauth/revoke")).toString()},
        {QStringLiteral("registration_endpoint"),
            url(QStringLiteral("/_oauth/register")).toString()},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("response_modes_supported"),
            QJsonArray{QStringLiteral("query"), QStringLiteral("fragment")}},
        {QStringLiteral("grant_types_supported"), grants},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256")}},
        {QStringLiteral("token_endpoint_auth_methods_supported"),
            QJsonArray{QStringLiteral("none")}},
        {QStringLiteral("prompt_values_supported"), QJsonArray{QStringLiteral("create")}},
        {QStringLiteral("scopes_supported"),
            QJsonArray{QString(prefix + QStringLiteral("api:*")),
                QString(prefix + QStringLiteral("device:*"))}},
        {QStringLiteral("account_management_uri"),
            url(QStringLiteral("/_oauth/account")).toString()},
        {QStringLiteral("account_management_actions_supported"),
            QJsonArray{QStringLiteral("org.matrix.profile"),
                QStringLiteral("org.matrix.devices_list"), QStringLiteral("org.matrix.device_view"),
                QStringLiteral("org.matrix.device_delete"),
                QStringLiteral("org.matrix.session_end")}},
    };
    if (m_options.deviceGrant)
        m.insert(QStringLiteral("device_authorization_endpoint"),
            url(QStringLiteral("/_oauth/device")).toString());
    return m;
}

std::optional<QHttpServerResponse> DevOAuth::route(
    const QHttpServerRequest &request, const QStringList &s, bool &authenticated)
{
    Q_UNUSED(authenticated);
    using Method = QHttpServerRequest::Method;
    const Method method = request.method();
    const auto wrongMethod = [] {
        return QHttpServerResponse(
            QJsonObject{{QStringLiteral("errcode"), QStringLiteral("M_UNRECOGNIZED")},
                {QStringLiteral("error"), QStringLiteral("Unrecognized request")}},
            Status::MethodNotAllowed);
    };
    const bool stableMetadata = s
        == QStringList{QStringLiteral("_matrix"), QStringLiteral("client"), QStringLiteral("v1"),
            QStringLiteral("auth_metadata")};
    const bool unstableMetadata = s
        == QStringList{QStringLiteral("_matrix"), QStringLiteral("client"),
            QStringLiteral("unstable"), QStringLiteral("org.matrix.msc2965"),
            QStringLiteral("auth_metadata")};
    if (stableMetadata || unstableMetadata) {
        if (method != Method::Get)
            return wrongMethod();
        return QHttpServerResponse(metadata());
    }
    if (s.size() == 4 && s[0] == u"_matrix" && s[1] == u"client" && (s[2] == u"v3" || s[2] == u"r0")
        && s[3] == u"login" && method == Method::Get)
        return loginFlows();
    if (s.size() != 2 || s[0] != u"_oauth")
        return std::nullopt;
    const QString &what = s[1];
    const bool post = method == Method::Post;
    if (what == u"register")
        return post ? registerClient(request) : wrongMethod();
    if (what == u"authorize")
        return method == Method::Get ? authorize(request) : wrongMethod();
    if (what == u"consent")
        return post ? consent(request) : wrongMethod();
    if (what == u"token")
        return post ? token(request) : wrongMethod();
    if (what == u"revoke")
        return post ? revoke(request) : wrongMethod();
    if (what == u"device")
        return post && m_options.deviceGrant ? deviceAuthorization(request) : wrongMethod();
    if (what == u"link")
        return devicePage(request, post);
    if (what == u"account")
        return accountPage(request, post);
    return std::nullopt;
}

QHttpServerResponse DevOAuth::loginFlows() const
{
    // MAS's compatibility layer: SSO without a provider list, preferring the OAuth API.
    return QHttpServerResponse(QJsonObject{{QStringLiteral("flows"),
        QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.sso")},
                       {QStringLiteral("oauth_aware_preferred"), true},
                       {QStringLiteral("org.matrix.msc3824.delegated_oidc_compatibility"), true}},
            QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.token")}}}}});
}

QString DevOAuth::clientUriProblem(const QJsonObject &metadata) const
{
    const QUrl clientUri(metadata.value(u"client_uri").toString(), QUrl::StrictMode);
    if (!clientUri.isValid() || clientUri.scheme() != u"https" || clientUri.host().isEmpty())
        return QStringLiteral("client_uri must be an https URL");
    if (isLoopbackHost(clientUri.host()) || !QHostAddress(clientUri.host()).isNull())
        return QStringLiteral("client_uri must not be on localhost or an IP address");
    for (const char *key : {"logo_uri", "tos_uri", "policy_uri"}) {
        if (!metadata.contains(QLatin1StringView(key)))
            continue;
        const QUrl uri(metadata.value(QLatin1StringView(key)).toString(), QUrl::StrictMode);
        if (!uri.isValid() || uri.scheme() != u"https" || uri.host() != clientUri.host())
            return QLatin1StringView(key) + QStringLiteral(" must be https on the client_uri host");
    }
    return {};
}

QString DevOAuth::redirectUriProblem(const QString &uri, const QUrl &clientUri) const
{
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return QStringLiteral("not a URL: ") + uri;
    if (url.hasFragment())
        return QStringLiteral("a redirect URI has no fragment");
    if (url.scheme() == u"http") {
        if (!isLoopbackHost(url.host()))
            return QStringLiteral("http redirect URIs only on loopback");
        if (url.port() != -1)
            return QStringLiteral("register loopback redirect URIs without a port (RFC 8252 7.3)");
        return {};
    }
    if (url.scheme() == u"https")
        return url.host() == clientUri.host()
            ? QString()
            : QStringLiteral("https redirect URIs on the client_uri host only");
    // A private-use scheme: the reverse DNS of the client_uri host, and no authority.
    QStringList labels = clientUri.host().split(u'.');
    std::reverse(labels.begin(), labels.end());
    if (url.scheme() != labels.join(u'.'))
        return QStringLiteral(
            "a private-use scheme must be the reverse DNS of the client_uri host");
    if (uri.contains(QStringLiteral("://")))
        return QStringLiteral("a private-use scheme redirect has no authority");
    return {};
}

QHttpServerResponse DevOAuth::registerClient(const QHttpServerRequest &request)
{
    ++m_registrationCount;
    if (!header(request, "content-type").startsWith("application/json"))
        return oauthError(400, "invalid_request", QStringLiteral("Send JSON"));
    const QJsonDocument doc = QJsonDocument::fromJson(request.body());
    if (!doc.isObject())
        return oauthError(400, "invalid_client_metadata", QStringLiteral("Not a JSON object"));
    const QJsonObject m = doc.object();
    if (const QString problem = clientUriProblem(m); !problem.isEmpty())
        return oauthError(400, "invalid_client_metadata", problem);
    if (m.value(u"token_endpoint_auth_method").toString(QStringLiteral("client_secret_basic"))
        != u"none")
        return oauthError(400, "invalid_client_metadata",
            QStringLiteral("only public clients (token_endpoint_auth_method none) here"));
    if (m.contains(u"response_types")
        && m.value(u"response_types").toArray() != QJsonArray{QStringLiteral("code")})
        return oauthError(400, "invalid_client_metadata", QStringLiteral("response_types: [code]"));
    Client client;
    client.metadata = m;
    for (const QJsonValue &grant :
        m.value(u"grant_types").toArray(QJsonArray{QStringLiteral("authorization_code")})) {
        const QString name = grant.toString();
        if (name != u"authorization_code" && name != u"refresh_token"
            && !(name == DeviceCodeGrant && m_options.deviceGrant))
            return oauthError(
                400, "invalid_client_metadata", QStringLiteral("unsupported grant type ") + name);
        client.grantTypes.append(name);
    }
    const bool native = m.value(u"application_type").toString() == u"native";
    const QUrl clientUri(m.value(u"client_uri").toString());
    for (const QJsonValue &value : m.value(u"redirect_uris").toArray()) {
        const QString uri = value.toString();
        if (const QString problem = redirectUriProblem(uri, clientUri); !problem.isEmpty())
            return oauthError(400, "invalid_redirect_uri", problem);
        if (!native && !uri.startsWith(u"https:"))
            return oauthError(400, "invalid_redirect_uri",
                QStringLiteral("only native clients may use loopback or private-use redirects"));
        client.redirectUris.append(uri);
    }
    if (client.grantTypes.contains(u"authorization_code") && client.redirectUris.isEmpty())
        return oauthError(400, "invalid_redirect_uri", QStringLiteral("redirect_uris is empty"));
    // Identical public-client registrations get the same client_id, as on MAS.
    const QString clientId = QString::fromLatin1(QCryptographicHash::hash(
        QJsonDocument(m).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
                                                     .toHex()
                                                     .left(26)
                                                     .toUpper());
    m_clients.insert(clientId, client);
    QJsonObject answer = m;
    answer.insert(QStringLiteral("client_id"), clientId);
    answer.insert(
        QStringLiteral("client_id_issued_at"), double(QDateTime::currentSecsSinceEpoch()));
    return QHttpServerResponse(answer, Status::Created);
}

bool DevOAuth::redirectUriRegistered(const Client &client, const QString &redirectUri) const
{
    const QUrl given(redirectUri, QUrl::StrictMode);
    for (const QString &registered : client.redirectUris) {
        if (registered == redirectUri)
            return true;
        // Loopback: any port (RFC 8252 §7.3); everything else exactly.
        QUrl withPort(registered);
        if (withPort.scheme() == u"http" && isLoopbackHost(withPort.host()) && given.port() > 0) {
            withPort.setPort(given.port());
            if (withPort == given)
                return true;
        }
    }
    return false;
}

QString DevOAuth::deviceOfScope(const QString &scope) const
{
    const QStringList tokens = scope.split(u' ', Qt::SkipEmptyParts);
    QList<QLatin1StringView> prefixes{UnstableScope};
    if (!m_options.unstableScopesOnly)
        prefixes.append(StableScope);
    bool api = false;
    QStringList devices;
    for (const QString &token : tokens) {
        for (const QLatin1StringView prefix : prefixes) {
            if (token == prefix + QStringLiteral("api:*"))
                api = true;
            else if (token.startsWith(prefix + QStringLiteral("device:")))
                devices.append(token.mid(prefix.size() + 7));
        }
    }
    if (!api || devices.size() != 1 || devices.first().size() < 10
        || !isUnreserved(devices.first()))
        return {};
    return devices.first();
}

QHttpServerResponse DevOAuth::redirectBack(const Grant &grant, QUrlQuery fields) const
{
    if (!grant.state.isEmpty())
        fields.addQueryItem(QStringLiteral("state"), encoded(grant.state));
    QUrl target(grant.redirectUri);
    if (grant.responseMode == u"fragment") {
        target.setFragment(fields.query(QUrl::FullyEncoded), QUrl::StrictMode);
    } else {
        QUrlQuery query(target);
        for (const auto &[key, value] : fields.queryItems(QUrl::FullyEncoded))
            query.addQueryItem(key, value);
        target.setQuery(query);
    }
    QHttpServerResponse response(Status::Found);
    response.setHeader(QByteArrayLiteral("Location"), target.toEncoded());
    return response;
}

QHttpServerResponse DevOAuth::authorize(const QHttpServerRequest &request)
{
    const QUrlQuery query(request.url());
    Grant grant;
    grant.clientId = value(query, "client_id");
    grant.redirectUri = value(query, "redirect_uri");
    // Errors before the redirect URI is known good are shown here, never redirected (§4.1.2.1).
    const auto client = m_clients.constFind(grant.clientId);
    if (client == m_clients.cend())
        return page(
            QStringLiteral("<h1>Unknown client</h1><p id=\"error\">invalid_client</p>"), 400);
    if (!redirectUriRegistered(*client, grant.redirectUri))
        return page(QStringLiteral("<h1>Unregistered redirect URI</h1>"
                                   "<p id=\"error\">invalid_redirect_uri</p>"),
            400);
    grant.state = value(query, "state");
    grant.responseMode = value(query, "response_mode");
    if (grant.responseMode.isEmpty())
        grant.responseMode = QStringLiteral("query");
    if (grant.responseMode != u"query" && grant.responseMode != u"fragment") {
        grant.responseMode = QStringLiteral("query");
        return redirectBack(grant,
            QUrlQuery{{QStringLiteral("error"), QStringLiteral("invalid_request")},
                {QStringLiteral("error_description"),
                    encoded(QStringLiteral("unknown response_mode"))}});
    }
    const auto fail = [&](const char *error, const QString &description) {
        return redirectBack(grant,
            QUrlQuery{{QStringLiteral("error"), QLatin1StringView(error)},
                {QStringLiteral("error_description"), encoded(description)}});
    };
    if (value(query, "response_type") != u"code")
        return fail("unsupported_response_type", QStringLiteral("response_type must be code"));
    if (!client->grantTypes.contains(u"authorization_code"))
        return fail("unauthorized_client", QStringLiteral("not registered for authorization_code"));
    grant.codeChallenge = value(query, "code_challenge");
    if (grant.codeChallenge.size() != 43 || value(query, "code_challenge_method") != u"S256")
        return fail("invalid_request", QStringLiteral("PKCE with S256 is required"));
    grant.scope = value(query, "scope");
    grant.deviceId = deviceOfScope(grant.scope);
    if (grant.deviceId.isEmpty())
        return fail("invalid_scope",
            QStringLiteral("the scope needs the API scope and one device scope of 10+ characters"));
    if (m_options.skipConsent) {
        grant.userId = QStringLiteral("@%1:%2").arg(
            m_server.m_config.defaultUser, m_server.m_config.serverName);
        const QString code = randomToken(32);
        grant.expires = QDateTime::currentDateTimeUtc().addMSecs(m_options.codeLifetimeMs);
        m_codes.insert(code, grant);
        return redirectBack(grant, QUrlQuery{{QStringLiteral("code"), code}});
    }
    const QString consentId = randomToken(24);
    grant.expires = QDateTime::currentDateTimeUtc().addSecs(600);
    m_pending.insert(consentId, grant);
    const QString name = client->metadata.value(u"client_name").toString();
    return page(QStringLiteral(
        "<h1>Allow %1?</h1><p>%1 (<span id=\"client-uri\">%2</span>) wants to sign in to your "
        "account <b>%3</b> as a new device, <code>%4</code>.</p>"
        "<form method=\"post\" action=\"/_oauth/consent\">"
        "<input type=\"hidden\" name=\"consent\" value=\"%5\">"
        "<p><button id=\"allow\" type=\"submit\" name=\"decision\" value=\"allow\">Allow</button> "
        "<button id=\"deny\" type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></p>"
        "</form>")
                    .arg(name.toHtmlEscaped(),
                        client->metadata.value(u"client_uri").toString().toHtmlEscaped(),
                        m_server.m_config.defaultUser.toHtmlEscaped(),
                        grant.deviceId.toHtmlEscaped(), consentId));
}

QHttpServerResponse DevOAuth::consent(const QHttpServerRequest &request)
{
    const auto form = formOf(request);
    if (!form)
        return page(QStringLiteral("<h1>Bad request</h1>"), 400);
    const auto pending = m_pending.constFind(value(*form, "consent"));
    if (pending == m_pending.cend() || pending->expires < QDateTime::currentDateTimeUtc())
        return page(
            QStringLiteral("<h1>Unknown request</h1><p>Start again from your app.</p>"), 404);
    Grant grant = *pending;
    m_pending.erase(pending);
    if (value(*form, "decision") != u"allow")
        return redirectBack(grant,
            QUrlQuery{{QStringLiteral("error"), QStringLiteral("access_denied")},
                {QStringLiteral("error_description"),
                    encoded(QStringLiteral("The user denied the request"))}});
    grant.userId
        = QStringLiteral("@%1:%2").arg(m_server.m_config.defaultUser, m_server.m_config.serverName);
    grant.expires = QDateTime::currentDateTimeUtc().addMSecs(m_options.codeLifetimeMs);
    const QString code = randomToken(32);
    m_codes.insert(code, grant);
    return redirectBack(grant, QUrlQuery{{QStringLiteral("code"), code}});
}

QHttpServerResponse DevOAuth::token(const QHttpServerRequest &request)
{
    const auto form = formOf(request);
    if (!form)
        return oauthError(400, "invalid_request", QStringLiteral("Send a form-encoded body"));
    const QString grantType = value(*form, "grant_type");
    ++m_tokenRequests[grantType];
    if (!m_clients.contains(value(*form, "client_id")))
        return oauthError(401, "invalid_client", QStringLiteral("Unknown client"));
    if (grantType == u"authorization_code")
        return codeGrant(*form);
    if (grantType == u"refresh_token")
        return refreshGrant(*form);
    if (grantType == DeviceCodeGrant && m_options.deviceGrant)
        return deviceCodeGrant(*form);
    return oauthError(400, "unsupported_grant_type", grantType);
}

QHttpServerResponse DevOAuth::tokensFor(const QString &clientId, const QString &userId,
    const QString &deviceId, const QString &scope, const QString &supersedes, QString *accessToken)
{
    auto &registry = *m_server.m_registry;
    if (!registry.devices.value(userId).contains(deviceId))
        registry.devices[userId].insert(deviceId, {});
    DevServer::SessionInfo session;
    session.userId = userId;
    session.deviceId = deviceId;
    session.supersedes = supersedes;
    const QString access = QStringLiteral("mat_") + randomToken(40);
    const QString refresh = QStringLiteral("mar_") + randomToken(40);
    session.expires = QDateTime::currentDateTimeUtc().addMSecs(m_options.accessTokenLifetimeMs);
    registry.sessions.insert(access, session);
    session.supersedes.clear();
    session.expires = {};
    registry.refreshTokens.insert(refresh, session);
    m_refreshInfo.insert(refresh, {clientId, scope});
    if (accessToken)
        *accessToken = access;
    return QHttpServerResponse(QJsonObject{{QStringLiteral("access_token"), access},
        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
        {QStringLiteral("expires_in"), double(m_options.accessTokenLifetimeMs / 1000)},
        {QStringLiteral("refresh_token"), refresh}, {QStringLiteral("scope"), scope}});
}

QHttpServerResponse DevOAuth::codeGrant(const QUrlQuery &form)
{
    const auto found = m_codes.find(value(form, "code"));
    if (found == m_codes.end())
        return oauthError(400, "invalid_grant", QStringLiteral("Unknown authorisation code"));
    Grant &grant = *found;
    if (grant.used) {
        // A replayed code: revoke what it gave (RFC 6749 §4.1.2).
        for (const QString &token : std::as_const(grant.issuedAccessTokens)) {
            const auto session = m_server.m_registry->sessions.value(token);
            if (!session.userId.isEmpty())
                m_server.deleteDevice(session.userId, session.deviceId);
        }
        return oauthError(400, "invalid_grant", QStringLiteral("Authorisation code already used"));
    }
    if (grant.expires < QDateTime::currentDateTimeUtc())
        return oauthError(400, "invalid_grant", QStringLiteral("Authorisation code expired"));
    if (grant.clientId != value(form, "client_id"))
        return oauthError(400, "invalid_grant", QStringLiteral("Code issued to another client"));
    if (grant.redirectUri != value(form, "redirect_uri"))
        return oauthError(400, "invalid_grant", QStringLiteral("redirect_uri differs"));
    const QString verifier = value(form, "code_verifier");
    if (verifier.size() < 43 || verifier.size() > 128 || !isUnreserved(verifier)
        || s256(verifier) != grant.codeChallenge)
        return oauthError(400, "invalid_grant", QStringLiteral("PKCE verification failed"));
    grant.used = true;
    QString access;
    auto response
        = tokensFor(grant.clientId, grant.userId, grant.deviceId, grant.scope, {}, &access);
    grant.issuedAccessTokens.append(access);
    return response;
}

QHttpServerResponse DevOAuth::refreshGrant(const QUrlQuery &form)
{
    const QString given = value(form, "refresh_token");
    auto &registry = *m_server.m_registry;
    const auto found = registry.refreshTokens.constFind(given);
    const RefreshInfo info = m_refreshInfo.value(given);
    if (found == registry.refreshTokens.cend() || info.clientId.isEmpty())
        return oauthError(400, "invalid_grant", QStringLiteral("Unknown refresh token"));
    if (info.clientId != value(form, "client_id"))
        return oauthError(400, "invalid_grant", QStringLiteral("Refresh token of another client"));
    ++m_server.m_refreshCount;
    const DevServer::SessionInfo session = *found;
    // The device's old access tokens end now; the old refresh token lives on until the new
    // access token is used, as on MAS.
    registry.sessions.removeIf([&](const auto &it) {
        return it.value().userId == session.userId && it.value().deviceId == session.deviceId;
    });
    return tokensFor(info.clientId, session.userId, session.deviceId, info.scope, given);
}

QHttpServerResponse DevOAuth::deviceCodeGrant(const QUrlQuery &form)
{
    const QString deviceCode = value(form, "device_code");
    const auto found = m_deviceCodes.find(deviceCode);
    if (found == m_deviceCodes.end() || found->used)
        return oauthError(400, "invalid_grant", QStringLiteral("Unknown device code"));
    Grant &grant = *found;
    if (grant.clientId != value(form, "client_id"))
        return oauthError(400, "invalid_grant", QStringLiteral("Device code of another client"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (grant.expires < now) {
        m_deviceCodes.erase(found);
        return oauthError(400, "expired_token", QStringLiteral("The device code expired"));
    }
    // Coarse timers may fire 5 % early: that much is not "too fast".
    const qint64 second = m_options.deviceSecondMs;
    if (grant.lastPoll.isValid()
        && grant.lastPoll.msecsTo(now) < grant.interval * second - (second + 19) / 20) {
        grant.interval += 5;
        grant.lastPoll = now;
        return oauthError(400, "slow_down", QStringLiteral("Polling too fast"));
    }
    grant.lastPoll = now;
    if (grant.denied) {
        m_deviceCodes.erase(found);
        return oauthError(400, "access_denied", QStringLiteral("The user denied the request"));
    }
    if (grant.userId.isEmpty())
        return oauthError(400, "authorization_pending", QStringLiteral("Not approved yet"));
    grant.used = true;
    return tokensFor(grant.clientId, grant.userId, grant.deviceId, grant.scope);
}

QHttpServerResponse DevOAuth::revoke(const QHttpServerRequest &request)
{
    const auto form = formOf(request);
    if (!form)
        return oauthError(400, "invalid_request", QStringLiteral("Send a form-encoded body"));
    if (!m_clients.contains(value(*form, "client_id")))
        return oauthError(401, "invalid_client", QStringLiteral("Unknown client"));
    const QString token = value(*form, "token");
    if (token.isEmpty())
        return oauthError(400, "invalid_request", QStringLiteral("token is missing"));
    auto &registry = *m_server.m_registry;
    Revocation revocation{value(*form, "token_type_hint"), {}};
    DevServer::SessionInfo session;
    if (const auto access = registry.sessions.constFind(token);
        access != registry.sessions.cend()) {
        revocation.found = QStringLiteral("access_token");
        session = *access;
    } else if (const auto refresh = registry.refreshTokens.constFind(token);
               refresh != registry.refreshTokens.cend()) {
        revocation.found = QStringLiteral("refresh_token");
        session = *refresh;
    }
    // Revoking either token ends the whole session and its device, as on MAS.
    if (!session.userId.isEmpty())
        m_server.deleteDevice(session.userId, session.deviceId);
    m_revocations.append(revocation);
    return QHttpServerResponse(QByteArrayLiteral("application/json"), QByteArrayLiteral("{}"));
}

QHttpServerResponse DevOAuth::deviceAuthorization(const QHttpServerRequest &request)
{
    const auto form = formOf(request);
    if (!form)
        return oauthError(400, "invalid_request", QStringLiteral("Send a form-encoded body"));
    const auto client = m_clients.constFind(value(*form, "client_id"));
    if (client == m_clients.cend())
        return oauthError(401, "invalid_client", QStringLiteral("Unknown client"));
    if (!client->grantTypes.contains(DeviceCodeGrant))
        return oauthError(
            400, "unauthorized_client", QStringLiteral("Not registered for the device grant"));
    Grant grant;
    grant.clientId = client.key();
    grant.scope = value(*form, "scope");
    grant.deviceId = deviceOfScope(grant.scope);
    if (grant.deviceId.isEmpty())
        return oauthError(400, "invalid_scope", QStringLiteral("Bad Matrix scope"));
    grant.expires = QDateTime::currentDateTimeUtc().addMSecs(m_options.deviceCodeLifetimeMs);
    grant.interval = m_options.deviceIntervalSeconds;
    const QString deviceCode = randomToken(40);
    const QString userCode = randomToken(4).toUpper() + u'-' + randomToken(4).toUpper();
    m_deviceCodes.insert(deviceCode, grant);
    m_userCodes.insert(userCode, deviceCode);
    const QUrl link = url(QStringLiteral("/_oauth/link"));
    QUrl complete = link;
    complete.setQuery(QUrlQuery{{QStringLiteral("code"), userCode}});
    return QHttpServerResponse(QJsonObject{{QStringLiteral("device_code"), deviceCode},
        {QStringLiteral("user_code"), userCode},
        {QStringLiteral("verification_uri"), link.toString()},
        {QStringLiteral("verification_uri_complete"), complete.toString()},
        {QStringLiteral("expires_in"), double(m_options.deviceCodeLifetimeMs / 1000)},
        {QStringLiteral("interval"), m_options.deviceIntervalSeconds}});
}

QHttpServerResponse DevOAuth::devicePage(const QHttpServerRequest &request, bool post)
{
    if (!post) {
        const QString code = value(QUrlQuery(request.url()), "code");
        return page(QStringLiteral(
            "<h1>Sign in a device</h1><form method=\"post\" action=\"/_oauth/link\">"
            "<p><label>Code <input name=\"code\" value=\"%1\"></label></p>"
            "<p><button id=\"allow\" type=\"submit\" name=\"decision\" "
            "value=\"allow\">Allow</button> "
            "<button id=\"deny\" type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></p>"
            "</form>")
                        .arg(code.toHtmlEscaped()));
    }
    const auto form = formOf(request);
    if (!form)
        return page(QStringLiteral("<h1>Bad request</h1>"), 400);
    const QString deviceCode = m_userCodes.value(value(*form, "code").trimmed().toUpper());
    const auto grant = m_deviceCodes.find(deviceCode);
    if (grant == m_deviceCodes.end() || grant->expires < QDateTime::currentDateTimeUtc()
        || !grant->userId.isEmpty() || grant->denied)
        return page(QStringLiteral("<h1>Unknown code</h1><p id=\"error\">Check the code on your "
                                   "other device.</p>"),
            404);
    if (value(*form, "decision") != u"allow") {
        grant->denied = true;
        return page(QStringLiteral("<h1 id=\"done\">Denied</h1>"));
    }
    grant->userId
        = QStringLiteral("@%1:%2").arg(m_server.m_config.defaultUser, m_server.m_config.serverName);
    return page(
        QStringLiteral("<h1 id=\"done\">Device signed in</h1><p>You can return to it.</p>"));
}

QHttpServerResponse DevOAuth::accountPage(const QHttpServerRequest &request, bool post)
{
    // Like MAS's account pages: an action in the address (MSC4191) opens its page; removing a
    // device asks first, and only the form that page served (single-use) removes it.
    const QString userId
        = QStringLiteral("@%1:%2").arg(m_server.m_config.defaultUser, m_server.m_config.serverName);
    const auto isDeviceDelete = [](const QString &action) {
        return action == u"org.matrix.device_delete" || action == u"org.matrix.session_end";
    };
    if (!post) {
        const QUrlQuery query(request.url());
        const QString action = value(query, "action");
        const QString deviceId = value(query, "device_id");
        m_accountVisits.append({action, deviceId});
        if (isDeviceDelete(action)) {
            if (deviceId.isEmpty() || !m_server.devicesOf(userId).contains(deviceId))
                return page(QStringLiteral("<h1>No such device</h1><p id=\"error\">The device "
                                           "<code>%1</code> is not one of this account's.</p>")
                                .arg(deviceId.toHtmlEscaped()),
                    404);
            const QString form = randomToken(24);
            m_accountForms.insert(form, deviceId);
            return page(QStringLiteral(
                "<h1>Remove device %1?</h1><form method=\"post\" action=\"/_oauth/account\">"
                "<input type=\"hidden\" name=\"action\" value=\"%2\">"
                "<input type=\"hidden\" name=\"device_id\" value=\"%1\">"
                "<input type=\"hidden\" name=\"form\" value=\"%3\">"
                "<p><button id=\"confirm\" type=\"submit\">Remove</button></p></form>")
                            .arg(deviceId.toHtmlEscaped(), action.toHtmlEscaped(), form));
        }
        if (action == u"org.matrix.profile")
            return page(QStringLiteral("<h1 id=\"profile\">Your profile</h1><p id=\"user\">%1</p>")
                            .arg(userId.toHtmlEscaped()));
        // No action, or one this page does not know: the account's overview, as on MAS.
        QString devices;
        for (const QString &device : m_server.devicesOf(userId))
            devices += QStringLiteral("<li>%1</li>").arg(device.toHtmlEscaped());
        return page(QStringLiteral("<h1>Your account</h1><p id=\"user\">%1</p><ul>%2</ul>")
                        .arg(userId.toHtmlEscaped(), devices));
    }
    const auto form = formOf(request);
    if (!form)
        return page(QStringLiteral("<h1>Bad request</h1>"), 400);
    const QString deviceId = value(*form, "device_id");
    // The confirmation page's form, once, for the device it asked about.
    const auto served = m_accountForms.constFind(value(*form, "form"));
    if (!isDeviceDelete(value(*form, "action")) || served == m_accountForms.cend()
        || *served != deviceId)
        return page(QStringLiteral("<h1>Bad request</h1><p id=\"error\">Open the page from your "
                                   "app again.</p>"),
            400);
    m_accountForms.erase(served);
    if (!m_server.devicesOf(userId).contains(deviceId))
        return page(QStringLiteral("<h1>No such device</h1>"), 404);
    m_server.deleteDevice(userId, deviceId);
    return page(QStringLiteral("<h1 id=\"done\">Device removed</h1>"));
}
