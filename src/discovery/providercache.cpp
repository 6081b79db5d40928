// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "providercache.h"

#include "matrix/cachefile.h"
#include "matrix/logging.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

#include <algorithm>

namespace Portico::Discovery {

namespace {
constexpr int FormatVersion = 1;

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

std::optional<QStringList> stringList(const QJsonValue &value)
{
    if (!value.isArray())
        return std::nullopt;
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return std::nullopt;
        list.append(item.toString());
    }
    return list;
}

// The metadata as the server's document would name it, for parseAuthMetadata() to read back.
QJsonObject metadataObject(const OAuth::AuthMetadata &m)
{
    QJsonObject object{{QStringLiteral("issuer"), m.issuer.toString()},
        {QStringLiteral("authorization_endpoint"), m.authorizationEndpoint.toString()},
        {QStringLiteral("token_endpoint"), m.tokenEndpoint.toString()},
        {QStringLiteral("revocation_endpoint"), m.revocationEndpoint.toString()},
        {QStringLiteral("registration_endpoint"), m.registrationEndpoint.toString()},
        {QStringLiteral("response_types_supported"), toArray(m.responseTypes)},
        {QStringLiteral("response_modes_supported"), toArray(m.responseModes)},
        {QStringLiteral("grant_types_supported"), toArray(m.grantTypes)},
        {QStringLiteral("code_challenge_methods_supported"), toArray(m.codeChallengeMethods)},
        {QStringLiteral("prompt_values_supported"), toArray(m.promptValues)},
        {QStringLiteral("scopes_supported"), toArray(m.scopes)},
        {QStringLiteral("account_management_actions_supported"),
            toArray(m.accountManagementActions)}};
    if (m.deviceAuthorizationEndpoint.isValid())
        object.insert(QStringLiteral("device_authorization_endpoint"),
            m.deviceAuthorizationEndpoint.toString());
    if (m.accountManagementUri.isValid())
        object.insert(QStringLiteral("account_management_uri"), m.accountManagementUri.toString());
    return object;
}

std::optional<CachedProviders> entryFrom(const QJsonObject &object)
{
    CachedProviders entry;
    entry.key = object.value(u"key").toString();
    entry.fetched = QDateTime::fromString(object.value(u"fetched").toString(), Qt::ISODateWithMs);
    const QJsonObject server = object.value(u"homeserver").toObject();
    entry.homeserver.baseUrl = QUrl(server.value(u"baseUrl").toString(), QUrl::StrictMode);
    entry.homeserver.plainHttpAllowed = server.value(u"plainHttpAllowed").toBool();
    const auto versions = stringList(server.value(u"versions"));
    const auto unstable = stringList(server.value(u"unstable"));
    const QString scheme = entry.homeserver.baseUrl.scheme();
    if (entry.key.isEmpty() || !entry.fetched.isValid() || !entry.homeserver.baseUrl.isValid()
        || (scheme != u"https" && scheme != u"http") || !versions || versions->isEmpty()
        || !unstable)
        return std::nullopt;
    entry.homeserver.versions.versions = *versions;
    entry.homeserver.versions.enabledUnstableFeatures = *unstable;

    const QJsonObject flows = object.value(u"flows").toObject();
    entry.flows.sso = flows.value(u"sso").toBool();
    entry.flows.token = flows.value(u"token").toBool();
    entry.flows.password = flows.value(u"password").toBool();
    entry.flows.cas = flows.value(u"cas").toBool();
    entry.flows.oauthAwarePreferred = flows.value(u"oauthAwarePreferred").toBool();
    const QJsonValue providers = flows.value(u"providers");
    if (!providers.isArray())
        return std::nullopt;
    for (const QJsonValue &value : providers.toArray()) {
        const QJsonObject provider = value.toObject();
        Matrix::IdentityProvider idp{provider.value(u"id").toString(),
            provider.value(u"name").toString(), provider.value(u"icon").toString(),
            provider.value(u"brand").toString()};
        if (idp.id.isEmpty() || idp.name.isEmpty())
            return std::nullopt;
        entry.flows.identityProviders.append(idp);
    }
    // An OAuth server's entry is complete only with metadata that passes the server's checks.
    if (const QJsonValue oauth = object.value(u"oauth"); !oauth.isUndefined()) {
        auto metadata = OAuth::parseAuthMetadata(oauth.toObject());
        if (!metadata)
            return std::nullopt;
        entry.oauth = std::move(metadata).value();
    }
    return entry;
}
} // namespace

