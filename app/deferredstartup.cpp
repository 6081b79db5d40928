// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deferredstartup.h"

#include <QJSValue>
#include <QList>
#include <QPointer>
#include <QQmlComponent>
#include <QQuickWindow>
#include <QVariant>

#include <memory>
#include <utility>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {
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

void reportWhenCompiled(const QList<QPointer<QQmlComponent>> &pages, std::function<void(int)> done)
{
    for (const QPointer<QQmlComponent> &page : pages)
        if (page && page->isLoading()) {
            // Asked again each time one of them finishes.
            auto once = std::make_shared<QMetaObject::Connection>();
            *once = QObject::connect(page, &QQmlComponent::statusChanged, page,
                [once, pages, done = std::move(done)]() mutable {
                    QObject::disconnect(*once);
                    reportWhenCompiled(pages, std::move(done));
                });
            return;
        }
    done(int(pages.size()));
}
} // namespace

namespace DeferredStartup {

void whenPagesAheadCompiled(QQuickWindow *window, std::function<void(int)> done)
{
    reportWhenCompiled(pagesAhead(window), std::move(done));
}

void returnFreedMemory()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

} // namespace DeferredStartup
