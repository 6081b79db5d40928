// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "synapseserver.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkReply>
#include <QPainter>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTest>

namespace {
constexpr int StartTimeoutMs = 90000; // Synapse's first start on a busy 2-core machine

struct Answer
{
    int status = 0;
    QJsonObject json;
    QString error;
};

// One request, waited for through the event loop (test code).
Answer call(QNetworkAccessManager &network, const QByteArray &verb, const QUrl &url,
    const QByteArray &body = {}, const QString &token = {},
    const QByteArray &contentType = QByteArrayLiteral("application/json"))
{
    QNetworkRequest request(url);
    request.setTransferTimeout(20000);
    if (!body.isEmpty() || verb != "GET")
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 30000))
        reply->abort();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.json = QJsonDocument::fromJson(reply->readAll()).object();
    if (answer.status == 0)
        answer.error = reply->errorString();
    reply->deleteLater();
    return answer;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString randomSecret()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 6);
    return QString::fromLatin1(bytes.toHex());
}

QByteArray iconPng(QColor colour)
{
    QImage image(64, 64, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(colour);
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(4, 4, 56, 56);
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

QByteArray readFileTail(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().right(2000);
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) >= 0;
}

const QString RegistrationSecret = QStringLiteral("portico-test-registration-secret");
const QString ClientSecret = QStringLiteral("portico-test-oidc-client-secret");
} // namespace

SynapseServer::SynapseServer(Options options)
    : m_options(options)
{
    // For looking at a failure afterwards: config, database and logs stay.
    if (qEnvironmentVariableIsSet("PORTICO_SYNAPSE_KEEP")) {
        m_dir.setAutoRemove(false);
        qInfo() << "Synapse's folder (kept):" << m_dir.path();
    }
}

SynapseServer::~SynapseServer()
{
    stop();
}

QUrl SynapseServer::portalUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_portalPort));
}

QUrl SynapseServer::targetUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_targetPort));
}

QString SynapseServer::start()
{
    const QString python = QStringLiteral(SYNAPSE_VENV "/bin/python");
    if (!QFileInfo(python).isExecutable())
        return QStringLiteral("Synapse is not installed at " SYNAPSE_VENV
                              ": run scripts/test, which installs matrix-synapse[oidc] from PyPI "
                              "there (it needs python3-venv and access to PyPI)");
    if (!QFileInfo::exists(QStringLiteral(OIDC_PROVIDER_DIR "/node_modules/oidc-provider")))
        return QStringLiteral("oidc-provider is not installed at " OIDC_PROVIDER_DIR
                              ": run scripts/test, which installs it from npm (it needs nodejs "
                              "and npm)");
    if (!m_dir.isValid())
        return QStringLiteral("no scratch folder for Synapse");
    m_portalPort = freePort();
    m_targetPort = freePort();
    m_idpPorts = {freePort(), freePort()};
    // A signing key in Synapse's format (algorithm, version, unpadded base64 seed): saves a
    // Python start for --generate-keys.
    QByteArray seed(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(seed.data()), 8);
    writeFile(m_dir.filePath(QStringLiteral("signing.key")),
        "ed25519 a_test " + seed.toBase64(QByteArray::OmitTrailingEquals) + '\n');
    if (QString error = startIdps(); !error.isEmpty())
        return error;
    // First start without icons, to upload them to Synapse's own media repository; then again
    // with their mxc:// URIs in the provider config (the same database and media store).
    m_iconUris = {QStringLiteral("mxc://localhost/none"), QStringLiteral("mxc://localhost/none")};
    if (QString error = startSynapse(); !error.isEmpty())
        return error;
    if (!registerUser(QStringLiteral("admin"), QStringLiteral("admin-password"), true,
            &m_adminToken, nullptr))
        return QStringLiteral("could not register Synapse's admin user: ") + log().right(2000);
    if (QString error = uploadIcons(); !error.isEmpty())
        return error;
    stopProcess(*m_synapse);
    return startSynapse();
}

