// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// `portico providers SERVER`, run as the built binary against the development homeserver and
// its faults.
#include "devserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QJsonObject json;
    QString error;
};
} // namespace

class TestCliProviders : public QObject
{
    Q_OBJECT

    // The server runs in this process, so the command runs while the event loop turns.
    static Run run(const QString &server)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(
            QStringLiteral("QT_LOGGING_RULES")); // the suite's debug logging would fill stderr
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(PORTICO_BINARY), {QStringLiteral("providers"), server});
        const bool done
            = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000);
        Run result;
        if (!done)
            return result;
        result.exitCode = process.exitCode();
        result.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        result.error = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

private Q_SLOTS:
    void demoProviders()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const Run r = run(server.baseUrl().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.error));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.json[u"base_url"].toString(), server.baseUrl().toString());
        const QJsonArray idps = r.json[u"identity_providers"].toArray();
        QCOMPARE(idps.size(), 4);
        QCOMPARE(idps[0][u"id"].toString(), QStringLiteral("github"));
        QCOMPARE(idps[0][u"brand"].toString(), QStringLiteral("github"));
        QCOMPARE(idps[1][u"icon_url"].toString(),
            server.baseUrl().toString()
                + QStringLiteral("/_matrix/media/v3/download/localhost/keycloakIcon"));
        QCOMPARE(idps[3][u"redirect_url"].toString(),
            server.baseUrl().toString()
                + QStringLiteral("/_matrix/client/v3/login/sso/redirect/university"));
    }
    void oddProvidersFromTheServer()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.loginFlows = QJsonObject{{QStringLiteral("flows"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.sso")},
                {QStringLiteral("identity_providers"),
                    QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("a b/c")},
                                   {QStringLiteral("name"), QStringLiteral("Spaces")}},
                        QJsonObject{{QStringLiteral("id"), QStringLiteral("a b/c")},
                            {QStringLiteral("name"), QStringLiteral("Duplicate")}},
                        QJsonObject{{QStringLiteral("id"), QString()}},
                        QJsonObject{{QStringLiteral("id"), QStringLiteral("x")},
                            {QStringLiteral("brand"), QStringLiteral("org.matrix.apple")}}}}}}}};
        DevServer server(config);
        QVERIFY(server.start());
        const Run r = run(server.baseUrl().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.error));
        const QJsonArray idps = r.json[u"identity_providers"].toArray();
        QCOMPARE(idps.size(), 2);
        QVERIFY(
            idps[0][u"redirect_url"].toString().endsWith(QStringLiteral("/redirect/a%20b%2Fc")));
        QCOMPARE(idps[1][u"name"].toString(), QStringLiteral("x"));
        QCOMPARE(idps[1][u"brand"].toString(), QStringLiteral("apple"));
        QCOMPARE(r.json[u"warnings"].toArray().size(), 2);
    }
    void ssoWithoutProviders()
    {
        // Synapse with one SSO provider and no MSC2858: "sso": true and nothing to open but the
        // generic redirect, where the server picks the provider.
        DevServer::Config config = DevServer::Config::demo();
        config.loginFlows = QJsonObject{{QStringLiteral("flows"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.sso")}},
                QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.token")}}}}};
        DevServer server(config);
        QVERIFY(server.start());
        const Run r = run(server.baseUrl().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.error));
        QVERIFY(r.json[u"sso"].toBool());
        QCOMPARE(r.json[u"identity_providers"].toArray().size(), 0);
        QCOMPARE(r.json[u"sso_redirect_url"].toString(),
            server.baseUrl().toString() + QStringLiteral("/_matrix/client/v3/login/sso/redirect"));
    }
    void noSsoNoRedirect()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.loginFlows = QJsonObject{{QStringLiteral("flows"),
            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.password")}}}}};
        DevServer server(config);
        QVERIFY(server.start());
        const Run r = run(server.baseUrl().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.error));
        QVERIFY(!r.json[u"sso"].toBool());
        QVERIFY(!r.json.contains(u"sso_redirect_url"));
    }
    // "localhost:8008" typed for a development server on plain http: told at once that it does
    // not speak https there, and which address to type instead.
    void plainHttpServerTypedWithoutScheme()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const QString typed = QStringLiteral("localhost:%1").arg(server.baseUrl().port());
        QElapsedTimer clock;
        clock.start();
        const Run r = run(typed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(clock.elapsed() < 15000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY2(r.error.contains(QStringLiteral(
                     "The server does not speak https at this address: it answers in plain http.")),
            qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("If it is your own test server, enter http://")
                     + typed + QStringLiteral(" instead.")),
            qPrintable(r.error));
        QVERIFY2(!r.error.contains(u"device not open"), qPrintable(r.error));
    }
    void faults_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("redirectTo");
        QTest::addColumn<QString>("message");
        QTest::newRow("versions 500") << "/_matrix/client/versions" << 500 << "oops"
                                      << ""
                                      << "HTTP 500";
        QTest::newRow("versions not json") << "/_matrix/client/versions" << 200 << "<html>"
                                           << ""
                                           << "No Matrix homeserver";
        QTest::newRow("versions redirect loop") << "/_matrix/client/versions" << 0 << ""
                                                << "/_matrix/client/versions"
                                                << "could not be reached";
        QTest::newRow("flows malformed") << "/_matrix/client/v3/login" << 200 << "{\"flows\": 3}"
                                         << ""
                                         << "does not understand";
        QTest::newRow("flows 404 twice") << "/_matrix/client/r0/login" << 404 << "{}"
                                         << ""
                                         << "HTTP 404";
        QTest::newRow("flows rate limited for long")
            << "/_matrix/client/v3/login" << 429
            << "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"retry_after_ms\":600000}"
            << ""
            << "busy";
    }
    void faults()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, body);
        QFETCH(QString, redirectTo);
        QFETCH(QString, message);
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault fault;
        fault.status = status;
        fault.body = body.toUtf8();
        fault.redirectTo = redirectTo;
        config.faults.insert(path, fault);
        if (path.contains(QStringLiteral("r0")))
            config.faults.insert(QStringLiteral("/_matrix/client/v3/login"), fault);
        DevServer server(config);
        QVERIFY(server.start());
        const Run r = run(server.baseUrl().toString());
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.json.isEmpty());
        QVERIFY2(r.error.contains(message), qPrintable(r.error));
    }
    void shortRateLimitIsRetried()
    {
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault fault;
        fault.status = 429;
        fault.body = R"({"errcode":"M_LIMIT_EXCEEDED"})";
        fault.retryAfter = "1";
        fault.times = 1;
        config.faults.insert(QStringLiteral("/_matrix/client/v3/login"), fault);
        DevServer server(config);
        QVERIFY(server.start());
        const Run r = run(server.baseUrl().toString());
        QVERIFY2(r.exitCode == 0, qPrintable(r.error));
        QCOMPARE(r.json[u"identity_providers"].toArray().size(), 4);
    }
    void badInput()
    {
        const Run r = run(QStringLiteral("@nope"));
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.error.contains(QStringLiteral("Matrix ID")));
    }
};

QTEST_GUILESS_MAIN(TestCliProviders)
#include "tst_cli_providers.moc"
