// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the OAuth flow tests share: a development homeserver in OAuth mode, and a browser that
// follows its pages just far enough to hand back where it redirects.
#include "devoauth.h"
#include "devserver.h"
#include "oauth/authmetadata.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QUrlQuery>

#include <memory>

namespace OAuthTest {

inline std::unique_ptr<DevServer> oauthServer()
{
    DevServer::Config config = DevServer::Config::demo();
    config.oauth = true;
    config.versions = {QStringLiteral("v1.15")};
    auto server = std::make_unique<DevServer>(config);
    if (!server->start())
        qFatal("cannot start the development homeserver");
    return server;
}

inline Portico::OAuth::AuthMetadata metadataOf(DevServer &server)
{
    const auto metadata = Portico::OAuth::parseAuthMetadata(server.oauth()->metadata());
    if (!metadata)
        qFatal("the development homeserver's metadata does not parse");
    return metadata.value();
}

struct Page
{
    int status = 0;
    QByteArray body;
    QUrl location;
};

inline Page fetch(QNetworkAccessManager &network, const QUrl &url, const QByteArray &form = {})
{
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nullptr;
    if (form.isNull()) {
        reply = network.get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
            QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = network.post(request, form);
    }
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(10000))
        qFatal("no answer from %s", qPrintable(url.toDisplayString()));
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
        QUrl::fromEncoded(reply->rawHeader("Location"))};
}

// Opens the authorisation URL and answers the consent page with `decision` ("allow" or
// "deny"); returns where the server sends the browser back to.
inline QUrl consent(
    QNetworkAccessManager &network, const QUrl &authorizationUrl, const QString &decision)
{
    const Page page = fetch(network, authorizationUrl);
    if (page.status == 302)
        return page.location; // consent skipped
    static const QRegularExpression id(QStringLiteral("name=\"consent\" value=\"([^\"]+)\""));
    const QString consentId = id.match(QString::fromUtf8(page.body)).captured(1);
    const QUrl action(authorizationUrl.toString(QUrl::RemovePath | QUrl::RemoveQuery)
        + QStringLiteral("/_oauth/consent"));
    return fetch(
        network, action, "consent=" + consentId.toUtf8() + "&decision=" + decision.toUtf8())
        .location;
}

} // namespace OAuthTest
