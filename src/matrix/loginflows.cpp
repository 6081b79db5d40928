// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginflows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Portico::Matrix {

namespace {
constexpr qsizetype MaxIdLength = 255;
const QString UnstableIdpsKey = QStringLiteral("org.matrix.msc2858.identity_providers");
const QString UnstableBrandPrefix = QStringLiteral("org.matrix.");

bool isBrandGrammar(QStringView brand)
{
    // [a-z][a-z0-9_.-]*, at most 255 characters (Common Namespaced Identifier Grammar).
    if (brand.isEmpty() || brand.size() > 255 || brand.front() < u'a' || brand.front() > u'z')
        return false;
    for (const QChar c : brand)
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'.'
                || c == u'-'))
            return false;
    return true;
}

QList<IdentityProvider> parseProviders(const QJsonArray &array, QStringList &warnings)
{
    QList<IdentityProvider> providers;
    QSet<QString> seen;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue entry = array.at(i);
        if (!entry.isObject()) {
            warnings.append(QStringLiteral("identity provider #%1 is not an object").arg(i));
            continue;
        }
        const QJsonObject object = entry.toObject();
        const QJsonValue idValue = object.value(u"id");
        const QString id = idValue.toString();
        if (!idValue.isString() || id.isEmpty() || id.size() > MaxIdLength) {
            warnings.append(QStringLiteral("identity provider #%1 has no usable id").arg(i));
            continue;
        }
        if (seen.contains(id)) {
            warnings.append(QStringLiteral("identity provider #%1 repeats id %2").arg(i).arg(id));
            continue;
        }
        seen.insert(id);

        IdentityProvider provider;
        provider.id = id;
        provider.name = object.value(u"name").toString().trimmed();
        if (provider.name.isEmpty())
            provider.name = id;
        provider.icon = object.value(u"icon").toString();
        QString brand = object.value(u"brand").toString();
        if (brand.startsWith(UnstableBrandPrefix))
            brand = brand.mid(UnstableBrandPrefix.size());
        if (isBrandGrammar(brand))
            provider.brand = brand;
        providers.append(provider);
    }
    return providers;
}
} // namespace

Expected<LoginFlows, QString> parseLoginFlows(const QJsonObject &document)
{
    const QJsonValue flowsValue = document.value(u"flows");
    if (!flowsValue.isArray())
        return Unexpected{QStringLiteral("no flows array")};
    LoginFlows result;
    bool haveProviders = false;
    for (const QJsonValue &flowValue : flowsValue.toArray()) {
        const QJsonObject flow = flowValue.toObject();
        const QString type = flow.value(u"type").toString();
        if (type.isEmpty()) {
            result.warnings.append(QStringLiteral("a flow without type"));
        } else if (type == u"m.login.sso") {
            result.sso = true;
            if (const QJsonValue flag = flow.value(u"oauth_aware_preferred"); flag.isBool())
                result.oauthAwarePreferred |= flag.toBool();
            if (const QJsonValue flag
                = flow.value(u"org.matrix.msc3824.delegated_oidc_compatibility");
                flag.isBool())
                result.oauthAwarePreferred |= flag.toBool();
            if (haveProviders)
                continue; // a second SSO flow: the first one's providers stand
            // The stable field wins; the unstable one only stands in when the stable one is
            // missing or unusable, so that a malformed field never hides valid providers.
            const QJsonValue stable = flow.value(u"identity_providers");
            const QJsonValue unstable = flow.value(UnstableIdpsKey);
            if (!stable.isUndefined() && !stable.isArray())
                result.warnings.append(QStringLiteral("identity_providers is not an array"));
            if (stable.isArray()) {
                result.identityProviders = parseProviders(stable.toArray(), result.warnings);
                haveProviders = true;
            } else if (unstable.isArray()) {
                result.identityProviders = parseProviders(unstable.toArray(), result.warnings);
                haveProviders = true;
            }
        } else if (type == u"m.login.token") {
            result.token = true;
        } else if (type == u"m.login.password") {
            result.password = true;
        } else if (type == u"m.login.cas") {
            result.cas = true;
        } else {
            result.otherTypes.append(type);
        }
    }
    return result;
}

Expected<LoginFlows, QString> parseLoginFlows(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return Unexpected{QStringLiteral("not a JSON object")};
    return parseLoginFlows(doc.object());
}

} // namespace Portico::Matrix