QString SynapseServer::startIdps()
{
    const QString redirect
        = targetUrl().toString() + QStringLiteral("/_synapse/client/oidc/callback");
    const QStringList accounts = {QStringLiteral("alice"), QStringLiteral("bob")};
    for (int i = 0; i < 2; ++i) {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::SeparateChannels);
        process->start(QStringLiteral("node"),
            {QStringLiteral(OIDC_IDP_SCRIPT), QStringLiteral(OIDC_PROVIDER_DIR),
                QString::number(m_idpPorts[i]), accounts[i], ClientSecret, redirect});
        if (!process->waitForStarted(10000))
            return QStringLiteral("cannot run node (install nodejs): ") + process->errorString();
        QByteArray out;
        const bool ready = QTest::qWaitFor(
            [&] {
                out += process->readAllStandardOutput();
                return out.contains("listening") || process->state() == QProcess::NotRunning;
            },
            30000);
        if (!ready || !out.contains("listening"))
            return QStringLiteral("the OpenID provider did not start: ")
                + QString::fromUtf8(out + process->readAllStandardError());
        m_idps.push_back(std::move(process));
    }
    return {};
}

QString SynapseServer::writeConfig()
{
    const QString dir = m_dir.path();
    QString log = QStringLiteral(R"(version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
filters:
  context:
    (): synapse.logging.context.LoggingContextFilter
    request: ""
handlers:
  file:
    class: logging.FileHandler
    formatter: precise
    filename: DIR/homeserver.log
    filters: [context]
loggers:
  synapse: {level: INFO}
  synapse.access: {level: INFO}
  synapse.storage.SQL: {level: WARNING}
root: {level: WARNING, handlers: [file]}
disable_existing_loggers: false
)");
    log.replace(QStringLiteral("DIR"), dir);
    QString idps;
    const QStringList ids = {QStringLiteral("alpha"), QStringLiteral("beta")};
    const QStringList names = {QStringLiteral("Alpha ID"), QStringLiteral("Beta Login")};
    for (int i = 0; i < 2; ++i) {
        idps += QStringLiteral(R"(  - idp_id: %1
    idp_name: "%2"
    idp_icon: "%3"
%4    issuer: "http://127.0.0.1:%5"
    discover: true
    skip_verification: true
    client_id: synapse
    client_secret: "%6"
    client_auth_method: client_secret_basic
    scopes: [openid, profile]
    user_profile_method: userinfo_endpoint
    user_mapping_provider:
      config:
        localpart_template: "{{ user.preferred_username }}"
        display_name_template: "{{ user.name }}"
)")
                    .arg(ids[i], names[i], m_iconUris.value(i),
                        i == 0 ? QStringLiteral("    idp_brand: github\n") : QString())
                    .arg(m_idpPorts[i])
                    .arg(ClientSecret);
    }
    QString config = QStringLiteral(R"(server_name: "localhost"
pid_file: DIR/homeserver.pid
public_baseurl: "http://127.0.0.1:TARGET/"
listeners:
  - port: TARGET
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources: [{names: [client, media], compress: false}]
  - port: PORTAL
    bind_addresses: ['127.0.0.1']
    type: http
    tls: false
    x_forwarded: false
    resources: [{names: [client], compress: false}]
database:
  name: sqlite3
  args: {database: DIR/homeserver.db}
log_config: DIR/log.yaml
media_store_path: DIR/media
signing_key_path: DIR/signing.key
report_stats: false
trusted_key_servers: []
suppress_key_server_warning: true
registration_shared_secret: "REGSECRET"
macaroon_secret_key: "MACAROON"
form_secret: "FORM"
enable_registration: false
refreshable_access_token_lifetime: LIFETIMEs
enable_authenticated_media: AUTHMEDIA
url_preview_enabled: false
presence: {enabled: false}
sso:
  client_whitelist: ["http://127.0.0.1:", "http://[::1]:", "http://localhost:"]
rc_login:
  address: {per_second: 1000, burst_count: 1000}
  account: {per_second: 1000, burst_count: 1000}
  failed_attempts: {per_second: 0.001, burst_count: FAILEDBURST}
rc_message: {per_second: 1000, burst_count: 1000}
rc_registration: {per_second: 1000, burst_count: 1000}
oidc_providers:
)");
    config.replace(QStringLiteral("DIR"), dir)
        .replace(QStringLiteral("TARGET"), QString::number(m_targetPort))
        .replace(QStringLiteral("PORTAL"), QString::number(m_portalPort))
        .replace(QStringLiteral("REGSECRET"), RegistrationSecret)
        .replace(QStringLiteral("MACAROON"), randomSecret())
        .replace(QStringLiteral("FORM"), randomSecret())
        .replace(QStringLiteral("LIFETIME"), QString::number(m_options.tokenLifetimeSeconds))
        .replace(QStringLiteral("AUTHMEDIA"),
            m_options.authenticatedMedia ? QStringLiteral("true") : QStringLiteral("false"))
        .replace(QStringLiteral("FAILEDBURST"), QString::number(m_options.failedLoginBurst));
    config += idps;
    if (!writeFile(m_dir.filePath(QStringLiteral("log.yaml")), log.toUtf8())
        || !writeFile(m_dir.filePath(QStringLiteral("homeserver.yaml")), config.toUtf8()))
        return QStringLiteral("cannot write Synapse's config under ") + dir;
    return {};
}

