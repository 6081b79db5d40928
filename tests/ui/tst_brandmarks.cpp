// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "brandmarks.h"

#include "identityprovidermodel.h"

#include "matrix/loginflows.h"

#include <QFile>
#include <QPainter>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QSvgRenderer>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(PorticoPlugin)

using namespace Portico;

namespace {
// MSC2858's registry of brands.
const QStringList Registered
    = {QStringLiteral("apple"), QStringLiteral("facebook"), QStringLiteral("github"),
        QStringLiteral("gitlab"), QStringLiteral("google"), QStringLiteral("twitter")};

// How much of the image the mark covers, and whether every covered pixel has `colour`.
double coverage(const QImage &image, const QColor &colour, bool *onlyThatColour)
{
    qsizetype covered = 0;
    *onlyThatColour = true;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() < 250)
                continue;
            ++covered;
            if (pixel.rgb() != colour.rgb())
                *onlyThatColour = false;
        }
    }
    return double(covered) / double(image.width() * image.height());
}
} // namespace

class TestBrandMarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRegisteredBrandHasAMark()
    {
        QStringList brands = Ui::BrandMarks::brands();
        brands.sort();
        QCOMPARE(brands, Registered);
        for (const QString &brand : Registered)
            QVERIFY2(Ui::BrandMarks::isKnown(brand), qPrintable(brand));
    }
    void theProviderListAsksBrandMarks()
    {
        // The server's brand, as parsed ("org.matrix." removed), reaches the buttons only when
        // BrandMarks has a look for it: the one table decides, not a second list.
        const auto flows = Matrix::parseLoginFlows(QByteArrayLiteral(
            R"({"flows":[{"type":"m.login.sso","identity_providers":[
                {"id":"a","name":"A","brand":"org.matrix.gitlab"},
                {"id":"b","name":"B","brand":"twitter"},
                {"id":"c","name":"C","brand":"gitea"},
                {"id":"d","name":"D","brand":"neutral"},
                {"id":"e","name":"E"}]}]})"));
        QVERIFY(flows);
        Ui::IdentityProviderModel model;
        model.setProviders(flows->identityProviders, QUrl(QStringLiteral("https://hs.example")));
        QStringList brands;
        for (int row = 0; row < model.rowCount(); ++row)
            brands << model.data(model.index(row), Ui::IdentityProviderModel::BrandRole).toString();
        QCOMPARE(brands,
            QStringList({QStringLiteral("gitlab"), QStringLiteral("twitter"), QString(), QString(),
                QString()}));
    }
    void marksRender_data()
    {
        QTest::addColumn<QString>("brand");
        for (const QString &brand : Registered)
            QTest::newRow(qPrintable(brand)) << brand;
        QTest::newRow("neutral") << QStringLiteral("keycloak");
    }
    void marksRender()
    {
        QFETCH(QString, brand);
        const QString resource = Ui::BrandMarks::markResource(brand);
        QVERIFY2(QFile::exists(resource), qPrintable(resource));
        QVERIFY(QSvgRenderer(resource).isValid());
        const QColor colour(QStringLiteral("#0866ff"));
        const QImage mark = Ui::BrandMarks::render(brand, {96, 96}, colour);
        QCOMPARE(mark.size(), QSize(96, 96));
        bool onlyThatColour = false;
        const double covered = coverage(mark, colour, &onlyThatColour);
        // A real mark: something drawn, not a filled square, in the colour asked for.
        QVERIFY2(covered > 0.05 && covered < 0.9, qPrintable(QString::number(covered)));
        QVERIFY(onlyThatColour);
    }
    void theMarksAreTheBrandsOwn()
    {
        // Each file is simple-icons' drawing of that brand (its <title>), not a stand-in.
        const QHash<QString, QString> titles = {{QStringLiteral("apple"), QStringLiteral("Apple")},
            {QStringLiteral("facebook"), QStringLiteral("Facebook")},
            {QStringLiteral("github"), QStringLiteral("GitHub")},
            {QStringLiteral("gitlab"), QStringLiteral("GitLab")},
            {QStringLiteral("google"), QStringLiteral("Google")},
            {QStringLiteral("twitter"), QStringLiteral("X")}};
        for (auto it = titles.cbegin(); it != titles.cend(); ++it) {
            QFile file(Ui::BrandMarks::markResource(it.key()));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray svg = file.readAll();
            QVERIFY2(
                svg.contains("<title>" + it.value().toUtf8() + "</title>"), qPrintable(it.key()));
            QCOMPARE(Ui::BrandMarks::style(it.key(), false).title, it.value());
        }
    }
    void knownBrandsHaveTheirButtonColours()
    {
        for (const QString &brand : Registered) {
            for (const bool dark : {false, true}) {
                const Ui::BrandStyle style = Ui::BrandMarks::style(brand, dark);
                QVERIFY(style.known);
                QCOMPARE(style.brand, brand);
                QVERIFY(style.background.isValid());
                QVERIFY(style.foreground.isValid());
                QVERIFY(style.mark.isValid());
                QVERIFY(style.background != style.foreground);
                QVERIFY(style.markSource.toString().startsWith(
                    QStringLiteral("image://brandmark/") + brand + u'/'));
            }
        }
        // Where the sign-in guidelines differ from the brand colour, they win.
        const Ui::BrandStyle google = Ui::BrandMarks::style(u"google", false);
        QCOMPARE(google.background, QColor(Qt::white));
        QCOMPARE(google.border, QColor(QStringLiteral("#747775")));
        QCOMPARE(Ui::BrandMarks::style(u"apple", false).background, QColor(Qt::black));
        QCOMPARE(Ui::BrandMarks::style(u"apple", true).background, QColor(Qt::white));
        QCOMPARE(Ui::BrandMarks::style(u"facebook", false).background,
            QColor(QStringLiteral("#0866ff")));
        QCOMPARE(Ui::BrandMarks::style(u"gitlab", false).mark, QColor(QStringLiteral("#fc6d26")));
    }
    void unknownBrandsGetTheNeutralGlyph_data()
    {
        QTest::addColumn<QString>("brand");
        QTest::newRow("empty") << QString();
        QTest::newRow("unregistered") << QStringLiteral("keycloak");
        QTest::newRow("x is twitter's mark, not a brand") << QStringLiteral("x");
        QTest::newRow("unstable prefix kept") << QStringLiteral("org.matrix.github");
        QTest::newRow("case") << QStringLiteral("GitHub");
        QTest::newRow("path") << QStringLiteral("../brands/github");
        QTest::newRow("neutral itself") << QStringLiteral("neutral");
    }
    void unknownBrandsGetTheNeutralGlyph()
    {
        QFETCH(QString, brand);
        QVERIFY(!Ui::BrandMarks::isKnown(brand));
        const Ui::BrandStyle style = Ui::BrandMarks::style(brand, false);
        QVERIFY(!style.known);
        QVERIFY(!style.background.isValid()); // the palette's, not a brand's
        QCOMPARE(Ui::BrandMarks::markResource(brand), QStringLiteral(":/brands/neutral.svg"));
        QCOMPARE(style.markSource, QUrl(QStringLiteral("image://brandmark/neutral")));
        // On a page of either colour: the glyph in the page's text colour.
        const QUrl onDark = Ui::BrandMarks::markSource(brand, QColor(QStringLiteral("#e3e3e3")));
        QCOMPARE(onDark, QUrl(QStringLiteral("image://brandmark/neutral/%23e3e3e3")));
        Ui::BrandMarkProvider provider;
        QSize size;
        bool onlyThatColour = false;
        QVERIFY(coverage(provider.requestImage(onDark.path().mid(1), &size, {32, 32}),
                    QColor(QStringLiteral("#e3e3e3")), &onlyThatColour)
            > 0.05);
        QVERIFY(onlyThatColour);
        QVERIFY(
            coverage(Ui::BrandMarks::render(brand, {48, 48}, Qt::black), Qt::black, &onlyThatColour)
            > 0.05);
    }
    void theProviderDrawsAtTheAskedSize()
    {
        Ui::BrandMarkProvider provider;
        QSize size;
        const QImage mark = provider.requestImage(
            Ui::BrandMarks::style(u"github", false).markSource.path().mid(1), &size, {64, 0});
        QCOMPARE(size, QSize(64, 64));
        QCOMPARE(mark.size(), QSize(64, 64));
        bool onlyWhite = false;
        QVERIFY(coverage(mark, Qt::white, &onlyWhite) > 0.05);
        QVERIFY(onlyWhite);
        // Nothing asked: the marks' own 24 x 24; absurd sizes are bounded.
        QCOMPARE(provider.requestImage(QStringLiteral("neutral"), &size, {}).size(), QSize(24, 24));
        QCOMPARE(provider.requestImage(QStringLiteral("apple/%23000000"), &size, {100000, 100000})
                     .size(),
            QSize(512, 512));
    }
    void qmlReadsTheStyleAndDrawsTheMark()
    {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.addImageProvider(QStringLiteral("brandmark"), new Ui::BrandMarkProvider);
        QQmlComponent component(&engine);
        component.setData(R"(
            import QtQuick
            import Portico
            Item {
                readonly property brandStyle google: BrandMarks.style("google", false)
                readonly property color background: google.background
                readonly property bool known: google.known
                readonly property bool unknownIsKnown: BrandMarks.style("keycloak", true).known
                readonly property alias status: mark.status
                readonly property alias markWidth: mark.implicitWidth
                Image { id: mark; source: google.markSource; sourceSize: Qt.size(32, 32) }
            })",
            QUrl(QStringLiteral("qrc:/tst_brandmarks.qml")));
        std::unique_ptr<QObject> item(component.create());
        QVERIFY2(item, qPrintable(component.errorString()));
        QCOMPARE(item->property("background").value<QColor>(), QColor(Qt::white));
        QVERIFY(item->property("known").toBool());
        QVERIFY(!item->property("unknownIsKnown").toBool());
        QTRY_COMPARE(item->property("status").toInt(), 1); // Image.Ready
        QCOMPARE(item->property("markWidth").toReal(), 32.0);
    }
    void contactSheet()
    {
        // Every button's colours and mark, light above dark, for people to look at
        // (brand-marks.png in the test's working directory).
        const QStringList brands = Registered + QStringList{QStringLiteral("keycloak")};
        QImage sheet(brands.size() * 72, 144, QImage::Format_ARGB32);
        sheet.fill(Qt::transparent);
        QPainter painter(&sheet);
        for (int row = 0; row < 2; ++row) {
            painter.fillRect(
                0, row * 72, sheet.width(), 72, row ? QColor(0x20, 0x20, 0x20) : Qt::white);
            for (qsizetype i = 0; i < brands.size(); ++i) {
                const Ui::BrandStyle style = Ui::BrandMarks::style(brands.at(i), row == 1);
                const QRect button(int(i) * 72 + 8, row * 72 + 8, 56, 56);
                painter.setPen(style.border.isValid() ? QPen(style.border, 1) : Qt::NoPen);
                painter.setBrush(style.background.isValid() ? style.background : QColor(Qt::gray));
                painter.drawRoundedRect(button, 8, 8);
                painter.drawImage(button.adjusted(12, 12, -12, -12),
                    Ui::BrandMarks::render(brands.at(i), {32, 32},
                        style.mark.isValid() ? style.mark : QColor(Qt::black)));
            }
        }
        painter.end();
        QVERIFY(sheet.save(QStringLiteral("brand-marks.png")));
    }
};

QTEST_MAIN(TestBrandMarks)
#include "tst_brandmarks.moc"
