// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/deviceclient.h"

#include "cancelcheck.h"
#include "devserver.h"
#include "devsession.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

// JSON in raw strings writes "://" as ":\/\/" (a valid JSON escape): moc 6.4 takes "//" in a
// raw string inside a class body for a comment and loses the class.

using namespace Portico;

namespace {
template<typename T> T wait(std::optional<T> &result)
{
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
        qFatal("no answer");
    return *result;
}
const QString Alice = QStringLiteral("@alice:localhost");
} // namespace

class TestDeviceClient : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void parseTypicalList()
    {
        const auto list = Session::parseDevices(QByteArray(R"({"devices":[
            {"device_id":"QBUAZIFURK","display_name":"android","last_seen_ip":"1.2.3.4",
             "last_seen_ts":1474491775024,"user_id":"@a:b"},
            {"device_id":"BARE"}]})"));
        QVERIFY(list);
        QCOMPARE(list->devices.size(), 2);
        const Session::Device &first = list->devices.at(0);
        QCOMPARE(first.deviceId, QStringLiteral("QBUAZIFURK"));
        QCOMPARE(first.displayName, QStringLiteral("android"));
        QCOMPARE(first.lastSeenIp, QStringLiteral("1.2.3.4"));
        QCOMPARE(first.lastSeen, QDateTime::fromMSecsSinceEpoch(1474491775024, Qt::UTC));
        const Session::Device &bare = list->devices.at(1);
        QVERIFY(bare.displayName.isEmpty());
        QVERIFY(bare.lastSeenIp.isEmpty());
        QVERIFY(!bare.lastSeen.isValid());
        QVERIFY(list->warnings.isEmpty());
    }
    void parseSkipsBadEntries()
    {
        const auto list = Session::parseDevices(QByteArray(R"({"devices":[
            {"display_name":"no id"}, {"device_id":7}, {"device_id":""}, "string",
            {"device_id":"A","display_name":5,"last_seen_ip":[],"last_seen_ts":"yesterday"},
            {"device_id":"A","display_name":"again"},
            {"device_id":"B","last_seen_ts":-5}, {"device_id":"C","last_seen_ts":1e300}]})"));
        QVERIFY(list);
        QCOMPARE(list->devices.size(), 3);
        QCOMPARE(list->devices.at(0).deviceId, QStringLiteral("A"));
        QVERIFY(list->devices.at(0).displayName.isEmpty()); // not "again": the first one wins
        QVERIFY(!list->devices.at(0).lastSeen.isValid());
        QVERIFY(!list->devices.at(1).lastSeen.isValid());
        QVERIFY(!list->devices.at(2).lastSeen.isValid());
        QCOMPARE(list->warnings.size(), 5);
    }
    void parseRefusesNonLists_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no devices") << QByteArray(R"({"device":[]})");
        QTest::newRow("devices object") << QByteArray(R"({"devices":{}})");
    }
    void parseRefusesNonLists()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!Session::parseDevices(body));
    }
    void listAndRenameOnTheDevServer()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        QVERIFY(session.isValid());
        server.addDevice(Alice, QStringLiteral("OLDPHONE"), QStringLiteral("Old phone"),
            QStringLiteral("10.0.0.7"), 1700000000000);
        server.addDevice(QStringLiteral("@bob:localhost"), QStringLiteral("BOBS"));
        Session::DeviceClient client(network);

        std::optional<Matrix::Expected<QList<Session::Device>, Matrix::Error>> listed;
        Matrix::Call call = client.list(session, [&](const auto &r) { listed.emplace(r); });
        auto devices = wait(listed);
        QVERIFY(devices);
        QCOMPARE(devices->size(), 2); // not Bob's
        const auto find = [](const QList<Session::Device> &all, const QString &id) {
            for (const auto &device : all)
                if (device.deviceId == id)
                    return device;
            return Session::Device{};
        };
        const Session::Device old = find(*devices, QStringLiteral("OLDPHONE"));
        QCOMPARE(old.displayName, QStringLiteral("Old phone"));
        QCOMPARE(old.lastSeenIp, QStringLiteral("10.0.0.7"));
        QCOMPARE(old.lastSeen.toMSecsSinceEpoch(), 1700000000000);
        // The device making the request was seen just now.
        QVERIFY(find(*devices, session.deviceId).lastSeen.isValid());
        QVERIFY(server.requestLog().last().authenticated);

        std::optional<Matrix::Expected<bool, Matrix::Error>> renamed;
        call = client.rename(session, QStringLiteral("OLDPHONE"), QStringLiteral("Phone / 2019 ü"),
            [&](const auto &r) { renamed.emplace(r); });
        QVERIFY(wait(renamed));
        QCOMPARE(server.deviceDisplayName(Alice, QStringLiteral("OLDPHONE")),
            QString::fromUtf8("Phone / 2019 ü"));
        listed.reset();
        call = client.list(session, [&](const auto &r) { listed.emplace(r); });
        devices = wait(listed);
        QCOMPARE(find(*devices, QStringLiteral("OLDPHONE")).displayName,
            QString::fromUtf8("Phone / 2019 ü"));

        // Renaming a device that is not there (or another user's) is the server's 404.
        renamed.reset();
        call = client.rename(session, QStringLiteral("BOBS"), QStringLiteral("mine now"),
            [&](const auto &r) { renamed.emplace(r); });
        const auto refused = wait(renamed);
        QVERIFY(!refused);
        QVERIFY(refused.error().is(u"M_NOT_FOUND"));
    }
    void cancelledCallNeverAnswersNorRetries_data()
    {
        addCancelRows({QStringLiteral("/_matrix/client/v3/devices")});
    }
    // Cancelling the returned Call ends the request, planned 429 retry included.
    void cancelledCallNeverAnswersNorRetries()
    {
        QFETCH(QString, path);
        QFETCH(int, when);
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        bool answered = false;
        Matrix::Call call;
        const int after = requestsAfterCancel(
            network, server, path, CancelWhen(when),
            [&] {
                call = Session::DeviceClient(network).list(
                    session, [&](const auto &) { answered = true; });
            },
            [&] { call.cancel(); });
        QCOMPARE(after, 0);
        QVERIFY(!answered);
        QVERIFY(!call.isActive());
    }
    void listWithAnInvalidTokenFails()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        Session::Session session;
        session.userId = Alice;
        session.deviceId = QStringLiteral("X");
        session.accessToken = QStringLiteral("syt_nope");
        session.baseUrl = server.baseUrl();
        std::optional<Matrix::Expected<QList<Session::Device>, Matrix::Error>> listed;
        const Matrix::Call call = Session::DeviceClient(network).list(
            session, [&](const auto &r) { listed.emplace(r); });
        const auto result = wait(listed);
        QVERIFY(!result);
        QVERIFY(result.error().is(u"M_UNKNOWN_TOKEN"));
    }
    void deleteRequestBuilders()
    {
        Session::Session session;
        session.accessToken = QStringLiteral("tok");
        session.baseUrl = QUrl(QStringLiteral("https://hs.example.org/prefix/"));
        const QJsonObject auth{{QStringLiteral("session"), QStringLiteral("S")}};

        auto request = Session::DeviceClient::deleteDeviceRequest(session, QStringLiteral("A/B?"));
        QCOMPARE(request.verb, QByteArray("DELETE"));
        QCOMPARE(request.url.toString(QUrl::FullyEncoded),
            QStringLiteral("https://hs.example.org/prefix/_matrix/client/v3/devices/A%2FB%3F"));
        QCOMPARE(request.accessToken, QStringLiteral("tok"));
        QCOMPARE(request.maxRedirects, 0);
        QVERIFY(!request.json.contains(u"auth"));
        request = Session::DeviceClient::deleteDeviceRequest(session, QStringLiteral("A"), auth);
        QCOMPARE(request.json.value(u"auth").toObject(), auth);

        request = Session::DeviceClient::deleteDevicesRequest(
            session, {QStringLiteral("A"), QStringLiteral("B")}, auth);
        QCOMPARE(request.verb, QByteArray("POST"));
        QCOMPARE(request.url.path(), QStringLiteral("/prefix/_matrix/client/v3/delete_devices"));
        QCOMPARE(request.json.value(u"devices").toArray(),
            (QJsonArray{QStringLiteral("A"), QStringLiteral("B")}));
        QCOMPARE(request.json.value(u"auth").toObject(), auth);
    }
};

QTEST_GUILESS_MAIN(TestDeviceClient)
#include "tst_deviceclient.moc"
