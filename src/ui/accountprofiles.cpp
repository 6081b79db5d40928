// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountprofiles.h"

#include "avatarprovider.h"

#include "matrix/imagecheck.h"
#include "matrix/logging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJSEngine>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Portico::Ui {

namespace {
QString hashed(const QString &text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QByteArray readBounded(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxBytes)
        return {};
    return file.read(maxBytes);
}

// A cache file appears whole or not at all; losing it costs a fetch, nothing else.
void writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size())
        file.commit();
}
} // namespace

QString AccountProfile::initial() const
{
    // The first letter of the name, or of the localpart after '@'.
    const QString name = shownName();
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (name.at(i).isLetterOrNumber()) {
            if (name.at(i).isHighSurrogate() && i + 1 < name.size())
                return name.mid(i, 2).toUpper();
            return name.at(i).toUpper();
        }
    }
    return QStringLiteral("?");
}

QColor AccountProfile::colour() const
{
    // Hand-picked rather than hashed into any hue: each keeps 4.5:1 against white text.
    static const QRgb discs[] = {0x1565c0, 0x2e7d32, 0x6a1b9a, 0xad1457, 0xc62828, 0x00695c,
        0x4527a0, 0x37474f, 0x8d4a00, 0x283593};
    const QByteArray hash = QCryptographicHash::hash(m_userId.toUtf8(), QCryptographicHash::Sha1);
    return QColor(discs[uchar(hash.at(0)) % std::size(discs)]);
}

void AccountProfile::set(const QString &displayName, const QUrl &avatarSource, State state)
{
    if (displayName == m_displayName && avatarSource == m_avatarSource && state == m_state)
        return;
    m_displayName = displayName;
    m_avatarSource = avatarSource;
    m_state = state;
    Q_EMIT changed();
}

struct AccountProfiles::Entry
{
    Entry(QNetworkAccessManager &network, AccountProfile *object)
        : profile(object)
        , profileClient(network)
        , avatarFetch(network)
    {}

    AccountProfile *profile; // a child of AccountProfiles
    Session::ProfileClient profileClient;
    Session::AvatarFetch avatarFetch;
    QString avatarId; // the image shown or being fetched
    QString failedAvatar; // the image ID that failed: not asked again
    bool diskRead = false;
};

