// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QImage>
#include <QObject>
#include <QQuickImageProvider>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace Portico::Ui {

// How one brand's sign-in button looks (resources/brands/brands.json); a brand Portico does
// not know gets the neutral glyph and no colours of its own (`known` false: use the palette).
struct BrandStyle
{
    Q_GADGET
    QML_VALUE_TYPE(brandStyle)
    Q_PROPERTY(QString brand MEMBER brand CONSTANT)
    Q_PROPERTY(bool known MEMBER known CONSTANT)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QUrl markSource MEMBER markSource CONSTANT)
    Q_PROPERTY(QColor background MEMBER background CONSTANT)
    Q_PROPERTY(QColor foreground MEMBER foreground CONSTANT)
    Q_PROPERTY(QColor border MEMBER border CONSTANT)
    Q_PROPERTY(QColor mark MEMBER mark CONSTANT)
    // Whether the brand's button has an edge of its own (an invalid colour reads as black in QML).
    Q_PROPERTY(bool hasBorder READ hasBorder CONSTANT)
public:
    bool hasBorder() const { return border.isValid(); }
    QString brand; // the key asked for: "github", or empty for the neutral style
    bool known = false;
    QString title; // "GitHub"; empty when unknown
    QUrl markSource; // image://brandmark/<brand>/<mark colour>: the mark drawn in its colour
    QColor background; // invalid when unknown (and border: none)
    QColor foreground; // text
    QColor border;
    QColor mark;
};

// The brand marks and sign-in colours built into Portico (qrc:/brands/), looked up by the
// MSC2858 brand name as Matrix::parseLoginFlows leaves it ("github"; the "org.matrix." prefix
// already removed). The one place that maps a provider to its look points here.
class BrandMarks
{
public:
    // The registered brands that have a mark: apple, facebook, github, gitlab, google, twitter.
    static QStringList brands();
    static bool isKnown(QStringView brand);
    // `dark`: for a dark page (the brands' guidelines give another button there).
    static BrandStyle style(QStringView brand, bool dark);
    // image://brandmark/<brand>/<colour>: the brand's mark, or the neutral glyph for any other
    // brand, drawn in `colour` (a page's text colour for the neutral glyph, so that it reads on
    // light and dark pages alike).
    static QUrl markSource(QStringView brand, const QColor &colour);
    // The SVG resource of the brand's mark, or the neutral glyph's for any other brand.
    static QString markResource(QStringView brand);
    // The mark rendered at `size`, filled with `colour` (the SVGs have none of their own). A
    // null image only if the resource does not render.
    static QImage render(QStringView brand, const QSize &size, const QColor &colour);
};

// BrandMarks for QML, as the singleton BrandMarks of the Portico module:
//   readonly property brandStyle brand: BrandMarks.style(model.brand, darkPalette)
//   Image { source: brand.markSource; sourceSize: Qt.size(20, 20) }
class BrandMarksForQml : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(BrandMarks)
    QML_SINGLETON
public:
    using QObject::QObject;
    Q_INVOKABLE Portico::Ui::BrandStyle style(const QString &brand, bool dark) const
    {
        return BrandMarks::style(brand, dark);
    }
    Q_INVOKABLE bool isKnown(const QString &brand) const { return BrandMarks::isKnown(brand); }
    Q_INVOKABLE QUrl markSource(const QString &brand, const QColor &colour) const
    {
        return BrandMarks::markSource(brand, colour);
    }
};

// image://brandmark/<brand>/<colour> for QML: BrandMarks::render() at the size the Image asks
// (sourceSize), so a mark is sharp at every scale. `colour` is #rrggbb (the '#' may be
// percent-encoded); a missing or bad colour draws black.
class BrandMarkProvider : public QQuickImageProvider
{
public:
    BrandMarkProvider();
    QImage requestImage(const QString &id, QSize *size, const QSize &requestedSize) override;
};

} // namespace Portico::Ui
