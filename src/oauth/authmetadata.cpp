// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "authmetadata.h"

#include "json.h"

#include <QUrlQuery>

namespace Portico::OAuth {

namespace {
constexpr QLatin1StringView UnstablePrefix{"org.matrix.msc4191."};

Matrix::Unexpected<Matrix::Error> invalid(const QString &detail)
{
    return Matrix::Unexpected{
        Matrix::Error::invalidResponse(QStringLiteral("authorisation server metadata: ") + detail)};
}
} // namespace

bool AuthMetadata::supportsDeviceGrant() const
{
    return deviceAuthorizationEndpoint.isValid() && grantTypes.contains(DeviceCodeGrant);
}

QString AuthMetadata::deviceDeleteAction() const
{
    if (!accountManagementUri.isValid())
        return {};
    const QString stable = QStringLiteral("org.matrix.device_delete");
    const QString unstable = QStringLiteral("org.matrix.session_end");
    if (accountManagementActions.contains(stable))
        return stable;
    if (accountManagementActions.contains(unstable))
        return unstable;
    // Nothing advertised: MSC4191 lets clients try the stable action.
    return accountManagementActions.isEmpty() ? stable : QString();
}

QUrl AuthMetadata::accountManagementUrl(const QString &action, const QString &deviceId) const
{
    if (!accountManagementUri.isValid())
        return {};
    QUrl url = accountManagementUri;
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("action"));
    query.removeAllQueryItems(QStringLiteral("device_id"));
    // QUrlQuery leaves '+', '&' and '=' alone in values; encode them ourselves.
    const auto encoded
        = [](const QString &value) { return QString::fromLatin1(QUrl::toPercentEncoding(value)); };
    if (!action.isEmpty())
        query.addQueryItem(QStringLiteral("action"), encoded(action));
    if (!deviceId.isEmpty())
        query.addQueryItem(QStringLiteral("device_id"), encoded(deviceId));
    url.setQuery(query);
    return url;
}

Matrix::Expected<AuthMetadata, Matrix::Error> parseAuthMetadata(const QByteArray &body)
{
    const auto object = Json::object(body);
    if (!object)
        return Matrix::Unexpected{object.error()};
    return parseAuthMetadata(*object);
}

Matrix::Expected<AuthMetadata, Matrix::Error> parseAuthMetadata(const QJsonObject &object)
{
    AuthMetadata m;
    const auto url = [&](QStringView key, bool required, QUrl *out) -> QString {
        const auto parsed = Json::secureUrl(object, key, required);
        if (!parsed)
            return parsed.error();
        *out = *parsed;
        return {};
    };
    QString problem;
    for (const auto &[key, out] : {std::pair{u"issuer", &m.issuer},
             std::pair{u"authorization_endpoint", &m.authorizationEndpoint},
             std::pair{u"token_endpoint", &m.tokenEndpoint},
             std::pair{u"revocation_endpoint", &m.revocationEndpoint},
             std::pair{u"registration_endpoint", &m.registrationEndpoint}}) {
        if (problem = url(key, true, out); !problem.isEmpty())
            return invalid(problem);
    }
    // RFC 8414 §2: the issuer has no query and no fragment.
    if (m.issuer.hasQuery())
        return invalid(QStringLiteral("issuer has a query"));
    m.issuerIdentifier = object.value(u"issuer").toString();
    m.issuerInResponses = object.value(u"authorization_response_iss_parameter_supported").toBool();
    if (problem = url(u"device_authorization_endpoint", false, &m.deviceAuthorizationEndpoint);
        !problem.isEmpty())
        return invalid(problem);

    const auto list = [&](QStringView key, QStringList *out, QStringList required) -> QString {
        QString error;
        const auto values = Json::stringList(object, key, &error);
        if (!error.isEmpty())
            return error;
        if (!values && !required.isEmpty())
            return key.toString() + QStringLiteral(" is missing");
        if (values)
            *out = *values;
        for (const QString &value : required)
            if (!out->contains(value))
                return key.toString() + QStringLiteral(" lacks ") + value;
        return {};
    };
    const struct
    {
        QStringView key;
        QStringList *out;
        QStringList required;
    } lists[] = {
        {u"response_types_supported", &m.responseTypes, {QStringLiteral("code")}},
        {u"grant_types_supported", &m.grantTypes,
            {QStringLiteral("authorization_code"), QStringLiteral("refresh_token")}},
        {u"response_modes_supported", &m.responseModes,
            {QStringLiteral("query"), QStringLiteral("fragment")}},
        {u"code_challenge_methods_supported", &m.codeChallengeMethods, {QStringLiteral("S256")}},
        {u"prompt_values_supported", &m.promptValues, {}},
        {u"scopes_supported", &m.scopes, {}},
    };
    for (const auto &entry : lists)
        if (problem = list(entry.key, entry.out, entry.required); !problem.isEmpty())
            return invalid(problem);

    // Account management (MSC4191): the stable names first, the unstable prefixed ones else.
    // A broken value is dropped rather than failing the sign-in: only the devices page needs it.
    const auto key
        = [&](const QString &name) { return object.contains(name) ? name : UnstablePrefix + name; };
    if (const auto manage
        = Json::secureUrl(object, key(QStringLiteral("account_management_uri")), false);
        manage)
        m.accountManagementUri = *manage;
    QString ignored;
    if (const auto actions = Json::stringList(
            object, key(QStringLiteral("account_management_actions_supported")), &ignored))
        m.accountManagementActions = *actions;
    return m;
}

} // namespace Portico::OAuth
