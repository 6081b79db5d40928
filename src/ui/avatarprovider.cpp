// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "avatarprovider.h"

#include <QMutexLocker>
#include <QPainter>

namespace Portico::Ui {

void AvatarImages::insert(const QString &id, const QImage &image)
{
    const QMutexLocker lock(&m_mutex);
    m_images.insert(id, image);
}

void AvatarImages::remove(const QString &id)
{
    const QMutexLocker lock(&m_mutex);
    m_images.remove(id);
}

QImage AvatarImages::image(const QString &id) const
{
    const QMutexLocker lock(&m_mutex);
    return m_images.value(id);
}

bool AvatarImages::contains(const QString &id) const
{
    const QMutexLocker lock(&m_mutex);
    return m_images.contains(id);
}

AvatarProvider::AvatarProvider(std::shared_ptr<const AvatarImages> images)
    : QQuickImageProvider(QQuickImageProvider::Image, ForceAsynchronousImageLoading)
    , m_images(std::move(images))
{}

namespace {
// A face is round: the middle square of the image, outside its circle transparent. Done here
// rather than in QML, which has no mask without shaders (and Portico draws in software).
QImage roundFace(const QImage &image)
{
    const int side = qMin(image.width(), image.height());
    const QImage square
        = image.copy((image.width() - side) / 2, (image.height() - side) / 2, side, side);
    QImage face(side, side, QImage::Format_ARGB32_Premultiplied);
    face.fill(Qt::transparent);
    QPainter painter(&face);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QBrush(square));
    painter.drawEllipse(QRectF(0, 0, side, side));
    return face;
}
} // namespace

QImage AvatarProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    QImage image = m_images->image(id);
    // Decoded at the size AccountProfiles was told; a page that shows it larger or smaller
    // (another scale factor) gets it scaled, never decoded again.
    if (!image.isNull() && requestedSize != image.size()) {
        if (requestedSize.width() > 0 && requestedSize.height() > 0)
            image = image.scaled(
                requestedSize, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
        else if (requestedSize.width() > 0) // an Image that sets only one side of its sourceSize
            image = image.scaledToWidth(requestedSize.width(), Qt::SmoothTransformation);
        else if (requestedSize.height() > 0)
            image = image.scaledToHeight(requestedSize.height(), Qt::SmoothTransformation);
    }
    if (!image.isNull())
        image = roundFace(image);
    if (size)
        *size = image.size();
    return image;
}

} // namespace Portico::Ui
