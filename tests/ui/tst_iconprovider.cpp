// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "iconprovider.h"

#include "devserver.h"
#include "identityprovidermodel.h"
#include "matrix/loginflows.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QQuickTextureFactory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Portico;

namespace {
struct Fetched
{
    QString error;
    QImage image;
};

Fetched fetch(Ui::IconProvider &provider, const QUrl &url, const QSize &size = QSize(24, 24))
{
    const QString id = Ui::IconProvider::sourceFor(url).toString().mid(
        QStringLiteral("image://idpicon/").size());
    std::unique_ptr<QQuickImageResponse> response(provider.requestImageResponse(id, size));
    QSignalSpy finished(response.get(), &QQuickImageResponse::finished);
    if (!finished.wait(10000))
        return {QStringLiteral("timeout"), {}};
    std::unique_ptr<QQuickTextureFactory> factory(response->textureFactory());
    return {response->errorString(), factory ? factory->image() : QImage()};
}

QByteArray png(const QSize &size)
{
    QImage image(size, QImage::Format_Grayscale8);
    image.fill(200);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

// A small PNG whose header (IHDR, CRC fixed up) declares `width` x `height`.
QByteArray pngDeclaring(quint32 width, quint32 height)
{
    QByteArray bytes = png(QSize(8, 8));
    const auto put = [&bytes](int at, quint32 value) {
        for (int i = 0; i < 4; ++i)
            bytes[at + i] = char((value >> (24 - 8 * i)) & 0xFF);
    };
    put(16, width); // signature (8), length (4), "IHDR" (4), then width and height
    put(20, height);
    put(29, crc32(bytes.mid(12, 17)));
    return bytes;
}

// A "billion laughs" of <use>: ten levels of ten copies, 10^10 rectangles to draw, in 1 KiB.
QByteArray svgBomb()
{
    QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                     "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"48\" height=\"48\">"
                     "<defs><rect id=\"l0\" width=\"1\" height=\"1\"/>";
    for (int level = 1; level <= 10; ++level) {
        svg += "<g id=\"l" + QByteArray::number(level) + "\">";
        for (int i = 0; i < 10; ++i)
            svg += "<use xlink:href=\"#l" + QByteArray::number(level - 1) + "\"/>";
        svg += "</g>";
    }
    return svg + "</defs><use xlink:href=\"#l10\"/></svg>";
}

QByteArray padded(QByteArray bytes, qsizetype size)
{
    bytes.append(QByteArray(size - bytes.size(), '\0')); // after IEND: ignored by decoders
    return bytes;
}
} // namespace

class TestIconProvider : public QObject
{
    Q_OBJECT
    QTemporaryDir cache;

private Q_SLOTS:
    void sourceUrls()
    {
        QCOMPARE(Ui::IconProvider::sourceFor({}), QUrl());
        QCOMPARE(
            Ui::IconProvider::sourceFor(QUrl(QStringLiteral("https://h.org/a b?x=1"))).toString(),
            QStringLiteral("image://idpicon/https%3A%2F%2Fh.org%2Fa%2520b%3Fx%3D1"));
    }
    void fetchesScalesAndCaches()
    {
        auto server = std::make_unique<DevServer>(DevServer::Config::demo());
        QVERIFY(server->start());
        Ui::IconProvider provider(cache.path());
        const QUrl url(server->baseUrl().toString()
            + QStringLiteral("/_matrix/media/v3/download/localhost/keycloakIcon"));
        Fetched icon = fetch(provider, url, QSize(48, 48));
        QVERIFY2(icon.error.isEmpty(), qPrintable(icon.error));
        QCOMPARE(icon.image.size(), QSize(48, 48));
        QCOMPARE(QDir(cache.path()).entryList(QDir::Files).size(), 1);
        // Served from the disk cache once the server is gone.
        server.reset();
        icon = fetch(provider, url);
        QVERIFY2(icon.error.isEmpty(), qPrintable(icon.error));
        QCOMPARE(icon.image.size(), QSize(24, 24));
    }
    void oneDownloadForRequestsInFlight()
    {
        // QML asks again for the same icon as an Image's size settles: one download serves both.
        DevServer::Config config = DevServer::Config::demo();
        config.latencyMs = 100; // both requests are made while the first is on its way
        DevServer server(config);
        QVERIFY(server.start());
        Ui::IconProvider provider({});
        const QUrl url(server.baseUrl().toString()
            + QStringLiteral("/_matrix/media/v3/download/localhost/keycloakIcon"));
        const QString id = Ui::IconProvider::sourceFor(url).toString().mid(
            QStringLiteral("image://idpicon/").size());
        std::unique_ptr<QQuickImageResponse> first(provider.requestImageResponse(id, QSize()));
        std::unique_ptr<QQuickImageResponse> second(
            provider.requestImageResponse(id, QSize(24, 24)));
        QSignalSpy firstDone(first.get(), &QQuickImageResponse::finished);
        QSignalSpy secondDone(second.get(), &QQuickImageResponse::finished);
        QVERIFY(secondDone.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(firstDone.size(), 1, 15000);
        QVERIFY(first->errorString().isEmpty());
        QVERIFY(second->errorString().isEmpty());
        std::unique_ptr<QQuickTextureFactory> a(first->textureFactory());
        std::unique_ptr<QQuickTextureFactory> b(second->textureFactory());
        QCOMPARE(a->image().size(), QSize(96, 96)); // as served
        QCOMPARE(b->image().size(), QSize(24, 24));
        QCOMPARE(server.requestLog().size(), 1);
        // Once it has landed, a new request downloads again (no disk cache here).
        QCOMPARE(fetch(provider, url).error, QString());
        QCOMPARE(server.requestLog().size(), 2);
    }
    void refusals_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("why"); // what the refusal says
        QTest::newRow("not an image type") << QByteArray("text/html") << QByteArray("<html>") << 200
                                           << QStringLiteral("not an accepted image type");
        QTest::newRow("image type, not an image")
            << QByteArray("image/png") << QByteArray("GIF89a-not-really") << 200 << QString();
        // A valid image, padded past the limit: what refuses it is the size, not the decoder.
        QTest::newRow("valid PNG over 1 MiB")
            << QByteArray("image/png") << padded(png(QSize(16, 16)), 1024 * 1024 + 10) << 200
            << QStringLiteral("more data than expected");
        QTest::newRow("header declares 100000 x 100000")
            << QByteArray("image/png") << pngDeclaring(100000, 100000) << 200
            << QStringLiteral("image of 100000 x 100000 pixels, over the limit of 1024");
        // Decodes for real: 16 MB of pixels from a few KiB.
        QTest::newRow("4000 x 4000 decompression bomb")
            << QByteArray("image/png") << png(QSize(4000, 4000)) << 200
            << QStringLiteral("image of 4000 x 4000 pixels, over the limit of 1024");
        QTest::newRow("SVG bomb") << QByteArray("image/svg+xml") << svgBomb() << 200
                                  << QStringLiteral("not an accepted image type");
        QTest::newRow("SVG bomb labelled PNG") << QByteArray("image/png") << svgBomb() << 200
                                               << QStringLiteral("format not accepted: svg");
        QTest::newRow("media freeze 404")
            << QByteArray("application/json") << QByteArray(R"({"errcode":"M_NOT_FOUND"})") << 404
            << QString();
    }
    void refusals()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, why);
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault fault;
        fault.status = status;
        fault.contentType = contentType;
        fault.body = body;
        config.faults.insert(QStringLiteral("/_dev/icons/bad"), fault);
        DevServer server(config);
        QVERIFY(server.start());
        Ui::IconProvider provider(cache.path());
        const QUrl url(server.baseUrl().toString() + QStringLiteral("/_dev/icons/bad"));
        const Fetched icon = fetch(provider, url);
        QVERIFY(!icon.error.isEmpty());
        QVERIFY2(icon.error.contains(why), qPrintable(icon.error));
        QVERIFY(icon.image.isNull());
        // Nothing refused is kept in the disk cache.
        QVERIFY(!QFile::exists(cache.filePath(QString::fromLatin1(
            QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha256).toHex()))));
    }
    void accepted_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        // The same padding just under the limit decodes: the refusal above is the size limit's.
        QTest::newRow("valid PNG padded to just under 1 MiB")
            << QByteArray("image/png") << padded(png(QSize(16, 16)), 1024 * 1024 - 100);
        QTest::newRow("1024 x 1024, the largest declared size taken")
            << QByteArray("image/png") << png(QSize(1024, 1024));
        QTest::newRow("content type with parameters")
            << QByteArray("image/png; charset=binary") << png(QSize(16, 16));
    }
    void accepted()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault fault;
        fault.status = 200;
        fault.contentType = contentType;
        fault.body = body;
        config.faults.insert(QStringLiteral("/_dev/icons/good"), fault);
        DevServer server(config);
        QVERIFY(server.start());
        Ui::IconProvider provider({});
        const Fetched icon = fetch(
            provider, QUrl(server.baseUrl().toString() + QStringLiteral("/_dev/icons/good")));
        QVERIFY2(icon.error.isEmpty(), qPrintable(icon.error));
        QCOMPARE(icon.image.size(), QSize(24, 24)); // decoded at the size shown
    }
    // A remote homeserver naming an icon on the user's own machine: nothing is fetched there,
    // as the loopback server's own request log shows.
    void remoteServerNamingALoopbackIcon()
    {
        DevServer loopback(DevServer::Config::demo());
        QVERIFY(loopback.start());
        const QString onLoopback = loopback.baseUrl().toString()
            + QStringLiteral("/_matrix/media/v3/download/localhost/keycloakIcon");
        QString https = onLoopback;
        https.replace(QStringLiteral("http://"), QStringLiteral("https://"));
        Ui::IdentityProviderModel model;
        QList<Matrix::IdentityProvider> providers;
        for (const QString &icon : {onLoopback, https}) {
            Matrix::IdentityProvider idp;
            idp.id = QStringLiteral("idp%1").arg(providers.size());
            idp.name = idp.id;
            idp.icon = icon;
            providers.append(idp);
        }
        model.setProviders(providers, QUrl(QStringLiteral("https://matrix.example.org")));
        loopback.clearRequestLog();
        Ui::IconProvider provider({});
        for (int row = 0; row < model.rowCount(); ++row) {
            const QUrl source
                = model.data(model.index(row), Ui::IdentityProviderModel::IconSourceRole).toUrl();
            QVERIFY2(source.isEmpty(), qPrintable(source.toString()));
            // Were there a source, QML would load it: do what QML would.
            if (!source.isEmpty())
                fetch(provider,
                    QUrl(QUrl::fromPercentEncoding(
                        source.toString()
                            .mid(QStringLiteral("image://idpicon/").size())
                            .toLatin1())));
        }
        QCOMPARE(loopback.requestLog().size(), 0);
        // The same icon from a homeserver that is itself on loopback is fetched.
        model.setProviders(providers.mid(0, 1), loopback.baseUrl());
        QVERIFY(!model.data(model.index(0), Ui::IdentityProviderModel::IconSourceRole)
                     .toUrl()
                     .isEmpty());
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv); // textures want a GUI application
    TestIconProvider test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_iconprovider.moc"
