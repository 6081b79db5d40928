// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devserver.h"
#include "httputil.h"

#include "devintrospection.h"
#include "devoauth.h"

#include <QBuffer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QImage>
#include <QJsonDocument>
#include <QPainter>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTimer>
#include <QUrlQuery>

#include <optional>

namespace {
using Status = QHttpServerResponse::StatusCode;

Status status(int code)
{
    return static_cast<Status>(code);
}

QHttpServerResponse matrixError(int code, const char *errcode, const QString &message)
{
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("errcode"), QString::fromLatin1(errcode)},
            {QStringLiteral("error"), message}},
        status(code));
}

QHttpServerResponse html(const QString &body, int code = 200)
{
    QHttpServerResponse response(QByteArrayLiteral("text/html; charset=utf-8"),
        QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                       "<title>Portico development homeserver</title>"
                       "<style>body{font-family:sans-serif;max-width:28em;"
                       "margin:3em auto}</style></head><body>%1</body></html>")
            .arg(body)
            .toUtf8(),
        status(code));
    return response;
}

using DevHttp::header;
using DevHttp::randomToken;

// A JSON object body, strictly as the spec wants it; otherwise the error to answer with.
std::optional<QHttpServerResponse> readJsonObject(
    const QHttpServerRequest &request, QJsonObject &body)
{
    if (!header(request, "content-type").startsWith("application/json"))
        return matrixError(
            400, "M_NOT_JSON", QStringLiteral("Content-Type must be application/json"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return matrixError(400, "M_NOT_JSON", QStringLiteral("Body is not JSON"));
    if (!doc.isObject())
        return matrixError(400, "M_BAD_JSON", QStringLiteral("Body is not a JSON object"));
    body = doc.object();
    return std::nullopt;
}

// What the spec asks of a fallback page once its stage is done: tell the opener.
QHttpServerResponse uiaDonePage()
{
    return html(QStringLiteral(
        "<h1>Confirmed</h1><p id=\"auth-done\">You can close this window and return to "
        "your app.</p><script>if (window.onAuthDone) { window.onAuthDone(); } "
        "else if (window.opener && window.opener.postMessage) { "
        "window.opener.postMessage(\"authDone\", \"*\"); }</script>"));
}

bool isClientApiVersion(const QString &segment)
{
    return segment == u"v3" || segment == u"r0";
}
} // namespace

DevServer::Config DevServer::Config::demo()
{
    Config config;
    config.skipIdpPage = false;
    config.identityProviders = {
        QJsonObject{{QStringLiteral("id"), QStringLiteral("github")},
            {QStringLiteral("name"), QStringLiteral("GitHub")},
            {QStringLiteral("brand"), QStringLiteral("github")}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("keycloak")},
            {QStringLiteral("name"), QStringLiteral("Company Keycloak")},
            {QStringLiteral("icon"), QStringLiteral("mxc://${SERVER_NAME}/keycloakIcon")}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("gitlab")},
            {QStringLiteral("name"), QStringLiteral("GitLab (early-draft https icon)")},
            {QStringLiteral("icon"), QStringLiteral("${BASE}/_dev/icons/gitlabIcon")},
            {QStringLiteral("brand"), QStringLiteral("org.matrix.gitlab")}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("university")},
            {QStringLiteral("name"), QStringLiteral("University login")}},
    };
    config.media.insert(QStringLiteral("keycloakIcon"), QStringLiteral("#4d7cfe"));
    config.media.insert(QStringLiteral("gitlabIcon"), QStringLiteral("#fc6d26"));
    config.profiles.insert(QStringLiteral("alice"),
        QJsonObject{{QStringLiteral("displayname"), QStringLiteral("Alice Liddell")},
            {QStringLiteral("avatar_url"), QStringLiteral("mxc://${SERVER_NAME}/aliceAvatar")}});
    config.media.insert(QStringLiteral("aliceAvatar"), QStringLiteral("#8e44ad"));
    return config;
}

DevServer::Config DevServer::Config::fromJson(const QJsonObject &object, QString *error)
{
    static const QStringList known = {QStringLiteral("serverName"), QStringLiteral("versions"),
        QStringLiteral("identityProviders"), QStringLiteral("skipIdpPage"),
        QStringLiteral("defaultUser"), QStringLiteral("loginTokenLifetimeMs"),
        QStringLiteral("media"), QStringLiteral("loginBaseUrl"),
        QStringLiteral("loginBaseUrlField"), QStringLiteral("portal"), QStringLiteral("loginFlows"),
        QStringLiteral("latencyMs"), QStringLiteral("faults"), QStringLiteral("passwords"),
        QStringLiteral("accessTokenLifetimeMs"), QStringLiteral("uiaFlows"),
        QStringLiteral("uiaTermsPolicies"), QStringLiteral("uiaSessionLifetimeMs"),
        QStringLiteral("uiaIdentityProviders"), QStringLiteral("devices"), QStringLiteral("oauth"),
        QStringLiteral("refreshAtV1Only"), QStringLiteral("profiles"),
        QStringLiteral("authenticatedMedia"), QStringLiteral("rawMedia"),
        QStringLiteral("externalIssuer"), QStringLiteral("introspectionClientId"),
        QStringLiteral("introspectionClientSecret"), QStringLiteral("$comment")};
    for (const QString &key : object.keys()) {
        if (!known.contains(key)) {
            *error = QStringLiteral("unknown config key: ") + key;
            return {};
        }
    }
    Config config;
    config.serverName = object.value(u"serverName").toString(config.serverName);
    config.versions = object.value(u"versions").toArray();
    config.identityProviders = object.value(u"identityProviders").toArray();
    config.skipIdpPage = object.value(u"skipIdpPage").toBool(false);
    config.defaultUser = object.value(u"defaultUser").toString(config.defaultUser);
    config.loginTokenLifetimeMs = qint64(
        object.value(u"loginTokenLifetimeMs").toDouble(double(config.loginTokenLifetimeMs)));
    const QJsonObject media = object.value(u"media").toObject();
    for (auto it = media.begin(); it != media.end(); ++it)
        config.media.insert(it.key(), it.value().toString());
    config.loginBaseUrl = object.value(u"loginBaseUrl").toString();
    config.loginBaseUrlField
        = object.value(u"loginBaseUrlField").toString(config.loginBaseUrlField);
    config.portal = object.value(u"portal").toBool(false);
    config.accessTokenLifetimeMs = qint64(object.value(u"accessTokenLifetimeMs").toDouble(0));
    config.refreshAtV1Only = object.value(u"refreshAtV1Only").toBool(false);
    const QJsonObject passwords = object.value(u"passwords").toObject();
    for (auto it = passwords.begin(); it != passwords.end(); ++it)
        config.passwords.insert(it.key(), it.value().toString());
    config.loginFlows = object.value(u"loginFlows");
    config.latencyMs = object.value(u"latencyMs").toInt(0);
    const QJsonObject faults = object.value(u"faults").toObject();
    for (auto it = faults.begin(); it != faults.end(); ++it) {
        const QJsonObject f = it.value().toObject();
        Fault fault;
        fault.status = f.value(u"status").toInt(0);
        fault.body = f.value(u"body").isString()
            ? f.value(u"body").toString().toUtf8()
            : QJsonDocument(f.value(u"body").toObject()).toJson(QJsonDocument::Compact);
        fault.contentType
            = f.value(u"contentType").toString(QStringLiteral("application/json")).toUtf8();
        fault.retryAfter = f.value(u"retryAfter").toVariant().toString().toUtf8();
        fault.redirectTo = f.value(u"redirectTo").toString();
        fault.latencyMs = f.value(u"latencyMs").toInt(0);
        fault.times = f.value(u"times").toInt(-1);
        config.faults.insert(it.key(), fault);
    }
    if (object.contains(u"uiaFlows")) {
        config.uiaFlows.clear();
        for (const QJsonValue &flow : object.value(u"uiaFlows").toArray()) {
            QStringList stages;
            for (const QJsonValue &stage : flow.toArray())
                stages.append(stage.toString());
            if (stages.isEmpty() || stages.contains(QString())) {
                *error = QStringLiteral("uiaFlows must be a list of non-empty lists of stages");
                return {};
            }
            config.uiaFlows.append(stages);
        }
    }
    config.uiaTermsPolicies = object.value(u"uiaTermsPolicies").toObject();
    config.uiaSessionLifetimeMs = qint64(
        object.value(u"uiaSessionLifetimeMs").toDouble(double(config.uiaSessionLifetimeMs)));
    config.uiaIdentityProviders = object.value(u"uiaIdentityProviders").toBool(false);
    config.devices = object.value(u"devices").toArray();
    config.oauth = object.value(u"oauth").toBool(false);
    config.externalIssuer = object.value(u"externalIssuer").toString();
    config.introspectionClientId
        = object.value(u"introspectionClientId").toString(config.introspectionClientId);
    config.introspectionClientSecret = object.value(u"introspectionClientSecret").toString();
    const QJsonObject profiles = object.value(u"profiles").toObject();
    for (auto it = profiles.begin(); it != profiles.end(); ++it)
        config.profiles.insert(it.key(), it.value().toObject());
    config.authenticatedMedia = object.value(u"authenticatedMedia").toBool(true);
    const QJsonObject rawMedia = object.value(u"rawMedia").toObject();
    for (auto it = rawMedia.begin(); it != rawMedia.end(); ++it) {
        const QJsonObject raw = it.value().toObject();
        config.rawMedia.insert(it.key(),
            {raw.value(u"contentType").toString().toUtf8(),
                QByteArray::fromBase64(raw.value(u"base64").toString().toLatin1())});
    }
    return config;
}

