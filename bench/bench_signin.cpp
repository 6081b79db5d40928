// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Server to buttons, to icons, a server used before, and callback to signed in: Portico's own
// window (Main.qml, LoginController, IconProvider, the keychain store, as app/main.cpp builds
// them) in this process, against the development homeserver in another process that adds a fixed
// latency L to every response. Times end at the frame on screen that shows the result: each
// frame's scene is inspected (visible provider buttons, their icons loaded, the signed-in page).
#include "benchstats.h"

#include "session/sessionstore.h"
#include "ui/iconprovider.h"
#include "ui/logincontroller.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <functional>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(PorticoPlugin)

using namespace Portico;
using Bench::Clock;
using TimePoint = std::optional<Clock::time_point>;

namespace {
constexpr int ProviderCount = 4;

struct Scene
{
    int buttons = 0;
    int icons = 0;
    int iconsReady = 0;
    bool signedInPage = false;
};

// What the frame just drawn shows: only what is visible counts.
void inspect(QQuickItem *item, Scene &scene)
{
    const QByteArray type = item->metaObject()->className();
    if (item->inherits("QQuickImage")) {
        // Hidden until loaded (ProviderButton.qml): count it when its button is visible.
        const QUrl source = item->property("source").toUrl();
        if (item->parentItem() && item->parentItem()->isVisible() && source.scheme() == u"image"
            && source.host() == u"idpicon") {
            ++scene.icons;
            if (item->isVisible() && item->property("status").toInt() == 1) // Image.Ready
                ++scene.iconsReady;
        }
        return;
    }
    if (!item->isVisible())
        return;
    if (type.startsWith("ProviderButton"))
        ++scene.buttons;
    if (type.startsWith("SignedInPage"))
        scene.signedInPage = true;
    for (QQuickItem *child : item->childItems())
        inspect(child, scene);
}

// One Portico window, built as app/main.cpp builds it.
struct App
{
    QNetworkAccessManager network;
    Session::SessionStore store{Session::SessionStore::Persistence::Keychain};
    Ui::LoginController controller{network, store};
    QQmlApplicationEngine engine;
    QQuickWindow *window = nullptr;
    TimePoint firstFrame, buttons, icons, signedIn;

    App(const QString &cacheDir)
    {
        controller.providerCache().setDirectory(cacheDir);
        engine.addImageProvider(QStringLiteral("idpicon"),
            new Ui::IconProvider(cacheDir + QStringLiteral("/idp-icons")));
        engine.setInitialProperties(
            {{QStringLiteral("controller"), QVariant::fromValue(&controller)}});
        engine.load(QUrl(QStringLiteral("qrc:/Portico/Main.qml")));
        window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
        if (!window)
            qFatal("Main.qml did not load");
        // Direct: the time is taken as the frame is swapped. The software renderer draws on
        // this (the GUI) thread, so looking at the items here is safe.
        QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [this] {
                const auto now = Clock::now();
                if (QThread::currentThread() != window->thread())
                    qFatal("frames drawn on another thread: run with QT_QUICK_BACKEND=software");
                if (!firstFrame)
                    firstFrame = now;
                Scene scene;
                inspect(window->contentItem(), scene);
                if (!buttons && scene.buttons == ProviderCount)
                    buttons = now;
                if (!icons && scene.icons == ProviderCount && scene.iconsReady == ProviderCount)
                    icons = now;
                if (!signedIn && scene.signedInPage)
                    signedIn = now;
            },
            Qt::DirectConnection);
        // As app/main.cpp does once the first frame is up: the other pages compile meanwhile.
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = QObject::connect(
            window, &QQuickWindow::frameSwapped, window,
            [this, once] {
                QObject::disconnect(*once);
                QMetaObject::invokeMethod(window, "compilePagesAhead");
            },
            Qt::QueuedConnection);
    }
};

// Runs the event loop until `done`. Not QTest::qWaitFor: it sleeps 10 ms between rounds of
// events, which would delay every step of Portico's own asynchronous work and count against it.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 20000)
{
    QElapsedTimer elapsed;
    elapsed.start();
    while (!done()) {
        if (elapsed.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit); // look again; events run meanwhile
        loop.exec();
    }
    return true;
}

bool waitFor(const TimePoint &point, int timeoutMs = 20000)
{
    return waitUntil([&] { return point.has_value(); }, timeoutMs);
}

