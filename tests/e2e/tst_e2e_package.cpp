// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The Debian package as a user gets it: built with cpack, unpacked with dpkg-deb into a scratch
// folder, its binary run from there (a sign-in against the development homeserver, on the real
// display and keyring of scripts/test), its desktop entry and metainfo checked.
#include "appdriver.h"
#include "devserver.h"
#include "scriptedbrowser.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments, int timeout = 60000,
    const QString &workingDirectory = {})
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    Run result;
    const bool done
        = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeout);
    if (!done) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QStringList commaList(const QString &field)
{
    QStringList names;
    for (const QString &item : field.split(u',', Qt::SkipEmptyParts))
        names << item.trimmed().section(u' ', 0, 0); // "libc6 (>= 2.34)" -> "libc6"
    return names;
}
} // namespace

class TestE2ePackage : public QObject
{
    Q_OBJECT

    QTemporaryDir scratch;
    QString deb;
    QString root; // the unpacked package
    AppDriver driver{scratch};

    QString unpacked(const QString &path) const { return root + u'/' + path; }
    QString controlField(const QString &name) const
    {
        return run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), deb, name}).out.trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        const QString out = scratch.filePath(QStringLiteral("package"));
        const Run cpack = run(QStringLiteral(CPACK_COMMAND),
            {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                QStringLiteral(BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), out},
            240000, QStringLiteral(BUILD_DIR));
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.out + cpack.err));
        const QStringList debs = QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        deb = QDir(out).filePath(debs.first());
        QCOMPARE(debs.first(), QStringLiteral("portico_" PORTICO_VERSION "_amd64.deb"));

        root = scratch.filePath(QStringLiteral("root"));
        const Run extract = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb, root});
        QVERIFY2(extract.exitCode == 0, qPrintable(extract.err));
        driver.setBinary(unpacked(QStringLiteral("usr/bin/portico")));
    }

    void controlFields()
    {
        QCOMPARE(controlField(QStringLiteral("Package")), QStringLiteral("portico"));
        QCOMPARE(controlField(QStringLiteral("Version")), QStringLiteral(PORTICO_VERSION));
        const QStringList depends = commaList(controlField(QStringLiteral("Depends")));
        // From dpkg-shlibdeps: the libraries the binary links.
        for (const char *library : {"libc6", "libqt6core6", "libqt6gui6", "libqt6network6",
                 "libqt6qml6", "libqt6quick6", "libqt6dbus6", "libqt6keychain1"})
            QVERIFY2(depends.contains(QString::fromLatin1(library)),
                qPrintable(QStringLiteral("%1 missing from %2")
                               .arg(QString::fromLatin1(library), depends.join(u' '))));
        // The QML modules it loads at run time, which shlibdeps cannot see.
        for (const char *module :
            {"qml6-module-qtqml", "qml6-module-qtqml-workerscript", "qml6-module-qtquick",
                "qml6-module-qtquick-controls", "qml6-module-qtquick-templates",
                "qml6-module-qtquick-layouts", "qml6-module-qtquick-window"})
            QVERIFY2(depends.contains(QString::fromLatin1(module)), module);
        // The compiled QML is tied to this Qt release.
        QVERIFY2(controlField(QStringLiteral("Depends"))
                     .contains(QStringLiteral("qt6-declarative-abi (= %1)")
                                   .arg(QString::fromLatin1(qVersion()))),
            qPrintable(controlField(QStringLiteral("Depends"))));
        QVERIFY(commaList(controlField(QStringLiteral("Recommends")).replace(u'|', u','))
                    .contains(QStringLiteral("gnome-keyring")));
    }

    // What is installed, and nothing more: no test, no development homeserver.
    void contents()
    {
        QVERIFY(QFileInfo(unpacked(QStringLiteral("usr/bin/portico"))).isExecutable());
        QCOMPARE(QDir(unpacked(QStringLiteral("usr/bin"))).entryList(QDir::Files),
            QStringList{QStringLiteral("portico")});
        QVERIFY(QFile::exists(
            unpacked(QStringLiteral("usr/share/metainfo/dev.portico.Portico.metainfo.xml"))));
        QVERIFY(QFile::exists(unpacked(
            QStringLiteral("usr/share/icons/hicolor/scalable/apps/dev.portico.Portico.svg"))));
        for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
            const QString png = unpacked(
                QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/dev.portico.Portico.png")
                    .arg(size));
            QVERIFY2(QFile::exists(png), qPrintable(png));
        }
        QStringList all;
        QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            all << it.next().mid(root.size() + 1);
        for (const QString &file : all)
            QVERIFY2(
                file.startsWith(u"usr/bin/") || file.startsWith(u"usr/share/"), qPrintable(file));
    }

    // The desktop entry registers portico:// and passes the link on (%u).
    void desktopEntry()
    {
        const QString path
            = unpacked(QStringLiteral("usr/share/applications/dev.portico.Portico.desktop"));
        QSettings entry(path, QSettings::IniFormat);
        entry.beginGroup(QStringLiteral("Desktop Entry"));
        QCOMPARE(entry.value(QStringLiteral("Exec")).toString(), QStringLiteral("portico %u"));
        QCOMPARE(
            entry.value(QStringLiteral("Icon")).toString(), QStringLiteral("dev.portico.Portico"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        // portico:// for SSO links, dev.portico: for the OAuth private-use redirect.
        QVERIFY(
            text.contains("\nMimeType=x-scheme-handler/portico;x-scheme-handler/dev.portico;\n"));
        // Started and found through D-Bus activation, under the app ID.
        QCOMPARE(entry.value(QStringLiteral("DBusActivatable")).toString(), QStringLiteral("true"));
        const Run validate = run(QStringLiteral("desktop-file-validate"), {path});
        QVERIFY2(validate.exitCode == 0, qPrintable(validate.out + validate.err));
        const Run appstream = run(QStringLiteral("appstreamcli"),
            {QStringLiteral("validate"), QStringLiteral("--no-net"),
                unpacked(QStringLiteral("usr/share/metainfo/dev.portico.Portico.metainfo.xml"))});
        QVERIFY2(appstream.exitCode == 0, qPrintable(appstream.out + appstream.err));
    }

    // The session bus starts the installed binary when the desktop activates dev.portico.Portico.
    void dbusService()
    {
        QFile file(
            unpacked(QStringLiteral("usr/share/dbus-1/services/dev.portico.Portico.service")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QCOMPARE(
            text, QByteArray("[D-BUS Service]\nName=dev.portico.Portico\nExec=/usr/bin/portico\n"));
    }

    void version()
    {
        const Run r = run(driver.binary(), {QStringLiteral("--version")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("Portico " PORTICO_VERSION "\n"));
    }

    void signIn()
    {
        if (qEnvironmentVariableIsEmpty("DISPLAY")
            || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL(
                "needs a display and a D-Bus session with a keyring: run it through scripts/test");
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        auto app = driver.launch({QStringLiteral("--server"), server.baseUrl().toString(),
            QStringLiteral("--idp"), QStringLiteral("github")});
        const QUrl opened = driver.waitForOpenedUrl();
        QVERIFY2(opened.isValid(), "the unpacked app never opened the browser");
        QString output;
        const QStringList signedIn = AppDriver::signInInBrowser(*app, opened, output);
        QVERIFY2(!signedIn.isEmpty(), qPrintable(output));
        QCOMPARE(signedIn.value(1), QStringLiteral("@alice:localhost"));
        QVERIFY(server.devicesOf(QStringLiteral("@alice:localhost")).contains(signedIn.value(2)));
        AppDriver::stop(*app);
    }
};

QTEST_GUILESS_MAIN(TestE2ePackage)
#include "tst_e2e_package.moc"
