// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devsession.h"

#include "scriptedbrowser.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>

QString loginTokenFromDevServer(const DevServer &server, const QString &user, const QString &idpId)
{
    ScriptedBrowser browser;
    browser.setUserName(user);
    QSignalSpy finished(&browser, &ScriptedBrowser::finished);
    browser.open(
        QUrl(server.baseUrl().toString() + QStringLiteral("/_matrix/client/v3/login/sso/redirect/")
            + idpId + QStringLiteral("?redirectUrl=http%3A%2F%2F127.0.0.1%3A1%2F")));
    if (!finished.wait(15000))
        return {};
    return QUrlQuery(browser.visited().last()).queryItemValue(QStringLiteral("loginToken"));
}

QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits.append(file.fileName());
    }
    return hits;
}

Portico::Session::Session signInOnDevServer(QNetworkAccessManager &network, const DevServer &server,
    const QString &user, bool withRefreshToken)
{
    const QString token = loginTokenFromDevServer(server, user);
    QNetworkRequest request(
        QUrl(server.baseUrl().toString() + QStringLiteral("/_matrix/client/v3/login")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = network.post(request,
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.token")},
                          {QStringLiteral("token"), token},
                          {QStringLiteral("refresh_token"), withRefreshToken}})
            .toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(15000))
        return {};
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    Portico::Session::Session session;
    session.userId = body.value(u"user_id").toString();
    session.deviceId = body.value(u"device_id").toString();
    session.accessToken = body.value(u"access_token").toString();
    session.refreshToken = body.value(u"refresh_token").toString();
    if (const qint64 lifetime = body.value(u"expires_in_ms").toInteger(); lifetime > 0)
        session.accessTokenExpiresAt = QDateTime::currentDateTimeUtc().addMSecs(lifetime);
    session.baseUrl = server.baseUrl();
    return session;
}
