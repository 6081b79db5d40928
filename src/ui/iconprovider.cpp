// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "iconprovider.h"

#include "matrix/cachefile.h"
#include "matrix/httpcall.h"
#include "matrix/imagecheck.h"
#include "matrix/logging.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QNetworkAccessManager>
#include <QPointer>

#include <functional>
#include <map>

using namespace std::chrono_literals;

namespace Portico::Ui {

namespace {
constexpr auto CacheLifetime = 7 * 24h;

constexpr Matrix::ImageLimits IconLimits{IconProvider::MaxIconBytes, IconProvider::MaxIconSide};

// Checked and decoded by the one image policy (matrix/imagecheck.h), at the size shown; an icon
// smaller than that is scaled up to it, as QML asked.
QImage decodeIcon(const QByteArray &bytes, const QSize &requested, QString *error)
{
    const auto decoded = Matrix::decodeCheckedImage(bytes, requested, IconLimits);
    if (!decoded) {
        *error = decoded.error();
        return {};
    }
    const QImage &image = decoded.value();
    if (requested.isValid() && !requested.isEmpty() && image.width() < requested.width()
        && image.height() < requested.height())
        return image.scaled(requested, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

using IconHandler = std::function<void(const QByteArray &body, const QString &error)>;

// One download per icon URL at a time, shared by every response that asks for it meanwhile: QML
// asks again when an Image's size settles, and more than six requests to one host would wait
// for a connection, a whole round trip later. Runs in the thread QML asks from (`network`'s);
// the body is an image's (content type checked) and is in the disk cache when handlers run.
// The download's Call lives with its waiting handlers, and with them in the thread's table: the
// thread's end cancels what is still under way.
struct Download
{
    Matrix::Call call;
    QList<std::pair<QPointer<QObject>, IconHandler>> handlers;
};

void download(QNetworkAccessManager &network, const QUrl &url, const QString &cacheFile,
    QObject *context, IconHandler handler)
{
    static thread_local std::map<QUrl, Download> downloads;
    Download &entry = downloads[url];
    entry.handlers.append({context, std::move(handler)});
    if (entry.handlers.size() > 1)
        return; // already on its way
    Matrix::HttpRequest request;
    request.url = url;
    request.maxBodyBytes = IconProvider::MaxIconBytes;
    request.timeout = 15s;
    request.rateLimitRetries = 0;
    entry.call = Matrix::startCall(network, request, [url, cacheFile](const auto &result) {
        QByteArray body;
        QString error;
        if (!result)
            error = result.error().describe();
        else if (!Matrix::isAllowedImageContentType(result->contentType))
            error = QStringLiteral("not an accepted image type: ")
                + QString::fromLatin1(result->contentType.left(64));
        else
            body = result->body;
        // Cached when its header passes; every read of the cache is checked again.
        if (!body.isEmpty() && !cacheFile.isEmpty() && Matrix::checkImageHeader(body, IconLimits))
            Matrix::replaceCacheFile(cacheFile, body);
        auto done = downloads.extract(url);
        for (const auto &[alive, deliver] : done.mapped().handlers)
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
