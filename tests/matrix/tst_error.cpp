// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/duration.h"
#include "matrix/error.h"

#include <QJsonArray>
#include <QTest>

using namespace Portico::Matrix;
using namespace std::chrono_literals;

class TestError : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retryAfterSeconds()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(parseRetryAfter("7", now), std::optional(7000ms));
        QCOMPARE(parseRetryAfter(" 0 ", now), std::optional(0ms));
        QCOMPARE(parseRetryAfter("", now), std::nullopt);
        QCOMPARE(parseRetryAfter("-3", now), std::nullopt);
        QCOMPARE(parseRetryAfter("soon", now), std::nullopt);
    }
    void retryAfterHttpDate()
    {
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 27, 30), Qt::UTC);
        QCOMPARE(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now), std::optional(30000ms));
        // A date in the past means "now".
        QCOMPARE(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now), std::optional(0ms));
    }
    void matrixErrorBody()
    {
        const Error e = errorFromResponse(
            403, R"({"errcode":"M_FORBIDDEN","error":"Invalid login token"})", {}, {});
        QCOMPARE(e.kind, Error::Kind::Matrix);
        QCOMPARE(e.errcode, QStringLiteral("M_FORBIDDEN"));
        QCOMPARE(e.serverMessage, QStringLiteral("Invalid login token"));
        QCOMPARE(e.httpStatus, 403);
        QVERIFY(e.is(u"M_FORBIDDEN"));
    }
    void bodyIsKeptForUserInteractiveAuth()
    {
        // A UIA 401 has no errcode, but its flows and session are what the client acts on.
        const Error e = errorFromResponse(
            401, R"({"flows":[{"stages":["m.login.sso"]}],"session":"S"})", {}, {});
        QCOMPARE(e.kind, Error::Kind::Http);
        QCOMPARE(e.httpStatus, 401);
        QCOMPARE(e.body.value(u"session").toString(), QStringLiteral("S"));
        QVERIFY(e.body.value(u"flows").isArray());
        QVERIFY(errorFromResponse(502, "<html>Bad gateway</html>", {}, {}).body.isEmpty());
    }
    void softLogout()
    {
        const Error e
            = errorFromResponse(401, R"({"errcode":"M_UNKNOWN_TOKEN","soft_logout":true})", {}, {});
        QVERIFY(e.softLogout);
        QVERIFY(!errorFromResponse(401, R"({"errcode":"M_UNKNOWN_TOKEN"})", {}, {}).softLogout);
    }
    void nonJsonBody()
    {
        const Error e = errorFromResponse(502, "<html>Bad gateway</html>", {}, {});
        QCOMPARE(e.kind, Error::Kind::Http);
        QVERIFY(e.errcode.isEmpty());
        QVERIFY(e.describe().contains(QStringLiteral("502")));
    }
    void rateLimitedPrefersHeader()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        Error e = errorFromResponse(
            429, R"({"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":1500})", "4", now);
        QCOMPARE(e.kind, Error::Kind::RateLimited);
        QCOMPARE(e.retryAfter, std::optional(4000ms));
        e = errorFromResponse(
            429, R"({"errcode":"M_LIMIT_EXCEEDED","retry_after_ms":1500})", {}, now);
        QCOMPARE(e.retryAfter, std::optional(1500ms));
        // A proxy's 429 without a JSON body.
        e = errorFromResponse(429, "Too Many Requests", {}, now);
        QCOMPARE(e.kind, Error::Kind::RateLimited);
        QCOMPARE(e.retryAfter, std::nullopt);
    }
    // Found by fuzzing: huge numbers were cast to integers as they were (undefined behaviour).
    void hugeDurationsAreCapped()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto capped = std::optional(std::chrono::milliseconds(MaxDurationMs));
        QCOMPARE(errorFromResponse(429, R"({"retry_after_ms":1e300})", {}, now).retryAfter, capped);
        QCOMPARE(parseRetryAfter("9223372036854775807", now), capped);
        QCOMPARE(
            errorFromResponse(429, R"({"retry_after_ms":-1})", {}, now).retryAfter, std::nullopt);
    }
    void everyKindIsDescribed()
    {
        for (int k = 0; k <= int(Error::Kind::InsecureUrl); ++k) {
            Error e;
            e.kind = Error::Kind(k);
            QVERIFY2(!e.describe().isEmpty(), qPrintable(QString::number(k)));
        }
    }
};

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
