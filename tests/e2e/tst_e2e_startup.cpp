// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: how the built `portico` starts. The scene graph users get (software unless they
// name another), and the benchmark hook (PORTICO_BENCH_FIRST_FRAME) leaves the work deferred to
// after the first frame on, so that benchmarks measure it (docs/performance.md), and the first
// page comes without a Quick Controls style.
#include "appdriver.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

class TestE2eStartup : public QObject
{
    Q_OBJECT

    QTemporaryDir scratch;
    AppDriver driver{scratch};

    // Starts the app with the benchmark hook and `environment` on top; returns its stdout lines
    // "first-frame …" and "deferred-done …", split at spaces, after it quit by itself.
    QList<QStringList> start(const QProcessEnvironment &environment)
    {
        QProcessEnvironment env = environment;
        env.insert(QStringLiteral("PORTICO_BENCH_FIRST_FRAME"), QStringLiteral("1"));
        auto app = driver.launch({QStringLiteral("--ephemeral")}, {}, {}, env);
        QString output;
        const QStringList frame
            = AppDriver::waitForLine(*app, QStringLiteral("first-frame"), output);
        const QStringList deferred
            = AppDriver::waitForLine(*app, QStringLiteral("deferred-done"), output);
        const bool quit = app->waitForFinished(15000);
        if (!quit)
            AppDriver::stop(*app);
        [&] {
            QVERIFY2(quit, "the benchmark hook did not quit the app");
            QCOMPARE(app->exitStatus(), QProcess::NormalExit);
            QCOMPARE(app->exitCode(), 0);
        }();
        if (QTest::currentTestFailed())
            qWarning("%s%s", qPrintable(output), app->readAllStandardError().constData());
        return {frame, deferred};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(scratch.isValid());
        if (qEnvironmentVariableIsEmpty("DISPLAY"))
            QFAIL("needs a display: run it through scripts/test");
    }

    void softwareSceneGraphUnlessAsked()
    {
        // As a user starts it: no QT_QUICK_BACKEND (empty is unset for Qt).
        QProcessEnvironment plain;
        plain.insert(QStringLiteral("QT_QUICK_BACKEND"), QString());
        plain.insert(QStringLiteral("QSG_RHI_BACKEND"), QString());
        const auto asUsers = start(plain);
        QCOMPARE(asUsers.value(0).value(2), QStringLiteral("software"));

        // QT_QUICK_BACKEND still wins: "rhi" is Qt's default scene graph (OpenGL here, on Mesa).
        // Under the sanitizers, Mesa's llvmpipe driver (dlopened, then unloaded) leaves 240 bytes
        // that LeakSanitizer cannot even name; it is not ours, and this test is about the choice.
        const QString noLeakCheck
            = qEnvironmentVariable("ASAN_OPTIONS") + QStringLiteral(":detect_leaks=0");
        QProcessEnvironment rhi;
        rhi.insert(QStringLiteral("ASAN_OPTIONS"), noLeakCheck);
        rhi.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("rhi"));
        rhi.insert(QStringLiteral("QSG_RHI_BACKEND"), QString());
        QCOMPARE(start(rhi).value(0).value(2), QStringLiteral("opengl"));

        // So does QSG_RHI_BACKEND, which names a GPU API.
        QProcessEnvironment api;
        api.insert(QStringLiteral("ASAN_OPTIONS"), noLeakCheck);
        api.insert(QStringLiteral("QT_QUICK_BACKEND"), QString());
        api.insert(QStringLiteral("QSG_RHI_BACKEND"), QStringLiteral("opengl"));
        QCOMPARE(start(api).value(0).value(2), QStringLiteral("opengl"));
    }

    void benchmarkHookKeepsDeferredWork()
    {
        const auto lines = start({});
        const QStringList frame = lines.value(0), deferred = lines.value(1);
        QVERIFY2(frame.size() >= 2, "no first-frame line");
        // The window and the first page are made on plain Qt Quick (qml/TextLabel.qml): a Quick
        // Controls style and QtQuick.Templates load with the pages compiled after the first frame.
        QCOMPARE(frame.value(3), QStringLiteral("controls=no"));
        QCOMPARE(frame.value(4), QStringLiteral("templates=no"));
        QVERIFY2(deferred.size() == 4, "the work deferred to the first frame never finished");
        // After the first frame: the six pages not shown compiled, the window icon set.
        QVERIFY(deferred.value(1).toLongLong() > frame.value(1).toLongLong());
        QCOMPARE(deferred.value(2), QStringLiteral("pages=6"));
        QVERIFY2(deferred.value(3) != QStringLiteral("icon=0"), "no window icon");
    }
};

QTEST_GUILESS_MAIN(TestE2eStartup)
#include "tst_e2e_startup.moc"
