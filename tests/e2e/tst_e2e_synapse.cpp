// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// End to end against a real Synapse (tests/synapse): the built app, the scripted browser, two
// real OpenID Connect providers, a portal/target split, and refreshable access tokens that live
// a few seconds. What only a real server shows: its expiry answers, its refresh paths, its own
// access log. Synapse starts once for the whole executable.
#include "appdriver.h"
#include "scriptedbrowser.h"
#include "synapseserver.h"

#include "logincontroller.h"
#include "session/sessionstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <csignal>
#include <memory>

namespace {
[[maybe_unused]] QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// The requests of Synapse's access log: listener (its port), user ("None" or the user ID),
// method and path, status.
struct Logged
{
    quint16 listener = 0;
    QString user;
    QString method;
    QString path;
    int status = 0;
};

QList<Logged> requests(const SynapseServer &synapse)
{
    // "... - synapse.access.http.8008 - ... - 127.0.0.1 - 8008 - {@alice:localhost} Processed
    // request: ... 200 "GET /_matrix/client/v3/account/whoami HTTP/1.1" ..."
    static const QRegularExpression line(QStringLiteral(
        R"(synapse\.access\.http\.(\d+) .* \{([^}]*)\} Processed request: .* (\d{3}) "(\w+) ([^ ?"]+)[^"]*")"));
    QList<Logged> result;
    for (const QString &text : synapse.accessLog()) {
        const auto match = line.match(text);
        if (match.hasMatch())
            result.append({quint16(match.captured(1).toUInt()), match.captured(2),
                match.captured(4), match.captured(5), match.captured(3).toInt()});
    }
    return result;
}

QString describe(const QList<Logged> &logged)
{
    QString text;
    for (const Logged &r : logged)
        text += QString::number(r.listener) + u' ' + r.user + u' ' + r.method + u' ' + r.path + u' '
            + QString::number(r.status) + u'\n';
    return text;
}

[[maybe_unused]] int count(const QList<Logged> &logged, const QString &pathEnd, int status = 0)
{
    return int(std::count_if(logged.cbegin(), logged.cend(), [&](const Logged &r) {
        return r.path.endsWith(pathEnd) && (status == 0 || r.status == status);
    }));
}

// How many pixels of the screen (the root window of the Xvfb display) are exactly `colour`; the
// grab is saved as `saveAs` (in the test's working folder, build/tests) for a person to look at.
// The beta provider's icon is a solid disc of a colour that nothing else on the page has.
int pixelsOnScreen(const QColor &colour, const QString &saveAs)
{
    QScreen *screen = QGuiApplication::primaryScreen();
    if (!screen)
        return -1;
    const QImage image = screen->grabWindow(0).toImage().convertToFormat(QImage::Format_RGB32);
    image.save(saveAs);
    const QRgb wanted = colour.rgb() & 0xffffff;
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            n += (line[x] & 0xffffff) == wanted;
    }
    return n;
}

// What the app's keychain store holds (the app's settings folder, the private Secret Service).
[[maybe_unused]] QList<Portico::Session::Session> storedSessions()
{
    Portico::Session::SessionStore store(Portico::Session::SessionStore::Persistence::Keychain);
    QSignalSpy loaded(&store, &Portico::Session::SessionStore::loaded);
    store.loadAll();
    if (loaded.isEmpty() && !loaded.wait(10000))
        return {};
    return loaded.first().first().value<QList<Portico::Session::Session>>();
}

// Asks Synapse whoami with `token`: its HTTP status and errcode.
[[maybe_unused]] std::pair<int, QString> whoami(
    QNetworkAccessManager &network, const QUrl &base, const QString &token)
{
    QNetworkRequest request(
        base.resolved(QUrl(QStringLiteral("/_matrix/client/v3/account/whoami"))));
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *reply = network.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        reply->abort();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString errcode
        = QJsonDocument::fromJson(reply->readAll()).object().value(u"errcode").toString();
    reply->deleteLater();
    return {status, errcode};
}
} // namespace

class TestE2eSynapse : public QObject
{
    Q_OBJECT