QString SynapseServer::startSynapse()
{
    if (QString error = writeConfig(); !error.isEmpty())
        return error;
    m_synapse = std::make_unique<QProcess>();
    m_synapse->setProcessChannelMode(QProcess::MergedChannels);
    m_synapse->setStandardOutputFile(
        m_dir.filePath(QStringLiteral("stdout.log")), QIODevice::Append);
    m_synapse->setWorkingDirectory(m_dir.path());
    m_synapse->start(QStringLiteral(SYNAPSE_VENV "/bin/python"),
        {QStringLiteral("-m"), QStringLiteral("synapse.app.homeserver"), QStringLiteral("-c"),
            m_dir.filePath(QStringLiteral("homeserver.yaml"))});
    if (!m_synapse->waitForStarted(10000))
        return QStringLiteral("cannot start Synapse: ") + m_synapse->errorString();
    if (QString error = waitForVersions(targetUrl(), *m_synapse); !error.isEmpty())
        return error;
    return waitForVersions(portalUrl(), *m_synapse);
}

QString SynapseServer::waitForVersions(const QUrl &url, QProcess &process)
{
    // Readiness is Synapse answering /versions, asked again as soon as the last ask failed.
    const QUrl versions = url.resolved(QUrl(QStringLiteral("/_matrix/client/versions")));
    QElapsedTimer elapsed;
    elapsed.start();
    while (elapsed.elapsed() < StartTimeoutMs) {
        if (process.state() == QProcess::NotRunning)
            return QStringLiteral("Synapse exited while starting: ") + log().right(3000)
                + QString::fromUtf8(readFileTail(m_dir.filePath(QStringLiteral("stdout.log"))));
        const Answer answer = call(m_network, "GET", versions);
        if (answer.status == 200 && answer.json.value(u"versions").isArray())
            return {};
        // Connection refused comes back at once: wait for Synapse's next event instead of
        // spinning (it writes its log as it starts).
        (void)QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 100);
    }
    return QStringLiteral("Synapse did not answer /versions at %1 within %2 s: ")
               .arg(url.toString())
               .arg(StartTimeoutMs / 1000)
        + log().right(3000);
}

