// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/mediaurl.h"

#include <QTest>

using namespace Portico;

class TestMediaUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesMxc()
    {
        const auto media = Matrix::MxcUri::parse(u"mxc://matrix.org:8448/Abc_123-x");
        QVERIFY(media);
        QCOMPARE(media->server, QStringLiteral("matrix.org:8448"));
        QCOMPARE(media->mediaId, QStringLiteral("Abc_123-x"));
        QCOMPARE(media->toString(), QStringLiteral("mxc://matrix.org:8448/Abc_123-x"));
        QVERIFY(Matrix::MxcUri::parse(u"mxc://[::1]/id"));
    }
    void refusesOtherUris_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::newRow("https") << QStringLiteral("https://matrix.org/id");
        QTest::newRow("no media id") << QStringLiteral("mxc://matrix.org/");
        QTest::newRow("no server") << QStringLiteral("mxc:///id");
        QTest::newRow("path after id") << QStringLiteral("mxc://matrix.org/id/../../x");
        QTest::newRow("query") << QStringLiteral("mxc://matrix.org/id?x=1");
        QTest::newRow("bad server") << QStringLiteral("mxc://a b/id");
        QTest::newRow("dot segment") << QStringLiteral("mxc://matrix.org/..");
        QTest::newRow("empty") << QString();
    }
    void refusesOtherUris()
    {
        QFETCH(QString, uri);
        QVERIFY(!Matrix::MxcUri::parse(uri));
    }
    void knowsAuthenticatedMedia_data()
    {
        QTest::addColumn<QStringList>("versions");
        QTest::addColumn<QStringList>("unstable");
        QTest::addColumn<bool>("expected");
        QTest::newRow("v1.10") << QStringList{QStringLiteral("v1.1"), QStringLiteral("v1.10")}
                               << QStringList{} << false;
        QTest::newRow("v1.11") << QStringList{QStringLiteral("v1.11")} << QStringList{} << true;
        QTest::newRow("v1.12") << QStringList{QStringLiteral("v1.12")} << QStringList{} << true;
        QTest::newRow("v2.0") << QStringList{QStringLiteral("v2.0")} << QStringList{} << true;
        QTest::newRow("r0 only") << QStringList{QStringLiteral("r0.6.1")} << QStringList{} << false;
        QTest::newRow("msc3916") << QStringList{QStringLiteral("v1.10")}
                                 << QStringList{QStringLiteral("org.matrix.msc3916.stable")}
                                 << true;
        QTest::newRow("v1.110 typo-proof")
            << QStringList{QStringLiteral("v1.1x")} << QStringList{} << false;
    }
    void knowsAuthenticatedMedia()
    {
        QFETCH(QStringList, versions);
        QFETCH(QStringList, unstable);
        QFETCH(bool, expected);
        QCOMPARE(Matrix::hasAuthenticatedMedia({versions, unstable}), expected);
    }
    void buildsThumbnailUrls()
    {
        const auto media = *Matrix::MxcUri::parse(u"mxc://other.example:8448/Avatar1");
        const QUrl base(QStringLiteral("https://hs.example.org/prefix/"));
        QCOMPARE(Matrix::authenticatedThumbnailUrl(base, media, {96, 96}).toString(),
            QStringLiteral("https://hs.example.org/prefix/_matrix/client/v1/media/thumbnail/"
                           "other.example%3A8448/Avatar1?width=96&height=96&method=crop"));
        QCOMPARE(Matrix::legacyThumbnailUrl(base, media, {32, 24}).toString(),
            QStringLiteral("https://hs.example.org/prefix/_matrix/media/v3/thumbnail/"
                           "other.example%3A8448/Avatar1?width=32&height=24&method=crop"));
    }
};

QTEST_GUILESS_MAIN(TestMediaUrl)
#include "tst_mediaurl.moc"
