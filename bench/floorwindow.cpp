// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The start-up floor: the least a Qt Quick application does to show a window, measured like
// Portico (first frame on screen, steady clock in ns on stdout, then quit).
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>

#include <chrono>
#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QQmlApplicationEngine engine;
    engine.loadData("import QtQuick\n"
                    "Window { width: 480; height: 640; visible: true; title: \"Floor\"\n"
                    "    Text { anchors.centerIn: parent; text: \"Floor\" } }\n");
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (!window)
        return 1;
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [window] {
            const auto now = std::chrono::steady_clock::now().time_since_epoch();
            std::printf("first-frame %lld\n",
                static_cast<long long>(
                    std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()));
            std::fflush(stdout);
            QObject::disconnect(window, &QQuickWindow::frameSwapped, nullptr, nullptr);
            QMetaObject::invokeMethod(
                qApp, [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
        },
        Qt::DirectConnection);
    return QGuiApplication::exec();
}
