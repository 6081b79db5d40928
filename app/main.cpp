// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "deferredstartup.h"
#include "instancechannel.h"
#include "providerscommand.h"
#include "signincommand.h"
#include "startupprobe.h"

#include "session/sessionstore.h"
#include "ui/brandmarks.h"
#include "ui/colorscheme.h"
#include "ui/iconprovider.h"
#include "ui/localization.h"
#include "ui/logincontroller.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QIcon>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <QWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <chrono>
#include <cmath>
#include <memory>
#include <thread>
#include <utility>

Q_IMPORT_QML_PLUGIN(PorticoPlugin)

namespace {
void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Portico"));
    QCoreApplication::setApplicationName(QStringLiteral("Portico"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTICO_VERSION));
}

// --help and --version only print: answer them without a display.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "-?" || arg == "--help-all"
            || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

// Qt Quick's software renderer, unless the user names another scene graph: QT_QUICK_BACKEND
// (`rhi` for the default, GPU-based one) or QSG_RHI_BACKEND (a GPU API). A few flat pages need no
// GPU, and the default costs a GL context, shader compilation and the GL driver's libraries:
// on Mesa 3 to 4 times the time to the first paint and 2.5 times the memory
// (docs/performance.md). Qt lets a program's choice win over QT_QUICK_BACKEND, hence the check.
//
// Its frames come at a display's pace (60 a second): nothing waits for a vertical blank there, and
// Qt asks for the next frame 5 ms after one is drawn, so the busy indicator of the "Continue in
// your browser" page drew ~200 frames a second, 2-3 % of a core; ~1.8 % at 16 ms (~1.1 % at
// 33 ms, which would halve every animation). QT_QPA_UPDATE_IDLE_TIME, if set, still decides.
void useSoftwareSceneGraphUnlessAsked()
{
    if (!qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND")
        || !qEnvironmentVariableIsEmpty("QSG_RHI_BACKEND"))
        return;
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    if (qEnvironmentVariableIsEmpty("QT_QPA_UPDATE_IDLE_TIME"))
        qputenv("QT_QPA_UPDATE_IDLE_TIME", "16");
}

// The app icon from the icon theme (installed in hicolor), else the copies built in.
QIcon applicationIcon()
{
    QIcon builtIn;
    // Up to 128 px: X11 turns every size into the window's _NET_WM_ICON property.
    for (const int size : {16, 22, 24, 32, 48, 64, 128})
        builtIn.addFile(
            QStringLiteral(":/icons/hicolor/%1x%1/apps/" PORTICO_APP_ID ".png").arg(size),
            QSize(size, size));
    return QIcon::fromTheme(QStringLiteral(PORTICO_APP_ID), builtIn);
}
} // namespace

