// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// One Portico per session, through D-Bus activation (org.freedesktop.Application under
// dev.portico.Portico on the session bus), run as the built binary: two starts at once leave
// exactly one; a second start or the desktop hands over a portico:// link and an activation
// token; and the old local-socket takeover (a name under /tmp another user could take first)
// leads nowhere.
#include "appdriver.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDir>
#include <QDirIterator>
#include <QLocalServer>
#include <QLocalSocket>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {
const QString AppId = QStringLiteral("dev.portico.Portico");

QDBusMessage applicationCall(const QString &method)
{
    return QDBusMessage::createMethodCall(AppId, QStringLiteral("/dev/portico/Portico"),
        QStringLiteral("org.freedesktop.Application"), method);
}

// Waits until the app's stderr, read so far and from now on, holds `text`.
bool stderrShows(QProcess &app, QByteArray &soFar, const QByteArray &text)
{
    return QTest::qWaitFor(
        [&] {
            soFar += app.readAllStandardError();
            return soFar.contains(text);
        },
        15000);
}

qint64 ownerPid()
{
    const QDBusReply<uint> pid = QDBusConnection::sessionBus().interface()->servicePid(AppId);
    return pid.isValid() ? qint64(pid.value()) : -1;
}
} // namespace

class TestE2eInstance : public QObject
{
    Q_OBJECT
    QTemporaryDir scratch;
    AppDriver driver{scratch};

    std::unique_ptr<QProcess> startFirst(const QProcessEnvironment &env = {})
    {
        auto app = driver.launch({}, {}, {}, env);
        QString output;
        if (AppDriver::waitForLine(*app, QStringLiteral("ready"), output).isEmpty())
            qWarning("no ready line: %s %s", qPrintable(output),
                qPrintable(QString::fromUtf8(app->readAllStandardError())));
        return app;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        if (qEnvironmentVariableIsEmpty("DISPLAY")
            || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL("needs a display and a D-Bus session: run it through scripts/test");
    }

    void init()
    {
        // Nothing of an earlier test still owns the name.
        QTRY_VERIFY_WITH_TIMEOUT(
            !QDBusConnection::sessionBus().interface()->isServiceRegistered(AppId).value(), 15000);
    }

    void twoStartsAtOnceLeaveExactlyOne()
    {
        auto a = driver.launch({});
        auto b = driver.launch({});
        QTRY_VERIFY_WITH_TIMEOUT(
            a->state() == QProcess::NotRunning || b->state() == QProcess::NotRunning, 30000);
        QProcess &gone = a->state() == QProcess::NotRunning ? *a : *b;
        QProcess &stays = &gone == a.get() ? *b : *a;
        QCOMPARE(gone.exitStatus(), QProcess::NormalExit);
        QCOMPARE(gone.exitCode(), 0);
        QVERIFY(!gone.readAllStandardOutput().contains("ready"));
        QString output;
        QVERIFY2(!AppDriver::waitForLine(stays, QStringLiteral("activated"), output).isEmpty(),
            qPrintable(output + QString::fromUtf8(stays.readAllStandardError())));
        QVERIFY(output.contains(QStringLiteral("ready")));
        QCOMPARE(stays.state(), QProcess::Running);
        QCOMPARE(ownerPid(), stays.processId());
        AppDriver::stop(stays);
    }

    // A second start hands its link over, with the activation token it was started with.
    void secondStartHandsOverLinkAndToken()
    {
        auto first = startFirst();
        QCOMPARE(ownerPid(), first->processId());
        QProcessEnvironment env;
        env.insert(QStringLiteral("XDG_ACTIVATION_TOKEN"), QStringLiteral("token-from-launcher"));
        auto second = driver.launch(
            {QStringLiteral("portico://sso/callback/nonce?loginToken=t")}, {}, {}, env);
        QVERIFY(second->waitForFinished(20000));
        QCOMPARE(second->exitCode(), 0);
        QVERIFY(!second->readAllStandardOutput().contains("ready"));
        QString output;
        QVERIFY(!AppDriver::waitForLine(*first, QStringLiteral("activated"), output).isEmpty());
        QByteArray errors;
        QVERIFY2(
            stderrShows(*first, errors, "activated with an activation token"), errors.constData());
        AppDriver::stop(*first);
    }

    // The desktop activates a DBusActivatable application itself: Open and Activate on the bus.
    void desktopCallsOpenAndActivate()
    {
        auto first = startFirst();
        QDBusMessage activate = applicationCall(QStringLiteral("Activate"));
        activate << QVariantMap{
            {QStringLiteral("desktop-startup-id"), QStringLiteral("x11-startup-id")}};
        QCOMPARE(QDBusConnection::sessionBus().call(activate, QDBus::Block, 10000).type(),
            QDBusMessage::ReplyMessage);
        QString output;
        QVERIFY(!AppDriver::waitForLine(*first, QStringLiteral("activated"), output).isEmpty());
        // Only portico:// links are taken; anything else is not opened.
        QDBusMessage open = applicationCall(QStringLiteral("Open"));
        open << QStringList{QStringLiteral("file:///etc/passwd")} << QVariantMap{};
        QCOMPARE(QDBusConnection::sessionBus().call(open, QDBus::Block, 10000).type(),
            QDBusMessage::ReplyMessage);
        QByteArray errors;
        QVERIFY2(stderrShows(*first, errors, "ignoring a non-portico:// link"), errors.constData());
        AppDriver::stop(*first);
    }

    // Another program already owns the name (and is not Portico): Portico says so and runs.
    void anotherOwnerOfTheName()
    {
        QDBusConnection other
            = QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("other"));
        QVERIFY(other.registerService(AppId));
        const auto release = qScopeGuard([&other] {
            other.unregisterService(AppId);
            QDBusConnection::disconnectFromBus(QStringLiteral("other"));
        });
        auto app = driver.launch({});
        QString output;
        QVERIFY2(!AppDriver::waitForLine(*app, QStringLiteral("ready"), output).isEmpty(),
            qPrintable(output));
        QByteArray errors;
        QVERIFY2(stderrShows(*app, errors, "Another program owns dev.portico.Portico"),
            errors.constData());
        AppDriver::stop(*app);
    }

