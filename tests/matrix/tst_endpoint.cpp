// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/endpoint.h"

#include <QTest>

using namespace Portico::Matrix;

class TestEndpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void joinsBaseAndPath_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "https://m.org"
                               << "https://m.org/_matrix/client/versions";
        QTest::newRow("trailing slash") << "https://m.org/"
                                        << "https://m.org/_matrix/client/versions";
        QTest::newRow("path prefix") << "https://m.org/matrix"
                                     << "https://m.org/matrix/_matrix/client/versions";
        QTest::newRow("prefix and slash") << "https://m.org/matrix/"
                                          << "https://m.org/matrix/_matrix/client/versions";
        QTest::newRow("port") << "http://127.0.0.1:8008"
                              << "http://127.0.0.1:8008/_matrix/client/versions";
    }
    void joinsBaseAndPath()
    {
        QFETCH(QString, base);
        QFETCH(QString, expected);
        QCOMPARE(endpoint(QUrl(base), u"/_matrix/client/versions").toString(), expected);
    }
    void encodesSegmentsAndQueryValues()
    {
        QCOMPARE(encodePathSegment(u"a b/c%d#e"), QStringLiteral("a%20b%2Fc%25d%23e"));
        QCOMPARE(encodePathSegment(u"ünï"), QStringLiteral("%C3%BCn%C3%AF"));
        QCOMPARE(encodePathSegment(u"ok-._~"), QStringLiteral("ok-._~"));
        // '+', '&', '=' and '#' must not survive, unlike with QUrlQuery (edge case 11).
        QCOMPARE(encodeQueryValue(u"http://x/?a=1&b=2+3#f"),
            QStringLiteral("http%3A%2F%2Fx%2F%3Fa%3D1%26b%3D2%2B3%23f"));
    }
    void loopback()
    {
        QVERIFY(isLoopback(QUrl(QStringLiteral("http://127.0.0.1:1"))));
        QVERIFY(isLoopback(QUrl(QStringLiteral("http://127.3.4.5"))));
        QVERIFY(isLoopback(QUrl(QStringLiteral("http://[::1]:8008"))));
        QVERIFY(isLoopback(QUrl(QStringLiteral("http://LOCALHOST"))));
        QVERIFY(!isLoopback(QUrl(QStringLiteral("http://10.0.0.1"))));
        QVERIFY(!isLoopback(QUrl(QStringLiteral("http://localhost.evil.org"))));
        QVERIFY(!isLoopback(QUrl(QStringLiteral("http://127.0.0.1.nip.io"))));
    }
    void normalizes()
    {
        QCOMPARE(normalizedBaseUrl(QUrl(QStringLiteral("https://u:p@m.org/x/?q=1#f"))).toString(),
            QStringLiteral("https://m.org/x"));
    }
};

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
