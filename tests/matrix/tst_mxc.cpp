// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/mxc.h"

#include <QTest>

using namespace Portico::Matrix;

class TestMxc : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void icons_data()
    {
        QTest::addColumn<QString>("icon");
        QTest::addColumn<QString>("expected");
        QTest::newRow("mxc") << "mxc://m.org/abc_DEF-1"
                             << "https://hs.org/p/_matrix/media/v3/download/m.org/abc_DEF-1";
        QTest::newRow("mxc with port")
            << "mxc://m.org:8448/x"
            << "https://hs.org/p/_matrix/media/v3/download/m.org%3A8448/x";
        QTest::newRow("https (draft)") << "https://cdn.org/i.png"
                                       << "https://cdn.org/i.png";
        QTest::newRow("http loopback") << "http://127.0.0.1:9/i.png"
                                       << "http://127.0.0.1:9/i.png";
        QTest::newRow("http remote") << "http://cdn.org/i.png"
                                     << "";
        QTest::newRow("bad media id") << "mxc://m.org/a.b"
                                      << "";
        QTest::newRow("media id with slash") << "mxc://m.org/a/b"
                                             << "";
        QTest::newRow("no media id") << "mxc://m.org/"
                                     << "";
        QTest::newRow("no server") << "mxc:///abc"
                                   << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("data url") << "data:image/png;base64,AAAA"
                                  << "";
        QTest::newRow("javascript") << "javascript:alert(1)"
                                    << "";
        QTest::newRow("user info") << "https://u:p@cdn.org/i.png"
                                   << "";
    }
    void icons()
    {
        QFETCH(QString, icon);
        QFETCH(QString, expected);
        QCOMPARE(
            iconDownloadUrl(QUrl(QStringLiteral("https://hs.org/p/")), icon).toString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestMxc)
#include "tst_mxc.moc"
