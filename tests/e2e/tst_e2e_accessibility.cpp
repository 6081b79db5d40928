// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: what a screen reader sees. The app binary runs with its AT-SPI bridge on, and a
// probe reads its tree through the real registry (tests/e2e/atspi-probe, pyatspi), as Orca
// would: every button and field has a name, buttons on a page are told apart by their names,
// decorative glyphs are not read out, and a user who only has the screen reader signs in and
// opens the devices page by activating buttons through AT-SPI.
#include "appdriver.h"
#include "devserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

namespace {
struct Node
{
    int depth = 0;
    QString role;
    QString name;
    QStringList states;
};

// Runs the probe with the event loop going (the development homeserver lives in this process).
int probe(qint64 pid, const QStringList &arguments, QByteArray *out = nullptr)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(E2E_ATSPI_PROBE), QStringList{QString::number(pid)} + arguments);
    if (!finished.wait(30000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    if (out)
        *out = process.readAllStandardOutput();
    const QByteArray errors = process.readAllStandardError();
    if (!errors.isEmpty())
        qWarning("atspi-probe: %s", errors.constData());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

QList<Node> tree(qint64 pid)
{
    QByteArray out;
    if (probe(pid, {QStringLiteral("dump")}, &out) != 0)
        return {};
    QList<Node> nodes;
    for (const QByteArray &line : out.split('\n')) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() != 4)
            continue;
        nodes.append({fields[0].toInt(), QString::fromUtf8(fields[1]), QString::fromUtf8(fields[2]),
            QString::fromUtf8(fields[3]).split(u',', Qt::SkipEmptyParts)});
    }
    return nodes;
}

bool hasButton(const QList<Node> &nodes, const QString &name)
{
    return std::any_of(nodes.cbegin(), nodes.cend(),
        [&](const Node &node) { return node.role == u"push button" && node.name == name; });
}

QString describe(const QList<Node> &nodes)
{
    QStringList lines;
    for (const Node &node : nodes)
        lines << QString(node.depth * 2, u' ') + node.role + QStringLiteral(" '") + node.name
                + u'\'';
    return lines.join(u'\n');
}

// What every page must give a screen reader: names on whatever can be activated or typed
// into, no two buttons with the same name, and no lone letters read out (the providers'
// glyphs are decoration).
void checkPage(const QList<Node> &nodes)
{
    QVERIFY(!nodes.isEmpty());
    QStringList buttons;
    for (const Node &node : nodes) {
        const bool control = node.role == u"push button" || node.role == u"check box"
            || node.role == u"text" || node.role == u"password text" || node.role == u"list";
        if (control)
            QVERIFY2(!node.name.trimmed().isEmpty(),
                qPrintable(node.role + QStringLiteral(" without a name in\n") + describe(nodes)));
        if (node.role == u"push button") {
            QVERIFY2(!buttons.contains(node.name),
                qPrintable(QStringLiteral("two buttons called '") + node.name
                    + QStringLiteral("' in\n") + describe(nodes)));
            buttons << node.name;
        }
        if (node.role == u"label")
            QVERIFY2(node.name.trimmed().size() != 1,
                qPrintable(QStringLiteral("a lone letter read out in\n") + describe(nodes)));
    }
}
} // namespace

class TestE2eAccessibility : public QObject
{
    Q_OBJECT
    QTemporaryDir scratch;
    AppDriver driver{scratch};

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        if (qEnvironmentVariableIsEmpty("DISPLAY"))
            QFAIL("needs a display: run it through scripts/test");
        // The accessibility bus is started on demand, as a desktop session does at login; the
        // app's bridge looks for it when it starts.
        QProcess bus;
        bus.start(QStringLiteral("gdbus"),
            {QStringLiteral("call"), QStringLiteral("--session"), QStringLiteral("--dest"),
                QStringLiteral("org.a11y.Bus"), QStringLiteral("--object-path"),
                QStringLiteral("/org/a11y/bus"), QStringLiteral("--method"),
                QStringLiteral("org.a11y.Bus.GetAddress")});
        QVERIFY(bus.waitForFinished(30000));
        QVERIFY2(bus.exitCode() == 0, bus.readAllStandardError().constData());
    }

    void screenReaderUserSignsIn()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.devices = QJsonArray{QJsonObject{{QStringLiteral("user"), QStringLiteral("alice")},
            {QStringLiteral("deviceId"), QStringLiteral("OLDPHONE")},
            {QStringLiteral("displayName"), QStringLiteral("Old phone")}}};
        DevServer server(config);
        QVERIFY(server.start());
        QProcessEnvironment env;
        env.insert(QStringLiteral("QT_LINUX_ACCESSIBILITY_ALWAYS_ON"), QStringLiteral("1"));
        auto app
            = driver.launch({QStringLiteral("--server"), server.baseUrl().toString()}, {}, {}, env);
        const auto cleanup = qScopeGuard([&app] { AppDriver::stop(*app); });
        const qint64 pid = app->processId();

        // The providers page.
        QList<Node> nodes;
        QTRY_VERIFY_WITH_TIMEOUT(
            hasButton(nodes = tree(pid), QStringLiteral("Continue with GitHub")), 20000);
        checkPage(nodes);
        if (QTest::currentTestFailed())
            return;
        for (const QString &name : {QStringLiteral("Continue with Company Keycloak"),
                 QStringLiteral("Continue with GitLab (early-draft https icon)"),
                 QStringLiteral("Continue with University login"),
                 QStringLiteral("Use another server")})
            QVERIFY2(hasButton(nodes, name),
                qPrintable(name + QStringLiteral(" missing in\n") + describe(nodes)));

        // Activated through AT-SPI: the browser opens on that provider.
        QCOMPARE(probe(pid, {QStringLiteral("press"), QStringLiteral("Continue with GitHub")}), 0);
        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY(opened.path().endsWith(u"/login/sso/redirect/github"));
        QString output;
        const QStringList signedIn = AppDriver::signInInBrowser(*app, opened, output);
        QVERIFY2(!signedIn.isEmpty(), qPrintable(output));

        // The signed-in page, then the devices page, opened the same way.
        QTRY_VERIFY_WITH_TIMEOUT(hasButton(nodes = tree(pid), QStringLiteral("Devices")), 20000);
        checkPage(nodes);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(hasButton(nodes, QStringLiteral("Sign out")));
        QVERIFY(hasButton(nodes, QStringLiteral("Add account")));
        QCOMPARE(probe(pid, {QStringLiteral("press"), QStringLiteral("Devices")}), 0);
        QCOMPARE(AppDriver::waitForLine(*app, QStringLiteral("devices"), output).value(1),
            QStringLiteral("2"));
        QTRY_VERIFY_WITH_TIMEOUT(
            hasButton(nodes = tree(pid), QStringLiteral("Remove Old phone")), 20000);
        checkPage(nodes);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(hasButton(nodes, QStringLiteral("Rename Old phone")), qPrintable(describe(nodes)));

        // A button a screen reader cannot find is not pressed.
        QCOMPARE(probe(pid, {QStringLiteral("press"), QStringLiteral("No such button")}), 2);
    }
};

QTEST_GUILESS_MAIN(TestE2eAccessibility)
#include "tst_e2e_accessibility.moc"
