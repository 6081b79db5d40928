// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "iconprovider.h"

#include "matrix/httpcall.h"
#include "matrix/logging.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QPointer>

#include <cstdio>
#include <functional>

using namespace std::chrono_literals;

namespace Portico::Ui {

namespace {
constexpr auto CacheLifetime = 7 * 24h;

// The formats an icon needs. Not SVG: rendering it has no bound on work or memory.
bool acceptedContentType(const QByteArray &contentType)
{
    const QByteArray type = contentType.split(';').first().trimmed().toLower();
    return type == "image/png" || type == "image/jpeg" || type == "image/webp"
        || type == "image/gif";
}

// Reads the header first (format and declared size), refuses what is not an accepted format or
// declares more than MaxIconSide, and decodes once, straight at the size shown.
// With `decode` false, only the header is checked (an empty image when it passes).
QImage decodeIcon(
    const QByteArray &bytes, const QSize &requested, QString *error, bool decode = true)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true); // the bytes decide, not a name or a content type
    reader.setAllocationLimit(32); // MiB; a second bound should the header lie
    const QByteArray format = reader.format();
    if (format != "png" && format != "jpeg" && format != "webp" && format != "gif") {
        *error = QStringLiteral("format not accepted: ")
            + QString::fromLatin1(format.isEmpty() ? QByteArrayLiteral("unknown") : format);
        return {};
    }
    const QSize declared = reader.size();
    if (!declared.isValid() || declared.isEmpty()) {
        *error = QStringLiteral("no declared size");
        return {};
    }
    if (declared.width() > IconProvider::MaxIconSide
        || declared.height() > IconProvider::MaxIconSide) {
        *error = QStringLiteral("declared size too large: %1x%2")
                     .arg(declared.width())
                     .arg(declared.height());
        return {};
    }
    if (!decode)
        return {};
    if (requested.isValid() && !requested.isEmpty())
        reader.setScaledSize(declared.scaled(requested, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull())
        *error = QStringLiteral("the image does not decode: ") + reader.errorString();
    return image;
}

// Written to a temporary name, then renamed over the old file: a reader sees the old icon or the
// new one. No fsync (QSaveFile's): a cache needs no durability, a torn file fails to decode and is
// fetched again, and waiting for the disk held every icon back by ~10 ms each.
void writeCacheFile(const QString &path, const QByteArray &bytes)
{
    const QString temporary = path + QStringLiteral(".part");
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        file.remove();
        return;
    }
    file.close();
    if (std::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData())
        != 0)
        QFile::remove(temporary);
}

using IconHandler = std::function<void(const QByteArray &body, const QString &error)>;

// One download per icon URL at a time, shared by every response that asks for it meanwhile: QML
// asks again when an Image's size settles, and more than six requests to one host would wait
// for a connection, a whole round trip later. Runs in the thread QML asks from (`network`'s);
// the body is an image's (content type checked) and is in the disk cache when handlers run.
void download(QNetworkAccessManager &network, const QUrl &url, const QString &cacheFile,
    QObject *context, IconHandler handler)
{
    static thread_local QHash<QUrl, QList<std::pair<QPointer<QObject>, IconHandler>>> waiting;
    auto &handlers = waiting[url];
    handlers.append({context, std::move(handler)});
    if (handlers.size() > 1)
        return; // already on its way
    Matrix::HttpRequest request;
    request.url = url;
    request.maxBodyBytes = IconProvider::MaxIconBytes;
    request.timeout = 15s;
    request.rateLimitRetries = 0;
    Matrix::sendRequest(network, request, &network, [url, cacheFile](const auto &result) {
        QByteArray body;
        QString error;
        if (!result)
            error = result.error().describe();
        else if (!acceptedContentType(result->contentType))
            error = QStringLiteral("not an accepted image type: ")
                + QString::fromLatin1(result->contentType.left(64));
        else
            body = result->body;
        // Cached when its header passes; every read of the cache is checked again.
        QString headerError;
        if (!body.isEmpty() && !cacheFile.isEmpty()
            && (decodeIcon(body, {}, &headerError, false), headerError.isEmpty()))
            writeCacheFile(cacheFile, body);
        for (const auto &[alive, deliver] : waiting.take(url))
            if (alive)
                deliver(body, error);
    });
}

// One icon request, living in the thread QML asked from, with that thread's network manager.
class IconResponse : public QQuickImageResponse
{
public:
    IconResponse(QNetworkAccessManager &network, const QUrl &url, const QSize &requested,
        const QString &cacheFile)
    {
        if (!cacheFile.isEmpty()) {
            const QFileInfo info(cacheFile);
            if (info.exists()
                && info.lastModified().addSecs(std::chrono::seconds(CacheLifetime).count())
                    > QDateTime::currentDateTime()) {
                QFile file(cacheFile);
                if (file.open(QIODevice::ReadOnly)) {
                    QString error;
                    const QImage image = decodeIcon(file.read(MaxBytes), requested, &error);
                    if (!image.isNull()) {
                        finish(image, {});
                        return;
                    }
                }
            }
        }
        download(network, url, cacheFile, this,
            [this, requested](const QByteArray &body, const QString &error) {
                if (!error.isEmpty()) {
                    finish({}, error);
                    return;
                }
                QString decodeError;
                const QImage image = decodeIcon(body, requested, &decodeError);
                finish(image, decodeError);
            });
    }

    QQuickTextureFactory *textureFactory() const override
    {
        return QQuickTextureFactory::textureFactoryForImage(m_image);
    }
    QString errorString() const override { return m_error; }

private:
    static constexpr qint64 MaxBytes = IconProvider::MaxIconBytes;

    void finish(const QImage &image, const QString &error)
    {
        m_image = image;
        m_error = error;
        if (!error.isEmpty())
            qCInfo(lcUi) << "no icon:" << error;
        // Queued: QML may not be listening yet when the answer comes from the cache.
        QMetaObject::invokeMethod(this, &QQuickImageResponse::finished, Qt::QueuedConnection);
    }

    QImage m_image;
    QString m_error;
};
} // namespace

IconProvider::IconProvider(const QString &cacheDir)
    : m_cacheDir(cacheDir)
{
    if (!m_cacheDir.isEmpty())
        QDir().mkpath(m_cacheDir);
}

QUrl IconProvider::sourceFor(const QUrl &downloadUrl)
{
    if (downloadUrl.isEmpty())
        return {};
    return QUrl(QStringLiteral("image://idpicon/")
        + QString::fromLatin1(QUrl::toPercentEncoding(downloadUrl.toString(QUrl::FullyEncoded))));
}

QQuickImageResponse *IconProvider::requestImageResponse(
    const QString &id, const QSize &requestedSize)
{
    const QUrl url(QUrl::fromPercentEncoding(id.toLatin1()), QUrl::StrictMode);
    QString cacheFile;
    if (!m_cacheDir.isEmpty())
        cacheFile = m_cacheDir + u'/'
            + QString::fromLatin1(
                QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha256).toHex());
    // QML calls this from its image loader thread. A network manager works in the thread that
    // made it, so each such thread gets its own; the response lives in that thread too.
    static thread_local QNetworkAccessManager network;
    return new IconResponse(network, url, requestedSize, cacheFile);
}

} // namespace Portico::Ui
