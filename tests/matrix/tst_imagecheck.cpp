// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/imagecheck.h"

#include <QBuffer>
#include <QImageWriter>
#include <QTest>

#include <QtEndian>

using namespace Portico;

namespace {
QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format))
        qFatal("cannot write %s", format);
    return bytes;
}

QImage filled(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor(0x8e, 0x44, 0xad));
    return image;
}

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xffffffff;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320 & (0u - (crc & 1)));
    }
    return ~crc;
}

// A small, valid PNG whose header declares `width` x `height`: what an attacker sends to make a
// client allocate gigabytes. The IHDR chunk is rewritten with its checksum, so only the
// dimensions lie.
QByteArray pngDeclaring(quint32 width, quint32 height)
{
    QByteArray png = encoded(filled(4, 4), "png");
    // Signature (8), length (4), "IHDR" (4), then width and height.
    qToBigEndian(width, png.data() + 16);
    qToBigEndian(height, png.data() + 20);
    const quint32 crc = crc32(png.mid(12, 4 + 13));
    qToBigEndian(crc, png.data() + 12 + 4 + 13);
    return png;
}
} // namespace

class TestImageCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesAcceptedFormatsAtTheShownSize_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("png") << encoded(filled(400, 200), "png") << QSize(96, 48);
        QTest::newRow("jpeg") << encoded(filled(400, 200), "jpeg") << QSize(96, 48);
        // Qt writes no GIF: a 1 x 1 one by hand.
        QTest::newRow("gif") << QByteArray::fromHex("47494638396101000100800000000000ffffff21f9040"
                                                    "1000000002c00000000010001000002024401003b")
                             << QSize(1, 1);
        if (QImageWriter::supportedImageFormats().contains("webp"))
            QTest::newRow("webp") << encoded(filled(400, 200), "webp") << QSize(96, 48);
    }
    void decodesAcceptedFormatsAtTheShownSize()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QSize, expected);
        const auto image = Matrix::decodeCheckedImage(bytes, {96, 96});
        QVERIFY2(image, qPrintable(image ? QString() : image.error()));
        QCOMPARE(image->size(), expected);
    }
    void neverEnlarges()
    {
        const auto image = Matrix::decodeCheckedImage(encoded(filled(32, 32), "png"), {96, 96});
        QVERIFY(image);
        QCOMPARE(image->size(), QSize(32, 32));
    }
    void refusesOtherFormats_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        // Qt reads BMP (and, with qt6-svg, SVG) itself: the list of formats is ours, not Qt's.
        QTest::newRow("bmp") << encoded(filled(8, 8), "bmp");
        QTest::newRow("svg") << QByteArray(
            R"(<svg xmlns="http://www.w3.org/2000/svg" )"
            R"(width="8" height="8"><rect width="8" height="8"/></svg>)");
        QTest::newRow("text") << QByteArray("hello, I am an avatar");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated png") << encoded(filled(64, 64), "png").left(60);
    }
    void refusesOtherFormats()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!Matrix::decodeCheckedImage(bytes, {96, 96}));
    }
    void refusesDeclaredDimensionsBeforeDecoding()
    {
        // 60000 x 60000 x 4 bytes would be 14 GB; the header alone says no.
        const QByteArray bomb = pngDeclaring(60000, 60000);
        QVERIFY(bomb.size() < 200);
        const auto refused = Matrix::decodeCheckedImage(bomb, {96, 96});
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(u"60000 x 60000"), qPrintable(refused.error()));
        // One side too long is enough.
        QVERIFY(!Matrix::decodeCheckedImage(pngDeclaring(4000, 4), {96, 96}));
        // Within the limits the same trick is merely a broken image.
        QVERIFY(!Matrix::decodeCheckedImage(pngDeclaring(2000, 2000), {96, 96}));
    }
    void refusesBodiesOverTheLimit()
    {
        const QByteArray png = encoded(filled(16, 16), "png");
        Matrix::ImageLimits limits;
        limits.maxBytes = png.size() - 1;
        QVERIFY(!Matrix::decodeCheckedImage(png, {96, 96}, limits));
        limits.maxBytes = png.size();
        QVERIFY(Matrix::decodeCheckedImage(png, {96, 96}, limits));
    }
};

QTEST_MAIN(TestImageCheck)
#include "tst_imagecheck.moc"