bool SynapseServer::registerUser(const QString &localpart, const QString &password, bool admin,
    QString *accessToken, QString *error)
{
    const QUrl url = targetUrl().resolved(QUrl(QStringLiteral("/_synapse/admin/v1/register")));
    const Answer nonce = call(m_network, "GET", url);
    const QString value = nonce.json.value(u"nonce").toString();
    if (value.isEmpty()) {
        if (error)
            *error = QStringLiteral("no registration nonce (%1)").arg(nonce.status);
        return false;
    }
    QMessageAuthenticationCode mac(QCryptographicHash::Sha1, RegistrationSecret.toUtf8());
    mac.addData(value.toUtf8() + '\0' + localpart.toUtf8() + '\0' + password.toUtf8() + '\0'
        + (admin ? "admin" : "notadmin"));
    const QJsonObject body{{QStringLiteral("nonce"), value},
        {QStringLiteral("username"), localpart}, {QStringLiteral("password"), password},
        {QStringLiteral("admin"), admin},
        {QStringLiteral("mac"), QString::fromLatin1(mac.result().toHex())}};
    const Answer registered
        = call(m_network, "POST", url, QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (registered.status != 200) {
        if (error)
            *error = QStringLiteral("registration answered %1").arg(registered.status);
        return false;
    }
    if (accessToken)
        *accessToken = registered.json.value(u"access_token").toString();
    return true;
}

QList<QColor> SynapseServer::iconColours()
{
    return {QColor(0x24, 0x29, 0x2f), QColor(0x4d, 0x7c, 0xfe)};
}

QString SynapseServer::uploadIcons()
{
    m_iconUris.clear();
    for (const QColor &colour : iconColours()) {
        const Answer uploaded = call(m_network, "POST",
            targetUrl().resolved(
                QUrl(QStringLiteral("/_matrix/media/v3/upload?filename=icon.png"))),
            iconPng(colour), m_adminToken, QByteArrayLiteral("image/png"));
        const QString uri = uploaded.json.value(u"content_uri").toString();
        if (!uri.startsWith(u"mxc://"))
            return QStringLiteral("could not upload an icon to Synapse (%1)").arg(uploaded.status);
        m_iconUris.append(uri);
    }
    return {};
}

QStringList SynapseServer::devicesOf(const QString &userId, QString *error)
{
    const Answer answer = call(m_network, "GET",
        targetUrl().resolved(QUrl(QStringLiteral("/_synapse/admin/v2/users/%1/devices")
                                      .arg(QString::fromUtf8(QUrl::toPercentEncoding(userId))))),
        {}, m_adminToken);
    if (answer.status != 200 && error)
        *error = QStringLiteral("admin devices answered %1").arg(answer.status);
    QStringList ids;
    for (const QJsonValue &device : answer.json.value(u"devices").toArray())
        ids.append(device.toObject().value(u"device_id").toString());
    return ids;
}

QStringList SynapseServer::accessLog() const
{
    QStringList lines;
    const QString all = log();
    for (const QString &line : all.split(u'\n'))
        if (line.contains(u" - synapse.access.http."))
            lines.append(line);
    return lines;
}

QString SynapseServer::idpOutput()
{
    for (const auto &idp : m_idps)
        m_idpOutput += QString::fromUtf8(idp->readAllStandardOutput());
    return m_idpOutput;
}

QString SynapseServer::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("homeserver.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString SynapseServer::problems() const
{
    QStringList lines;
    for (const QString &line : log().split(u'\n'))
        if (line.contains(u" - WARNING - ") || line.contains(u" - ERROR - ")
            || line.startsWith(u"Traceback") || line.startsWith(u"  "))
            lines.append(line);
    return lines.mid(std::max<qsizetype>(0, lines.size() - 40)).join(u'\n');
}

void SynapseServer::stopProcess(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate(); // SIGTERM to its PID: Synapse and node shut down cleanly
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

void SynapseServer::stop()
{
    if (m_synapse)
        stopProcess(*m_synapse);
    for (const auto &idp : m_idps)
        stopProcess(*idp);
    m_idps.clear();
}
