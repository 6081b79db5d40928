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
    // A remote homeserver cannot send Portico to the user's own machine or network.
    void remoteServerNamesNoLocalIcon_data()
    {
        QTest::addColumn<QString>("icon");
        for (const char *icon : {"http://127.0.0.1:9/i.png", "https://127.0.0.1:9/i.png",
                 "https://localhost/i.png", "https://a.localhost/i.png", "http://[::1]/i.png",
                 "https://[::1]/i.png", "https://[::ffff:127.0.0.1]/i.png",
                 "https://10.1.2.3/i.png", "https://192.168.1.1/i.png", "https://172.20.0.1/i.png",
                 "https://169.254.169.254/", "https://100.64.0.1/i.png", "https://0.0.0.0/i.png",
                 "https://[fd00::1]/i.png", "https://[fe80::1]/i.png", "https://2130706433/i.png",
                 "https://0x7f.1/i.png", "https://127.1/i.png"})
            QTest::newRow(icon) << QString::fromLatin1(icon);
    }
    void remoteServerNamesNoLocalIcon()
    {
        QFETCH(QString, icon);
        QCOMPARE(iconDownloadUrl(QUrl(QStringLiteral("https://hs.org")), icon), QUrl());
    }
    void loopbackServerMayNameLoopbackIcons()
    {
        const QUrl local(QStringLiteral("http://127.0.0.1:8008"));
        for (const char *icon : {"http://127.0.0.1:9/i.png", "http://localhost:9/i.png",
                 "https://127.0.0.1/i.png", "https://cdn.org/i.png"})
            QCOMPARE(iconDownloadUrl(local, QString::fromLatin1(icon)).toString(),
                QString::fromLatin1(icon));
        QCOMPARE(iconDownloadUrl(local, QStringLiteral("http://cdn.org/i.png")), QUrl());
        QCOMPARE(iconDownloadUrl(QUrl(QStringLiteral("https://hs.org")),
                     QStringLiteral("https://8.8.8.8/i.png"))
                     .toString(),
            QStringLiteral("https://8.8.8.8/i.png"));
    }
};

QTEST_GUILESS_MAIN(TestMxc)
#include "tst_mxc.moc"
