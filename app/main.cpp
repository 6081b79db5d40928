// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "instancechannel.h"
#include "providerscommand.h"

#include "session/sessionstore.h"
#include "ui/iconprovider.h"
#include "ui/logincontroller.h"

#include <QGuiApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTextStream>
#include <QWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <chrono>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(PorticoPlugin)

int main(int argc, char *argv[])
{
    // `portico providers SERVER` needs no window: it runs before any GUI is made.
    if (argc >= 2 && qstrcmp(argv[1], "providers") == 0)
        return runProvidersCommand(argc, argv);

    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Portico"));
    QGuiApplication::setApplicationName(QStringLiteral("Portico"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Portico"));
    QGuiApplication::setApplicationVersion(QStringLiteral(PORTICO_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(PORTICO_APP_ID));

    const CommandLine options = parseCommandLine(QGuiApplication::arguments());
    if (options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("portico.*.debug=true"));
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    // One Portico per user: a second start hands over its link (or just focus) and exits.
    InstanceChannel instance;
    if (!options.ephemeral) {
        if (InstanceChannel::handOver(options.url))
            return 0;
        if (!instance.listen())
            qWarning("Portico could not claim its instance socket; links will not reach it");
    }

    QNetworkAccessManager network;
    Portico::Session::SessionStore store(options.ephemeral
            ? Portico::Session::SessionStore::Persistence::MemoryOnly
            : Portico::Session::SessionStore::Persistence::Keychain);
    Portico::Ui::LoginController controller(network, store);
    if (!options.ephemeral)
        controller.providerCache().setDirectory(
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation));

    // One line on stdout per sign-in, for scripts and the end-to-end tests. No secrets.
    QObject::connect(&controller, &Portico::Ui::LoginController::signedIn,
        [](const QString &userId, const QString &deviceId, const QString &baseUrl) {
            QTextStream(stdout) << "signed-in " << userId << ' ' << deviceId << ' ' << baseUrl
                                << Qt::endl;
        });

    QObject::connect(&controller, &Portico::Ui::LoginController::sessionRestored,
        [](const QString &userId, const QString &deviceId, const QString &baseUrl) {
            QTextStream(stdout) << "restored " << userId << ' ' << deviceId << ' ' << baseUrl
                                << Qt::endl;
        });
    QObject::connect(&controller, &Portico::Ui::LoginController::storeFailed,
        [](const QString &reason, const QString &detail) {
            QTextStream(stdout) << "store-failed " << reason << ' ' << detail << Qt::endl;
        });
    QObject::connect(&controller, &Portico::Ui::LoginController::sessionVerified,
        [](const QString &userId, const QString &deviceId) {
            QTextStream(stdout) << "verified " << userId << ' ' << deviceId << Qt::endl;
        });

    QQmlApplicationEngine engine;
    // Icons are cached on disk, except in an ephemeral run, which leaves nothing behind.
    engine.addImageProvider(QStringLiteral("idpicon"),
        new Portico::Ui::IconProvider(options.ephemeral
                ? QString()
                : QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                    + QStringLiteral("/idp-icons")));
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)}});
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Portico/Main.qml")));
    // For scripts/bench only: report when the first frame is on screen (steady clock, in ns),
    // then quit. Off, it costs one environment lookup.
    if (qEnvironmentVariableIsSet("PORTICO_BENCH_FIRST_FRAME") && !engine.rootObjects().isEmpty())
        if (auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst()))
            QObject::connect(
                window, &QQuickWindow::frameSwapped, window,
                [window] {
                    const auto now = std::chrono::steady_clock::now().time_since_epoch();
                    std::printf("first-frame %lld\n",
                        static_cast<long long>(
                            std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()));
                    std::fflush(stdout);
                    QObject::disconnect(window, &QQuickWindow::frameSwapped, nullptr, nullptr);
                    QMetaObject::invokeMethod(
                        qApp, [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
                },
                Qt::DirectConnection);

    QObject::connect(&instance, &InstanceChannel::activationRequested, &engine, [&engine] {
        for (QObject *root : engine.rootObjects())
            if (auto *window = qobject_cast<QWindow *>(root)) {
                window->show();
                window->raise();
                window->requestActivate();
            }
    });
    QObject::connect(&instance, &InstanceChannel::urlReceived, &controller,
        &Portico::Ui::LoginController::submitCallbackUrl);

    if (!options.server.isEmpty()) {
        controller.setAutoProvider(options.idp);
        controller.discover(options.server);
    } else {
        controller.restore();
    }
    return QGuiApplication::exec();
}
