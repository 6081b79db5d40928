// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cachefile.h"

#include <QFile>

#include <cstdio>

namespace Portico::Matrix {

bool replaceCacheFile(const QString &path, const QByteArray &bytes)
{
    const QString temporary = path + QStringLiteral(".part");
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        file.remove();
        return false;
    }
    file.close();
    // rename(2) replaces the old file in one step; QFile::rename() refuses an existing target.
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData())
        != 0) {
        QFile::remove(temporary);
        return false;
    }
    return true;
}

} // namespace Portico::Matrix
