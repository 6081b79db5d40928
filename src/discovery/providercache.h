// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeservercheck.h"

#include "matrix/loginflows.h"
#include "oauth/authmetadata.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Portico::Discovery {

// What a server showed last time: its checked homeserver and its sign-in options. Nothing else:
// no user, no token.
struct CachedProviders
{
    QString key; // what the user typed, trimmed and lower-cased
    QDateTime fetched;
    Homeserver homeserver;
    Matrix::LoginFlows flows;
    // The OAuth 2.0 API's metadata, when the server signs in through it: the cached server then
    // shows "Continue with <server>" (and Create account, the device grant) at once. Validated
    // again when read, like the server's own document.
    std::optional<OAuth::AuthMetadata> oauth;
};

// Pure: the cache file's bytes to entries and back. Entries that are not complete are dropped,
// and so is everything in a document that is not ours.
QByteArray serialiseProviderCache(const QList<CachedProviders> &entries);
QList<CachedProviders> parseProviderCache(const QByteArray &bytes);

// Remembers the providers of the servers used lately, so that a server used before shows its
// buttons at once while it is asked again in the background. One small JSON file under the cache
// folder; bounded in entries and age. Without a folder it remembers nothing.
class ProviderCache
{
public:
    static constexpr qsizetype MaxEntries = 16;
    static constexpr qint64 MaxAgeDays = 30;
    static constexpr qint64 MaxFileBytes = 8 * 1024 * 1024;

    explicit ProviderCache(QString directory = {})
        : m_directory(std::move(directory))
    {}
    void setDirectory(const QString &directory) { m_directory = directory; }
    bool isEnabled() const { return !m_directory.isEmpty(); }
    QString filePath() const;

    std::optional<CachedProviders> lookup(const QString &typed) const;
    void store(const QString &typed, const Homeserver &homeserver, const Matrix::LoginFlows &flows,
        const std::optional<OAuth::AuthMetadata> &oauth = std::nullopt);

    static QString keyFor(const QString &typed) { return typed.trimmed().toLower(); }

private:
    QList<CachedProviders> read() const;

    QString m_directory;
};

} // namespace Portico::Discovery