int main(int argc, char *argv[])
{
    // `portico providers SERVER` needs no window: it runs before any GUI is made.
    if (argc >= 2 && qstrcmp(argv[1], "providers") == 0)
        return runProvidersCommand(argc, argv);
    // `portico sign-in SERVER --device`: the device grant from a terminal, no window either.
    if (argc >= 2 && qstrcmp(argv[1], "sign-in") == 0)
        return runSignInCommand(argc, argv);

    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        describeApplication();
        Portico::Ui::installTranslations(app);
        parseCommandLine(QCoreApplication::arguments()); // prints, then exits
        return 0;
    }

    useSoftwareSceneGraphUnlessAsked();
    QGuiApplication app(argc, argv);
    describeApplication();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Portico"));
    // Wayland's app_id and the desktop entry's name: the shell matches the window to it.
    QGuiApplication::setDesktopFileName(QStringLiteral(PORTICO_APP_ID));
    Portico::Ui::installTranslations(app);

    const CommandLine options = parseCommandLine(QGuiApplication::arguments());
    if (options.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("portico.*.debug=true"));
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    // One Portico per session: the first start owns the app ID on the session bus; a later one
    // hands over its link (or just focus) and exits. An ephemeral run stays off the bus.
    InstanceChannel instance;
    if (!options.ephemeral) {
        switch (instance.claim()) {
        case InstanceChannel::Claim::Claimed:
            break;
        case InstanceChannel::Claim::Taken:
            if (InstanceChannel::handOver(options.url))
                return 0;
            qWarning("Another program owns " PORTICO_APP_ID " on the session bus and did not "
                     "answer; links will not reach this Portico");
            break;
        case InstanceChannel::Claim::NoBus:
            qWarning("No D-Bus session bus; links will not reach this Portico");
            break;
        }
    }

    // The font database (fontconfig's configuration and font list, ~3 ms) on a second core while
    // the QML engine loads its types; the first frame's text would otherwise load it after them.
    // QFontDatabase is thread-safe; the main thread waits on its lock if it is not done yet.
    const std::jthread fonts([] { QFontDatabase::families(); });

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
    QObject::connect(&controller, &Portico::Ui::LoginController::secretsUnreadable,
        [](const QStringList &userIds, const QString &reason) {
            QTextStream(stdout) << "restore-failed " << reason << ' ' << userIds.join(u' ')
                                << Qt::endl;
        });
    QObject::connect(&controller, &Portico::Ui::LoginController::sessionVerified,
        [](const QString &userId, const QString &deviceId) {
            QTextStream(stdout) << "verified " << userId << ' ' << deviceId << Qt::endl;
        });

    // The account page, for the same readers: what the devices page and the "Confirm it's you"
    // dialog are doing.
    Portico::Ui::DevicesController *devices = controller.devices();
    QObject::connect(devices, &Portico::Ui::DevicesController::loaded,
        [](int count) { QTextStream(stdout) << "devices " << count << Qt::endl; });
    QObject::connect(
        devices, &Portico::Ui::DevicesController::deleteAsked, [](const QStringList &ids) {
            QTextStream(stdout) << "delete-asked " << ids.join(u' ') << Qt::endl;
        });
    QObject::connect(devices, &Portico::Ui::DevicesController::deleted, [](const QStringList &ids) {
        QTextStream(stdout) << "devices-deleted " << ids.join(u' ') << Qt::endl;
    });
    QObject::connect(devices->prompt(), &Portico::Ui::AuthPrompt::stageShown,
        [](const QString &stage) { QTextStream(stdout) << "uia-stage " << stage << Qt::endl; });
    QObject::connect(devices->prompt(), &Portico::Ui::AuthPrompt::finished,
        [](bool succeeded, const QJsonObject &, const QString &failure) {
            QTextStream(stdout) << "uia-finished " << (succeeded ? "ok" : "ended") << ' ' << failure
                                << Qt::endl;
        });

    // The accounts already signed in come back in any case. Before the window is made: they are
    // shown from the settings at once, so the first page built and painted is the signed-in one,
    // not the server page and then that. Their tokens are read once that frame is on screen
    // (below): the keychain's first job loads libsecret and GIO on this thread, which would
    // otherwise come before the first frame. With --server, the lookup goes first, and the
    // sign-in it starts keeps its pages.
    if (options.server.isEmpty())
        controller.restoreShownFirst();

    QQmlApplicationEngine engine;
    // Icons are cached on disk, except in an ephemeral run, which leaves nothing behind.
    engine.addImageProvider(QStringLiteral("idpicon"),
        new Portico::Ui::IconProvider(options.ephemeral
                ? QString()
                : QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                    + QStringLiteral("/idp-icons")));
    // The registered brands' marks, drawn at the size each button asks (resources/brands).
    engine.addImageProvider(QStringLiteral("brandmark"), new Portico::Ui::BrandMarkProvider);
    // Who the accounts are: names and faces kept with the icons, except in an ephemeral run. The
    // largest face (the signed-in page's, 64 px) at this screen's density.
    Portico::Ui::AccountProfiles &profiles = *controller.profiles();
    if (!options.ephemeral)
        profiles.setCacheDirectory(QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
            + QStringLiteral("/profiles"));
    const int facePixels = int(std::ceil(64 * qGuiApp->devicePixelRatio()));
    profiles.setAvatarPixelSize(QSize(facePixels, facePixels));
    engine.addImageProvider(QStringLiteral("avatar"), profiles.createImageProvider());
    engine.setInitialProperties({{QStringLiteral("controller"), QVariant::fromValue(&controller)}});
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Portico/Main.qml")));
    // Light or dark as the desktop prefers (PORTICO_COLOR_SCHEME=light|dark overrides). Once the
    // window exists: Qt Quick follows changes of the application palette, not one set before.
    Portico::Ui::ColorScheme colorScheme;
    colorScheme.start();
    if (StartupProbe::enabled() && !engine.rootObjects().isEmpty())
        if (auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst()))
            StartupProbe::watchFirstFrame(window);

    // Once the first frame is up: the window icon (looking it up in the icon theme and decoding
    // it took a fifth of the start-up time, docs/performance.md, and nobody sees it sooner), and
    // the pages not shown yet, compiled in the background (Main.qml).
    if (!engine.rootObjects().isEmpty())
        if (auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst())) {
            // Queued: a second frame may be swapped before it runs, hence `once` and `done`.
            auto once = std::make_shared<QMetaObject::Connection>();
            auto done = std::make_shared<bool>(false);
            *once = QObject::connect(
                window, &QQuickWindow::frameSwapped, &app,
                [once, done, window, &controller] {
                    QObject::disconnect(*once);
                    if (std::exchange(*done, true))
                        return;
                    controller.readRestoredTokens();
                    QMetaObject::invokeMethod(window, "compilePagesAhead");
                    QGuiApplication::setWindowIcon(applicationIcon());
                    // Compiling the pages was start-up's last step: what it freed goes back.
                    DeferredStartup::whenPagesAheadCompiled(
                        window, [](int) { DeferredStartup::returnFreedMemory(); });
                    if (StartupProbe::enabled())
                        StartupProbe::deferredWorkStarted(window);
                },
                Qt::QueuedConnection);
        }

    // A window that is never drawn (minimised at start, a compositor that holds it back) still
    // gets its accounts' tokens, and their checks.
    QTimer::singleShot(
        std::chrono::seconds(1), &controller, [&controller] { controller.readRestoredTokens(); });

    // Another start (a plain launch, or a portico:// link) brings this window to the front.
    QObject::connect(&instance, &InstanceChannel::activationRequested, &engine,
        [&engine](const QString &activationToken) {
            // The token the desktop gave the second start lets this window take the focus: Qt's
            // Wayland plugin presents XDG_ACTIVATION_TOKEN with requestActivate() (and unsets it).
            if (!activationToken.isEmpty() && QGuiApplication::platformName() == u"wayland")
                qputenv("XDG_ACTIVATION_TOKEN", activationToken.toUtf8());
            for (QObject *root : engine.rootObjects())
                if (auto *window = qobject_cast<QWindow *>(root)) {
                    if (window->windowStates() & Qt::WindowMinimized)
                        window->setWindowStates(window->windowStates() & ~Qt::WindowMinimized);
                    window->show();
                    window->raise();
                    window->requestActivate();
                }
            QTextStream(stdout) << "activated" << Qt::endl;
        });
    QObject::connect(&instance, &InstanceChannel::urlReceived, &controller,
        &Portico::Ui::LoginController::submitCallbackUrl);

    controller.setLoopbackAllowed(!options.noLoopback);
    // --server adds one more account to those restored.
    if (!options.server.isEmpty()) {
        controller.setAutoProvider(options.idp);
        controller.discover(options.server);
        controller.restore();
    }
    // The window exists and, unless ephemeral, a second start finds us: for scripts and tests.
    QTextStream(stdout) << "ready" << Qt::endl;
    return QGuiApplication::exec();
}
