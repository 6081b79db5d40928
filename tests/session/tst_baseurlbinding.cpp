// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "session/baseurlbinding.h"

#include "cancelcheck.h"
#include "cannedserver.h"
#include "devserver.h"
#include "devsession.h"

#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

using namespace Portico;
using Source = Matrix::LoginResponse::BaseUrlSource;

class TestBaseUrlBinding : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;
    Discovery::Homeserver portal{QUrl(QStringLiteral("http://127.0.0.1:9")),
        Matrix::Versions{{QStringLiteral("v1.1")}, {}}, false};

    Session::BaseUrlBinding bind(const Matrix::LoginResponse &response)
    {
        std::optional<Session::BaseUrlBinding> result;
        Session::BaseUrlBinder binder(network);
        binder.start(portal, response, [&](const auto &b) { result = b; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            qFatal("no answer");
        return *result;
    }
    static Matrix::LoginResponse pointingAt(const QUrl &url, Source source = Source::WellKnown)
    {
        Matrix::LoginResponse response;
        response.baseUrlSource = source;
        response.baseUrl = url;
        return response;
    }

private Q_SLOTS:
    void neitherFieldStays()
    {
        const auto binding = bind(Matrix::LoginResponse{});
        QCOMPARE(binding.baseUrl, portal.baseUrl);
        QCOMPARE(binding.source, Source::None);
        QVERIFY(binding.warning.isEmpty());
    }
    void unusableFieldStaysAndSaysSo()
    {
        Matrix::LoginResponse response;
        response.baseUrlProblem = QStringLiteral("well_known: no m.homeserver");
        const auto binding = bind(response);
        QCOMPARE(binding.baseUrl, portal.baseUrl);
        QVERIFY(!binding.warning.isEmpty());
    }
    void validTargetIsBound_data()
    {
        QTest::addColumn<int>("source");
        QTest::newRow("well_known") << int(Source::WellKnown);
        QTest::newRow("base_cs_url") << int(Source::BaseCsUrl);
    }
    void validTargetIsBound()
    {
        QFETCH(int, source);
        DevServer target(DevServer::Config::demo());
        QVERIFY(target.start());
        const auto session = signInOnDevServer(network, target);
        target.clearRequestLog();
        Matrix::LoginResponse response = pointingAt(target.baseUrl(), Source(source));
        response.userId = session.userId;
        response.accessToken = session.accessToken;
        const auto binding = bind(response);
        QCOMPARE(binding.baseUrl, target.baseUrl());
        QCOMPARE(int(binding.source), source);
        QVERIFY(binding.warning.isEmpty());
        // It was checked with /versions, and only then asked whoami with the token.
        QStringList paths;
        for (const auto &request : target.requestLog())
            paths.append(request.path);
        QCOMPARE(paths,
            (QStringList{QStringLiteral("/_matrix/client/versions"),
                QStringLiteral("/_matrix/client/v3/account/whoami")}));
        QVERIFY(!target.requestLog().first().authenticated);
    }
    void destroyedBinderNeverAnswersNorRetries_data()
    {
        addCancelRows({QStringLiteral("/_matrix/client/versions"),
            QStringLiteral("/_matrix/client/v3/account/whoami")});
    }
    // Destroying the binder at either step ends it: no answer, no retry, no next step.
    void destroyedBinderNeverAnswersNorRetries()
    {
        QFETCH(QString, path);
        QFETCH(int, when);
        DevServer target(DevServer::Config::demo());
        QVERIFY(target.start());
        const auto session = signInOnDevServer(network, target);
        Matrix::LoginResponse response = pointingAt(target.baseUrl());
        response.userId = session.userId;
        response.accessToken = session.accessToken;
        bool answered = false;
        auto binder = std::make_unique<Session::BaseUrlBinder>(network);
        const int after = requestsAfterCancel(
            network, target, path, CancelWhen(when),
            [&] { binder->start(portal, response, [&](const auto &) { answered = true; }); },
            [&] { binder.reset(); });
        QCOMPARE(after, 0);
        QVERIFY(!answered);
    }
    void targetThatDoesNotKnowTheSessionStays()
    {
        DevServer issuer(DevServer::Config::demo());
        DevServer stranger(DevServer::Config::demo());
        QVERIFY(issuer.start());
        QVERIFY(stranger.start());
        const auto session = signInOnDevServer(network, issuer);
        Matrix::LoginResponse response = pointingAt(stranger.baseUrl());
        response.userId = session.userId;
        response.accessToken = session.accessToken;
        const auto binding = bind(response);
        QCOMPARE(binding.baseUrl, portal.baseUrl);
        QVERIFY(binding.warning.contains(QStringLiteral("does not recognise")));
    }
    void sameUrlNeedsNoCheck()
    {
        const auto binding = bind(pointingAt(portal.baseUrl));
        QCOMPARE(binding.baseUrl, portal.baseUrl);
        QCOMPARE(binding.source, Source::WellKnown);
        QVERIFY(binding.warning.isEmpty());
    }
    void unreachableTargetStays()
    {
        quint16 port;
        {
            QTcpServer closed;
            closed.listen(QHostAddress::LocalHost, 0);
            port = closed.serverPort();
        }
        const auto binding
            = bind(pointingAt(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))));
        QCOMPARE(binding.baseUrl, portal.baseUrl);
        QVERIFY(binding.warning.contains(QStringLiteral("could not be reached")));
    }
    void plainHttpTargetStays()
    {
        Matrix::LoginResponse response
            = pointingAt(QUrl(QStringLiteral("http://matrix.example.org")));
        response.accessToken = QStringLiteral("must-not-travel-over-http");
        const auto binding = bind(response);
        QCOMPARE(binding.baseUrl, portal.baseUrl);
        QVERIFY(binding.warning.contains(QStringLiteral("not secure")));
    }
    void notAMatrixServerStays()
    {
        CannedServer web([](const QByteArray &) {
            return CannedServer::response(200, "<html>shop</html>", "text/html");
        });
        Matrix::LoginResponse response = pointingAt(web.url());
        response.userId = QStringLiteral("@alice:localhost");
        response.accessToken = QStringLiteral("syt_secret_for_the_homeserver_only");
        const auto binding = bind(response);
        QCOMPARE(binding.baseUrl, portal.baseUrl);
        QVERIFY(binding.warning.contains(QStringLiteral("not a Matrix server")));
        // The target's own log: it was asked /versions, and never saw the token.
        QVERIFY(!web.heads().isEmpty());
        for (const QByteArray &head : web.heads()) {
            QVERIFY2(head.startsWith("GET /_matrix/client/versions "), head.constData());
            QVERIFY(!head.contains("Authorization"));
            QVERIFY(!head.contains("syt_secret_for_the_homeserver_only"));
        }
    }
    void aDevServerThatIsNoHomeserverThereNeverSeesTheToken()
    {
        // A real homeserver's host, but the named URL answers /versions with 404: no token.
        DevServer::Config config = DevServer::Config::demo();
        DevServer::Config::Fault missing;
        missing.status = 404;
        missing.body = "<html>Not Found</html>";
        missing.contentType = "text/html";
        config.faults.insert(QStringLiteral("/_matrix/client/versions"), missing);
        DevServer target(config);
        QVERIFY(target.start());
        const auto session = signInOnDevServer(network, target);
        target.clearRequestLog();
        Matrix::LoginResponse response = pointingAt(target.baseUrl());
        response.userId = session.userId;
        response.accessToken = session.accessToken;
        const auto binding = bind(response);
        QCOMPARE(binding.baseUrl, portal.baseUrl);
        QVERIFY(!binding.warning.isEmpty());
        // The binding answers only after every request it made has been answered, so a whoami
        // sent beside /versions (the old behaviour) would be in the log by now.
        QCOMPARE(target.requestLog().size(), 1);
        QCOMPARE(target.requestLog().first().path, QStringLiteral("/_matrix/client/versions"));
    }
};

QTEST_GUILESS_MAIN(TestBaseUrlBinding)
#include "tst_baseurlbinding.moc"
