// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "brandmarks.h"

#include "matrix/logging.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QSvgRenderer>

namespace Portico::Ui {

namespace {
QJsonObject brandTable()
{
    static const QJsonObject table = [] {
        QFile file(QStringLiteral(":/brands/brands.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcUi) << "no brand table in the resources";
            return QJsonObject();
        }
        return QJsonDocument::fromJson(file.readAll()).object().value(u"brands").toObject();
    }();
    return table;
}

QColor colour(const QJsonObject &theme, QStringView key)
{
    const QString value = theme.value(key).toString();
    return value.isEmpty() ? QColor() : QColor(value);
}
} // namespace

QStringList BrandMarks::brands()
{
    return brandTable().keys();
}

bool BrandMarks::isKnown(QStringView brand)
{
    return !brand.isEmpty() && brandTable().contains(brand);
}

BrandStyle BrandMarks::style(QStringView brand, bool dark)
{
    BrandStyle style;
    if (!isKnown(brand)) {
        style.markSource = QUrl(QStringLiteral("image://brandmark/neutral"));
        return style;
    }
    const QJsonObject entry = brandTable().value(brand).toObject();
    const QJsonObject theme = entry.value(dark ? u"dark" : u"light").toObject();
    style.brand = brand.toString();
    style.known = true;
    style.title = entry.value(u"title").toString();
    style.background = colour(theme, u"background");
    style.foreground = colour(theme, u"foreground");
    style.border = colour(theme, u"border");
    style.mark = colour(theme, u"mark");
    style.markSource = markSource(style.brand, style.mark);
    return style;
}

QUrl BrandMarks::markSource(QStringView brand, const QColor &colour)
{
    QString source = QStringLiteral("image://brandmark/")
        + (isKnown(brand) ? brand.toString() : QStringLiteral("neutral"));
    if (colour.isValid())
        source += u'/' + QString::fromLatin1(QUrl::toPercentEncoding(colour.name()));
    return QUrl(source);
}

QString BrandMarks::markResource(QStringView brand)
{
    return QStringLiteral(":/brands/")
        + (isKnown(brand) ? brand.toString() : QStringLiteral("neutral")) + QStringLiteral(".svg");
}

QImage BrandMarks::render(QStringView brand, const QSize &size, const QColor &colour)
{
    QSvgRenderer renderer(markResource(brand));
    if (!renderer.isValid() || size.isEmpty())
        return {};
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
    // The marks are shapes without colour: keep their coverage, paint it in the colour asked.
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(image.rect(), colour.isValid() ? colour : QColor(Qt::black));
    return image;
}

BrandMarkProvider::BrandMarkProvider()
    : QQuickImageProvider(QQuickImageProvider::Image)
{}

QImage BrandMarkProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const QString decoded = QUrl::fromPercentEncoding(id.toUtf8());
    const QString brand = decoded.section(u'/', 0, 0);
    const QColor colour(decoded.section(u'/', 1, 1));
    // 24 x 24 is the marks' own box; QML asks for its sourceSize times the scale factor.
    // The marks are square; an Image that sets only a width or a height gets a square too.
    const int side = qMax(requestedSize.width(), requestedSize.height());
    const QSize target = side > 0 ? QSize(side, side).boundedTo(QSize(512, 512)) : QSize(24, 24);
    const QImage image = BrandMarks::render(brand, target, colour);
    if (size)
        *size = image.size();
    return image;
}

} // namespace Portico::Ui
