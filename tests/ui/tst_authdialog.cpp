// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The real "Confirm it's you" dialog (qml/AuthDialog.qml) on a terms stage whose policy name is
// hostile markup: the name is shown as plain text, and nothing but the checked policy URL can be
// opened, neither by a click nor by a link hidden in the name.
#include "devicescontroller.h"

#include "devserver.h"
#include "devsession.h"

#include <QDesktopServices>
#include <QNetworkAccessManager>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <functional>
#include <memory>

Q_IMPORT_QML_PLUGIN(PorticoPlugin)

using namespace Portico;

namespace {
const QString HostileName = QStringLiteral(
    "<a href=\"file:///etc/passwd\">Terms</a><img src=\"file:///etc/hostname\" width=9999>");
const QString CheckedUrl = QStringLiteral("https://example.org/terms-1.0-en.html");

// The text items that show something of the policy's name.
void collect(QQuickItem *item, QList<QQuickItem *> &found)
{
    if (item->inherits("QQuickText") && item->property("text").toString().contains(u"Terms"))
        found.append(item);
    for (QQuickItem *child : item->childItems())
        collect(child, found);
}

// A device removal on the development homeserver, asked with the server's UIA flows: its
// "Confirm it's you" dialog (qml/AuthDialog.qml) in a real window, once the first stage is shown.
struct RemovalPrompt
{
    explicit RemovalPrompt(const DevServer::Config &config)
        : server(config)
    {}
    DevServer server;
    QNetworkAccessManager network;
    Session::Session session;
    std::unique_ptr<Ui::DevicesController> devices;
    QQmlApplicationEngine engine;
    QQuickWindow *window = nullptr;
};

// Signs in, asks to remove a device and shows the dialog in a window of that size. A failed step
// fails the test: check QTest::currentTestFailed() after it.
void showRemovalPrompt(RemovalPrompt &prompt, QSize windowSize)
{
    QVERIFY(prompt.server.start());
    prompt.session = signInOnDevServer(prompt.network, prompt.server);
    QVERIFY(prompt.session.isValid());
    prompt.server.addDevice(QStringLiteral("@alice:localhost"), QStringLiteral("OLDPHONE"),
        QStringLiteral("Old phone"));
    prompt.devices = std::make_unique<Ui::DevicesController>(
        prompt.network, [&prompt] { return prompt.session; });
    QSignalSpy loaded(prompt.devices.get(), &Ui::DevicesController::loaded);
    prompt.devices->refresh();
    QVERIFY(loaded.wait(10000));
    QSignalSpy shown(prompt.devices->prompt(), &Ui::AuthPrompt::stageShown);
    prompt.devices->askDelete({QStringLiteral("OLDPHONE")});
    prompt.devices->confirmDelete();
    QVERIFY(shown.wait(10000));

    prompt.engine.addImportPath(QStringLiteral("qrc:/"));
    prompt.engine.rootContext()->setContextProperty(
        QStringLiteral("testPrompt"), prompt.devices->prompt());
    prompt.engine.loadData(
        QStringLiteral("import QtQuick\nimport QtQuick.Controls\nimport Portico\n"
                       "ApplicationWindow { width: %1; height: %2; visible: true\n"
                       "  AuthDialog { prompt: testPrompt } }")
            .arg(windowSize.width())
            .arg(windowSize.height())
            .toUtf8());
    QCOMPARE(prompt.engine.rootObjects().size(), 1);
    prompt.window = qobject_cast<QQuickWindow *>(prompt.engine.rootObjects().first());
    QVERIFY(prompt.window);
    QVERIFY(QTest::qWaitForWindowExposed(prompt.window));
}
} // namespace

// Whatever the app asks the desktop to open, per scheme, instead of opening it.
class OpenedUrls : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls.append(url); }
};

class TestAuthDialog : public QObject
{
    Q_OBJECT
    OpenedUrls opened;

