// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "iconprovider.h"

#include "devserver.h"

#include <QBuffer>
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
        QTest::newRow("not an image type")
            << QByteArray("text/html") << QByteArray("<html>") << 200;
        QTest::newRow("image type, not an image")
            << QByteArray("image/png") << QByteArray("GIF89a-not-really") << 200;
        QTest::newRow("over 1 MiB")
            << QByteArray("image/png") << QByteArray(1024 * 1024 + 10, 'x') << 200;
        QTest::newRow("media freeze 404")
            << QByteArray("application/json") << QByteArray(R"({"errcode":"M_NOT_FOUND"})") << 404;
    }
    void refusals()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault fault;
        fault.status = status;
        fault.contentType = contentType;
        fault.body = body;
        config.faults.insert(QStringLiteral("/_dev/icons/bad"), fault);
        DevServer server(config);
        QVERIFY(server.start());
        Ui::IconProvider provider({}); // no disk cache
        const Fetched icon = fetch(
            provider, QUrl(server.baseUrl().toString() + QStringLiteral("/_dev/icons/bad")));
        QVERIFY(!icon.error.isEmpty());
        QVERIFY(icon.image.isNull());
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv); // textures want a GUI application
    TestIconProvider test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_iconprovider.moc"
