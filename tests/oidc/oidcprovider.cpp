// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oidcprovider.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

OidcProvider::OidcProvider(int accessTokenSeconds, QString account)
    : m_accessTokenSeconds(accessTokenSeconds)
    , m_account(std::move(account))
{
    QByteArray secret(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()), 6);
    m_secret = QString::fromLatin1(secret.toHex());
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
}

OidcProvider::~OidcProvider()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

QString OidcProvider::start()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        return QStringLiteral("node is not installed: scripts/test installs nodejs and npm "
                              "(PORTICO_TEST_PACKAGES, scripts/lib/common.sh)");
    if (!QFileInfo::exists(QStringLiteral(OIDC_PROVIDER_DIR "/node_modules/oidc-provider")))
        return QStringLiteral("oidc-provider is not installed at " OIDC_PROVIDER_DIR
                              ": run scripts/test, which installs it from npm (it needs nodejs "
                              "and npm)");
    quint16 port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
    }
    m_process.start(QStringLiteral("node"),
        {QStringLiteral(OIDC_AS_SCRIPT), QStringLiteral(OIDC_PROVIDER_DIR), QString::number(port),
            m_account, m_secret, QString::number(m_accessTokenSeconds)});
    if (!m_process.waitForStarted(10000))
        return QStringLiteral("cannot run node (install nodejs): ") + m_process.errorString();
    const bool ready = QTest::qWaitFor(
        [&] {
            lines();
            return m_lines.filter(QStringLiteral("listening ")).size() > 0
                || m_process.state() == QProcess::NotRunning;
        },
        30000);
    if (!ready || m_lines.filter(QStringLiteral("listening ")).isEmpty())
        return QStringLiteral("oidc-provider did not start: ") + m_lines.join(u'\n') + errors();
    m_issuer = QUrl(m_lines.filter(QStringLiteral("listening ")).first().mid(10));
    return {};
}

QStringList OidcProvider::lines()
{
    // What node wrote before it answered may still be in the pipe, not yet in QProcess's
    // buffer: take all of it, so that a line is there once its request was answered.
    while (m_process.state() == QProcess::Running && m_process.waitForReadyRead(5))
        ;
    m_out += m_process.readAllStandardOutput();
    qsizetype end;
    while ((end = m_out.indexOf('\n')) >= 0) {
        m_lines.append(QString::fromUtf8(m_out.left(end)));
        m_out.remove(0, end + 1);
    }
    return m_lines;
}

int OidcProvider::count(const QString &prefix)
{
    int n = 0;
    for (const QString &line : lines())
        n += line.startsWith(prefix) ? 1 : 0;
    return n;
}

QString OidcProvider::errors()
{
    return QString::fromUtf8(m_process.readAllStandardError());
}

bool OidcProvider::isActive(const QString &token, QString *error)
{
    QNetworkRequest request(QUrl(m_issuer.toString() + QStringLiteral("/token/introspection")));
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(
        "Authorization", "Basic " + (homeserverClientId() + u':' + m_secret).toUtf8().toBase64());
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), QString::fromLatin1(QUrl::toPercentEncoding(token)));
    QNetworkReply *reply = m_network.post(request, form.query(QUrl::FullyEncoded).toUtf8());
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        reply->abort();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    if (status != 200 && error)
        *error = QStringLiteral("introspection answered %1").arg(status);
    return answer.value(u"active").toBool();
}

QString OidcProvider::digest(const QString &token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}
