// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "startupprobe.h"

#include <QGuiApplication>
#include <QIcon>
#include <QJSValue>
#include <QPointer>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QSGRendererInterface>

#include <chrono>
#include <cstdio>
#include <memory>

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

QList<QPointer<QQmlComponent>> pagesAhead(QQuickWindow *window)
{
    QVariant value = window->property("pagesAhead");
    if (value.canConvert<QJSValue>())
        value = value.value<QJSValue>().toVariant();
    QList<QPointer<QQmlComponent>> pages;
    for (const QVariant &page : value.toList())
        if (auto *component = qobject_cast<QQmlComponent *>(page.value<QObject *>()))
            pages.append(component);
    return pages;
}

void reportWhenCompiled(const QList<QPointer<QQmlComponent>> &pages)
{
    for (const QPointer<QQmlComponent> &page : pages)
        if (page && page->isLoading()) {
            // Asked again each time one of them finishes.
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = QObject::connect(page, &QQmlComponent::statusChanged, page, [once, pages] {
                QObject::disconnect(*once);
                reportWhenCompiled(pages);
            });
            return;
        }
    std::printf("deferred-done %lld pages=%lld icon=%lld\n", steadyNs(),
        static_cast<long long>(pages.size()),
        static_cast<long long>(QGuiApplication::windowIcon().availableSizes().size()));
    std::fflush(stdout);
    QMetaObject::invokeMethod(
        qApp, [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
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
            std::printf("first-frame %lld %s\n", steadyNs(), sceneGraph(window));
            std::fflush(stdout);
        },
        Qt::DirectConnection);
}

void deferredWorkStarted(QQuickWindow *window)
{
    reportWhenCompiled(pagesAhead(window));
}

} // namespace StartupProbe