// The user's browser: follows the server's redirects; the last one reaches Portico's loopback
// listener, which is when "the callback arrives".
void browse(
    QNetworkAccessManager &network, const QUrl &url, quint16 serverPort, TimePoint &callbackSent)
{
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (url.port() != serverPort)
        callbackSent = Clock::now();
    QNetworkReply *reply = network.get(request);
    QObject::connect(
        reply, &QNetworkReply::finished, reply, [&network, reply, serverPort, &callbackSent] {
            reply->deleteLater();
            const QByteArray location = reply->rawHeader("Location");
            if (!location.isEmpty())
                browse(network, reply->url().resolved(QUrl(QString::fromUtf8(location))),
                    serverPort, callbackSent);
        });
}

// The development homeserver in its own process, as an MSC1730 portal: its login response names
// another homeserver (same process, same latency), so signing in needs the login and then that
// base URL's checks, as the protocol's worst case does. The portal's base URL once it listens.
QUrl startServer(QProcess &server, const QString &configPath)
{
    server.start(QStringLiteral(DEVSERVER_BINARY),
        {QStringLiteral("--config"), configPath, QStringLiteral("--portal")});
    QString announced;
    if (!QTest::qWaitFor(
            [&] {
                announced += QString::fromUtf8(server.readAllStandardOutput());
                return announced.contains(QStringLiteral("listening on "));
            },
            10000))
        qFatal("the development homeserver did not start");
    return QUrl(
        announced.section(QStringLiteral("listening on "), 1).section(u'\n', 0, 0).trimmed());
}

