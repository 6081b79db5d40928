// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagecheck.h"

#include <QBuffer>
#include <QImageReader>

namespace Portico::Matrix {

bool isAllowedImageFormat(QByteArrayView format)
{
    return format == "png" || format == "jpeg" || format == "jpg" || format == "webp"
        || format == "gif";
}

bool isAllowedImageContentType(QByteArrayView contentType)
{
    const QByteArray type = contentType.toByteArray().split(';').constFirst().trimmed().toLower();
    return type == "image/png" || type == "image/jpeg" || type == "image/webp"
        || type == "image/gif";
}

namespace {
// Sets `reader` up on `buffer` (which holds `bytes`) and checks what its header says: the size
// the header declares, or why the bytes are refused. Nothing is decoded.
Expected<QSize, QString> checkHeader(
    const QByteArray &bytes, QBuffer &buffer, QImageReader &reader, const ImageLimits &limits)
{
    if (bytes.isEmpty())
        return Unexpected{QStringLiteral("empty image")};
    if (bytes.size() > limits.maxBytes)
        return Unexpected{QStringLiteral("image of %1 bytes, over the limit of %2")
                              .arg(bytes.size())
                              .arg(limits.maxBytes)};
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    reader.setDevice(&buffer);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    // A second fence behind the dimension check below, in MiB: what maxSide x maxSide RGBA needs.
    reader.setAllocationLimit(
        int(qMax<qint64>(1, qint64(limits.maxSide) * limits.maxSide * 4 / (1024 * 1024) + 1)));
    const QByteArray format = reader.format();
    if (format.isEmpty())
        return Unexpected{QStringLiteral("not an image Portico reads")};
    if (!isAllowedImageFormat(format))
        return Unexpected{
            QStringLiteral("image format not accepted: ") + QString::fromLatin1(format)};
    const QSize declared = reader.size();
    if (!declared.isValid() || declared.isEmpty())
        return Unexpected{QStringLiteral("the image header declares no size")};
    if (declared.width() > limits.maxSide || declared.height() > limits.maxSide)
        return Unexpected{QStringLiteral("image of %1 x %2 pixels, over the limit of %3")
                              .arg(declared.width())
                              .arg(declared.height())
                              .arg(limits.maxSide)};
    return declared;
}
} // namespace

Expected<QSize, QString> checkImageHeader(const QByteArray &bytes, const ImageLimits &limits)
{
    QBuffer buffer;
    QImageReader reader;
    return checkHeader(bytes, buffer, reader, limits);
}

Expected<QImage, QString> decodeCheckedImage(
    const QByteArray &bytes, const QSize &shownSize, const ImageLimits &limits)
{
    QBuffer buffer;
    QImageReader reader;
    const auto checked = checkHeader(bytes, buffer, reader, limits);
    if (!checked)
        return Unexpected{checked.error()};
    const QSize declared = checked.value();
    if (shownSize.isValid() && !shownSize.isEmpty()
        && (declared.width() > shownSize.width() || declared.height() > shownSize.height()))
        reader.setScaledSize(declared.scaled(shownSize, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        return Unexpected{QStringLiteral("the image does not decode: ") + reader.errorString()};
    return image;
}

} // namespace Portico::Matrix
