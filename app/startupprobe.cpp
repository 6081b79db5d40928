// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "startupprobe.h"

#include "deferredstartup.h"

#include <QGuiApplication>
#include <QIcon>
#include <QQmlEngine>
#include <QQuickWindow>
#include <QSGRendererInterface>

#include <chrono>
#include <cstdio>

namespace {
long long steadyNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

const char *sceneGraph(QQuickWindow *window)
{
    switch (window->rendererInterface()->graphicsApi()) {
    case QSGRendererInterface::Software:
        return "software";
    case QSGRendererInterface::OpenGL:
        return "opengl";
    case QSGRendererInterface::Vulkan:
        return "vulkan";
    default:
        return "other";
    }
}

// Whether a Quick Controls style, and QtQuick.Templates under it, are loaded yet: the window and
// the first pages are made on plain Qt Quick (qml/TextLabel.qml); both load with the pages
// compiled after the first frame. Qt's styles all build on QtQuick.Controls.impl; a module's C++
// types register when the first of its imports loads.
const char *controlsStyle()
{
    return qmlTypeId("QtQuick.Controls.impl", 6, 4, "IconLabel") == -1 ? "controls=no"
                                                                       : "controls=yes";
}
const char *templates()
{
    return qmlTypeId("QtQuick.Templates", 6, 4, "Button") == -1 ? "templates=no" : "templates=yes";
}

} // namespace

namespace StartupProbe {

bool enabled()
{
    static const bool on = qEnvironmentVariableIsSet("PORTICO_BENCH_FIRST_FRAME");
    return on;
}

void watchFirstFrame(QQuickWindow *window)
{
    // Only this connection is dropped: the deferred work is connected to the same signal.
    auto once = std::make_shared<QMetaObject::Connection>();
    *once = QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [once, window] {
            QObject::disconnect(*once);
            std::printf("first-frame %lld %s %s %s\n", steadyNs(), sceneGraph(window),
                controlsStyle(), templates());
            std::fflush(stdout);
        },
        Qt::DirectConnection);
}

void deferredWorkStarted(QQuickWindow *window)
{
    DeferredStartup::whenPagesAheadCompiled(window, [](int pages) {
        std::printf("deferred-done %lld pages=%d icon=%lld\n", steadyNs(), pages,
            static_cast<long long>(QGuiApplication::windowIcon().availableSizes().size()));
        std::fflush(stdout);
        QMetaObject::invokeMethod(
            qApp, [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
    });
}

} // namespace StartupProbe
