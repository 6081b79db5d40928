// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/avatarfetch.h"

#include "devserver.h"
#include "devsession.h"

#include <QBuffer>
#include <QNetworkAccessManager>
#include <QTest>

#include <QtEndian>

using namespace Portico;

namespace {
using Result = Matrix::Expected<Session::AvatarFetch::Result, Matrix::Error>;

Result wait(std::optional<Result> &result)
{
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        qFatal("no answer");
    return *result;
}

const QString Authenticated
    = QStringLiteral("/_matrix/client/v1/media/thumbnail/localhost/aliceAvatar");
const QString Legacy = QStringLiteral("/_matrix/media/v3/thumbnail/localhost/aliceAvatar");
const Matrix::MxcUri Avatar{QStringLiteral("localhost"), QStringLiteral("aliceAvatar")};

QByteArray png(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

// A 4 x 4 PNG whose header claims 40000 x 40000 (checksum fixed, so only the size lies).
QByteArray decompressionBomb()
{
    QByteArray bytes = png(4, 4);
    qToBigEndian(quint32(40000), bytes.data() + 16);
    qToBigEndian(quint32(40000), bytes.data() + 20);
    quint32 crc = 0xffffffff;
    for (const char byte : bytes.mid(12, 17)) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320 & (0u - (crc & 1)));
    }
    qToBigEndian(~crc, bytes.data() + 29);
    return bytes;
}

// The requests that reached `path` with any token at all.
int withToken(const DevServer &server, const QString &path)
{
    int count = 0;
    for (const auto &request : server.requestLog())
        count += request.path == path && request.sentToken;
    return count;
}
} // namespace

class TestAvatarFetch : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

    Result fetch(DevServer &server, Session::MediaApi known, const Matrix::MxcUri &media = Avatar,
        QSize size = {96, 96})
    {
        const Session::Session session = signInOnDevServer(network, server);
        server.clearRequestLog();
        Session::AvatarFetch avatar(network);
        std::optional<Result> result;
        avatar.fetch(session, media, size, known, [&](const Result &r) { result.emplace(r); });
        return wait(result);
    }

