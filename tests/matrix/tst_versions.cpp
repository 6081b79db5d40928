// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/versions.h"

#include <QTest>

using namespace Portico::Matrix;

class TestVersions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modernServer()
    {
        const auto v = parseVersions(
            R"({"versions":["r0.6.1","v1.1","v1.11"],"unstable_features":{"org.a":true,"org.b":false,"org.c":"yes"}})");
        QVERIFY(v);
        QCOMPARE(v->versions,
            (QStringList{
                QStringLiteral("r0.6.1"), QStringLiteral("v1.1"), QStringLiteral("v1.11")}));
        QVERIFY(v->hasV3());
        QCOMPARE(v->clientPrefix(), QStringLiteral("/_matrix/client/v3"));
        QCOMPARE(v->enabledUnstableFeatures, QStringList{QStringLiteral("org.a")});
    }
    void oldServerUsesR0()
    {
        const auto v = parseVersions(R"({"versions":["r0.5.0","r0.6.1"]})");
        QVERIFY(v);
        QVERIFY(!v->hasV3());
        QCOMPARE(v->clientPrefix(), QStringLiteral("/_matrix/client/r0"));
        QVERIFY(!parseVersions(R"({"versions":["v1.0"]})")->hasV3());
        QVERIFY(parseVersions(R"({"versions":["v2.0"]})")->hasV3());
    }
    void nonStringEntriesAreSkipped()
    {
        const auto v = parseVersions(R"({"versions":[1,null,"v1.2",{}]})");
        QVERIFY(v);
        QCOMPARE(v->versions, QStringList{QStringLiteral("v1.2")});
    }
    void notAHomeserver_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("html") << QByteArray("<!doctype html>");
        QTest::newRow("array") << QByteArray(R"(["v1.1"])");
        QTest::newRow("no versions") << QByteArray("{}");
        QTest::newRow("versions not array") << QByteArray(R"({"versions":"v1.1"})");
        QTest::newRow("no string") << QByteArray(R"({"versions":[1,2]})");
    }
    void notAHomeserver()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!parseVersions(body));
    }
};

QTEST_GUILESS_MAIN(TestVersions)
#include "tst_versions.moc"
