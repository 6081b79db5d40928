// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "iconprovider.h"

#include "matrix/httpcall.h"
#include "matrix/logging.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSaveFile>

using namespace std::chrono_literals;

namespace Portico::Ui {

namespace {
constexpr auto CacheLifetime = 7 * 24h;

QImage fitted(const QImage &image, const QSize &requested)
{
    if (!requested.isValid() || requested.isEmpty())
        return image;
    return image.scaled(requested, Qt::KeepAspectRatio, Qt::SmoothTransformation);
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
                    const QImage image = QImage::fromData(file.read(MaxBytes));
                    if (!image.isNull()) {
                        finish(fitted(image, requested), {});
                        return;
                    }
                }
            }
        }
        Matrix::HttpRequest request;
        request.url = url;
        request.maxBodyBytes = MaxBytes;
        request.timeout = 15s;
        request.rateLimitRetries = 0;
        Matrix::sendRequest(
            network, request, this, [this, requested, cacheFile](const auto &result) {
                if (!result) {
                    finish({}, result.error().describe());
                    return;
                }
                if (!result->contentType.startsWith("image/")) {
                    finish({},
                        QStringLiteral("not an image: ")
                            + QString::fromLatin1(result->contentType));
                    return;
                }
                const QImage image = QImage::fromData(result->body);
                if (image.isNull()) {
                    finish({}, QStringLiteral("the image does not decode"));
                    return;
                }
                if (!cacheFile.isEmpty()) {
                    QSaveFile file(cacheFile);
                    if (file.open(QIODevice::WriteOnly)
                        && file.write(result->body) == result->body.size())
                        file.commit();
                }
                finish(fitted(image, requested), {});
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
