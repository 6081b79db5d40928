// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// `portico sign-in SERVER --device`, run as the built binary against the development
// homeserver's OAuth mode: the test plays the phone that approves the printed code.
#include "devoauth.h"
#include "devserver.h"
#include "storedsecret.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestCliSignIn : public QObject
{
    Q_OBJECT
    QTemporaryDir scratch;
    QNetworkAccessManager network;

    std::unique_ptr<QProcess> start(const QStringList &arguments)
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), scratch.filePath(QStringLiteral("config")));
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(PORTICO_BINARY), arguments);
        return process;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("needs a D-Bus session with a keyring: run it through scripts/test");
    }

    void deviceGrantFromATerminal()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.oauth = true;
        DevServer server(config);
        QVERIFY(server.start());
        server.oauth()->options().deviceIntervalSeconds = 1;
        auto process = start(
            {QStringLiteral("sign-in"), server.baseUrl().toString(), QStringLiteral("--device")});
        QString out;
        static const QRegularExpression codeLine(
            QStringLiteral("^code (\\S+)$"), QRegularExpression::MultilineOption);
        QString code;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         out += QString::fromUtf8(process->readAllStandardOutput());
                         code = codeLine.match(out).captured(1);
                         return !code.isEmpty() || process->state() == QProcess::NotRunning;
                     },
                     20000)
                && !code.isEmpty(),
            qPrintable(out + QString::fromUtf8(process->readAllStandardError())));
        QVERIFY(out.contains(QStringLiteral("/_oauth/link")));
        QVERIFY(out.contains(QChar(0x2588))); // the QR code, as text

        // The phone approves the code.
        QNetworkRequest request(QUrl(server.baseUrl().toString() + QStringLiteral("/_oauth/link")));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
            QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = network.post(request, "code=" + code.toUtf8() + "&decision=allow");
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();

        QVERIFY(QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, 30000));
        out += QString::fromUtf8(process->readAllStandardOutput());
        QVERIFY2(process->exitCode() == 0,
            qPrintable(QString::fromUtf8(process->readAllStandardError())));
        static const QRegularExpression signedIn(QStringLiteral("^signed-in (\\S+) (\\S+) (\\S+)$"),
            QRegularExpression::MultilineOption);
        const auto match = signedIn.match(out);
        QVERIFY2(match.hasMatch(), qPrintable(out));
        QCOMPARE(match.captured(1), QStringLiteral("@alice:localhost"));
        const QJsonObject secret = storedSecret(match.captured(1) + u'/' + match.captured(2));
        QVERIFY(server.isAccessTokenValid(secret.value(u"access_token").toString()));
        QVERIFY(!out.contains(secret.value(u"access_token").toString()));
    }

    void notOnALegacyServer()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        auto process = start(
            {QStringLiteral("sign-in"), server.baseUrl().toString(), QStringLiteral("--device")});
        QVERIFY(QTest::qWaitFor([&] { return process->state() == QProcess::NotRunning; }, 20000));
        QCOMPARE(process->exitCode(), 1);
        QVERIFY(process->readAllStandardError().contains("does not offer"));
    }
};

QTEST_GUILESS_MAIN(TestCliSignIn)
#include "tst_cli_signin.moc"
