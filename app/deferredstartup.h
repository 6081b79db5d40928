// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

class QQuickWindow;

// What app/main.cpp does once the first frame is on screen, and how it knows it is done.
namespace DeferredStartup {
// Calls done(N) once the N pages Main.qml compiles ahead (its pagesAhead, after
// compilePagesAhead()) are compiled, or failed: at once if they already are.
void whenPagesAheadCompiled(QQuickWindow *window, std::function<void(int)> done);
// Hands the heap pages that start-up used and freed back to the system (glibc keeps them
// otherwise): 1-2 MB of RSS here, for ~1 ms once (docs/performance.md).
void returnFreedMemory();
} // namespace DeferredStartup
