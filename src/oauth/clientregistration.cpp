// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientregistration.h"

#include "authmetadata.h"
#include "json.h"

#include <QJsonArray>

namespace Portico::OAuth {

ClientMetadata ClientMetadata::portico(const QStringList &redirectUris, bool deviceGrant)
{
    // The project's pages; the private-use scheme dev.portico:/callback is their reverse DNS.
    ClientMetadata m;
    m.clientName = QStringLiteral("Portico");
    m.clientUri = QUrl(QStringLiteral("https://portico.dev/"));
    m.logoUri = QUrl(QStringLiteral("https://portico.dev/logo.png"));
    m.tosUri = QUrl(QStringLiteral("https://portico.dev/terms"));
    m.policyUri = QUrl(QStringLiteral("https://portico.dev/privacy"));
    m.redirectUris = redirectUris;
    m.deviceGrant = deviceGrant;
    return m;
}

QJsonObject ClientMetadata::toJson() const
{
    QJsonArray grants{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")};
    if (deviceGrant)
        grants.append(QString(AuthMetadata::DeviceCodeGrant));
    QJsonObject object{
        {QStringLiteral("application_type"), QStringLiteral("native")},
        {QStringLiteral("client_name"), clientName},
        {QStringLiteral("client_uri"), clientUri.toString()},
        {QStringLiteral("redirect_uris"), QJsonArray::fromStringList(redirectUris)},
        {QStringLiteral("grant_types"), grants},
        {QStringLiteral("response_types"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("token_endpoint_auth_method"), QStringLiteral("none")},
    };
    if (logoUri.isValid())
        object.insert(QStringLiteral("logo_uri"), logoUri.toString());
    if (tosUri.isValid())
        object.insert(QStringLiteral("tos_uri"), tosUri.toString());
    if (policyUri.isValid())
        object.insert(QStringLiteral("policy_uri"), policyUri.toString());
    return object;
}

Matrix::Expected<ClientRegistration, Matrix::Error> parseClientRegistration(const QByteArray &body)
{
    const auto object = Json::object(body);
    if (!object)
        return Matrix::Unexpected{object.error()};
    const QJsonValue clientId = object->value(u"client_id");
    if (!clientId.isString() || clientId.toString().isEmpty() || clientId.toString().size() > 1024)
        return Matrix::Unexpected{Matrix::Error::invalidResponse(
            QStringLiteral("client registration: client_id is missing"))};
    return ClientRegistration{clientId.toString()};
}

} // namespace Portico::OAuth