private Q_SLOTS:
    void throughAuthenticatedMediaWithTheToken()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const Result avatar = fetch(server, Session::MediaApi::Unknown);
        QVERIFY2(avatar, qPrintable(avatar ? QString() : avatar.error().detail));
        QCOMPARE(avatar->api, Session::MediaApi::Authenticated);
        QCOMPARE(avatar->image.size(), QSize(96, 96));
        QVERIFY(!avatar->bytes.isEmpty());
        QCOMPARE(server.requestCount("GET", QStringLiteral("/_matrix/client/versions")), 1);
        QCOMPARE(server.requestCount("GET", Authenticated), 1);
        QCOMPARE(withToken(server, Authenticated), 1);
        QVERIFY(server.requestLog().last().authenticated);
        QCOMPARE(server.requestCount("GET", Legacy), 0);
    }
    void aKnownApiSkipsVersions()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        QVERIFY(fetch(server, Session::MediaApi::Authenticated));
        QCOMPARE(server.requestCount("GET", QStringLiteral("/_matrix/client/versions")), 0);
        QCOMPARE(server.requestLog().size(), 1);
    }
    void aServerWithoutItGetsTheLegacyPathWithoutAToken()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.authenticatedMedia = false;
        DevServer server(config);
        QVERIFY(server.start());
        const Result avatar = fetch(server, Session::MediaApi::Unknown, Avatar, {48, 48});
        QVERIFY2(avatar, qPrintable(avatar ? QString() : avatar.error().detail));
        QCOMPARE(avatar->api, Session::MediaApi::Legacy);
        QCOMPARE(avatar->image.size(), QSize(48, 48));
        // /versions said v1.10: the authenticated path is not even tried.
        QCOMPARE(server.requestCount("GET", Authenticated), 0);
        QCOMPARE(server.requestCount("GET", Legacy), 1);
        QCOMPARE(withToken(server, Legacy), 0);
    }
    void anUnrecognizedAuthenticatedPathFallsBack()
    {
        // What the client believed (or a /versions that lied): the 404 M_UNRECOGNIZED decides.
        DevServer::Config config = DevServer::Config::demo();
        config.authenticatedMedia = false;
        DevServer server(config);
        QVERIFY(server.start());
        const Result avatar = fetch(server, Session::MediaApi::Authenticated);
        QVERIFY(avatar);
        QCOMPARE(avatar->api, Session::MediaApi::Legacy);
        QCOMPARE(server.requestCount("GET", Authenticated), 1);
        QCOMPARE(server.requestCount("GET", Legacy), 1);
        QCOMPARE(withToken(server, Legacy), 0);
    }
    void otherErrorsDoNotFallBack()
    {
        // A 404 M_NOT_FOUND is missing media, not a missing API: the token-less path is not
        // asked (it would not know better, and it is frozen on modern servers).
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const Result avatar = fetch(server, Session::MediaApi::Unknown,
            Matrix::MxcUri{QStringLiteral("localhost"), QStringLiteral("gone")});
        QVERIFY(!avatar);
        QVERIFY(avatar.error().is(u"M_NOT_FOUND"));
        QCOMPARE(server.requestCount(
                     "GET", QStringLiteral("/_matrix/media/v3/thumbnail/localhost/gone")),
            0);
    }
    void hugeOrBrokenAvatarsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("why");
        QTest::newRow("declares 40000 x 40000")
            << QByteArray("image/png") << decompressionBomb() << QStringLiteral("40000 x 40000");
        QTest::newRow("3000 x 3000, really")
            << QByteArray("image/png") << png(3000, 3000) << QStringLiteral("3000 x 3000");
        QTest::newRow("not an image")
            << QByteArray("image/png") << QByteArray("<html>Bad gateway</html>")
            << QStringLiteral("not an image");
        QTest::newRow("truncated")
            << QByteArray("image/png") << png(64, 64).left(80) << QStringLiteral("does not decode");
        QTest::newRow("svg") << QByteArray("image/svg+xml")
                             << QByteArray("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" "
                                           "height=\"9\"><rect width=\"9\" height=\"9\"/></svg>")
                             << QStringLiteral("svg");
        QTest::newRow("wrong content type")
            << QByteArray("text/html") << png(8, 8) << QStringLiteral("not an image: text/html");
    }
    void hugeOrBrokenAvatarsAreRefused()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, why);
        DevServer::Config config = DevServer::Config::demo();
        config.rawMedia.insert(QStringLiteral("aliceAvatar"), {contentType, body});
        DevServer server(config);
        QVERIFY(server.start());
        const Result avatar = fetch(server, Session::MediaApi::Authenticated);
        QVERIFY(!avatar);
        QCOMPARE(avatar.error().kind, Matrix::Error::Kind::InvalidResponse);
        QVERIFY2(avatar.error().detail.contains(why, Qt::CaseInsensitive),
            qPrintable(avatar.error().detail));
        // Asked once: no retry, no fallback.
        QCOMPARE(server.requestLog().size(), 1);
    }
    void aBodyOverTheLimitIsCutOff()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.rawMedia.insert(QStringLiteral("aliceAvatar"),
            {QByteArrayLiteral("image/png"), QByteArray(3 * 1024 * 1024, 'x')});
        DevServer server(config);
        QVERIFY(server.start());
        const Result avatar = fetch(server, Session::MediaApi::Authenticated);
        QVERIFY(!avatar);
        QCOMPARE(avatar.error().kind, Matrix::Error::Kind::TooLarge);
        QCOMPARE(server.requestLog().size(), 1);
    }
};

QTEST_MAIN(TestAvatarFetch)
#include "tst_avatarfetch.moc"
