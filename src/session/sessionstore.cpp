// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionstore.h"

#include "matrix/logging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QUrl>

#include <qt6keychain/keychain.h>

namespace Portico::Session {

namespace {
const QString Service = QStringLiteral(PORTICO_APP_ID);

QString groupFor(const QString &key)
{
    // QSettings treats '/' as a group separator; user IDs contain it in our key.
    return QStringLiteral("sessions/") + QString::fromLatin1(QUrl::toPercentEncoding(key));
}

QByteArray secretOf(const Session &session)
{
    QJsonObject secret{{QStringLiteral("access_token"), session.accessToken}};
    if (!session.refreshToken.isEmpty())
        secret.insert(QStringLiteral("refresh_token"), session.refreshToken);
    return QJsonDocument(secret).toJson(QJsonDocument::Compact);
}
} // namespace

StoreError storeErrorFrom(int keychainError, const QString &text)
{
    using Reason = StoreError::Reason;
    switch (keychainError) {
    case QKeychain::NoBackendAvailable:
        return {Reason::NoKeychain, text};
    case QKeychain::AccessDenied:
        return {text.contains(u"locked") ? Reason::Locked : Reason::AccessDenied, text};
    case QKeychain::AccessDeniedByUser:
        return {Reason::AccessDenied, text};
    default:
        break;
    }
    // QtKeychain 0.13 reports these as OtherError; the text is all there is to tell them apart.
    if (text.contains(u"D-Bus") || text.contains(u"org.freedesktop.secrets")
        || text.contains(u"Could not connect"))
        return {Reason::NoKeychain, text};
    if (text.contains(u"collection") || text.contains(u"locked"))
        return {Reason::Locked, text};
    return {Reason::Other, text};
}

// Keychain jobs have no parent: a job deletes itself when it finishes, and a store destroyed
// while one runs (the app closing mid-save) must not delete it under the Secret Service's
// callback. Connections use the store as context, so a finished job never calls into a
// store that is gone.

SessionStore::SessionStore(Persistence persistence, QObject *parent)
    : QObject(parent)
    , m_persistence(persistence)
{}

void SessionStore::save(const Session &session)
{
    if (m_persistence == Persistence::MemoryOnly) {
        m_memory.removeIf([&](const Session &s) { return s.key() == session.key(); });
        m_memory.append(session);
        Q_EMIT saved(session);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(Service, nullptr);
    job->setKey(session.key());
    job->setBinaryData(secretOf(session));
    connect(job, &QKeychain::Job::finished, this, [this, session](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError) {
            qCWarning(lcSession) << "keychain write failed:" << finished->errorString();
            StoreError error = storeErrorFrom(finished->error(), finished->errorString());
            error.operation = StoreError::Operation::Save;
            error.key = session.key();
            Q_EMIT failed(error);
            return;
        }
        writeMetadata(session);
        qCInfo(lcSession) << "stored session" << session.userId << session.deviceId;
        Q_EMIT saved(session);
    });
    job->start();
}

void SessionStore::writeMetadata(const Session &session)
{
    QSettings settings;
    settings.beginGroup(groupFor(session.key()));
    settings.setValue(QStringLiteral("userId"), session.userId);
    settings.setValue(QStringLiteral("deviceId"), session.deviceId);
    settings.setValue(QStringLiteral("baseUrl"), session.baseUrl.toString());
    settings.setValue(QStringLiteral("plainHttpAllowed"), session.plainHttpAllowed);
    settings.setValue(QStringLiteral("loginMethod"), session.loginMethod);
    settings.setValue(QStringLiteral("accessTokenExpiresAt"), session.accessTokenExpiresAt);
    if (session.isOAuth()) {
        settings.setValue(QStringLiteral("api"), QStringLiteral("oauth"));
        settings.setValue(QStringLiteral("oauthIssuer"), session.oauthIssuer.toString());
        settings.setValue(QStringLiteral("oauthClientId"), session.oauthClientId);
        settings.setValue(
            QStringLiteral("oauthTokenEndpoint"), session.oauthTokenEndpoint.toString());
        settings.setValue(
            QStringLiteral("oauthRevocationEndpoint"), session.oauthRevocationEndpoint.toString());
        settings.setValue(QStringLiteral("oauthAccountManagementUri"),
            session.oauthAccountManagementUri.toString());
        settings.setValue(
            QStringLiteral("oauthAccountManagementActions"), session.oauthAccountManagementActions);
    } else {
        for (const char *key :
            {"api", "oauthIssuer", "oauthClientId", "oauthTokenEndpoint", "oauthRevocationEndpoint",
                "oauthAccountManagementUri", "oauthAccountManagementActions"})
            settings.remove(QLatin1StringView(key));
    }
    // Where the session was made (signing in again starts there).
    settings.setValue(QStringLiteral("loginServer"), session.loginServer.toString());
    settings.endGroup();
    QStringList keys = settings.value(QStringLiteral("sessionKeys")).toStringList();
    if (!keys.contains(session.key()))
        keys.append(session.key());
    settings.setValue(QStringLiteral("sessionKeys"), keys);
    settings.sync();
}

void SessionStore::remove(const Session &session)
{
    if (m_persistence == Persistence::MemoryOnly) {
        m_memory.removeIf([&](const Session &s) { return s.key() == session.key(); });
        Q_EMIT removed(session.key());
        return;
    }
    // Settings first: a crash after this leaves an orphaned secret, never a session without one.
    {
        QSettings settings;
        settings.remove(groupFor(session.key()));
        QStringList keys = settings.value(QStringLiteral("sessionKeys")).toStringList();
        keys.removeAll(session.key());
        settings.setValue(QStringLiteral("sessionKeys"), keys);
        settings.sync();
    }
    auto *job = new QKeychain::DeletePasswordJob(Service, nullptr);
    job->setKey(session.key());
    connect(job, &QKeychain::Job::finished, this,
        [this, key = session.key()](QKeychain::Job *finished) {
            if (finished->error() != QKeychain::NoError
                && finished->error() != QKeychain::EntryNotFound) {
                qCWarning(lcSession) << "keychain delete failed:" << finished->errorString();
                StoreError error = storeErrorFrom(finished->error(), finished->errorString());
                error.operation = StoreError::Operation::Remove;
                error.key = key;
                Q_EMIT failed(error);
                return;
            }
            Q_EMIT removed(key);
        });
    job->start();
}

QList<Session> SessionStore::storedSessions() const
{
    if (m_persistence == Persistence::MemoryOnly)
        return m_memory;
    QSettings settings;
    QList<Session> stored;
    for (const QString &key : settings.value(QStringLiteral("sessionKeys")).toStringList()) {
        settings.beginGroup(groupFor(key));
        Session session;
        session.userId = settings.value(QStringLiteral("userId")).toString();
        session.deviceId = settings.value(QStringLiteral("deviceId")).toString();
        session.baseUrl = QUrl(settings.value(QStringLiteral("baseUrl")).toString());
        session.plainHttpAllowed = settings.value(QStringLiteral("plainHttpAllowed")).toBool();
        session.loginMethod = settings.value(QStringLiteral("loginMethod")).toString();
        session.accessTokenExpiresAt
            = settings.value(QStringLiteral("accessTokenExpiresAt")).toDateTime();
        if (settings.value(QStringLiteral("api")).toString() == u"oauth") {
            session.api = Session::Api::OAuth;
            session.oauthIssuer = QUrl(settings.value(QStringLiteral("oauthIssuer")).toString());
            session.oauthClientId = settings.value(QStringLiteral("oauthClientId")).toString();
            session.oauthTokenEndpoint
                = QUrl(settings.value(QStringLiteral("oauthTokenEndpoint")).toString());
            session.oauthRevocationEndpoint
                = QUrl(settings.value(QStringLiteral("oauthRevocationEndpoint")).toString());
            session.oauthAccountManagementUri
                = QUrl(settings.value(QStringLiteral("oauthAccountManagementUri")).toString());
            session.oauthAccountManagementActions
                = settings.value(QStringLiteral("oauthAccountManagementActions")).toStringList();
        }
        session.loginServer = QUrl(settings.value(QStringLiteral("loginServer")).toString());
        settings.endGroup();
        if (session.key() == key && !session.userId.isEmpty() && !session.deviceId.isEmpty()
            && session.baseUrl.isValid())
            stored.append(session);
    }
    return stored;
}

void SessionStore::loadSecrets(const QList<Session> &sessions)
{
    if (m_persistence == Persistence::MemoryOnly) {
        QList<Session> found;
        for (const Session &session : sessions)
            for (const Session &kept : std::as_const(m_memory))
                if (kept.key() == session.key())
                    found.append(kept);
        Q_EMIT loaded(found);
        return;
    }
    readNext(sessions, {});
}

void SessionStore::loadAll()
{
    loadSecrets(storedSessions());
}

void SessionStore::readNext(QList<Session> pending, QList<Session> done)
{
    if (pending.isEmpty()) {
        Q_EMIT loaded(done);
        return;
    }
    Session session = pending.takeFirst();
    auto *job = new QKeychain::ReadPasswordJob(Service, nullptr);
    job->setKey(session.key());
    connect(job, &QKeychain::Job::finished, this,
        [this, session, pending, done](QKeychain::Job *finished) mutable {
            auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
            if (read->error() == QKeychain::NoError) {
                const QJsonObject secret = QJsonDocument::fromJson(read->binaryData()).object();
                session.accessToken = secret.value(u"access_token").toString();
                session.refreshToken = secret.value(u"refresh_token").toString();
                if (session.isValid())
                    done.append(session);
            } else {
                // A locked keyring answers EntryNotFound too: keep the settings entry so the
                // session comes back once the keyring is unlocked.
                qCWarning(lcSession)
                    << "cannot read the secret of" << session.userId << ':' << read->errorString();
                if (read->error() != QKeychain::EntryNotFound) {
                    StoreError error = storeErrorFrom(read->error(), read->errorString());
                    error.operation = StoreError::Operation::Load;
                    error.key = session.key();
                    Q_EMIT failed(error);
                }
            }
            readNext(pending, done);
        });
    job->start();
}

} // namespace Portico::Session