    static constexpr const char *Schemes[] = {"file", "http", "https", "qrc", "data", "javascript"};

private Q_SLOTS:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        for (const char *scheme : Schemes)
            QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), &opened, "open");
    }
    void cleanupTestCase()
    {
        for (const char *scheme : Schemes)
            QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
    }

    void hostilePolicyNameIsPlainTextAndOnlyTheCheckedUrlOpens()
    {
        // Rendering the name as markup would load its <img> from the disk, and say so.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("file:///etc/")));
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        config.uiaFlows = {{QStringLiteral("m.login.terms")}};
        config.uiaTermsPolicies = QJsonObject{{QStringLiteral("terms"),
            QJsonObject{{QStringLiteral("version"), QStringLiteral("1.0")},
                {QStringLiteral("en"),
                    QJsonObject{{QStringLiteral("name"), HostileName},
                        {QStringLiteral("url"), CheckedUrl}}}}}};
        RemovalPrompt prompt(config);
        showRemovalPrompt(prompt, QSize(640, 480));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(prompt.devices->prompt()->mode(), Ui::AuthPrompt::Mode::Terms);
        QQuickWindow *window = prompt.window;

        QList<QQuickItem *> links;
        QTRY_VERIFY_WITH_TIMEOUT(
            (links.clear(), collect(window->contentItem(), links),
                links.size() == 1 && links.first()->isVisible() && links.first()->height() > 0),
            15000);
        QQuickItem *link = links.first();
        // A link hidden in the name, were it ever rendered, opens nothing.
        QMetaObject::invokeMethod(
            link, "linkActivated", Q_ARG(QString, QStringLiteral("file:///etc/passwd")));
        QCoreApplication::processEvents();
        QVERIFY2(opened.urls.isEmpty(), qPrintable(QUrl::toStringList(opened.urls).join(u' ')));

        // The server's text, character for character: no anchor, no image made of it.
        QCOMPARE(link->property("text").toString(), HostileName);
        QCOMPARE(link->property("textFormat").toInt(), int(Qt::PlainText));

        // A click on the policy opens the checked URL, and only that.
        const QPointF centre = link->mapToScene(QPointF(link->width() / 2, link->height() / 2));
        QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(!opened.urls.isEmpty(), 15000);
        QCOMPARE(QUrl::toStringList(opened.urls), QStringList{CheckedUrl});
    }

    // The browser stage: the sentence names the identity provider (the prompt's BrowserPage, no
    // stage name compared in QML), and "Continue in browser" sits on one row with Cancel.
    void browserStageOneRowOfButtons()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true;
        config.uiaFlows = {{QStringLiteral("m.login.sso")}};
        RemovalPrompt prompt(config);
        showRemovalPrompt(prompt, QSize(520, 680));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(prompt.devices->prompt()->mode(), Ui::AuthPrompt::Mode::Browser);
        QCOMPARE(
            prompt.devices->prompt()->browserPage(), Ui::AuthPrompt::BrowserPage::IdentityProvider);
        QQuickWindow *window = prompt.window;
        const std::function<QQuickItem *(QQuickItem *, const char *)> findIn
            = [&findIn](QQuickItem *item, const char *name) -> QQuickItem * {
            if (item->objectName() == QLatin1StringView(name))
                return item;
            for (QQuickItem *child : item->childItems())
                if (QQuickItem *found = findIn(child, name))
                    return found;
            return nullptr;
        };
        const auto find = [&](const char *name) { return findIn(window->contentItem(), name); };
        QQuickItem *open = nullptr;
        QQuickItem *cancel = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((open = find("openBrowser"), cancel = find("cancel"),
                                     open && cancel && open->isVisible() && open->height() > 0),
            15000);
        const auto middle
            = [](QQuickItem *item) { return item->mapToScene(QPointF(0, item->height() / 2)).y(); };
        QTRY_COMPARE(middle(open), middle(cancel));
        QList<QQuickItem *> texts;
        const std::function<void(QQuickItem *)> collectTexts = [&](QQuickItem *item) {
            if (item->inherits("QQuickText") && item->isVisible())
                texts.append(item);
            for (QQuickItem *child : item->childItems())
                collectTexts(child);
        };
        collectTexts(window->contentItem());
        const auto sentence = std::find_if(texts.cbegin(), texts.cend(), [](QQuickItem *text) {
            return text->property("text").toString().contains(u"your identity provider");
        });
        QVERIFY(sentence != texts.cend());
        // Both inside the dialog, within the width of its text, Cancel before the action.
        const QRectF column = (*sentence)->mapRectToScene(
            QRectF(0, 0, (*sentence)->width(), (*sentence)->height()));
        const QRectF openRect = open->mapRectToScene(QRectF(0, 0, open->width(), open->height()));
        const QRectF cancelRect
            = cancel->mapRectToScene(QRectF(0, 0, cancel->width(), cancel->height()));
        QVERIFY2(cancelRect.left() >= column.left() - 0.5,
            qPrintable(QStringLiteral("Cancel at %1, the dialog's text at %2")
                           .arg(cancelRect.left())
                           .arg(column.left())));
        QVERIFY(openRect.right() <= column.right() + 0.5);
        QVERIFY(cancelRect.right() <= openRect.left());
    }
};

QTEST_MAIN(TestAuthDialog)
#include "tst_authdialog.moc"
