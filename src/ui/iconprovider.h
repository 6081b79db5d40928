// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QQuickAsyncImageProvider>

namespace Portico::Ui {

// Identity provider icons for QML as image://idpicon/<percent-encoded download URL>. Fetched
// only when a button asks (ListView creates visible delegates only), in parallel, kept in a
// disk cache for a week, and held to limits: at most 1 MiB; PNG, JPEG, WebP or GIF only (by
// content type and by the bytes; never SVG, whose rendering has no size bound); a declared size
// read from the header first and refused past MaxIconSide; decoded once, at the size shown.
// A failure leaves the button with its own glyph.
class IconProvider : public QQuickAsyncImageProvider
{
public:
    static constexpr qint64 MaxIconBytes = 1024 * 1024;
    // Buttons show icons at 24 to 48 pixels: anything declaring more than this is not an icon.
    static constexpr int MaxIconSide = 1024;

    // `cacheDir` may be empty: no disk cache.
    explicit IconProvider(const QString &cacheDir);

    QQuickImageResponse *requestImageResponse(
        const QString &id, const QSize &requestedSize) override;

    // The image:// source QML uses for a download URL; empty stays empty.
    static QUrl sourceFor(const QUrl &downloadUrl);

private:
    QString m_cacheDir;
};

} // namespace Portico::Ui