    std::unique_ptr<SynapseServer> synapse;
    QNetworkAccessManager network;
    std::unique_ptr<QTemporaryDir> scratch;
    std::unique_ptr<AppDriver> driver;
    std::unique_ptr<QProcess> app;
    QString output;

    // Starts the app on the portal and signs in through the provider's real pages.
    QStringList signIn(const QString &idp)
    {
        app = driver->launch({QStringLiteral("--server"), synapse->portalUrl().toString(),
            QStringLiteral("--idp"), idp});
        const QUrl opened = driver->waitForOpenedUrl();
        if (!opened.isValid())
            return {};
        return AppDriver::signInInBrowser(*app, opened, output);
    }
    // Signs the provider's user in once more, as another client would (a second device): the
    // scripted browser through the provider, then POST /login with the login token. Its device.
    QString signInElsewhere(const QString &idp)
    {
        ScriptedBrowser browser;
        QSignalSpy finished(&browser, &ScriptedBrowser::finished);
        QUrl start = synapse->targetUrl().resolved(
            QUrl(QStringLiteral("/_matrix/client/v3/login/sso/redirect/") + idp));
        start.setQuery(QStringLiteral("redirectUrl=")
            + QString::fromLatin1(
                QUrl::toPercentEncoding(QStringLiteral("http://127.0.0.1:1/done"))));
        browser.open(start);
        if (!finished.wait(30000))
            return {};
        QString token;
        for (const QUrl &url : browser.visited())
            if (url.port() == 1)
                token = QUrlQuery(url).queryItemValue(QStringLiteral("loginToken"));
        if (token.isEmpty())
            return {};
        QNetworkRequest request(
            synapse->targetUrl().resolved(QUrl(QStringLiteral("/_matrix/client/v3/login"))));
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.post(request,
            QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("m.login.token")},
                              {QStringLiteral("token"), token}})
                .toJson(QJsonDocument::Compact));
        if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
            reply->abort();
        const QString device
            = QJsonDocument::fromJson(reply->readAll()).object().value(u"device_id").toString();
        reply->deleteLater();
        return device;
    }
    // Waits until Synapse itself says the stored session's access token has expired.
    bool waitUntilExpired(const Portico::Session::Session &session)
    {
        return QTest::qWaitFor(
            [&] {
                const auto [status, errcode]
                    = whoami(network, session.baseUrl, session.accessToken);
                return status == 401 && errcode == u"M_UNKNOWN_TOKEN";
            },
            (synapse->options().tokenLifetimeSeconds + 20) * 1000);
    }

    // The accessibility bus, started on demand as a desktop session does at login.
    static void startAccessibilityBus()
    {
        QProcess bus;
        bus.start(QStringLiteral("gdbus"),
            {QStringLiteral("call"), QStringLiteral("--session"), QStringLiteral("--dest"),
                QStringLiteral("org.a11y.Bus"), QStringLiteral("--object-path"),
                QStringLiteral("/org/a11y/bus"), QStringLiteral("--method"),
                QStringLiteral("org.a11y.Bus.GetAddress")});
        QVERIFY(bus.waitForFinished(30000));
        QVERIFY2(bus.exitCode() == 0, bus.readAllStandardError().constData());
    }
    // What a screen reader sees of the app (tests/e2e/atspi-probe): role and name, a line each.
    static QString accessibleTree(qint64 pid)
    {
        QString out;
        (void)QTest::qWaitFor(
            [&] {
                QProcess probe;
                probe.start(QStringLiteral(E2E_ATSPI_PROBE),
                    {QString::number(pid), QStringLiteral("dump")});
                if (!probe.waitForFinished(30000))
                    probe.kill();
                out = QString::fromUtf8(probe.readAllStandardOutput());
                return out.contains(u"push button");
            },
            30000);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DISPLAY")
            || qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QFAIL(
                "needs a display and a D-Bus session with a keyring: run it through scripts/test");
        QCoreApplication::setOrganizationName(QStringLiteral("Portico"));
        QCoreApplication::setApplicationName(QStringLiteral("Portico"));
        qRegisterMetaType<QList<Portico::Session::Session>>();
        SynapseServer::Options options;
        options.authenticatedMedia = SYNAPSE_AUTHENTICATED_MEDIA;
        options.tokenLifetimeSeconds = 10;
        synapse = std::make_unique<SynapseServer>(options);
        QElapsedTimer started;
        started.start();
        const QString problem = synapse->start();
        if (!problem.isEmpty())
            QFAIL(qPrintable(problem));
        qInfo() << "Synapse and its identity providers ready in" << started.elapsed() << "ms";
    }
    void init()
    {
        scratch = std::make_unique<QTemporaryDir>();
        QVERIFY(scratch->isValid());
        driver = std::make_unique<AppDriver>(*scratch);
        // This process reads the app's store: the app's settings folder of this test (QSettings
        // keeps the path it saw first, so it is set, not only the environment).
        qputenv("XDG_CONFIG_HOME", scratch->filePath(QStringLiteral("config")).toUtf8());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
            scratch->filePath(QStringLiteral("config")));
        output.clear();
    }
    void cleanup()
    {
        if (app)
            AppDriver::stop(*app);
        app.reset();
        if (QTest::currentTestFailed())
            qWarning().noquote() << "app output:\n"
                                 << output << "\nSynapse access log:\n"
                                 << describe(requests(*synapse)) << "\nSynapse's warnings:\n"
                                 << synapse->problems();
    }
    void cleanupTestCase() { synapse.reset(); }