QJsonObject serverConfig(int latencyMs)
{
    QJsonArray providers;
    QJsonObject media;
    const char *colours[] = {"#24292f", "#4d7cfe", "#fc6d26", "#2e7d32"};
    for (int i = 0; i < ProviderCount; ++i) {
        const QString id = QStringLiteral("idp%1").arg(i);
        providers.append(QJsonObject{{QStringLiteral("id"), id},
            {QStringLiteral("name"), QStringLiteral("Provider %1").arg(i)},
            {QStringLiteral("icon"), QStringLiteral("mxc://${SERVER_NAME}/icon%1").arg(i)}});
        media.insert(QStringLiteral("icon%1").arg(i), QString::fromLatin1(colours[i]));
    }
    return QJsonObject{{QStringLiteral("identityProviders"), providers},
        {QStringLiteral("media"), media}, {QStringLiteral("skipIdpPage"), true},
        {QStringLiteral("latencyMs"), latencyMs}};
}
} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("Portico"));
    QGuiApplication::setApplicationName(QStringLiteral("Portico"));
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    int runs = 7;
    int latency = 50;
    const QStringList arguments = QGuiApplication::arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == u"--runs")
            runs = std::max(5, arguments[i + 1].toInt());
        if (arguments[i] == u"--latency")
            latency = arguments[i + 1].toInt();
    }

    QTemporaryDir scratch;
    const QString configPath = scratch.filePath(QStringLiteral("server.json"));
    {
        QFile file(configPath);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the server config");
        file.write(QJsonDocument(serverConfig(latency)).toJson());
    }
    std::vector<double> buttons, icons, cached, revalidated, callback, callbackNetwork,
        callbackStored;
    QNetworkAccessManager browserNetwork;
    for (int run = -1; run < runs; ++run) { // run -1 warms up (QML types, TLS-free sockets)
        const QString cacheDir = scratch.filePath(QStringLiteral("run%1").arg(run));
        QDir().mkpath(cacheDir);
        // A server of its own per run: a new address, so that no icon is in Qt's in-process
        // image cache from an earlier run, as none is when Portico starts.
        QProcess server;
        const QUrl base = startServer(server, configPath);
        const quint16 serverPort = quint16(base.port());
        {
            App fresh(cacheDir);
            if (!waitFor(fresh.firstFrame))
                qFatal("no first frame");
            const auto entered = Clock::now();
            fresh.controller.discover(base.toString());
            if (!waitFor(fresh.buttons) || !waitFor(fresh.icons))
                qFatal("the providers or their icons never showed");

            TimePoint callbackSent, sessionReady, stored;
            QObject::connect(&fresh.controller.ssoLogin(), &Sso::SsoLogin::signedIn,
                &fresh.controller, [&] { sessionReady = Clock::now(); });
            QObject::connect(&fresh.store, &Session::SessionStore::saved, &fresh.controller,
                [&] { stored = Clock::now(); });
            fresh.controller.ssoLogin().setBrowserLauncher([&](const QUrl &url) {
                browse(browserNetwork, url, serverPort, callbackSent);
                return true;
            });
            fresh.controller.signIn(QStringLiteral("idp0"));
            if (!waitFor(fresh.signedIn) || !callbackSent || !sessionReady)
                qFatal("never signed in");
            if (run >= 0) {
                buttons.push_back(Bench::msBetween(entered, *fresh.buttons));
                icons.push_back(Bench::msBetween(entered, *fresh.icons));
                callback.push_back(Bench::msBetween(*callbackSent, *fresh.signedIn));
                callbackNetwork.push_back(Bench::msBetween(*callbackSent, *sessionReady));
                if (stored)
                    callbackStored.push_back(Bench::msBetween(*callbackSent, *stored));
            }
            // The keychain forgets it again; the store must outlive its keychain jobs.
            bool removed = false;
            QObject::connect(&fresh.store, &Session::SessionStore::removed, &fresh.controller,
                [&] { removed = true; });
            fresh.controller.signOut();
            if (!waitUntil([&] { return removed && !fresh.controller.busy(); }))
                qFatal("sign out never finished");
        }
        {
            // The same server again, in a new window: its providers come from the cache.
            App again(cacheDir);
            if (!waitFor(again.firstFrame))
                qFatal("no first frame");
            bool asking = false;
            TimePoint revalidatedAt;
            QObject::connect(&again.controller, &Ui::LoginController::lookupStatusChanged,
                &again.controller, [&] {
                    if (!again.controller.lookupStatus().isEmpty())
                        asking = true;
                    else if (asking)
                        revalidatedAt = Clock::now();
                });
            const auto entered = Clock::now();
            again.controller.discover(base.toString());
            if (!waitFor(again.buttons) || !waitFor(revalidatedAt))
                qFatal("cached providers never showed or were never asked again");
            if (run >= 0) {
                cached.push_back(Bench::msBetween(entered, *again.buttons));
                revalidated.push_back(Bench::msBetween(entered, *revalidatedAt));
            }
        }
        server.kill();
        server.waitForFinished();
    }

    const double L = latency;
    const auto ms = [](double v) { return Bench::format(v, "ms"); };
    const QString l = QStringLiteral("L = %1 ms").arg(latency);
    const auto b = Bench::stats(buttons), i = Bench::stats(icons), c = Bench::stats(cached),
               r = Bench::stats(revalidated), s = Bench::stats(callback),
               n = Bench::stats(callbackNetwork), k = Bench::stats(callbackStored);
    Bench::row("Server entered → provider buttons on screen (" + l.toStdString() + ")", b, "ms",
        "2 L = " + ms(2 * L), "≤ 2 L + 30 ms = " + ms(2 * L + 30), b.median <= 2 * L + 30);
    Bench::row("Server entered → all icons drawn", i, "ms", "3 L = " + ms(3 * L),
        "≤ 3 L + 30 ms = " + ms(3 * L + 30), i.median <= 3 * L + 30);
    Bench::row("Server used before → cached buttons on screen", c, "ms", "0 round trips",
        "at once: ≤ 30 ms", c.median <= 30);
    Bench::row("Server used before → revalidated in the background", r, "ms", "2 L = " + ms(2 * L),
        "≤ 2 L + 30 ms = " + ms(2 * L + 30), r.median <= 2 * L + 30);
    // Three round trips: the login at the portal, then /versions on the base URL it names, and
    // only once that answered as a homeserver, whoami with the new token (no token before).
    Bench::row("Callback arrives → signed-in page on screen", s, "ms", "3 L = " + ms(3 * L),
        "≤ 3 L + 30 ms = " + ms(3 * L + 30), s.median <= 3 * L + 30);
    Bench::row("  of which: callback → session checked (network only)", n, "ms",
        "3 L = " + ms(3 * L), "—", true);
    if (k.runs > 0)
        Bench::row("  of which: callback → session in the keychain", k, "ms", "3 L = " + ms(3 * L),
            "—", true);
    Bench::note("Sign-in figures: in-process (bench/bench_signin.cpp): Portico's Main.qml, "
                "LoginController, IconProvider and keychain store as app/main.cpp builds them, "
                "against portico-devserver in its own process on loopback with latencyMs = "
        + std::to_string(latency)
        + " on every response; each time ends at the frame on screen that shows the result. "
          "The server is an MSC1730 portal whose login response names another homeserver, so "
          "signing in is the login, then that base URL's checks. The server is entered as its URL "
          "(a server name adds the well-known round trip, which "
          "needs https and is not measured here). Each run uses a new window and empty caches; "
          "the 'used before' rows open a second window on the first one's cache.");
    return 0;
}
