// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The UI in German under a German locale: the catalogue is found through QLocale::system() as in
// the app (LANGUAGE=de, set before the application starts), and the real window, loaded from the
// QML module, shows German text; the C++ messages come out German too.
#include "discovery/serverinput.h"
#include "matrix/error.h"
#include "session/sessionstore.h"
#include "ui/localization.h"
#include "ui/logincontroller.h"
#include "uia/authsession.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(PorticoPlugin)

namespace {
// The texts of every visible item of the window.
QStringList visibleTexts(QQuickItem *item)
{
    QStringList texts;
    if (!item->isVisible())
        return texts;
    const QVariant text = item->property("text");
    if (text.isValid() && !text.toString().isEmpty())
        texts << text.toString();
    const QVariant placeholder = item->property("placeholderText");
    if (placeholder.isValid() && !placeholder.toString().isEmpty())
        texts << placeholder.toString();
    for (QQuickItem *child : item->childItems())
        texts << visibleTexts(child);
    return texts;
}
} // namespace

class TestGermanUi : public QObject
{
    Q_OBJECT

public:
    static void initMain()
    {
        qputenv("LANGUAGE", "de");
        qputenv("LANG", "de_DE.UTF-8");
        qunsetenv("LC_ALL");
        qunsetenv("LC_MESSAGES");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        QCOMPARE(
            Portico::Ui::installTranslations(*QCoreApplication::instance()), QStringLiteral("de"));
    }

    void windowShowsGerman()
    {
        QNetworkAccessManager network;
        Portico::Session::SessionStore store(
            Portico::Session::SessionStore::Persistence::MemoryOnly);
        Portico::Ui::LoginController controller(network, store);
        QQmlApplicationEngine engine;
        engine.setInitialProperties(
            {{QStringLiteral("controller"), QVariant::fromValue(&controller)}});
        engine.load(QUrl(QStringLiteral("qrc:/Portico/Main.qml")));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));

        const QStringList texts = visibleTexts(window->contentItem());
        QVERIFY2(
            texts.contains(QStringLiteral("Bei Matrix anmelden")), qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(QStringLiteral("Weiter")));
        QVERIFY(texts.contains(QStringLiteral(
            "Geben Sie Ihren Server (example.org), Ihre Matrix-ID (@sie:example.org) oder die "
            "Adresse des Servers ein.")));
        QVERIFY(!texts.contains(QStringLiteral("Sign in to Matrix")));
        QVERIFY(!texts.contains(QStringLiteral("Continue")));

        // The window grabbed: what a user sees is drawn (not only set in a property).
        const QImage shot = window->grabWindow();
        QVERIFY(!shot.isNull());
    }

    // C++ messages of each translation context come out German: the contexts in code match
    // the catalogue's (free functions' tr() included).
    void messagesInGerman()
    {
        QCOMPARE(Portico::Discovery::parseServerInput(u"").error(),
            QStringLiteral("Geben Sie einen Servernamen, eine Matrix-ID oder eine URL ein."));
        Portico::Matrix::Error timeout;
        timeout.kind = Portico::Matrix::Error::Kind::Timeout;
        QCOMPARE(
            timeout.describe(), QStringLiteral("Der Server hat nicht rechtzeitig geantwortet."));
        Portico::Matrix::Error forbidden;
        forbidden.kind = Portico::Matrix::Error::Kind::Matrix;
        forbidden.errcode = QStringLiteral("M_FORBIDDEN");
        QCOMPARE(Portico::Ui::describePasswordError(forbidden),
            QStringLiteral("Benutzername oder Passwort sind falsch. Überprüfen Sie beides und "
                           "versuchen Sie es erneut."));
        // A plain struct's member (the re-authentication's failures).
        Portico::Uia::Failure expired;
        expired.reason = Portico::Uia::Failure::Reason::SessionExpired;
        QCOMPARE(expired.describe(),
            QStringLiteral(
                "Die Bestätigung hat zu lange gedauert und der Server hat sie verworfen. "
                "Bitte beginnen Sie neu."));
        QCOMPARE(
            QCoreApplication::translate("main", "Sign in with this identity provider right away."),
            QStringLiteral("Sofort mit diesem Identitätsanbieter anmelden."));
    }

    // Which catalogue a locale gets.
    void languageChoice_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("German") << "de_DE"
                                << "de";
        QTest::newRow("Austrian German") << "de_AT"
                                         << "de";
        QTest::newRow("Swiss German") << "de_CH"
                                      << "de";
        QTest::newRow("English") << "en_GB"
                                 << "";
        QTest::newRow("French, no catalogue") << "fr_FR"
                                              << "";
    }
    void languageChoice()
    {
        QFETCH(QString, locale);
        QFETCH(QString, expected);
        // German ones add one more German translator: harmless, the texts are the same.
        QCOMPARE(Portico::Ui::installTranslations(*QCoreApplication::instance(), QLocale(locale)),
            expected);
    }
};

QTEST_MAIN(TestGermanUi)
#include "tst_germanui.moc"
