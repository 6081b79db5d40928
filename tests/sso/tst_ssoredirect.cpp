// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sso/ssoredirect.h"

#include <QTest>
#include <QUrlQuery>

using namespace Portico::Sso;

class TestSsoRedirect : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void perProvider()
    {
        const QUrl url = ssoRedirectUrl(QUrl(QStringLiteral("https://hs.org/prefix/")),
            QStringLiteral("/_matrix/client/v3"), QStringLiteral("github"),
            QUrl(QStringLiteral("http://127.0.0.1:5555/callback/abc")));
        QCOMPARE(url.toString(QUrl::FullyEncoded),
            QStringLiteral("https://hs.org/prefix/_matrix/client/v3/login/sso/redirect/github"
                           "?redirectUrl=http%3A%2F%2F127.0.0.1%3A5555%2Fcallback%2Fabc"));
    }
    void generic()
    {
        const QUrl url = ssoRedirectUrl(QUrl(QStringLiteral("https://hs.org")),
            QStringLiteral("/_matrix/client/r0"), {},
            QUrl(QStringLiteral("http://127.0.0.1:1/cb")));
        QCOMPARE(url.path(), QStringLiteral("/_matrix/client/r0/login/sso/redirect"));
    }
    // Edge case 1: ids outside the unreserved set are one percent-encoded segment.
    void idIsOneEncodedSegment_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("segment");
        QTest::newRow("space") << "a b"
                               << "a%20b";
        QTest::newRow("slash") << "a/b"
                               << "a%2Fb";
        QTest::newRow("percent") << "100%"
                                 << "100%25";
        QTest::newRow("hash and query") << "x#y?z"
                                        << "x%23y%3Fz";
        QTest::newRow("dot segment") << ".."
                                     << "..";
        QTest::newRow("non-ascii") << "ünï"
                                   << "%C3%BCn%C3%AF";
    }
    void idIsOneEncodedSegment()
    {
        QFETCH(QString, id);
        QFETCH(QString, segment);
        const QUrl url = ssoRedirectUrl(QUrl(QStringLiteral("https://hs.org")),
            QStringLiteral("/_matrix/client/v3"), id,
            QUrl(QStringLiteral("http://127.0.0.1:1/cb")));
        const QString path = url.path(QUrl::FullyEncoded);
        QCOMPARE(path, QStringLiteral("/_matrix/client/v3/login/sso/redirect/") + segment);
    }
    // Edge case 11: a redirectUrl with '+', '&', '#', '=' survives the round trip intact.
    void redirectUrlRoundTrips()
    {
        const QUrl redirect(QStringLiteral("http://127.0.0.1:1/cb?x=a+b&y=1%3D2"));
        const QUrl url = ssoRedirectUrl(QUrl(QStringLiteral("https://hs.org")),
            QStringLiteral("/_matrix/client/v3"), QStringLiteral("i"), redirect);
        const QUrlQuery query(url);
        QCOMPARE(query.allQueryItemValues(QStringLiteral("redirectUrl"), QUrl::FullyDecoded),
            QStringList{redirect.toString(QUrl::FullyEncoded)});
        QVERIFY(!url.query(QUrl::FullyEncoded).contains(u'+'));
        QVERIFY(!url.query(QUrl::FullyEncoded).contains(u'&'));
    }
};

QTEST_GUILESS_MAIN(TestSsoRedirect)
#include "tst_ssoredirect.moc"