AccountProfiles::AccountProfiles(
    QNetworkAccessManager &network, const QString &cacheDir, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_cacheDir(cacheDir)
    , m_images(std::make_shared<AvatarImages>())
{
    setCacheDirectory(cacheDir);
}

void AccountProfiles::setCacheDirectory(const QString &cacheDir)
{
    m_cacheDir = cacheDir;
    if (!m_cacheDir.isEmpty())
        QDir().mkpath(m_cacheDir);
}

AccountProfiles::~AccountProfiles() = default;

QQuickImageProvider *AccountProfiles::createImageProvider() const
{
    return new AvatarProvider(m_images);
}

AccountProfiles::Entry &AccountProfiles::entry(const QString &key, const QString &userId)
{
    auto &slot = m_entries[key];
    if (!slot) {
        auto *object = new AccountProfile(userId, this);
        // Handed to QML by profile(): it must not be garbage-collected there.
        QJSEngine::setObjectOwnership(object, QJSEngine::CppOwnership);
        slot = std::make_shared<Entry>(m_network, object);
    }
    return *slot;
}

AccountProfile *AccountProfiles::profile(const QString &key)
{
    // Until load(), the user ID is what the key starts with ("@user:server/DEVICE").
    const qsizetype slash = key.lastIndexOf(u'/');
    return entry(key, slash > 0 ? key.left(slash) : key).profile;
}

QString AccountProfiles::imageId(const QUrl &baseUrl, const Matrix::MxcUri &media) const
{
    return hashed(baseUrl.toString() + u'\n' + media.toString() + u'\n'
        + QString::number(m_pixelSize.width()) + u'x' + QString::number(m_pixelSize.height()));
}

QString AccountProfiles::profileFile(const QString &key) const
{
    return m_cacheDir.isEmpty() ? QString()
                                : m_cacheDir + u'/' + hashed(key) + QStringLiteral(".profile");
}

QString AccountProfiles::avatarFile(const QString &imageId) const
{
    return m_cacheDir.isEmpty() ? QString()
                                : m_cacheDir + u'/' + imageId + QStringLiteral(".avatar");
}

bool AccountProfiles::loadAvatarFromDisk(const QString &imageId)
{
    const QString path = avatarFile(imageId);
    if (path.isEmpty())
        return false;
    const Matrix::ImageLimits limits;
    const QByteArray bytes = readBounded(path, limits.maxBytes);
    if (bytes.isEmpty())
        return false;
    // The disk can hand back anything: the same checks as the server's answer.
    const auto image = Matrix::decodeCheckedImage(bytes, m_pixelSize, limits);
    if (!image) {
        QFile::remove(path);
        return false;
    }
    m_images->insert(imageId, *image);
    return true;
}

void AccountProfiles::load(const Session::Session &session)
{
    const QString key = session.key();
    Entry &e = entry(key, session.userId);
    if (e.profileClient.isActive() || e.avatarFetch.isActive())
        return;
    if (!e.diskRead) {
        e.diskRead = true;
        const QString path = profileFile(key);
        if (!path.isEmpty() && QFile::exists(path)) {
            if (const auto cached = Session::parseProfile(readBounded(path, 64 * 1024)))
                applyProfile(e, key, session, *cached, AccountProfile::State::Loading);
        }
    }
    // Restored from the settings before the keychain answered: the cached face only. The fetch
    // follows when the account comes back with its token (never a request without one).
    if (session.accessToken.isEmpty())
        return;
    e.profile->set(
        e.profile->displayName(), e.profile->avatarSource(), AccountProfile::State::Loading);
    std::weak_ptr<Entry> weak = m_entries.value(key);
    e.profileClient.fetch(session, [this, key, session, weak](const auto &result) {
        const auto alive = weak.lock();
        if (!alive)
            return;
        if (!result) {
            qCInfo(lcUi) << "no profile for" << session.userId << ":" << result.error().describe();
            alive->profile->set(alive->profile->displayName(), alive->profile->avatarSource(),
                AccountProfile::State::Failed);
            Q_EMIT loaded(key);
            return;
        }
        if (const QString path = profileFile(key); !path.isEmpty()) {
            QJsonObject document;
            if (!result->displayName.isEmpty())
                document.insert(QStringLiteral("displayname"), result->displayName);
            if (result->avatar)
                document.insert(QStringLiteral("avatar_url"), result->avatar->toString());
            writeFile(path, QJsonDocument(document).toJson(QJsonDocument::Compact));
        }
        applyProfile(*alive, key, session, *result, AccountProfile::State::Ready);
        Q_EMIT loaded(key);
    });
}

void AccountProfiles::applyProfile(Entry &e, const QString &key, const Session::Session &session,
    const Session::Profile &profile, AccountProfile::State state)
{
    if (!profile.avatar) {
        e.avatarFetch.cancel();
        e.avatarId.clear();
        e.profile->set(profile.displayName, {}, state);
        return;
    }
    const QString id = imageId(session.baseUrl, *profile.avatar);
    const QUrl source(QStringLiteral("image://avatar/") + id);
    if (m_images->contains(id) || loadAvatarFromDisk(id)) {
        e.avatarFetch.cancel();
        e.avatarId = id;
        e.profile->set(profile.displayName, source, state);
        return;
    }
    // Keep showing the old face until the new one is here.
    e.profile->set(profile.displayName,
        e.avatarId.isEmpty() || !m_images->contains(e.avatarId) ? QUrl()
                                                                : e.profile->avatarSource(),
        state);
    if (state == AccountProfile::State::Loading || e.failedAvatar == id
        || (e.avatarFetch.isActive() && e.avatarId == id))
        return;
    e.avatarId = id;
    const QString baseUrl = session.baseUrl.toString();
    std::weak_ptr<Entry> weak = m_entries.value(key);
    e.avatarFetch.fetch(session, *profile.avatar, m_pixelSize,
        m_mediaApis.value(baseUrl, Session::MediaApi::Unknown),
        [this, key, id, source, baseUrl, weak](const auto &result) {
            const auto alive = weak.lock();
            if (!alive)
                return;
            if (!result) {
                alive->failedAvatar = id;
                qCInfo(lcUi) << "avatar refused:" << result.error().describe()
                             << result.error().detail;
                Q_EMIT avatarFailed(key, result.error().describe() + u' ' + result.error().detail);
                return;
            }
            m_mediaApis.insert(baseUrl, result->api);
            m_images->insert(id, result->image);
            if (const QString path = avatarFile(id); !path.isEmpty())
                writeFile(path, result->bytes);
            alive->profile->set(alive->profile->displayName(), source, alive->profile->state());
        });
}

void AccountProfiles::forget(const QString &key)
{
    const std::shared_ptr<Entry> e = m_entries.take(key);
    if (!e)
        return;
    const bool shared = std::any_of(m_entries.cbegin(), m_entries.cend(),
        [&](const auto &other) { return other->avatarId == e->avatarId; });
    if (!e->avatarId.isEmpty() && !shared) {
        m_images->remove(e->avatarId);
        if (const QString path = avatarFile(e->avatarId); !path.isEmpty())
            QFile::remove(path);
    }
    if (const QString path = profileFile(key); !path.isEmpty())
        QFile::remove(path);
    e->profile->deleteLater();
}

} // namespace Portico::Ui
