// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// `portico --version` and `portico --help`, run as the built binary: they print and exit without
// needing a display, and --help speaks the user's language.
#include <QProcess>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// No display at all, as on a server or in a package build: these options must not need one.
Run run(const QStringList &arguments, const QMap<QString, QString> &env = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "QT_LOGGING_RULES",
             "LANGUAGE", "LC_ALL", "LC_MESSAGES"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (auto it = env.begin(); it != env.end(); ++it)
        environment.insert(it.key(), it.value());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PORTICO_BINARY), arguments);
    Run result;
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}
} // namespace

class TestCliOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version_data()
    {
        QTest::addColumn<QString>("option");
        QTest::newRow("long") << "--version";
        QTest::newRow("short") << "-v";
    }
    void version()
    {
        QFETCH(QString, option);
        const Run r = run({option});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out, QStringLiteral("Portico " PORTICO_VERSION "\n"));
    }

    void help()
    {
        const Run r = run({QStringLiteral("--help")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: ")), qPrintable(r.out));
        QVERIFY(
            r.out.contains(QStringLiteral("Sign in to Matrix homeservers with single sign-on.")));
        for (const char *option :
            {"--server <server>", "--idp <id>", "--ephemeral", "--verbose", "--version", "--help"})
            QVERIFY2(r.out.contains(QString::fromLatin1(option)), option);
        QVERIFY(r.out.contains(QStringLiteral("A portico:// sign-in link")));
    }

    // The same help in German under a German locale, however the locale is given.
    void helpInGerman_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::newRow("LANG") << "LANG"
                              << "de_DE.UTF-8";
        QTest::newRow("LANGUAGE") << "LANGUAGE"
                                  << "de";
        QTest::newRow("LC_ALL, Austria") << "LC_ALL"
                                         << "de_AT.UTF-8";
    }
    void helpInGerman()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        const Run r = run({QStringLiteral("--help")}, {{variable, value}});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Sofort mit diesem Identitätsanbieter anmelden.")),
            qPrintable(r.out));
        QVERIFY(
            r.out.contains(QStringLiteral("Bei Matrix-Homeservern mit Single Sign-on anmelden.")));
        QVERIFY(!r.out.contains(QStringLiteral("Sign in with this identity provider right away.")));
    }

    // English comes first in LANGUAGE: English, although German is listed too.
    void englishFirstStaysEnglish()
    {
        const Run r = run({QStringLiteral("--help")},
            {{QStringLiteral("LANGUAGE"), QStringLiteral("en:de")},
                {QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8")}});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Sign in with this identity provider right away.")),
            qPrintable(r.out));
    }

    void unknownOptionFails()
    {
        const Run r = run({QStringLiteral("--no-such-option"), QStringLiteral("--help")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("no-such-option")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_cli_options.moc"
