// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/loginresponse.h"

#include <QTest>

// JSON in raw strings writes "://" as ":\/\/" (a valid JSON escape): moc 6.4 takes "//" in a
// raw string inside a class body for a comment and loses the class.

using namespace Portico::Matrix;
using Source = LoginResponse::BaseUrlSource;

class TestLoginResponse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void complete()
    {
        const auto r
            = parseLoginResponse(R"({"user_id":"@a:m.org","access_token":"tok","device_id":"DEV",
            "refresh_token":"ref","expires_in_ms":60000,"home_server":"ignored"})");
        QVERIFY(r);
        QCOMPARE(r->userId, QStringLiteral("@a:m.org"));
        QCOMPARE(r->accessToken, QStringLiteral("tok"));
        QCOMPARE(r->deviceId, QStringLiteral("DEV"));
        QCOMPARE(r->refreshToken, QStringLiteral("ref"));
        QCOMPARE(r->expiresInMs, std::optional<qint64>(60000));
        QCOMPARE(r->baseUrlSource, Source::None);
        QVERIFY(r->baseUrlProblem.isEmpty());
    }
    void hugeExpiryIsCapped() // found by fuzzing
    {
        const auto r = parseLoginResponse(
            R"({"user_id":"@a:m.org","access_token":"t","device_id":"D","expires_in_ms":1e300})");
        QVERIFY(r);
        QCOMPARE(r->expiresInMs, std::optional<qint64>(366LL * 24 * 3600 * 1000));
    }
    void incomplete_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << QByteArray("nope");
        QTest::newRow("no user_id") << QByteArray(R"({"access_token":"t","device_id":"D"})");
        QTest::newRow("user_id without @")
            << QByteArray(R"({"user_id":"a:m.org","access_token":"t","device_id":"D"})");
        QTest::newRow("user_id without :")
            << QByteArray(R"({"user_id":"@a","access_token":"t","device_id":"D"})");
        QTest::newRow("no access_token") << QByteArray(R"({"user_id":"@a:m.org","device_id":"D"})");
        QTest::newRow("empty access_token")
            << QByteArray(R"({"user_id":"@a:m.org","access_token":"","device_id":"D"})");
        QTest::newRow("no device_id") << QByteArray(R"({"user_id":"@a:m.org","access_token":"t"})");
        QTest::newRow("device_id number")
            << QByteArray(R"({"user_id":"@a:m.org","access_token":"t","device_id":4})");
    }
    void incomplete()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!parseLoginResponse(body));
    }
    void binding_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("problem");
        QTest::newRow("neither") << QByteArray() << int(Source::None) << "" << false;
        QTest::newRow("well_known")
            << QByteArray(R"("well_known":{"m.homeserver":{"base_url":"https:\/\/hs.org/"}})")
            << int(Source::WellKnown) << "https://hs.org" << false;
        QTest::newRow("base_cs_url") << QByteArray(R"("base_cs_url":"https:\/\/draft.org")")
                                     << int(Source::BaseCsUrl) << "https://draft.org" << false;
        QTest::newRow("both: spec wins") << QByteArray(
            R"("well_known":{"m.homeserver":{"base_url":"https:\/\/hs.org"}},"base_cs_url":"https:\/\/draft.org")")
                                         << int(Source::WellKnown) << "https://hs.org" << false;
        QTest::newRow("bad well_known, good draft") << QByteArray(
            R"("well_known":{"m.homeserver":{"base_url":"::"}},"base_cs_url":"https:\/\/draft.org")")
                                                    << int(Source::BaseCsUrl) << "https://draft.org"
                                                    << false;
        QTest::newRow("well_known without m.homeserver")
            << QByteArray(R"("well_known":{})") << int(Source::None) << "" << true;
        QTest::newRow("well_known not object")
            << QByteArray(R"("well_known":"https:\/\/hs.org")") << int(Source::None) << "" << true;
        QTest::newRow("well_known not a url")
            << QByteArray(R"("well_known":{"m.homeserver":{"base_url":"hs"}})") << int(Source::None)
            << "" << true;
        QTest::newRow("base_cs_url not a url")
            << QByteArray(R"("base_cs_url":"nope")") << int(Source::None) << "" << true;
        QTest::newRow("http is parsed; policy decides later")
            << QByteArray(R"("well_known":{"m.homeserver":{"base_url":"http:\/\/hs.org"}})")
            << int(Source::WellKnown) << "http://hs.org" << false;
    }
    void binding()
    {
        QFETCH(QByteArray, extra);
        QFETCH(int, source);
        QFETCH(QString, url);
        QFETCH(bool, problem);
        QByteArray body = R"({"user_id":"@a:m.org","access_token":"t","device_id":"D")";
        if (!extra.isEmpty())
            body += ',' + extra;
        body += '}';
        const auto r = parseLoginResponse(body);
        QVERIFY(r);
        QCOMPARE(int(r->baseUrlSource), source);
        QCOMPARE(r->baseUrl.toString(), url);
        QCOMPARE(!r->baseUrlProblem.isEmpty(), problem);
    }
};

QTEST_GUILESS_MAIN(TestLoginResponse)
#include "tst_loginresponse.moc"
