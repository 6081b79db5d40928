// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/avatarfetch.h"
#include "session/profileclient.h"
#include "session/session.h"

#include <QColor>
#include <QHash>
#include <QObject>
#include <QSize>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QNetworkAccessManager;
class QQuickImageProvider;

namespace Portico::Ui {

class AvatarImages;

// Who one signed-in account is, for the account list and the signed-in page. Owned by
// AccountProfiles; lives as long as the account is known.
class AccountProfile : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by AccountProfiles")
    Q_PROPERTY(QString userId READ userId CONSTANT)
    // The display name the server has; empty when none (or not known yet).
    Q_PROPERTY(QString displayName READ displayName NOTIFY changed)
    // What a label shows: the display name, else the Matrix ID.
    Q_PROPERTY(QString shownName READ shownName NOTIFY changed)
    // One letter for the neutral face drawn when there is no avatar.
    Q_PROPERTY(QString initial READ initial NOTIFY changed)
    // The disc behind the initial: one of a few colours that carry white text, the same for a
    // user ID on every start.
    Q_PROPERTY(QColor colour READ colour CONSTANT)
    // image://avatar/<id> once the avatar is decoded; empty while there is none to show.
    Q_PROPERTY(QUrl avatarSource READ avatarSource NOTIFY changed)
    Q_PROPERTY(State state READ state NOTIFY changed)
public:
    enum class State {
        Unknown, // nothing asked yet
        Loading, // the profile is being fetched (a cached name and avatar may show meanwhile)
        Ready, // the server's profile is shown (its avatar may still be missing or refused)
        Failed, // the fetch failed: a cached name and avatar, or the Matrix ID, show
    };
    Q_ENUM(State)

    explicit AccountProfile(const QString &userId, QObject *parent = nullptr)
        : QObject(parent)
        , m_userId(userId)
    {}

    QString userId() const { return m_userId; }
    QString displayName() const { return m_displayName; }
    QString shownName() const { return m_displayName.isEmpty() ? m_userId : m_displayName; }
    QString initial() const;
    QColor colour() const;
    QUrl avatarSource() const { return m_avatarSource; }
    State state() const { return m_state; }

Q_SIGNALS:
    void changed();

private:
    friend class AccountProfiles;
    void set(const QString &displayName, const QUrl &avatarSource, State state);

    QString m_userId;
    QString m_displayName;
    QUrl m_avatarSource;
    State m_state = State::Unknown;
};

// The profiles (display name and avatar) of the signed-in accounts, by session key. The
// controller calls load() when it adds or restores a session and forget() when it removes one;
// QML asks profile(key) and binds to what it gets. Profiles and avatars are kept on disk (the
// last known name and face show at once on the next start, then the server's answer replaces
// them); an avatar is fetched once per mxc:// URI (media never changes under its URI), and one
// that failed is not asked again until its URI changes or the app restarts: a broken avatar
// costs one request, not one per repaint.
class AccountProfiles : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
public:
    // `cacheDir` may be empty: nothing is kept on disk.
    AccountProfiles(
        QNetworkAccessManager &network, const QString &cacheDir, QObject *parent = nullptr);
    ~AccountProfiles() override;

    // Where names and faces are kept between starts (created if missing); empty: nowhere.
    void setCacheDirectory(const QString &cacheDir);

    // The image provider QML's image://avatar/ sources need; the engine takes ownership:
    // engine.addImageProvider(QStringLiteral("avatar"), profiles.createImageProvider()).
    QQuickImageProvider *createImageProvider() const;

    // The thumbnail size asked of servers and decoded to, in device pixels (default 96 x 96:
    // a 48 px avatar at 200 %).
    void setAvatarPixelSize(const QSize &size) { m_pixelSize = size; }
    QSize avatarPixelSize() const { return m_pixelSize; }

    // Fetches the profile of `session`'s user, then its avatar. While a fetch for the key runs,
    // another load() does nothing.
    void load(const Session::Session &session);
    // Drops the account's profile and its files on disk (sign-out).
    void forget(const QString &key);

    // The profile of the account with this session key; always an object (Unknown until
    // load()), owned by this, valid until forget(key).
    Q_INVOKABLE Portico::Ui::AccountProfile *profile(const QString &key);

Q_SIGNALS:
    // The server's profile is applied (or failed: the profile's state says which).
    void loaded(const QString &key);
    // An avatar was refused or could not be fetched; `reason` is for logs.
    void avatarFailed(const QString &key, const QString &reason);

private:
    struct Entry;
    Entry &entry(const QString &key, const QString &userId);
    void applyProfile(Entry &e, const QString &key, const Session::Session &session,
        const Session::Profile &profile, AccountProfile::State state);
    QString imageId(const QUrl &baseUrl, const Matrix::MxcUri &media) const;
    QString profileFile(const QString &key) const;
    QString avatarFile(const QString &imageId) const;
    bool loadAvatarFromDisk(const QString &imageId);

    QNetworkAccessManager &m_network;
    QString m_cacheDir;
    QSize m_pixelSize{96, 96};
    std::shared_ptr<AvatarImages> m_images;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
    QHash<QString, Session::MediaApi> m_mediaApis; // by base URL
};

} // namespace Portico::Ui