QByteArray serialiseProviderCache(const QList<CachedProviders> &entries)
{
    QJsonArray array;
    for (const CachedProviders &entry : entries) {
        QJsonArray providers;
        for (const Matrix::IdentityProvider &idp : entry.flows.identityProviders)
            providers.append(
                QJsonObject{{QStringLiteral("id"), idp.id}, {QStringLiteral("name"), idp.name},
                    {QStringLiteral("icon"), idp.icon}, {QStringLiteral("brand"), idp.brand}});
        const Matrix::LoginFlows &flows = entry.flows;
        QJsonObject object{{QStringLiteral("key"), entry.key},
            {QStringLiteral("fetched"), entry.fetched.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("homeserver"),
                QJsonObject{{QStringLiteral("baseUrl"), entry.homeserver.baseUrl.toString()},
                    {QStringLiteral("plainHttpAllowed"), entry.homeserver.plainHttpAllowed},
                    {QStringLiteral("versions"), toArray(entry.homeserver.versions.versions)},
                    {QStringLiteral("unstable"),
                        toArray(entry.homeserver.versions.enabledUnstableFeatures)}}},
            {QStringLiteral("flows"),
                QJsonObject{{QStringLiteral("sso"), flows.sso},
                    {QStringLiteral("token"), flows.token},
                    {QStringLiteral("password"), flows.password},
                    {QStringLiteral("cas"), flows.cas},
                    {QStringLiteral("oauthAwarePreferred"), flows.oauthAwarePreferred},
                    {QStringLiteral("providers"), providers}}}};
        if (entry.oauth)
            object.insert(QStringLiteral("oauth"), metadataObject(*entry.oauth));
        array.append(object);
    }
    return QJsonDocument(
        QJsonObject{{QStringLiteral("version"), FormatVersion}, {QStringLiteral("servers"), array}})
        .toJson(QJsonDocument::Compact);
}

QList<CachedProviders> parseProviderCache(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    const QJsonObject root = document.object();
    if (error.error != QJsonParseError::NoError || root.value(u"version").toInt() != FormatVersion)
        return {};
    QList<CachedProviders> entries;
    for (const QJsonValue &value : root.value(u"servers").toArray())
        if (auto entry = entryFrom(value.toObject()))
            entries.append(*entry);
    return entries;
}

QString ProviderCache::filePath() const
{
    return m_directory + QStringLiteral("/providers.json");
}

QList<CachedProviders> ProviderCache::read() const
{
    if (!isEnabled())
        return {};
    QFile file(filePath());
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxFileBytes)
        return {};
    return parseProviderCache(file.readAll());
}

std::optional<CachedProviders> ProviderCache::lookup(const QString &typed) const
{
    const QString key = keyFor(typed);
    const QDateTime oldest = QDateTime::currentDateTimeUtc().addDays(-MaxAgeDays);
    for (const CachedProviders &entry : read())
        if (entry.key == key && entry.fetched >= oldest)
            return entry;
    return std::nullopt;
}

void ProviderCache::store(const QString &typed, const Homeserver &homeserver,
    const Matrix::LoginFlows &flows, const std::optional<OAuth::AuthMetadata> &oauth)
{
    if (!isEnabled())
        return;
    const QString key = keyFor(typed);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<CachedProviders> entries = read();
    entries.removeIf([&](const CachedProviders &entry) {
        return entry.key == key || entry.fetched < now.addDays(-MaxAgeDays);
    });
    // Only what the buttons need: the warnings and unknown flows are not worth keeping.
    Matrix::LoginFlows kept = flows;
    kept.warnings.clear();
    kept.otherTypes.clear();
    entries.prepend({key, now, homeserver, kept, oauth});
    if (entries.size() > MaxEntries)
        entries.resize(MaxEntries); // the newest first: the least recently used go
    const QByteArray bytes = serialiseProviderCache(entries);
    if (bytes.size() > MaxFileBytes)
        return;
    QDir().mkpath(m_directory);
    if (!Matrix::replaceCacheFile(filePath(), bytes))
        qCWarning(lcDiscovery) << "could not write the provider cache" << filePath();
}

} // namespace Portico::Discovery
