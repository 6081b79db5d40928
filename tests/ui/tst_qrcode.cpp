// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "qrcode.h"

#include <QTest>

using namespace Portico::Ui;

class TestQrCode : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void imageHasFinderPatternsAndQuietZone()
    {
        const QString url = QStringLiteral("https://account.example.org/link?code=ABCD-EFGH");
        const int scale = 3;
        const QImage image = qrImage(url, scale);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), image.height());
        const int modules = image.width() / scale;
        QVERIFY(modules >= 21 + 8); // version 1 at least, and the quiet zone
        auto dark = [&](int x, int y) { return qGray(image.pixel(x * scale, y * scale)) < 128; };
        // The quiet zone is light all around.
        for (int i = 0; i < modules; ++i)
            for (int q = 0; q < 4; ++q) {
                QVERIFY(!dark(i, q));
                QVERIFY(!dark(q, i));
                QVERIFY(!dark(i, modules - 1 - q));
                QVERIFY(!dark(modules - 1 - q, i));
            }
        // The three finder patterns' dark corners, and the light ring inside them.
        for (const auto &[x, y] : {std::pair{4, 4}, {modules - 5, 4}, {4, modules - 5}})
            QVERIFY(dark(x, y));
        QVERIFY(!dark(5, 5));
        QVERIFY(dark(6, 6));
    }
    void dataUrlAndText()
    {
        const QString url = QStringLiteral("https://example.org/device");
        QVERIFY(qrDataUrl(url).startsWith(u"data:image/png;base64,"));
        const QString text = qrText(url);
        const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        const int modules = qrImage(url, 1).width();
        QCOMPARE(lines.size(), (modules + 1) / 2);
        for (const QString &line : lines)
            QCOMPARE(line.size(), modules);
        // The quiet zone's first line is all light: full blocks.
        QCOMPARE(lines.first(), QString(modules, QChar(0x2588)));
    }
    void nothingToEncode()
    {
        QVERIFY(qrImage({}).isNull());
        QVERIFY(qrDataUrl({}).isEmpty());
        QVERIFY(qrText({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestQrCode)
#include "tst_qrcode.moc"