    // The old channel was a local socket named under the runtime folder, or under /tmp when that
    // was unusable; another local user could listen there first and be handed the sign-in link.
    // Here that user's listener waits at the old name, the runtime folder made unusable the way
    // such a user could (owned by someone else): Portico neither talks to it nor leaves a socket.
    void oldSocketTakeoverLeadsNowhere()
    {
        if (::geteuid() != 0)
            QFAIL("needs root, to hand the runtime folder to another user (nobody)");
        const QString tmp = scratch.filePath(QStringLiteral("tmp"));
        QVERIFY(QDir().mkpath(tmp + QStringLiteral("/runtime-root")));
        QVERIFY(::chown(QFile::encodeName(tmp + QStringLiteral("/runtime-root")).constData(), 65534,
                    65534)
            == 0);
        QLocalServer squatter;
        squatter.setSocketOptions(QLocalServer::WorldAccessOption);
        const QString oldName
            = tmp + QStringLiteral("/dev.portico.Portico.instance-") + QString::number(::getuid());
        QVERIFY(squatter.listen(oldName));
        QList<QByteArray> received;
        connect(&squatter, &QLocalServer::newConnection, this, [&] {
            while (QLocalSocket *socket = squatter.nextPendingConnection())
                connect(socket, &QLocalSocket::readyRead, socket, [socket, &received] {
                    received.append(socket->readAll());
                    socket->write("ok\n"); // what the real instance answered
                });
        });

        QProcessEnvironment env;
        env.insert(QStringLiteral("TMPDIR"), tmp);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), QString());
        auto first = driver.launch({}, {}, {}, env);
        QString output;
        QVERIFY2(!AppDriver::waitForLine(*first, QStringLiteral("ready"), output).isEmpty(),
            qPrintable(output + QString::fromUtf8(first->readAllStandardError()) + u' '
                + QString::fromUtf8(received.join(' '))));
        auto second = driver.launch(
            {QStringLiteral("portico://sso/callback/n?loginToken=secret")}, {}, {}, env);
        QVERIFY(second->waitForFinished(20000));
        QCOMPARE(second->exitCode(), 0);
        QVERIFY(!AppDriver::waitForLine(*first, QStringLiteral("activated"), output).isEmpty());
        QCoreApplication::processEvents();
        QCOMPARE(received, QList<QByteArray>());
        // And Portico made no socket of its own anywhere under the temporary folder.
        QStringList sockets;
        QDirIterator it(
            tmp, QDir::System | QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            if (const QString path = it.next(); path != oldName)
                sockets << path;
        QCOMPARE(sockets, QStringList());
        AppDriver::stop(*first);
    }
};

QTEST_GUILESS_MAIN(TestE2eInstance)
#include "tst_e2e_instance.moc"
