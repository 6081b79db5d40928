// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QQuickWindow;

// For scripts/bench only (PORTICO_BENCH_FIRST_FRAME set): prints "first-frame NS SCENEGRAPH
// controls=no|yes templates=no|yes" ("software", "opengl", …; whether a Quick Controls style and
// QtQuick.Templates had loaded) when the first frame is on screen, then "deferred-done NS pages=N
// icon=N" once the work deferred to after it (the window icon, the pages compiled ahead) has
// finished, and quits. NS is the steady clock in nanoseconds, the clock bench/bench_startup.cpp
// reads too. Off, it costs one environment lookup.
namespace StartupProbe {
bool enabled();
// Before the window's first frame.
void watchFirstFrame(QQuickWindow *window);
// Right after the deferred work has been started.
void deferredWorkStarted(QQuickWindow *window);
} // namespace StartupProbe
