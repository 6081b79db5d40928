// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/userid.h"

#include <QTest>

using namespace Portico::Matrix;

class TestUserId : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void serverNames_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("dns") << "example.org" << true << "example.org" << -1;
        QTest::newRow("port") << "example.org:8448" << true << "example.org" << 8448;
        QTest::newRow("ipv4") << "1.2.3.4:1" << true << "1.2.3.4" << 1;
        QTest::newRow("ipv6") << "[::1]" << true << "[::1]" << -1;
        QTest::newRow("ipv6 port") << "[2001:db8::1]:8448" << true << "[2001:db8::1]" << 8448;
        QTest::newRow("empty") << "" << false << "" << -1;
        QTest::newRow("port 0") << "a.org:0" << false << "" << -1;
        QTest::newRow("port too big") << "a.org:65536" << false << "" << -1;
        QTest::newRow("port letters") << "a.org:80a" << false << "" << -1;
        QTest::newRow("empty port") << "a.org:" << false << "" << -1;
        QTest::newRow("bad ipv6") << "[nope]" << false << "" << -1;
        QTest::newRow("unclosed ipv6") << "[::1" << false << "" << -1;
        QTest::newRow("space") << "a b.org" << false << "" << -1;
        QTest::newRow("double dot") << "a..org" << false << "" << -1;
        QTest::newRow("slash") << "a.org/x" << false << "" << -1;
    }
    void serverNames()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto name = ServerName::parse(text);
        QCOMPARE(name.has_value(), valid);
        if (valid) {
            QFETCH(QString, host);
            QFETCH(int, port);
            QCOMPARE(name->host, host);
            QCOMPARE(name->port, port);
            QCOMPARE(name->toString(), text);
        }
    }
    void userIds()
    {
        const auto id = UserId::parse(u"@alice:example.org:8448");
        QVERIFY(id);
        QCOMPARE(id->localpart, QStringLiteral("alice"));
        QCOMPARE(id->server.host, QStringLiteral("example.org"));
        QCOMPARE(id->server.port, 8448);
        QCOMPARE(id->toString(), QStringLiteral("@alice:example.org:8448"));
        QVERIFY(UserId::parse(u"@bob:[::1]:8008"));
        // Edge case 17: no '@', no ':', empty localpart or server.
        QVERIFY(!UserId::parse(u"alice:example.org"));
        QVERIFY(!UserId::parse(u"@alice"));
        QVERIFY(!UserId::parse(u"@:example.org"));
        QVERIFY(!UserId::parse(u"@alice:"));
        QVERIFY(!UserId::parse(QString(u'@' + QString(300, u'a') + QStringLiteral(":x.org"))));
    }
};

QTEST_GUILESS_MAIN(TestUserId)
#include "tst_userid.moc"
