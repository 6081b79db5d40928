// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QQuickAsyncImageProvider>

namespace Portico::Ui {

// Identity provider icons for QML as image://idpicon/<percent-encoded download URL>. Fetched
// only when a button asks (ListView creates visible delegates only), in parallel, kept in a
// disk cache for a week, and held to limits: at most 1 MiB, an image content type, and a body
// that decodes as an image. A failure leaves the button with its own glyph.
class IconProvider : public QQuickAsyncImageProvider
{
public:
    static constexpr qint64 MaxIconBytes = 1024 * 1024;

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
