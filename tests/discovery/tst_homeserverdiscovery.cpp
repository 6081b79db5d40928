// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/homeserverdiscovery.h"

#include "cannedserver.h"
#include "devserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Portico::Discovery;

namespace {
ServerInput urlInput(const QUrl &url)
{
    ServerInput input;
    input.kind = ServerInput::Kind::Url;
    input.url = url;
    return input;
}
} // namespace

class TestHomeserverDiscovery : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void urlOfTheDevServer()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        HomeserverDiscovery discovery(network);
        QSignalSpy discovered(&discovery, &HomeserverDiscovery::discovered);
        discovery.start(urlInput(server.baseUrl()));
        QVERIFY(discovered.wait(15000));
        const auto homeserver = discovered.first().first().value<Homeserver>();
        QCOMPARE(homeserver.baseUrl, server.baseUrl());
        QVERIFY(homeserver.versions.hasV3());
        QVERIFY(!discovery.isRunning());
        QCOMPARE(server.requestLog().size(), 1);
        QCOMPARE(server.requestLog().first().path, QStringLiteral("/_matrix/client/versions"));
    }
    void notAHomeserver()
    {
        CannedServer server([](const QByteArray &) {
            return CannedServer::response(200, "<html>hi</html>", "text/html");
        });
        HomeserverDiscovery discovery(network);
        QSignalSpy failed(&discovery, &HomeserverDiscovery::failed);
        discovery.start(urlInput(server.url()));
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.first().first().value<DiscoveryError>().reason,
            DiscoveryError::Reason::NotAHomeserver);
    }
    void serverErrorIsUnreachable()
    {
        CannedServer server([](const QByteArray &) {
            return CannedServer::response(502, "bad gateway", "text/plain");
        });
        HomeserverDiscovery discovery(network);
        QSignalSpy failed(&discovery, &HomeserverDiscovery::failed);
        discovery.start(urlInput(server.url()));
        QVERIFY(failed.wait(15000));
        const auto error = failed.first().first().value<DiscoveryError>();
        QCOMPARE(error.reason, DiscoveryError::Reason::Unreachable);
        QCOMPARE(error.error.httpStatus, 502);
    }
    void plainHttpRemoteIsRefused()
    {
        HomeserverDiscovery discovery(network);
        QSignalSpy failed(&discovery, &HomeserverDiscovery::failed);
        ServerInput input = urlInput(QUrl(QStringLiteral("http://matrix.example.invalid")));
        discovery.start(input); // explicit http:// typed by the user is allowed...
        QVERIFY(failed.wait(15000));
        // ...so it is tried (and fails on DNS), rather than refused as insecure.
        QCOMPARE(failed.first().first().value<DiscoveryError>().reason,
            DiscoveryError::Reason::Unreachable);
    }
    void serverNameWithoutWellKnownFallsBackToItself()
    {
        // Nothing listens on https://127.0.0.1:443 here: IGNORE, then the server name itself
        // (https://127.0.0.1:<port>) is tried, which is plain http: unreachable over TLS.
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        HomeserverDiscovery discovery(network);
        QSignalSpy failed(&discovery, &HomeserverDiscovery::failed);
        ServerInput input;
        input.serverName = *Portico::Matrix::ServerName::parse(
            QStringLiteral("127.0.0.1:%1").arg(server.port()));
        discovery.start(input);
        QVERIFY(failed.wait(15000));
        QCOMPARE(failed.first().first().value<DiscoveryError>().reason,
            DiscoveryError::Reason::Unreachable);
    }
    void aNewLookupAbandonsTheOldOne()
    {
        QTcpServer slow; // never answers
        slow.listen(QHostAddress::LocalHost, 0);
        DevServer fast(DevServer::Config::demo());
        QVERIFY(fast.start());
        HomeserverDiscovery discovery(network);
        QSignalSpy discovered(&discovery, &HomeserverDiscovery::discovered);
        QSignalSpy failed(&discovery, &HomeserverDiscovery::failed);
        discovery.start(
            urlInput(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(slow.serverPort()))));
        discovery.start(urlInput(fast.baseUrl()));
        QVERIFY(discovered.wait(15000));
        QCOMPARE(discovered.first().first().value<Homeserver>().baseUrl, fast.baseUrl());
        // The abandoned lookup never reports, not even its cancellation.
        QVERIFY(!failed.wait(300)); // a window for a stray report, not synchronisation
        QCOMPARE(discovered.size(), 1);
        QCOMPARE(failed.size(), 0);
    }
    void cancelReportsNothing()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        HomeserverDiscovery discovery(network);
        QSignalSpy discovered(&discovery, &HomeserverDiscovery::discovered);
        QSignalSpy failed(&discovery, &HomeserverDiscovery::failed);
        discovery.start(urlInput(server.baseUrl()));
        discovery.cancel();
        QVERIFY(!discovery.isRunning());
        QVERIFY(!discovered.wait(500));
        QCOMPARE(failed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestHomeserverDiscovery)
#include "tst_homeserverdiscovery.moc"
