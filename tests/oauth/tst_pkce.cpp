// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth/pkce.h"

#include <QSet>
#include <QTest>

using namespace Portico::OAuth;

class TestPkce : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfc7636AppendixB()
    {
        // The example of RFC 7636 Appendix B.
        QCOMPARE(codeChallenge(u"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }
    void verifier()
    {
        QSet<QString> seen;
        for (int i = 0; i < 50; ++i) {
            const QString v = newCodeVerifier();
            QVERIFY(isValidCodeVerifier(v));
            seen.insert(v);
        }
        QCOMPARE(seen.size(), 50);
        QVERIFY(!isValidCodeVerifier(QString(42, u'a')));
        QVERIFY(isValidCodeVerifier(QString(43, u'a')));
        QVERIFY(isValidCodeVerifier(QString(128, u'a')));
        QVERIFY(!isValidCodeVerifier(QString(129, u'a')));
        QVERIFY(!isValidCodeVerifier(QString(42, u'a') + u'+'));
    }
    void state()
    {
        const QString a = newState();
        QCOMPARE(a.size(), 43); // 256 bits
        QVERIFY(isUnreserved(a));
        QVERIFY(a != newState());
    }
    void deviceId()
    {
        const QString id = newDeviceId();
        QVERIFY(isValidDeviceId(id));
        QVERIFY(id != newDeviceId());
        QVERIFY(!isValidDeviceId(u"SHORT"));
        QVERIFY(!isValidDeviceId(u"ABCDEFGHIJ/"));
        QVERIFY(!isValidDeviceId(u"ABCDEFGHI J"));
    }
    void scope()
    {
        QCOMPARE(matrixScope(QStringLiteral("ABCDEFGHIJ"), ScopeNames::Stable),
            QStringLiteral("urn:matrix:client:api:* urn:matrix:client:device:ABCDEFGHIJ"));
        QCOMPARE(matrixScope(QStringLiteral("ABCDEFGHIJ"), ScopeNames::Unstable),
            QStringLiteral("urn:matrix:org.matrix.msc2967.client:api:* "
                           "urn:matrix:org.matrix.msc2967.client:device:ABCDEFGHIJ"));
    }
    void scopeNames()
    {
        QCOMPARE(scopeNamesFor({}), ScopeNames::Stable);
        QCOMPARE(scopeNamesFor({QStringLiteral("openid"),
                     QStringLiteral("urn:matrix:org.matrix.msc2967.client:api:*")}),
            ScopeNames::Unstable);
        QCOMPARE(scopeNamesFor({QStringLiteral("urn:matrix:client:api:*"),
                     QStringLiteral("urn:matrix:org.matrix.msc2967.client:api:*")}),
            ScopeNames::Stable);
    }
    void deviceOfScope()
    {
        QCOMPARE(deviceIdOfScope(
                     QStringLiteral("urn:matrix:client:api:* urn:matrix:client:device:ABCDEFGHIJ")
                         .split(u' ')),
            QStringLiteral("ABCDEFGHIJ"));
        QCOMPARE(deviceIdOfScope(
                     {QStringLiteral("urn:matrix:org.matrix.msc2967.client:device:ABCDEFGHIJ")}),
            QStringLiteral("ABCDEFGHIJ"));
        QVERIFY(deviceIdOfScope({QStringLiteral("urn:matrix:client:api:*")}).isEmpty());
        QVERIFY(deviceIdOfScope({QStringLiteral("urn:matrix:client:device:A"),
                                    QStringLiteral("urn:matrix:client:device:B")})
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