#if !SYNAPSE_AUTHENTICATED_MEDIA
    // Each provider signs its user in; the session is bound to the target Synapse names in its
    // login response, and Synapse's own access log shows every authenticated request there.
    void signInWithEachProvider_data()
    {
        QTest::addColumn<QString>("idp");
        QTest::addColumn<QString>("user");
        QTest::newRow("with a brand")
            << QStringLiteral("oidc-alpha") << QStringLiteral("@alice:localhost");
        QTest::newRow("without a brand")
            << QStringLiteral("oidc-beta") << QStringLiteral("@bob:localhost");
    }
    void signInWithEachProvider()
    {
        QFETCH(QString, idp);
        QFETCH(QString, user);
        const QStringList signedIn = signIn(idp);
        QVERIFY2(!signedIn.isEmpty(), qPrintable(output));
        QCOMPARE(signedIn.value(1), user);
        QCOMPARE(signedIn.value(3), synapse->targetUrl().toString());
        QVERIFY(synapse->devicesOf(user).contains(signedIn.value(2)));

        // From Synapse's access log: the login at the portal, every request made with the new
        // token on the target listener, and none of them on the portal.
        const QList<Logged> logged = requests(*synapse);
        const auto onPortal = [&](const Logged &r) { return r.listener == synapse->portalPort(); };
        QVERIFY2(std::any_of(logged.cbegin(), logged.cend(),
                     [&](const Logged &r) {
                         return onPortal(r) && r.method == u"POST"
                             && r.path == u"/_matrix/client/v3/login" && r.status == 200;
                     }),
            qPrintable(describe(logged)));
        int authenticated = 0;
        for (const Logged &r : logged) {
            if (r.user != user)
                continue;
            ++authenticated;
            QVERIFY2(r.listener == synapse->targetPort(), qPrintable(describe(logged)));
        }
        QVERIFY2(authenticated >= 1, qPrintable(describe(logged)));
    }

    // A real browser: headless Chromium (the xdg-open stub hands it the URL the app opens) goes
    // from Synapse to the provider, submits the provider's sign-in form itself (the page's button,
    // clicked by its script: "submitted login bob" in the provider's output), and comes back
    // through Synapse to the app's loopback listener, whose page it renders.
    void signInWithHeadlessChromium()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("chromium")).isEmpty())
            QFAIL("chromium is not installed: scripts/test installs it");
        const qsizetype submittedBefore = synapse->idpOutput().count(u"submitted login bob");
        app = driver->launch({QStringLiteral("--server"), synapse->portalUrl().toString(),
                                 QStringLiteral("--idp"), QStringLiteral("oidc-beta")},
            QStringLiteral("chromium"));
        const QStringList signedIn
            = AppDriver::waitForLine(*app, QStringLiteral("signed-in"), output);
        QVERIFY2(!signedIn.isEmpty(),
            qPrintable(output + QString::fromUtf8(app->readAllStandardError())
                + readFile(scratch->filePath(QStringLiteral("chromium.log")))
                + synapse->idpOutput()));
        QCOMPARE(signedIn.value(1), QStringLiteral("@bob:localhost"));
        QCOMPARE(signedIn.value(3), synapse->targetUrl().toString());
        QVERIFY(synapse->devicesOf(signedIn.value(1)).contains(signedIn.value(2)));
        QVERIFY2(synapse->idpOutput().count(u"submitted login bob") == submittedBefore + 1,
            qPrintable(synapse->idpOutput()));
        QString dom;
        (void)QTest::qWaitFor(
            [&] {
                dom = readFile(scratch->filePath(QStringLiteral("final-page.html")));
                return !dom.isEmpty();
            },
            30000);
        QVERIFY2(dom.contains(QStringLiteral("close this tab")), qPrintable(dom));
    }

    // The access token expired while the app was closed: the next start refreshes it (Synapse
    // says M_UNKNOWN_TOKEN, soft_logout: true) and shows the account, no sign-in page.
    void restartAfterTheTokenExpired()
    {
        const QStringList signedIn = signIn(QStringLiteral("oidc-alpha"));
        QVERIFY2(!signedIn.isEmpty(), qPrintable(output));
        AppDriver::stop(*app);
        const QList<Portico::Session::Session> stored = storedSessions();
        QCOMPARE(stored.size(), 1);
        QVERIFY(!stored.first().refreshToken.isEmpty());
        QVERIFY2(waitUntilExpired(stored.first()), "Synapse never let the access token expire");

        driver->forgetOpenedUrls();
        const int refreshesBefore = count(requests(*synapse), u"/refresh"_qs, 200);
        output.clear();
        app = driver->launch({});
        const QStringList verified
            = AppDriver::waitForLine(*app, QStringLiteral("verified"), output);
        QVERIFY2(!verified.isEmpty(),
            qPrintable(output + QString::fromUtf8(app->readAllStandardError())));
        QCOMPARE(verified.value(1), QStringLiteral("@alice:localhost"));
        QCOMPARE(verified.value(2), signedIn.value(2));
        // No sign-in page: restored, not signed in again, no browser opened.
        QVERIFY2(output.contains(u"restored @alice:localhost") && !output.contains(u"signed-in"),
            qPrintable(output));
        QFile opened(driver->openedUrlsLog());
        QVERIFY(
            !opened.exists() || (opened.open(QIODevice::ReadOnly) && opened.readAll().isEmpty()));
        QVERIFY(count(requests(*synapse), u"/refresh"_qs, 200) > refreshesBefore);
        // The refreshed tokens were stored: the keychain's access token works on Synapse.
        QTRY_VERIFY_WITH_TIMEOUT(
            storedSessions().value(0).accessToken != stored.first().accessToken, 15000);
        QCOMPARE(whoami(network, synapse->targetUrl(), storedSessions().value(0).accessToken).first,
            200);
    }

    // Left open across three access token lifetimes, the app keeps its session fresh: the
    // devices page loads afterwards.
    void leftOpenAcrossThreeLifetimes()
    {
        const QStringList signedIn = signIn(QStringLiteral("oidc-alpha"));
        QVERIFY2(!signedIn.isEmpty(), qPrintable(output));
        const int refreshesBefore = count(requests(*synapse), u"/refresh"_qs, 200);
        // The server is the clock: three refreshes mean three lifetimes went by.
        QTRY_VERIFY_WITH_TIMEOUT(
            count(requests(*synapse), u"/refresh"_qs, 200) >= refreshesBefore + 3,
            (synapse->options().tokenLifetimeSeconds * 3 + 20) * 1000);
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("Return")}));
        const QStringList devices = AppDriver::waitForLine(*app, QStringLiteral("devices"), output);
        QVERIFY2(!devices.isEmpty(),
            qPrintable(output + QString::fromUtf8(app->readAllStandardError())));
        QVERIFY(devices.value(1).toInt() >= 1);
        QVERIFY(!output.contains(u"signed-out"));
    }

    // Signing out while the access token has expired: the server still forgets the device.
    void signOutWithAnExpiredToken()
    {
        const QStringList signedIn = signIn(QStringLiteral("oidc-beta"));
        QVERIFY2(!signedIn.isEmpty(), qPrintable(output));
        const QString user = signedIn.value(1);
        const QString device = signedIn.value(2);
        QVERIFY(synapse->devicesOf(user).contains(device));
        const QList<Portico::Session::Session> stored = storedSessions();
        QCOMPARE(stored.size(), 1);
        // The app is frozen past its token's lifetime (so it cannot refresh in time), and the
        // user's keys (Sign out is two Tabs from Devices) wait in its X connection when it runs
        // again. Typed after SIGCONT instead, they came 100 ms after the overdue refresh timer
        // had fired and its refresh had answered: the sign-out then never met the expired token
        // (5 runs in 5 under load; queued, the logout left before any refresh had answered in
        // 4 of 5).
        QVERIFY(::kill(pid_t(app->processId()), SIGSTOP) == 0);
        const bool expired = waitUntilExpired(stored.first());
        const bool typed = AppDriver::typeKeys(app->processId(),
            {QStringLiteral("Tab"), QStringLiteral("Tab"), QStringLiteral("Return")});
        QVERIFY(::kill(pid_t(app->processId()), SIGCONT) == 0);
        QVERIFY2(expired, "Synapse never let the access token expire");
        QVERIFY(typed);
        QTRY_VERIFY_WITH_TIMEOUT(!synapse->devicesOf(user).contains(device), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(storedSessions().size(), 0, 15000);
        const QList<Logged> logged = requests(*synapse);
        QVERIFY2(count(logged, u"/logout"_qs, 200) >= 1, qPrintable(describe(logged)));
        // Synapse takes a logout with an expired access token (allow_expired): no 401 to see;
        // the development homeserver's refusal is tst_sessionkeeper's.
    }

    // Removing another device: Synapse's UIA offers m.login.sso to an SSO-only user; its
    // fallback page leads to the provider and ends on "Authentication successful".
    void removeADeviceThroughTheSsoFallback()
    {
        const QStringList signedIn = signIn(QStringLiteral("oidc-alpha"));
        QVERIFY2(!signedIn.isEmpty(), qPrintable(output));
        const QString user = signedIn.value(1);
        const QString other = signInElsewhere(QStringLiteral("oidc-alpha"));
        QVERIFY2(!other.isEmpty(), "could not make a second device through the provider");
        QVERIFY(synapse->devicesOf(user).contains(other));
        driver->forgetOpenedUrls();
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("Return")}));
        QVERIFY(!AppDriver::waitForLine(*app, QStringLiteral("devices"), output).isEmpty());
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("Delete")}));
        const QString asked
            = AppDriver::waitForLine(*app, QStringLiteral("delete-asked"), output).value(1);
        QVERIFY2(!asked.isEmpty() && asked != signedIn.value(2), qPrintable(output));
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("Return")}));
        QCOMPARE(AppDriver::waitForLine(*app, QStringLiteral("uia-stage"), output).value(1),
            QStringLiteral("m.login.sso"));
        QVERIFY(AppDriver::typeKeys(app->processId(), {QStringLiteral("Return")}));
        const QUrl fallback = driver->waitForOpenedUrl();
        QCOMPARE(
            fallback.path(), QStringLiteral("/_matrix/client/v3/auth/m.login.sso/fallback/web"));
        ScriptedBrowser browser;
        QSignalSpy pages(&browser, &ScriptedBrowser::finished);
        browser.open(fallback);
        QVERIFY(pages.wait(30000));
        const auto page = pages.last().first().value<ScriptedBrowser::Page>();
        QVERIFY2(page.status == 200 && page.body.contains("Authentication"), page.body.constData());
        QVERIFY2(
            AppDriver::waitForLine(*app, QStringLiteral("uia-finished"), output).value(1) == u"ok",
            qPrintable(output));
        QCOMPARE(AppDriver::waitForLine(*app, QStringLiteral("devices-deleted"), output).value(1),
            asked);
        QVERIFY(!synapse->devicesOf(user).contains(asked));
        QVERIFY(synapse->devicesOf(user).contains(signedIn.value(2)));
    }

    // Synapse's own login rate limiter (rc_login.failed_attempts: a burst of 3, then one more
    // every 1000 s). Its 429 after three wrong passwords refuses even the right one; Portico (its
    // controller, as the password page drives it) says at what time the user can try again, and
    // another press before then asks Synapse nothing: one 429, never a storm.
    void passwordLoginRateLimitedBySynapse()
    {
        QString problem;
        QVERIFY2(synapse->registerUser(QStringLiteral("carol"), QStringLiteral("carols-password"),
                     false, nullptr, &problem),
            qPrintable(problem));
        const auto logins = [&](int status) {
            const QList<Logged> logged = requests(*synapse);
            return int(std::count_if(logged.cbegin(), logged.cend(), [&](const Logged &r) {
                return r.method == u"POST" && r.path == u"/_matrix/client/v3/login"
                    && r.status == status;
            }));
        };
        const int refusedBefore = logins(403);
        QNetworkAccessManager appNetwork;
        Portico::Session::SessionStore store(
            Portico::Session::SessionStore::Persistence::MemoryOnly);
        Portico::Ui::LoginController controller(appNetwork, store);
        using Page = Portico::Ui::LoginController::Page;
        controller.discover(synapse->portalUrl().toString());
        QTRY_COMPARE_WITH_TIMEOUT(controller.page(), Page::Providers, 20000);
        QVERIFY(controller.passwordAvailable());
        controller.usePassword();
        QCOMPARE(controller.page(), Page::Password);
        const int burst = synapse->options().failedLoginBurst;
        for (int i = 0; i < burst; ++i) {
            controller.signInWithPassword(QStringLiteral("carol"), QStringLiteral("wrong"));
            QTRY_VERIFY_WITH_TIMEOUT(!controller.errorText().isEmpty(), 20000);
            QVERIFY2(controller.errorText().contains(u"password is wrong"),
                qPrintable(controller.errorText()));
        }
        QCOMPARE(logins(403), refusedBefore + burst);

        // The right password, but too late: Synapse's 429, and the sentence names a time.
        QSignalSpy signedIn(&controller, &Portico::Ui::LoginController::signedIn);
        controller.signInWithPassword(QStringLiteral("carol"), QStringLiteral("carols-password"));
        QTRY_VERIFY_WITH_TIMEOUT(!controller.errorText().isEmpty(), 20000);
        const QString limited = controller.errorText();
        QVERIFY2(
            limited.startsWith(u"Too many attempts. You can try again at "), qPrintable(limited));
        QTRY_COMPARE_WITH_TIMEOUT(logins(429), 1, 10000);
        QCOMPARE(controller.page(), Page::Password);

        // Pressed again at once: answered before any request could leave, with the same time.
        controller.signInWithPassword(QStringLiteral("carol"), QStringLiteral("carols-password"));
        QCOMPARE(controller.errorText(), limited);
        // Synapse's log shows any request the app sent before one of ours sent after it.
        QCOMPARE(whoami(network, synapse->targetUrl(), QStringLiteral("no-such-token")).first, 401);
        QTRY_VERIFY_WITH_TIMEOUT(count(requests(*synapse), u"/account/whoami"_qs, 401) >= 1, 10000);
        QCOMPARE(logins(429), 1);
        QCOMPARE(signedIn.size(), 0);
        // Only the device shared-secret registration made.
        QCOMPARE(synapse->devicesOf(QStringLiteral("@carol:localhost")).size(), 1);
    }

    // Icons: Synapse's media repository serves the providers' mxc:// icons unauthenticated
    // while authenticated media is off; the app fetches each one it shows. The first provider
    // has idp_brand github: it is drawn with GitHub's own mark (BrandMarks), so its icon is not.
    void iconsAreFetched()
    {
        app = driver->launch({QStringLiteral("--server"), synapse->portalUrl().toString()});
        for (const QString &uri : synapse->iconUris().mid(1)) {
            const QString mediaId = uri.section(u'/', -1);
            QTRY_VERIFY2_WITH_TIMEOUT(
                [&] {
                    const QList<Logged> logged = requests(*synapse);
                    return std::any_of(logged.cbegin(), logged.cend(), [&](const Logged &r) {
                        return r.path.endsWith(mediaId) && r.status == 200;
                    });
                }(),
                qPrintable(describe(requests(*synapse))), 20000);
        }
        // And drawn: the beta provider's blue disc is on the screen (the check the fallback
        // test relies on, shown to work).
        QTRY_VERIFY_WITH_TIMEOUT(pixelsOnScreen(SynapseServer::iconColours().value(1),
                                     QStringLiteral("tst_e2e_synapse-icons.png"))
                > 40,
            20000);
    }
