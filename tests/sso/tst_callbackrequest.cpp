// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sso/callbackrequest.h"

#include <QTest>

using namespace Portico::Sso;
using Kind = CallbackVerdict::Kind;

class TestCallbackRequest : public QObject
{
    Q_OBJECT
    const QByteArray expected = QByteArrayLiteral("/callback/NONCE123");

private Q_SLOTS:
    void heads()
    {
        auto head = parseRequestHead(
            "GET /callback/x?loginToken=t HTTP/1.1\r\nHost: 127.0.0.1:5\r\nAccept: */*\r\n\r\n",
            8192);
        QVERIFY(head);
        QCOMPARE(head->method, QByteArray("GET"));
        QCOMPARE(head->target, QByteArray("/callback/x?loginToken=t"));
        QCOMPARE(head->host, QByteArray("127.0.0.1:5"));
        QCOMPARE(
            parseRequestHead("GET / HTTP/1.1\r\nHost: a\r\n", 8192).error(), HeadError::Incomplete);
        QCOMPARE(parseRequestHead(QByteArray(9000, 'a'), 8192).error(), HeadError::TooLarge);
        QCOMPARE(parseRequestHead(QByteArray(9000, 'a') + "\r\n\r\n", 8192).error(),
            HeadError::TooLarge);
    }
    void malformedHeads_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("no version") << QByteArray("GET /\r\nHost: a\r\n\r\n");
        QTest::newRow("http/2") << QByteArray("GET / HTTP/2\r\nHost: a\r\n\r\n");
        QTest::newRow("absolute target") << QByteArray("GET http://x/ HTTP/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n");
        QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
        QTest::newRow("header without colon")
            << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nnonsense\r\n\r\n");
        QTest::newRow("binary") << QByteArray::fromHex("1603010200") + "\r\n\r\n";
    }
    void malformedHeads()
    {
        QFETCH(QByteArray, head);
        QCOMPARE(parseRequestHead(head, 8192).error(), HeadError::Malformed);
    }
    void verdicts_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("token");
        QTest::newRow("accepted") << QByteArray("/callback/NONCE123?loginToken=abc")
                                  << int(Kind::Accepted) << "abc";
        QTest::newRow("other params kept")
            << QByteArray("/callback/NONCE123?x=1&loginToken=a%2Bb%3D") << int(Kind::Accepted)
            << "a+b=";
        QTest::newRow("favicon") << QByteArray("/favicon.ico") << int(Kind::NotCallback) << "";
        QTest::newRow("root") << QByteArray("/") << int(Kind::NotCallback) << "";
        QTest::newRow("wrong nonce")
            << QByteArray("/callback/NONCE124?loginToken=abc") << int(Kind::WrongNonce) << "";
        QTest::newRow("nonce prefix")
            << QByteArray("/callback/NONCE12?loginToken=abc") << int(Kind::WrongNonce) << "";
        QTest::newRow("nonce suffix")
            << QByteArray("/callback/NONCE1234?loginToken=abc") << int(Kind::WrongNonce) << "";
        QTest::newRow("trailing slash")
            << QByteArray("/callback/NONCE123/?loginToken=abc") << int(Kind::WrongNonce) << "";
        QTest::newRow("no nonce") << QByteArray("/callback/?loginToken=abc")
                                  << int(Kind::WrongNonce) << "";
        QTest::newRow("no token") << QByteArray("/callback/NONCE123") << int(Kind::MissingToken)
                                  << "";
        QTest::newRow("other param only")
            << QByteArray("/callback/NONCE123?logintoken=abc") << int(Kind::MissingToken) << "";
        QTest::newRow("empty token")
            << QByteArray("/callback/NONCE123?loginToken=") << int(Kind::EmptyToken) << "";
        QTest::newRow("bare token key")
            << QByteArray("/callback/NONCE123?loginToken") << int(Kind::EmptyToken) << "";
        QTest::newRow("two tokens") << QByteArray("/callback/NONCE123?loginToken=a&loginToken=b")
                                    << int(Kind::SeveralTokens) << "";
        QTest::newRow("fragment ignored")
            << QByteArray("/callback/NONCE123?loginToken=abc#loginToken=x") << int(Kind::Accepted)
            << "abc";
    }
    void verdicts()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, kind);
        QFETCH(QString, token);
        const CallbackVerdict verdict = checkCallbackTarget(target, expected);
        QCOMPARE(int(verdict.kind), kind);
        QCOMPARE(verdict.loginToken, token);
    }
    void pastedUrls()
    {
        QCOMPARE(
            checkCallbackUrl(
                QStringLiteral(" http://127.0.0.1:4/callback/NONCE123?loginToken=zz "), expected)
                .loginToken,
            QStringLiteral("zz"));
        QCOMPARE(checkCallbackUrl(
                     QStringLiteral("portico://sso/callback/NONCE123?loginToken=zz"), expected)
                     .kind,
            Kind::Accepted);
        QCOMPARE(checkCallbackUrl(
                     QStringLiteral("http://127.0.0.1:4/callback/OTHER?loginToken=zz"), expected)
                     .kind,
            Kind::WrongNonce);
        QCOMPARE(checkCallbackUrl(QStringLiteral("not a url at all %%"), expected).kind,
            Kind::NotCallback);
    }
};

QTEST_GUILESS_MAIN(TestCallbackRequest)
#include "tst_callbackrequest.moc"
