// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/wellknown.h"

#include <QTest>

// JSON in raw strings writes "://" as ":\/\/" (a valid JSON escape): moc 6.4 takes "//" in a
// raw string inside a class body for a comment and loses the class.

using namespace Portico::Matrix;
using Outcome = WellKnownError::Outcome;

class TestWellKnown : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("base");
        QTest::newRow("plain") << QByteArray(R"({"m.homeserver":{"base_url":"https:\/\/m.org"}})")
                               << "https://m.org";
        QTest::newRow("trailing slash")
            << QByteArray(R"({"m.homeserver":{"base_url":"https:\/\/m.org/"}})") << "https://m.org";
        QTest::newRow("path prefix")
            << QByteArray(R"({"m.homeserver":{"base_url":"https:\/\/m.org/mx/"}})")
            << "https://m.org/mx";
        QTest::newRow("extra keys") << QByteArray(
            R"({"m.homeserver":{"base_url":"https:\/\/m.org","x":1},"org.example.thing":{}})")
                                    << "https://m.org";
    }
    void valid()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, base);
        const auto result = parseWellKnown(body);
        QVERIFY(result);
        QCOMPARE(result->homeserverBaseUrl.toString(), base);
        QVERIFY(result->identityServerBaseUrl.isEmpty());
    }
    void invalid_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("outcome");
        QTest::newRow("empty") << QByteArray() << int(Outcome::FailPrompt);
        QTest::newRow("html") << QByteArray("<html></html>") << int(Outcome::FailPrompt);
        QTest::newRow("array") << QByteArray("[]") << int(Outcome::FailPrompt);
        QTest::newRow("no homeserver") << QByteArray("{}") << int(Outcome::FailPrompt);
        QTest::newRow("homeserver not object")
            << QByteArray(R"({"m.homeserver":"https:\/\/m.org"})") << int(Outcome::FailPrompt);
        QTest::newRow("no base_url")
            << QByteArray(R"({"m.homeserver":{}})") << int(Outcome::FailPrompt);
        QTest::newRow("base_url number")
            << QByteArray(R"({"m.homeserver":{"base_url":5}})") << int(Outcome::FailPrompt);
        QTest::newRow("not a url") << QByteArray(R"({"m.homeserver":{"base_url":"not a url"}})")
                                   << int(Outcome::FailError);
        QTest::newRow("relative") << QByteArray(R"({"m.homeserver":{"base_url":"/matrix"}})")
                                  << int(Outcome::FailError);
        QTest::newRow("ftp") << QByteArray(R"({"m.homeserver":{"base_url":"ftp:\/\/m.org"}})")
                             << int(Outcome::FailError);
        QTest::newRow("identity server without base_url") << QByteArray(
            R"({"m.homeserver":{"base_url":"https:\/\/m.org"},"m.identity_server":{}})")
                                                          << int(Outcome::FailPrompt);
        QTest::newRow("identity server bad url") << QByteArray(
            R"({"m.homeserver":{"base_url":"https:\/\/m.org"},"m.identity_server":{"base_url":"::"}})")
                                                 << int(Outcome::FailError);
    }
    void invalid()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, outcome);
        const auto result = parseWellKnown(body);
        QVERIFY(!result);
        QCOMPARE(int(result.error().outcome), outcome);
    }
    void identityServer()
    {
        const auto result = parseWellKnown(QByteArray(
            R"({"m.homeserver":{"base_url":"https:\/\/m.org"},"m.identity_server":{"base_url":"https:\/\/id.org/"}})"));
        QVERIFY(result);
        QCOMPARE(result->identityServerBaseUrl.toString(), QStringLiteral("https://id.org"));
    }
};

QTEST_GUILESS_MAIN(TestWellKnown)
#include "tst_wellknown.moc"
