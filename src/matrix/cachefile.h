// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Portico::Matrix {

// Replaces the cache file at `path` with `bytes`: written under a temporary name, then renamed
// over the old file, so that a reader sees the old file or the new one, never half of one.
// Hand-written rather than QSaveFile, whose commit() waits for the disk (fsync): a cache needs no
// durability, a torn file is ignored like any corrupt one, and the wait held each provider list
// and icon back by ~10 ms. False when the file could not be written or replaced.
bool replaceCacheFile(const QString &path, const QByteArray &bytes);

} // namespace Portico::Matrix