#else
    // Authenticated media on (Synapse's default): the icons cannot be fetched before sign-in.
    // The app asks for each once, Synapse refuses, the app says "no icon" once per icon and draws
    // its own glyph (the icon's colour is nowhere on the screen), shows no error (no alert in what
    // a screen reader sees) and asks no more (Synapse's log, over a window of time that a retry
    // loop of any pace up to several seconds would show in).
    void iconsFallBackWithoutARetryStorm()
    {
        startAccessibilityBus();
        QProcessEnvironment env;
        env.insert(QStringLiteral("QT_LINUX_ACCESSIBILITY_ALWAYS_ON"), QStringLiteral("1"));
        app = driver->launch(
            {QStringLiteral("--server"), synapse->portalUrl().toString()}, {}, {}, env);
        const auto mediaRequests = [&] {
            QList<Logged> media;
            for (const Logged &r : requests(*synapse))
                for (const QString &uri : synapse->iconUris())
                    if (r.path.endsWith(uri.section(u'/', -1)))
                        media.append(r);
            return media;
        };
        QString errors;
        const auto noIconLines = [&] {
            errors += QString::fromUtf8(app->readAllStandardError());
            return int(errors.count(u"no icon:"));
        };
        // Icons the page shows: the branded provider (the first) is drawn with its brand's mark.
        const qsizetype icons = synapse->iconUris().mid(1).size();
        QTRY_VERIFY2_WITH_TIMEOUT(noIconLines() >= icons, qPrintable(errors), 20000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            mediaRequests().size() >= icons, qPrintable(describe(requests(*synapse))), 20000);
        for (const Logged &r : mediaRequests())
            QVERIFY2(r.status >= 400, qPrintable(describe(requests(*synapse))));

        // No error on the page: the providers are offered, and the only banner showing (an
        // "alert" to AT-SPI) is the plain-http warning every loopback server gets.
        const QString tree = accessibleTree(app->processId());
        QVERIFY2(tree.contains(u"push button\tContinue with Alpha ID")
                && tree.contains(u"push button\tContinue with Beta Login"),
            qPrintable(tree));
        QStringList banners;
        for (const QString &line : tree.split(u'\n'))
            if (line.section(u'\t', 1, 1) == u"alert")
                banners.append(line.section(u'\t', 2, 2));
        QCOMPARE(banners,
            QStringList{QStringLiteral(
                "This server uses plain http: your sign-in is not protected on the network.")});
        QCOMPARE(pixelsOnScreen(SynapseServer::iconColours().value(1),
                     QStringLiteral("tst_e2e_synapse_authmedia-glyphs.png")),
            0);

        // An observation window, not a synchronisation: a retry storm would show here. The page
        // asks for each icon at most twice (again once its size settles, which joins the request
        // in flight): one request per icon reaches Synapse, at most two "no icon" lines each.
        const int reported = noIconLines();
        QTest::qWait(3000);
        QVERIFY2(mediaRequests().size() <= icons, qPrintable(describe(requests(*synapse))));
        QVERIFY2(noIconLines() == reported && reported <= 2 * icons, qPrintable(errors));
        QVERIFY(app->state() == QProcess::Running);
    }
#endif
};

// A QGuiApplication: the test grabs the screen to see which icons the app drew.
QTEST_MAIN(TestE2eSynapse)
#include "tst_e2e_synapse.moc"
