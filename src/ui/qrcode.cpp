// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "qrcode.h"

#include <QBuffer>

#include <memory>
#include <qrencode.h>

namespace Portico::Ui {

namespace {
constexpr int QuietZone = 4;

struct QrDeleter
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};
using Qr = std::unique_ptr<QRcode, QrDeleter>;

Qr encode(const QString &text)
{
    if (text.isEmpty())
        return {};
    const QByteArray utf8 = text.toUtf8();
    return Qr(QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
}

// Dark module at (x, y), quiet zone included.
bool dark(const QRcode &code, int x, int y)
{
    x -= QuietZone;
    y -= QuietZone;
    if (x < 0 || y < 0 || x >= code.width || y >= code.width)
        return false;
    return code.data[y * code.width + x] & 1;
}
} // namespace

QImage qrImage(const QString &text, int scale)
{
    const Qr code = encode(text);
    if (!code || scale < 1)
        return {};
    const int modules = code->width + 2 * QuietZone;
    QImage image(modules * scale, modules * scale, QImage::Format_Mono);
    image.setColor(0, qRgb(255, 255, 255));
    image.setColor(1, qRgb(0, 0, 0));
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, dark(*code, x / scale, y / scale) ? 1 : 0);
    return image;
}

QString qrDataUrl(const QString &text, int scale)
{
    const QImage image = qrImage(text, scale);
    if (image.isNull())
        return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

QString qrText(const QString &text)
{
    const Qr code = encode(text);
    if (!code)
        return {};
    const int modules = code->width + 2 * QuietZone;
    QString out;
    // Light modules are drawn (blocks), dark ones left as the terminal's background: read on
    // a dark terminal, as most are; a scanner reads either polarity of this kind.
    for (int y = 0; y < modules; y += 2) {
        for (int x = 0; x < modules; ++x) {
            const bool top = !dark(*code, x, y);
            const bool bottom = y + 1 < modules && !dark(*code, x, y + 1);
            out += top && bottom ? QChar(0x2588) // █
                : top            ? QChar(0x2580) // ▀
                : bottom         ? QChar(0x2584) // ▄
                                 : QChar(u' ');
        }
        out += u'\n';
    }
    return out;
}

} // namespace Portico::Ui
