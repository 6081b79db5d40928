// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QImage>
#include <QMutex>
#include <QQuickImageProvider>

#include <memory>

namespace Portico::Ui {

// The avatars AccountProfiles has fetched and decoded, by image ID. Written on the main thread,
// read from QML's image loader thread.
class AvatarImages
{
public:
    void insert(const QString &id, const QImage &image);
    void remove(const QString &id);
    QImage image(const QString &id) const;
    bool contains(const QString &id) const;

private:
    mutable QMutex m_mutex;
    QHash<QString, QImage> m_images;
};

// image://avatar/<id> for QML, from AvatarImages only: it never touches the network or the
// disk (tokens stay on the main thread, and an Image that asks again costs nothing). An unknown
// ID is an error, so the page shows its neutral face.
class AvatarProvider : public QQuickImageProvider
{
public:
    explicit AvatarProvider(std::shared_ptr<const AvatarImages> images);

    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;

private:
    std::shared_ptr<const AvatarImages> m_images;
};

} // namespace Portico::Ui
