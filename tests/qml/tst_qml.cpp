// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Qt Quick Tests of the real pages (the static QML module "Portico"), driven by a real
// LoginController against the development homeserver in this process. The browser is a
// ScriptedBrowser that follows the sign-in redirects, so a sign-in runs to its end.
#include "devserver.h"
#include "scriptedbrowser.h"

#include "session/sessionstore.h"
#include "ui/brandmarks.h"
#include "ui/iconprovider.h"
#include "ui/logincontroller.h"

#include <QNetworkAccessManager>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(PorticoPlugin)

// What the test's browser was asked to open, for the QML side.
class BrowserLog : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString lastUrl READ lastUrl NOTIFY opened)
public:
    QString lastUrl() const { return m_lastUrl; }
    void record(const QUrl &url)
    {
        m_lastUrl = url.toString();
        Q_EMIT opened();
    }
Q_SIGNALS:
    void opened();

private:
    QString m_lastUrl;
};

class Setup : public QObject
{
    Q_OBJECT

    std::unique_ptr<DevServer> m_server;
    QNetworkAccessManager m_network;
    Portico::Session::SessionStore m_store{Portico::Session::SessionStore::Persistence::MemoryOnly};
    std::unique_ptr<Portico::Ui::LoginController> m_controller;
    ScriptedBrowser m_browser;
    BrowserLog m_log;

public Q_SLOTS:
    void applicationAvailable() { QQuickStyle::setStyle(QStringLiteral("Fusion")); }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // Qt 6.4 keeps the static module's QML files (and its qmldir) under qrc:/Portico.
        engine->addImportPath(QStringLiteral("qrc:/"));
        DevServer::Config config = DevServer::Config::demo();
        config.skipIdpPage = true; // the scripted browser only follows redirects
        m_server = std::make_unique<DevServer>(config);
        if (!m_server->start())
            qFatal("the development homeserver did not start");
        m_controller = std::make_unique<Portico::Ui::LoginController>(m_network, m_store);
        m_controller->ssoLogin().setBrowserLauncher([this](const QUrl &url) {
            m_log.record(url);
            m_browser.open(url);
            return true;
        });
        // As app/main.cpp registers them.
        engine->addImageProvider(QStringLiteral("brandmark"), new Portico::Ui::BrandMarkProvider);
        engine->addImageProvider(
            QStringLiteral("idpicon"), new Portico::Ui::IconProvider(QString()));
        engine->addImageProvider(
            QStringLiteral("avatar"), m_controller->profiles()->createImageProvider());
        engine->rootContext()->setContextProperty(
            QStringLiteral("testController"), m_controller.get());
        engine->rootContext()->setContextProperty(
            QStringLiteral("testServerUrl"), m_server->baseUrl().toString());
        engine->rootContext()->setContextProperty(QStringLiteral("testBrowser"), &m_log);
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)
#include "tst_qml.moc"