DevServer::DevServer(Config config, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_config(std::move(config))
{
    if (m_config.versions.isEmpty())
        m_config.versions
            = {QStringLiteral("r0.6.1"), QStringLiteral("v1.1"), QStringLiteral("v1.11")};
    if (!m_config.authenticatedMedia) {
        // A server from before v1.11 cannot advertise it.
        QJsonArray older;
        for (const QJsonValue &version : std::as_const(m_config.versions))
            if (version.toString() != u"v1.11")
                older.append(version);
        m_config.versions = older;
    }
    if (m_config.uiaTermsPolicies.isEmpty())
        m_config.uiaTermsPolicies = QJsonObject{{QStringLiteral("privacy_policy"),
            QJsonObject{{QStringLiteral("version"), QStringLiteral("1.0")},
                {QStringLiteral("en"),
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("Privacy Policy")},
                        {QStringLiteral("url"),
                            QStringLiteral("https://example.org/privacy-1.0-en.html")}}},
                {QStringLiteral("fr"),
                    QJsonObject{
                        {QStringLiteral("name"), QStringLiteral("Politique de confidentialité")},
                        {QStringLiteral("url"),
                            QStringLiteral("https://example.org/privacy-1.0-fr.html")}}}}}};
    if (m_config.oauth)
        m_oauth = std::make_shared<DevOAuth>(*this);
    if (!m_config.externalIssuer.isEmpty())
        m_external = std::make_shared<DevIntrospection>(QUrl(m_config.externalIssuer),
            m_config.introspectionClientId, m_config.introspectionClientSecret);
    for (const QJsonValue &value : std::as_const(m_config.devices)) {
        const QJsonObject device = value.toObject();
        QString user = device.value(u"user").toString(m_config.defaultUser);
        if (!user.startsWith(u'@'))
            user = QStringLiteral("@%1:%2").arg(user, m_config.serverName);
        addDevice(user, device.value(u"deviceId").toString(randomToken(10).toUpper()),
            device.value(u"displayName").toString(), device.value(u"lastSeenIp").toString(),
            qint64(device.value(u"lastSeenTs").toDouble(0)));
    }
}

bool DevServer::start(quint16 port)
{
    auto *server = new QTcpServer(this);
    if (!server->listen(QHostAddress::LocalHost, port)) {
        delete server;
        return false;
    }
    bind(server);
    m_port = server->serverPort();
    return true;
}

QUrl DevServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QStringList DevServer::devicesOf(const QString &userId) const
{
    return m_registry->devices.value(userId).keys();
}

QString DevServer::addDevice(const QString &userId, const QString &deviceId,
    const QString &displayName, const QString &lastSeenIp, qint64 lastSeenTs)
{
    m_registry->devices[userId].insert(deviceId, {displayName, lastSeenIp, lastSeenTs});
    SessionInfo session;
    session.userId = userId;
    session.deviceId = deviceId;
    return issueTokens(session, false).value(u"access_token").toString();
}

bool DevServer::hasUiaSession(const QString &session) const
{
    const auto found = m_uiaSessions.constFind(session);
    return found != m_uiaSessions.cend() && found->expires > QDateTime::currentDateTimeUtc();
}

int DevServer::requestCount(const QByteArray &method, const QString &path) const
{
    return int(std::count_if(m_log.cbegin(), m_log.cend(),
        [&](const LoggedRequest &r) { return r.method == method && r.path == path; }));
}

bool DevServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString encodedPath = request.url().path(QUrl::FullyEncoded);
    const QString path = QUrl::fromPercentEncoding(encodedPath.toUtf8());
    QStringList segments;
    for (const QString &segment : encodedPath.split(u'/', Qt::SkipEmptyParts))
        segments.append(QUrl::fromPercentEncoding(segment.toUtf8()));
    const QByteArray method = QVariant::fromValue(request.method()).toByteArray().toUpper();
    bool authenticated = false;
    int latency = m_config.latencyMs;

    std::optional<QHttpServerResponse> response;
    // "POST /path" hits only that method; "/path" hits every method.
    QString faultKey = QString::fromLatin1(method) + u' ' + path;
    if (!m_config.faults.contains(faultKey))
        faultKey = path;
    if (const auto fault = m_config.faults.constFind(faultKey); fault != m_config.faults.cend()
        && (fault->times < 0 || m_faultHits.value(faultKey) < fault->times)) {
        ++m_faultHits[faultKey];
        latency += fault->latencyMs;
        if (!fault->redirectTo.isEmpty()) {
            response.emplace(Status::Found);
            response->setHeader(
                QByteArrayLiteral("Location"), (baseUrl().toString() + fault->redirectTo).toUtf8());
        } else if (fault->status > 0) {
            response.emplace(
                QByteArray(fault->contentType), QByteArray(fault->body), status(fault->status));
            if (!fault->retryAfter.isEmpty())
                response->setHeader(QByteArrayLiteral("Retry-After"), fault->retryAfter);
        }
    }
    if (!response)
        response.emplace(route(request, segments, authenticated));
    m_log.append({method, path, authenticated,
        !header(request, "authorization").isEmpty()
            || QUrlQuery(request.url()).hasQueryItem(QStringLiteral("access_token"))});
    const int code = int(response->statusCode());
    response->addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    if (latency <= 0) {
        response->write(makeResponder(request, socket));
    } else {
        // Answer later without blocking the server: other requests go on meanwhile.
        auto delayed = std::make_shared<QHttpServerResponse>(std::move(*response));
        auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
        QTimer::singleShot(
            latency, socket, [delayed, responder] { delayed->write(std::move(*responder)); });
    }
    Q_EMIT requestHandled(method, encodedPath, code);
    return true;
}

void DevServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    matrixError(404, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"))
        .write(makeResponder(request, socket));
}

QHttpServerResponse DevServer::route(
    const QHttpServerRequest &request, const QStringList &s, bool &authenticated)
{
    using Method = QHttpServerRequest::Method;
    const Method method = request.method();
    const auto wrongMethod
        = [] { return matrixError(405, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request")); };
    if (m_oauth)
        if (auto answer = m_oauth->route(request, s, authenticated))
            return std::move(*answer);
    if (m_external && s.size() >= 4 && s[0] == u"_matrix" && s[1] == u"client"
        && (s
                == QStringList{QStringLiteral("_matrix"), QStringLiteral("client"),
                    QStringLiteral("v1"), QStringLiteral("auth_metadata")}
            || s.mid(2)
                == QStringList{QStringLiteral("unstable"), QStringLiteral("org.matrix.msc2965"),
                    QStringLiteral("auth_metadata")})) {
        QString error;
        const QJsonObject metadata = m_external->metadata(&error);
        if (metadata.isEmpty())
            return matrixError(502, "M_UNKNOWN", error);
        return QHttpServerResponse(metadata);
    }
    if (m_external && s.size() == 4 && s[3] == u"login")
        return matrixError(404, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"));

    if (s
        == QStringList{
            QStringLiteral(".well-known"), QStringLiteral("matrix"), QStringLiteral("client")}) {
        if (method != Method::Get)
            return wrongMethod();
        return QHttpServerResponse(QJsonObject{{QStringLiteral("m.homeserver"),
            QJsonObject{{QStringLiteral("base_url"), baseUrl().toString()}}}});
    }
    if (s.size() >= 2 && s[0] == u"_dev") {
        if (s.size() == 2 && s[1] == u"idp" && method == Method::Get)
            return idpPage(request);
        if (s.size() == 3 && s[1] == u"idp" && s[2] == u"approve" && method == Method::Post)
            return idpApprove(request);
        if (s.size() == 3 && s[1] == u"icons" && method == Method::Get)
            return media(m_config.serverName, s[2]);
        return matrixError(404, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"));
    }
    if (s.size() >= 2 && s[0] == u"_matrix" && s[1] == u"media") {
        // /_matrix/media/v3/download/{server}/{mediaId}: unauthenticated, as IdP icons need.
        if (s.size() == 6 && s[2] == u"v3" && s[3] == u"download") {
            if (method != Method::Get)
                return wrongMethod();
            return media(s[4], s[5]);
        }
        // The legacy thumbnail path: unauthenticated; frozen where the v1 API exists.
        if (s.size() == 6 && s[2] == u"v3" && s[3] == u"thumbnail") {
            if (method != Method::Get)
                return wrongMethod();
            if (m_config.authenticatedMedia)
                return matrixError(404, "M_NOT_FOUND", QStringLiteral("Not found"));
            return thumbnail(request, s[4], s[5]);
        }
        return matrixError(404, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"));
    }
    if (s.size() < 3 || s[0] != u"_matrix" || s[1] != u"client")
        return matrixError(404, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"));

    if (s.size() == 3 && s[2] == u"versions") {
        if (method != Method::Get)
            return wrongMethod();
        return versions();
    }
    if (!m_config.authenticatedMedia && s.size() >= 4 && s[2] == u"v1" && s[3] == u"media")
        return matrixError(404, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"));
    if (s.size() == 7 && s[2] == u"v1" && s[3] == u"media" && s[4] == u"thumbnail") {
        if (method != Method::Get)
            return wrongMethod();
        QHttpServerResponse error(Status::Ok);
        if (!authenticate(request, &error))
            return error;
        authenticated = true;
        return thumbnail(request, s[5], s[6]);
    }
    if (s.size() == 7 && s[2] == u"v1" && s[3] == u"media" && s[4] == u"download") {
        // The authenticated media API (v1.11) wants a token, like a real server.
        QHttpServerResponse error(Status::Ok);
        if (!authenticate(request, &error))
            return error;
        authenticated = true;
        return media(s[5], s[6]);
    }
    if (s.size() == 4 && s[2] == u"v1" && s[3] == u"refresh") {
        // The MSC2918 path, served only by servers configured like Synapse before 1.72.
        if (!m_config.refreshAtV1Only)
            return matrixError(404, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"));
        if (method != Method::Post)
            return wrongMethod();
        return refresh(request);
    }
    if (!isClientApiVersion(s[2]))
        return matrixError(404, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"));
    const QStringList rest = s.mid(3);

    if (rest == QStringList{QStringLiteral("login")}) {
        if (method == Method::Get)
            return loginFlows();
        if (method == Method::Post)
            return login(request);
        return wrongMethod();
    }
    if (rest.size() >= 3 && rest[0] == u"login" && rest[1] == u"sso" && rest[2] == u"redirect") {
        if (method != Method::Get)
            return wrongMethod();
        if (rest.size() == 3)
            return ssoRedirect(request, {}, false);
        if (rest.size() == 4)
            return ssoRedirect(request, rest[3], true);
        return matrixError(404, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"));
    }
    if (rest == QStringList{QStringLiteral("account"), QStringLiteral("whoami")}) {
        if (method != Method::Get)
            return wrongMethod();
        QHttpServerResponse error(Status::Ok);
        const SessionInfo *session = authenticate(request, &error);
        if (!session)
            return error;
        authenticated = true;
        return QHttpServerResponse(QJsonObject{{QStringLiteral("user_id"), session->userId},
            {QStringLiteral("device_id"), session->deviceId}, {QStringLiteral("is_guest"), false}});
    }
    if (rest.size() == 2 && rest[0] == u"profile") {
        if (method != Method::Get)
            return wrongMethod();
        return profile(request, rest[1], authenticated);
    }
    if (rest.size() == 4 && rest[0] == u"auth" && rest[2] == u"fallback" && rest[3] == u"web") {
        if (method != Method::Get && method != Method::Post)
            return wrongMethod();
        return uiaFallback(request, rest[1], method == Method::Post);
    }
    if ((!rest.isEmpty() && rest.size() <= 2 && rest[0] == u"devices")
        || rest == QStringList{QStringLiteral("delete_devices")}) {
        QHttpServerResponse error(Status::Ok);
        const SessionInfo *session = authenticate(request, &error);
        if (!session)
            return error;
        authenticated = true;
        const QByteArray verb = QVariant::fromValue(method).toByteArray().toUpper();
        return devicesRoute(request, rest, *session, verb, QStringLiteral("/") + s.join(u'/'));
    }
    if (rest == QStringList{QStringLiteral("refresh")}) {
        if (m_config.refreshAtV1Only) // what Synapse 1.5x-1.71 answer there
            return matrixError(400, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"));
        if (method != Method::Post)
            return wrongMethod();
        return refresh(request);
    }
    if (rest == QStringList{QStringLiteral("logout")}) {
        if (method != Method::Post)
            return wrongMethod();
        QHttpServerResponse error(Status::Ok);
        if (!authenticate(request, &error))
            return error;
        authenticated = true;
        // Logout ends the device: its access and refresh tokens both.
        const QString token = QString::fromUtf8(header(request, "authorization").mid(7));
        const SessionInfo ended = m_registry->sessions.value(token);
        deleteDevice(ended.userId, ended.deviceId);
        return QHttpServerResponse(QJsonObject{});
    }
    return matrixError(404, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"));
}

QHttpServerResponse DevServer::versions() const
{
    return QHttpServerResponse(QJsonObject{{QStringLiteral("versions"), m_config.versions},
        {QStringLiteral("unstable_features"), QJsonObject{}}});
}

QHttpServerResponse DevServer::loginFlows() const
{
    if (!m_config.loginFlows.isUndefined() && !m_config.loginFlows.isNull()) {
        QByteArray body = m_config.loginFlows.isString() ? m_config.loginFlows.toString().toUtf8()
            : m_config.loginFlows.isArray()
            ? QJsonDocument(m_config.loginFlows.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(m_config.loginFlows.toObject()).toJson(QJsonDocument::Compact);
        body.replace("${BASE}", baseUrl().toString().toUtf8());
        body.replace("${SERVER_NAME}", m_config.serverName.toUtf8());
        return QHttpServerResponse(QByteArrayLiteral("application/json"), body);
    }
    QJsonArray providers;
    for (const QJsonValue &value : m_config.identityProviders) {
        QJsonObject provider = value.toObject();
        if (provider.contains(u"icon")) {
            QString icon = provider.value(u"icon").toString();
            icon.replace(QStringLiteral("${BASE}"), baseUrl().toString());
            icon.replace(QStringLiteral("${SERVER_NAME}"), m_config.serverName);
            provider.insert(QStringLiteral("icon"), icon);
        }
        providers.append(provider);
    }
    QJsonObject sso{{QStringLiteral("type"), QStringLiteral("m.login.sso")}};
    if (!providers.isEmpty())
        sso.insert(QStringLiteral("identity_providers"), providers);
    QJsonArray flows{sso, QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.token")}}};
    if (!m_config.passwords.isEmpty())
        flows.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.password")}});
    return QHttpServerResponse(QJsonObject{{QStringLiteral("flows"), flows}});
}

QJsonObject DevServer::provider(const QString &id) const
{
    for (const QJsonValue &value : m_config.identityProviders)
        if (value.toObject().value(u"id").toString() == id)
            return value.toObject();
    return {};
}

QHttpServerResponse DevServer::ssoRedirect(
    const QHttpServerRequest &request, const QString &idpId, bool perIdp)
{
    const QUrlQuery query(request.url());
    if (!query.hasQueryItem(QStringLiteral("redirectUrl")))
        return matrixError(400, "M_MISSING_PARAM", QStringLiteral("Missing redirectUrl"));
    if (query.allQueryItemValues(QStringLiteral("redirectUrl")).size() != 1)
        return matrixError(
            400, "M_INVALID_PARAM", QStringLiteral("Several redirectUrl parameters"));
    const QUrl redirectUrl(
        query.queryItemValue(QStringLiteral("redirectUrl"), QUrl::FullyDecoded), QUrl::StrictMode);
    if (!redirectUrl.isValid() || redirectUrl.isRelative() || redirectUrl.host().isEmpty())
        return matrixError(
            400, "M_INVALID_PARAM", QStringLiteral("redirectUrl is not an absolute URL"));
    QString chosen = idpId;
    if (perIdp) {
        if (provider(idpId).isEmpty())
            return matrixError(404, "M_NOT_FOUND", QStringLiteral("Unknown identity provider"));
    } else if (m_config.identityProviders.size() == 1) {
        chosen = m_config.identityProviders.at(0).toObject().value(u"id").toString();
    }
    if (m_config.skipIdpPage)
        return redirectWithToken(redirectUrl, m_config.defaultUser);

    const QString attempt = randomToken(24);
    m_attempts.insert(attempt, {chosen, redirectUrl, {}});
    QHttpServerResponse response(Status::Found);
    response.setHeader(QByteArrayLiteral("Location"),
        (baseUrl().toString() + QStringLiteral("/_dev/idp?attempt=") + attempt).toUtf8());
    return response;
}

QHttpServerResponse DevServer::idpPage(const QHttpServerRequest &request) const
{
    const QString attemptId = QUrlQuery(request.url()).queryItemValue(QStringLiteral("attempt"));
    const auto attempt = m_attempts.constFind(attemptId);
    if (attempt == m_attempts.cend())
        return html(
            QStringLiteral("<h1>Unknown sign-in</h1><p>Start again from your app.</p>"), 404);
    QString idpName = provider(attempt->idpId).value(u"name").toString();
    QString choice;
    if (attempt->idpId.isEmpty()) {
        // The generic redirect: let the user pick a provider, like a real server's picker.
        choice = QStringLiteral("<p><label>Provider <select name=\"idp\">");
        for (const QJsonValue &value : m_config.identityProviders)
            choice += QStringLiteral("<option>%1</option>")
                          .arg(value.toObject().value(u"id").toString().toHtmlEscaped());
        choice += QStringLiteral("</select></label></p>");
        idpName = QStringLiteral("single sign-on");
    }
    const QString target = attempt->uiaSession.isEmpty() ? attempt->redirectUrl.host()
                                                         : QStringLiteral("confirm your identity");
    return html(QStringLiteral(
        "<h1>Sign in with %1</h1><p>This is the development identity provider of "
        "Portico's test homeserver. Pick a user name to continue to <b>%2</b>.</p>"
        "<form method=\"post\" action=\"/_dev/idp/approve\">"
        "<input type=\"hidden\" name=\"attempt\" value=\"%3\">%4"
        "<p><label>User name <input name=\"user\" value=\"%5\" autofocus></label></p>"
        "<p><button type=\"submit\">Continue</button></p></form>")
                    .arg(idpName.toHtmlEscaped(), target.toHtmlEscaped(), attemptId, choice,
                        m_config.defaultUser.toHtmlEscaped()));
}

QHttpServerResponse DevServer::idpApprove(const QHttpServerRequest &request)
{
    if (!header(request, "content-type").startsWith("application/x-www-form-urlencoded"))
        return html(QStringLiteral("<h1>Bad request</h1>"), 400);
    const QUrlQuery form(QString::fromUtf8(request.body()).replace(u'+', u' '));
    const QString attemptId = form.queryItemValue(QStringLiteral("attempt"));
    const QString user = form.queryItemValue(QStringLiteral("user"), QUrl::FullyDecoded).trimmed();
    if (!m_attempts.contains(attemptId))
        return html(
            QStringLiteral("<h1>Unknown sign-in</h1><p>Start again from your app.</p>"), 404);
    static const QRegularExpression localpart(QStringLiteral("^[a-z0-9._=/+-]{1,64}$"));
    if (!localpart.match(user).hasMatch())
        return html(QStringLiteral("<h1>Invalid user name</h1><p>Use lower-case letters, digits "
                                   "and . _ = - / +</p>"),
            400);
    const SsoAttempt attempt = m_attempts.take(attemptId);
    if (!attempt.uiaSession.isEmpty()) {
        // Confirming an m.login.sso stage: the IdP must vouch for the session's own user.
        UiaSession *session = liveUiaSession(attempt.uiaSession);
        if (!session)
            return html(QStringLiteral("<h1>Unknown session</h1><p>It may have expired: start "
                                       "again from your app.</p>"),
                400);
        if (session->userId != QStringLiteral("@%1:%2").arg(user, m_config.serverName))
            return html(QStringLiteral("<h1>Wrong account</h1><p>You signed in as a different "
                                       "user than the one confirming.</p>"),
                403);
        if (!completeStage(*session, QStringLiteral("m.login.sso")))
            return html(QStringLiteral("<h1>Not now</h1><p>Single sign-on is not the next step "
                                       "of this confirmation.</p>"),
                400);
        return uiaDonePage();
    }
    return redirectWithToken(attempt.redirectUrl, user);
}

QHttpServerResponse DevServer::redirectWithToken(const QUrl &redirectUrl, const QString &localpart)
{
    const QString token = randomToken(32);
    m_loginTokens.insert(token,
        {QStringLiteral("@%1:%2").arg(localpart, m_config.serverName),
            QDateTime::currentDateTimeUtc().addMSecs(m_config.loginTokenLifetimeMs), false});
    // Keep the client's own query, replacing any loginToken it may carry (the spec says so).
    QUrl target = redirectUrl;
    QUrlQuery query(target);
    query.removeAllQueryItems(QStringLiteral("loginToken"));
    query.addQueryItem(QStringLiteral("loginToken"), token);
    target.setQuery(query);
    QHttpServerResponse response(Status::Found);
    response.setHeader(QByteArrayLiteral("Location"), target.toEncoded());
    return response;
}

QHttpServerResponse DevServer::login(const QHttpServerRequest &request)
{
    QJsonObject body;
    if (auto refused = readJsonObject(request, body))
        return std::move(*refused);
    const QJsonValue type = body.value(u"type");
    if (!type.isString())
        return matrixError(400, "M_BAD_JSON", QStringLiteral("Missing type"));
    QString userId; // set by m.login.password
    if (type.toString() == u"m.login.password" && !m_config.passwords.isEmpty()) {
        const QJsonObject identifier = body.value(u"identifier").toObject();
        if (identifier.value(u"type").toString() != u"m.id.user"
            || !identifier.value(u"user").isString() || !body.value(u"password").isString())
            return matrixError(
                400, "M_BAD_JSON", QStringLiteral("Need an m.id.user identifier and a password"));
        QString user = identifier.value(u"user").toString();
        const QString suffix = u':' + m_config.serverName;
        if (user.startsWith(u'@') && user.endsWith(suffix))
            user = user.mid(1, user.size() - 1 - suffix.size());
        if (!m_config.passwords.contains(user)
            || m_config.passwords.value(user) != body.value(u"password").toString())
            return matrixError(403, "M_FORBIDDEN", QStringLiteral("Invalid username or password"));
        userId = u'@' + user + suffix;
    } else if (type.toString() != u"m.login.token") {
        return matrixError(400, "M_UNKNOWN", QStringLiteral("Bad login type"));
    }
    const QJsonValue tokenValue = body.value(u"token");
    if (userId.isEmpty() && !tokenValue.isString())
        return matrixError(400, "M_BAD_JSON", QStringLiteral("Missing token"));
    for (const char *key : {"device_id", "initial_device_display_name"}) {
        const QJsonValue value = body.value(QLatin1String(key));
        if (!value.isUndefined() && !value.isString())
            return matrixError(
                400, "M_BAD_JSON", QStringLiteral("%1 must be a string").arg(QLatin1String(key)));
    }
    if (const QJsonValue refresh = body.value(u"refresh_token");
        !refresh.isUndefined() && !refresh.isBool())
        return matrixError(400, "M_BAD_JSON", QStringLiteral("refresh_token must be a boolean"));

    if (userId.isEmpty()) {
        const auto found = m_loginTokens.find(tokenValue.toString());
        if (found == m_loginTokens.end() || found->used
            || found->expires < QDateTime::currentDateTimeUtc())
            return matrixError(403, "M_FORBIDDEN", QStringLiteral("Invalid login token"));
        found->used = true; // single-use, even if what follows fails
        userId = found->userId;
    }

    SessionInfo session;
    session.userId = userId;
    session.deviceId = body.value(u"device_id").toString();
    if (session.deviceId.isEmpty())
        session.deviceId = randomToken(10).toUpper();
    // Logging in with an existing device ID replaces that device's tokens.
    const auto sameDevice = [&](const auto &it) {
        return it.value().userId == session.userId && it.value().deviceId == session.deviceId;
    };
    m_registry->sessions.removeIf(sameDevice);
    m_registry->refreshTokens.removeIf(sameDevice);
    if (!m_registry->devices.value(session.userId).contains(session.deviceId))
        m_registry->devices[session.userId].insert(
            session.deviceId, {body.value(u"initial_device_display_name").toString(), {}, 0});
    QJsonObject response = issueTokens(session, body.value(u"refresh_token").toBool(false));
    response.insert(QStringLiteral("user_id"), session.userId);
    response.insert(QStringLiteral("device_id"), session.deviceId);
    const QString target
        = m_config.loginBaseUrl.isEmpty() ? baseUrl().toString() : m_config.loginBaseUrl;
    const QString &field = m_config.loginBaseUrlField;
    if (field == u"well_known" || field == u"both")
        response.insert(QStringLiteral("well_known"),
            QJsonObject{{QStringLiteral("m.homeserver"),
                QJsonObject{{QStringLiteral("base_url"), target}}}});
    if (field == u"base_cs_url" || field == u"both")
        response.insert(QStringLiteral("base_cs_url"), target);
    return QHttpServerResponse(response);
}

QJsonObject DevServer::issueTokens(SessionInfo session, bool withRefresh)
{
    const QString accessToken = QStringLiteral("syt_") + randomToken(40);
    QJsonObject fields{{QStringLiteral("access_token"), accessToken}};
    // Expiring tokens only for clients that can refresh them, as the spec says.
    if (withRefresh) {
        const QString refreshToken = QStringLiteral("syr_") + randomToken(40);
        m_registry->refreshTokens.insert(refreshToken, session);
        fields.insert(QStringLiteral("refresh_token"), refreshToken);
        if (m_config.accessTokenLifetimeMs > 0) {
            session.expires
                = QDateTime::currentDateTimeUtc().addMSecs(m_config.accessTokenLifetimeMs);
            fields.insert(QStringLiteral("expires_in_ms"), double(m_config.accessTokenLifetimeMs));
        }
    }
    session.softLoggedOut = false;
    m_registry->sessions.insert(accessToken, session);
    return fields;
}

QHttpServerResponse DevServer::refresh(const QHttpServerRequest &request)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body());
    if (!header(request, "content-type").startsWith("application/json") || !doc.isObject())
        return matrixError(400, "M_NOT_JSON", QStringLiteral("Body is not a JSON object"));
    const QJsonValue given = doc.object().value(u"refresh_token");
    if (!given.isString())
        return matrixError(400, "M_BAD_JSON", QStringLiteral("Missing refresh_token"));
    const auto found = m_registry->refreshTokens.constFind(given.toString());
    if (found == m_registry->refreshTokens.cend())
        return QHttpServerResponse(
            QJsonObject{{QStringLiteral("errcode"), QStringLiteral("M_UNKNOWN_TOKEN")},
                {QStringLiteral("error"), QStringLiteral("Unknown refresh token")},
                {QStringLiteral("soft_logout"), false}},
            Status::Unauthorized);
    ++m_refreshCount;
    SessionInfo session = found.value();
    session.supersedes = given.toString();
    // The old access tokens of the device end now; the old refresh token lives on until the new
    // access token is used, so that a client that lost this answer can retry.
    m_registry->sessions.removeIf([&](const auto &it) {
        return it.value().userId == session.userId && it.value().deviceId == session.deviceId;
    });
    return QHttpServerResponse(issueTokens(session, true));
}

void DevServer::expireAccessTokens(const QString &userId, const QString &deviceId)
{
    const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-1);
    for (auto it = m_registry->sessions.begin(); it != m_registry->sessions.end(); ++it)
        if (it->userId == userId && it->deviceId == deviceId)
            it->expires = past;
}

void DevServer::softLogout(const QString &userId, const QString &deviceId)
{
    for (auto it = m_registry->sessions.begin(); it != m_registry->sessions.end(); ++it)
        if (it->userId == userId && it->deviceId == deviceId)
            it->softLoggedOut = true;
    m_registry->refreshTokens.removeIf([&](const auto &it) {
        return it.value().userId == userId && it.value().deviceId == deviceId;
    });
}

const DevServer::SessionInfo *DevServer::authenticate(
    const QHttpServerRequest &request, QHttpServerResponse *error)
{
    // Only the Authorization header: query-string tokens are gone from the spec (v1.20).
    if (QUrlQuery(request.url()).hasQueryItem(QStringLiteral("access_token"))) {
        *error = matrixError(401, "M_MISSING_TOKEN",
            QStringLiteral("Send the access token in the Authorization header"));
        return nullptr;
    }
    const QByteArray authorization = header(request, "authorization");
    if (!authorization.startsWith("Bearer ")) {
        *error = matrixError(401, "M_MISSING_TOKEN", QStringLiteral("Missing access token"));
        return nullptr;
    }
    if (m_external)
        return introspected(QString::fromUtf8(authorization.mid(7)), error);
    const auto found = m_registry->sessions.find(QString::fromUtf8(authorization.mid(7)));
    const bool expired = found != m_registry->sessions.end() && found->expires.isValid()
        && found->expires < QDateTime::currentDateTimeUtc();
    if (m_config.portal || found == m_registry->sessions.end() || expired || found->softLoggedOut) {
        // Synapse answers an expired access token with soft_logout: true (synapse/api/auth).
        const bool soft = !m_config.portal && found != m_registry->sessions.end()
            && (found->softLoggedOut || expired);
        QHttpServerResponse response(
            QJsonObject{{QStringLiteral("errcode"), QStringLiteral("M_UNKNOWN_TOKEN")},
                {QStringLiteral("error"),
                    expired ? QStringLiteral("Access token has expired")
                            : QStringLiteral("Unknown access token")},
                {QStringLiteral("soft_logout"), soft}},
            Status::Unauthorized);
        *error = std::move(response);
        return nullptr;
    }
    // First use of a refreshed access token: the refresh token it replaced ends now.
    if (!found->supersedes.isEmpty())
        m_registry->refreshTokens.remove(std::exchange(found->supersedes, QString()));
    const auto device = m_registry->devices.find(found->userId);
    if (device != m_registry->devices.end() && device->contains(found->deviceId)) {
        DeviceInfo &info = (*device)[found->deviceId];
        info.lastSeenIp = QStringLiteral("127.0.0.1");
        info.lastSeenTs = QDateTime::currentMSecsSinceEpoch();
    }
    return &found.value();
}

const DevServer::SessionInfo *DevServer::introspected(
    const QString &accessToken, QHttpServerResponse *error)
{
    QString problem;
    const DevIntrospection::Identity identity = m_external->introspect(accessToken, &problem);
    if (identity.deviceId.isEmpty()) {
        m_introspected.remove(accessToken);
        *error = problem.isEmpty()
            ? matrixError(401, "M_UNKNOWN_TOKEN", QStringLiteral("Unknown access token"))
            : matrixError(503, "M_UNKNOWN", problem);
        return nullptr;
    }
    SessionInfo &session = m_introspected[accessToken];
    session.userId = QStringLiteral("@%1:%2").arg(identity.localpart, m_config.serverName);
    session.deviceId = identity.deviceId;
    // A device the homeserver sees for the first time exists from now on, as behind MAS.
    DeviceInfo &device = m_registry->devices[session.userId][session.deviceId];
    device.lastSeenIp = QStringLiteral("127.0.0.1");
    device.lastSeenTs = QDateTime::currentMSecsSinceEpoch();
    return &session;
}

QHttpServerResponse DevServer::media(const QString &server, const QString &mediaId) const
{
    if (server != m_config.serverName || !m_config.media.contains(mediaId))
        return matrixError(404, "M_NOT_FOUND", QStringLiteral("Not found"));
    // Drawn once per media ID: a real media repository serves stored bytes, and the time spent
    // drawing would count against the client in the benchmarks.
    if (const auto cached = m_mediaCache.constFind(mediaId); cached != m_mediaCache.cend())
        return QHttpServerResponse(QByteArrayLiteral("image/png"), QByteArray(*cached));
    // A round badge in the configured colour with a white ring: a stand-in for a logo.
    QImage image(96, 96, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(m_config.media.value(mediaId)));
        painter.drawEllipse(image.rect().adjusted(2, 2, -2, -2));
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(Qt::white, 10));
        painter.drawEllipse(image.rect().adjusted(28, 28, -28, -28));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    m_mediaCache.insert(mediaId, png);
    return QHttpServerResponse(QByteArrayLiteral("image/png"), png);
}

QHttpServerResponse DevServer::thumbnail(
    const QHttpServerRequest &request, const QString &server, const QString &mediaId) const
{
    // As Synapse: width and height are required integers; method is crop or scale.
    const QUrlQuery query(request.url());
    bool widthOk = false;
    bool heightOk = false;
    const int width = query.queryItemValue(QStringLiteral("width")).toInt(&widthOk);
    const int height = query.queryItemValue(QStringLiteral("height")).toInt(&heightOk);
    if (!widthOk || !heightOk)
        return matrixError(400, "M_MISSING_PARAM", QStringLiteral("Missing width or height"));
    const QString method = query.queryItemValue(QStringLiteral("method"));
    if (width < 1 || height < 1 || (!method.isEmpty() && method != u"crop" && method != u"scale"))
        return matrixError(400, "M_INVALID_PARAM", QStringLiteral("Bad width, height or method"));
    if (server == m_config.serverName) {
        if (const auto raw = m_config.rawMedia.constFind(mediaId); raw != m_config.rawMedia.cend())
            return QHttpServerResponse(QByteArray(raw->contentType), QByteArray(raw->body));
    }
    if (server != m_config.serverName || !m_config.media.contains(mediaId))
        return matrixError(404, "M_NOT_FOUND", QStringLiteral("Not found"));
    // A filled square at the size asked for (at most 800 px, Synapse's largest thumbnail), with
    // a white dot: enough to tell it from a neutral face in a screenshot.
    const QSize size(qMin(width, 800), qMin(height, 800));
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(m_config.media.value(mediaId)));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawEllipse(QRectF(QPointF(0, 0), QSizeF(size))
                                .adjusted(size.width() * 0.35, size.height() * 0.35,
                                    -size.width() * 0.35, -size.height() * 0.35));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QHttpServerResponse(QByteArrayLiteral("image/png"), png);
}

QHttpServerResponse DevServer::profile(
    const QHttpServerRequest &request, const QString &userId, bool &authenticated)
{
    // Public by default, as on Synapse; a token that comes must be valid.
    if (!header(request, "authorization").isEmpty()) {
        QHttpServerResponse error(Status::Ok);
        if (!authenticate(request, &error))
            return error;
        authenticated = true;
    }
    const QString localpart = userId.startsWith(u'@') ? userId.mid(1).section(u':', 0, 0) : userId;
    const QString server = userId.section(u':', 1);
    if (server != m_config.serverName)
        return matrixError(404, "M_NOT_FOUND", QStringLiteral("Profile was not found"));
    const auto found = m_config.profiles.contains(userId) ? m_config.profiles.constFind(userId)
                                                          : m_config.profiles.constFind(localpart);
    if (found != m_config.profiles.cend()) {
        QJsonObject document = *found;
        if (const QJsonValue avatar = document.value(u"avatar_url"); avatar.isString())
            document.insert(QStringLiteral("avatar_url"),
                avatar.toString().replace(QStringLiteral("${SERVER_NAME}"), m_config.serverName));
        return QHttpServerResponse(document);
    }
    if (m_registry->devices.contains(userId))
        return QHttpServerResponse(QJsonObject{{QStringLiteral("displayname"), localpart}});
    return matrixError(404, "M_NOT_FOUND", QStringLiteral("Profile was not found"));
}

QJsonObject DevServer::deviceJson(const QString &userId, const QString &deviceId) const
{
    const DeviceInfo info = m_registry->devices.value(userId).value(deviceId);
    QJsonObject json{{QStringLiteral("device_id"), deviceId}};
    if (!info.displayName.isEmpty())
        json.insert(QStringLiteral("display_name"), info.displayName);
    if (!info.lastSeenIp.isEmpty())
        json.insert(QStringLiteral("last_seen_ip"), info.lastSeenIp);
    if (info.lastSeenTs > 0)
        json.insert(QStringLiteral("last_seen_ts"), double(info.lastSeenTs));
    return json;
}

void DevServer::deleteDevice(const QString &userId, const QString &deviceId)
{
    // A device goes with its access and refresh tokens, as on a real server.
    const auto ofDevice = [&](const auto &it) {
        return it.value().userId == userId && it.value().deviceId == deviceId;
    };
    m_registry->sessions.removeIf(ofDevice);
    m_registry->refreshTokens.removeIf(ofDevice);
    if (auto it = m_registry->devices.find(userId); it != m_registry->devices.end()) {
        it->remove(deviceId);
        if (it->isEmpty())
            m_registry->devices.erase(it);
    }
}

QHttpServerResponse DevServer::devicesRoute(const QHttpServerRequest &request,
    const QStringList &rest, const SessionInfo &user, const QByteArray &method, const QString &path)
{
    const QString userId = user.userId; // `user` may go with a deleted device
    const auto wrongMethod
        = [] { return matrixError(405, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request")); };
    // Bodies: JSON objects only; DELETE may have none.
    QJsonObject body;
    if (method != "GET" && !request.body().isEmpty()) {
        if (auto refused = readJsonObject(request, body))
            return std::move(*refused);
    } else if (method == "PUT" || method == "POST") {
        return matrixError(400, "M_NOT_JSON", QStringLiteral("Body is not JSON"));
    }

    if (rest == QStringList{QStringLiteral("delete_devices")}) {
        if (method != "POST")
            return wrongMethod();
        const QJsonValue devices = body.value(u"devices");
        if (!devices.isArray())
            return matrixError(400, "M_BAD_JSON", QStringLiteral("devices must be a list"));
        QStringList ids;
        for (const QJsonValue &id : devices.toArray()) {
            if (!id.isString())
                return matrixError(
                    400, "M_BAD_JSON", QStringLiteral("devices must be a list of strings"));
            ids.append(id.toString());
        }
        if (auto refused = userInteractiveAuth(user, method, path, body))
            return std::move(*refused);
        for (const QString &id : std::as_const(ids))
            deleteDevice(userId, id);
        return QHttpServerResponse(QJsonObject{});
    }
    if (rest.size() == 1) {
        if (method != "GET")
            return wrongMethod();
        QJsonArray devices;
        const QStringList ids = m_registry->devices.value(userId).keys();
        for (const QString &id : ids)
            devices.append(deviceJson(userId, id));
        return QHttpServerResponse(QJsonObject{{QStringLiteral("devices"), devices}});
    }
    const QString deviceId = rest[1];
    const bool exists = m_registry->devices.value(userId).contains(deviceId);
    if (method == "GET") {
        if (!exists)
            return matrixError(404, "M_NOT_FOUND", QStringLiteral("Unknown device"));
        return QHttpServerResponse(deviceJson(userId, deviceId));
    }
    if (method == "PUT") {
        if (!exists)
            return matrixError(404, "M_NOT_FOUND", QStringLiteral("Unknown device"));
        const QJsonValue name = body.value(u"display_name");
        if (!name.isUndefined() && !name.isString())
            return matrixError(400, "M_BAD_JSON", QStringLiteral("display_name must be a string"));
        if (name.isString())
            m_registry->devices[userId][deviceId].displayName = name.toString();
        return QHttpServerResponse(QJsonObject{});
    }
    if (method == "DELETE") {
        if (auto refused = userInteractiveAuth(user, method, path, body))
            return std::move(*refused);
        // Like Synapse: deleting a device that is not there is no error.
        deleteDevice(userId, deviceId);
        return QHttpServerResponse(QJsonObject{});
    }
    return wrongMethod();
}

QString DevServer::newUiaSession(const SessionInfo &user, const QByteArray &method,
    const QString &path, const QJsonObject &request)
{
    const QString id = randomToken(24);
    m_uiaSessions.insert(id,
        {user.userId, method, path, request, {},
            QDateTime::currentDateTimeUtc().addMSecs(m_config.uiaSessionLifetimeMs)});
    return id;
}

DevServer::UiaSession *DevServer::liveUiaSession(const QString &session)
{
    const auto found = m_uiaSessions.find(session);
    if (found == m_uiaSessions.end())
        return nullptr;
    if (found->expires <= QDateTime::currentDateTimeUtc()) {
        m_uiaSessions.erase(found);
        return nullptr;
    }
    return &found.value();
}

bool DevServer::completeStage(UiaSession &session, const QString &stage)
{
    // Strictly in order: the stage must come next in a flow that begins with what is done.
    const qsizetype done = session.completed.size();
    for (const QStringList &flow : std::as_const(m_config.uiaFlows)) {
        if (flow.size() > done && flow.mid(0, done) == session.completed
            && flow.at(done) == stage) {
            session.completed.append(stage);
            return true;
        }
    }
    return false;
}

bool DevServer::isUiaComplete(const UiaSession &session) const
{
    return m_config.uiaFlows.contains(session.completed);
}

QHttpServerResponse DevServer::uiaChallenge(
    const QString &session, const char *errcode, const QString &error) const
{
    QJsonArray flows;
    bool terms = false;
    bool sso = false;
    for (const QStringList &flow : m_config.uiaFlows) {
        flows.append(QJsonObject{{QStringLiteral("stages"), QJsonArray::fromStringList(flow)}});
        terms = terms || flow.contains(u"m.login.terms");
        sso = sso || flow.contains(u"m.login.sso");
    }
    QJsonObject params;
    if (terms)
        params.insert(QStringLiteral("m.login.terms"),
            QJsonObject{{QStringLiteral("policies"), m_config.uiaTermsPolicies}});
    if (sso && m_config.uiaIdentityProviders)
        params.insert(QStringLiteral("m.login.sso"),
            QJsonObject{{QStringLiteral("identity_providers"), m_config.identityProviders}});
    QJsonObject body{{QStringLiteral("flows"), flows}, {QStringLiteral("params"), params},
        {QStringLiteral("session"), session},
        {QStringLiteral("completed"),
            QJsonArray::fromStringList(m_uiaSessions.value(session).completed)}};
    if (errcode) {
        body.insert(QStringLiteral("errcode"), QString::fromLatin1(errcode));
        body.insert(QStringLiteral("error"), error);
    }
    return QHttpServerResponse(body, Status::Unauthorized);
}

std::optional<QHttpServerResponse> DevServer::userInteractiveAuth(
    const SessionInfo &user, const QByteArray &method, const QString &path, const QJsonObject &body)
{
    QJsonObject request = body;
    request.remove(QStringLiteral("auth"));
    if (!body.contains(u"auth"))
        return uiaChallenge(newUiaSession(user, method, path, request));
    if (!body.value(u"auth").isObject())
        return matrixError(400, "M_BAD_JSON", QStringLiteral("auth must be an object"));
    const QJsonObject auth = body.value(u"auth").toObject();

    QString id;
    if (auth.contains(u"session")) {
        if (!auth.value(u"session").isString())
            return matrixError(400, "M_BAD_JSON", QStringLiteral("session must be a string"));
        id = auth.value(u"session").toString();
        const UiaSession *session = liveUiaSession(id);
        // What Synapse answers for a session it does not know (or no longer knows).
        if (!session)
            return matrixError(400, "M_UNKNOWN", QStringLiteral("Unknown session ID: ") + id);
        if (session->userId != user.userId || session->method != method || session->path != path
            || session->request != request)
            return matrixError(403, "M_FORBIDDEN",
                QStringLiteral(
                    "Requested operation has changed during the UI authentication session."));
    } else {
        id = newUiaSession(user, method, path, request);
    }
    UiaSession &session = m_uiaSessions[id];

    if (auth.contains(u"type")) {
        const QString type = auth.value(u"type").toString();
        static const QStringList apiStages = {QStringLiteral("m.login.password"),
            QStringLiteral("m.login.dummy"), QStringLiteral("m.login.terms")};
        if (!apiStages.contains(type))
            return matrixError(400, "M_UNRECOGNIZED", QStringLiteral("Unrecognized login type"));
        UiaSession attempt = session;
        if (!completeStage(attempt, type))
            return matrixError(
                400, "M_INVALID_PARAM", type + QStringLiteral(" is not the next stage"));
        if (type == u"m.login.password") {
            const QJsonObject identifier = auth.value(u"identifier").toObject();
            QString name = identifier.value(u"user").toString();
            const QString suffix = u':' + m_config.serverName;
            if (!name.startsWith(u'@'))
                name = u'@' + name + suffix;
            const QString localpart = user.userId.mid(1, user.userId.size() - 1 - suffix.size());
            const bool right = identifier.value(u"type").toString() == u"m.id.user"
                && name == user.userId && auth.value(u"password").isString()
                && m_config.passwords.contains(localpart)
                && m_config.passwords.value(localpart) == auth.value(u"password").toString();
            if (!right)
                return uiaChallenge(id, "M_FORBIDDEN", QStringLiteral("Invalid password"));
        }
        session = attempt;
    }
    if (!isUiaComplete(session))
        return uiaChallenge(id);
    m_uiaSessions.remove(id); // used up: it authorises this request once
    return std::nullopt;
}

QHttpServerResponse DevServer::uiaFallback(
    const QHttpServerRequest &request, const QString &stage, bool post)
{
    QUrlQuery query(request.url());
    QString id = query.queryItemValue(QStringLiteral("session"), QUrl::FullyDecoded);
    if (post) {
        const QUrlQuery form(QString::fromUtf8(request.body()).replace(u'+', u' '));
        if (form.hasQueryItem(QStringLiteral("session")))
            id = form.queryItemValue(QStringLiteral("session"), QUrl::FullyDecoded);
    }
    if (stage != u"m.login.sso" && stage != u"m.login.terms")
        return matrixError(404, "M_UNRECOGNIZED", QStringLiteral("Unknown auth stage type"));
    if (post && stage != u"m.login.terms")
        return matrixError(405, "M_UNRECOGNIZED", QStringLiteral("Unrecognized request"));
    UiaSession *session = liveUiaSession(id);
    if (!session)
        return html(QStringLiteral("<h1>Unknown session</h1><p>It may have expired: start again "
                                   "from your app.</p>"),
            400);
    const QString operation
        = QStringLiteral("%1 %2").arg(QString::fromLatin1(session->method), session->path);

    if (stage == u"m.login.terms") {
        if (post) {
            if (!completeStage(*session, stage))
                return html(QStringLiteral("<h1>Not now</h1><p>The terms are not the next step "
                                           "of this confirmation.</p>"),
                    400);
            return uiaDonePage();
        }
        QString list;
        const QJsonObject policies = m_config.uiaTermsPolicies;
        for (auto it = policies.begin(); it != policies.end(); ++it) {
            const QJsonObject en = it.value().toObject().value(u"en").toObject();
            list += QStringLiteral("<li><a href=\"%1\">%2</a></li>")
                        .arg(en.value(u"url").toString().toHtmlEscaped(),
                            en.value(u"name").toString(it.key()).toHtmlEscaped());
        }
        return html(QStringLiteral("<h1>Terms</h1><p>To go on with <code>%1</code>, accept:</p>"
                                   "<ul>%2</ul><form method=\"post\">"
                                   "<input type=\"hidden\" name=\"session\" value=\"%3\">"
                                   "<button type=\"submit\">Accept</button></form>")
                        .arg(operation.toHtmlEscaped(), list, id.toHtmlEscaped()));
    }

    // m.login.sso: a confirmation page that leads to the identity provider, as Synapse has.
    const QString attempt = randomToken(24);
    const QString idp = m_config.identityProviders.isEmpty()
        ? QString()
        : m_config.identityProviders.at(0).toObject().value(u"id").toString();
    m_attempts.insert(attempt, {idp, QUrl(), id});
    return html(QStringLiteral("<h1>Confirm your identity</h1><p>An app asks to "
                               "<code>%1</code> on your account. Confirm that it is you by "
                               "signing in again.</p><p><a id=\"continue\" "
                               "href=\"/_dev/idp?attempt=%2\">Continue with single sign-on</a>"
                               "</p>")
                    .arg(operation.toHtmlEscaped(), attempt));
}
