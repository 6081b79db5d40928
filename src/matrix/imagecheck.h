// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "expected.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QImage>
#include <QSize>
#include <QString>

namespace Portico::Matrix {

// How much of a server's image we are willing to look at. An avatar or an icon is shown at a few
// dozen pixels: anything far beyond that is a mistake or an attack (a 20 kB PNG can declare
// 50000 x 50000 pixels, i.e. 10 GB decoded).
struct ImageLimits
{
    qint64 maxBytes = 1024 * 1024;
    int maxSide = 2048; // declared width and height, each
};

// PNG, JPEG, WebP and GIF (its first frame): what Matrix clients show as avatars and icons. Not
// SVG (a document, with its own attack surface), nor the rarer formats Qt's plugins may read.
bool isAllowedImageFormat(QByteArrayView format);
// The same formats as a Content-Type names them (parameters such as "; charset" ignored). A
// server's label is only a first filter: the bytes decide (decodeCheckedImage()).
bool isAllowedImageContentType(QByteArrayView contentType);

// The checks of decodeCheckedImage() without decoding: the size the header declares, or why the
// bytes are refused. Pure; for what is kept (a disk cache) before anyone shows it.
Expected<QSize, QString> checkImageHeader(const QByteArray &bytes, const ImageLimits &limits = {});

// Server bytes to an image, checked before anything is decoded: the size of the body, the format
// as the content says (not as a name or content type claims), and the dimensions the header
// declares, read with QImageReader. Then one decode, straight to `shownSize` (aspect kept, never
// enlarged; an invalid size decodes as declared). Pure; shared by the avatar fetch and the
// identity provider icons.
Expected<QImage, QString> decodeCheckedImage(
    const QByteArray &bytes, const QSize &shownSize, const ImageLimits &limits = {});

} // namespace Portico::Matrix
