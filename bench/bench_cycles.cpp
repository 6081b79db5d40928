// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Leaks: N sign-in → sign-out cycles in one process, through LoginController's public slots and
// signals only (discover, signIn, signOut; pageChanged, signedIn, busyChanged) with the keychain
// SessionStore as app/main.cpp makes them, against portico-devserver in its own process (so its
// memory is not counted) and a scripted browser. Prints the RSS growth after the first 10 cycles
// (scripts/bench) and, with --test, fails on a cycle that does not finish; under the sanitizers
// (scripts/test --sanitize) LeakSanitizer reports what is left at exit. Kept to this one file,
// driving only the controller's public interface, so that it follows that interface when
// LoginController changes.
#include "benchstats.h"
#include "scriptedbrowser.h"

#include "session/sessionstore.h"
#include "ui/logincontroller.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTimer>

#include <malloc.h>

#include <cstring>
#include <functional>

using namespace Portico;

namespace {
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

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

double heapMb()
{
    return double(mallinfo2().uordblks) / (1024.0 * 1024.0);
}
} // namespace

int main(int argc, char *argv[])
{
    int cycles = 100;
    bool test = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--cycles") == 0 && i + 1 < argc)
            cycles = std::max(11, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--test") == 0)
            test = true;
    }
    QGuiApplication app(argc, argv);

    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(DEVSERVER_BINARY));
    QString announced;
    if (!waitUntil(
            [&] {
                announced += QString::fromUtf8(server.readAllStandardOutput());
                return announced.contains(QStringLiteral("listening on "));
            },
            30000)) {
        std::fprintf(stderr, "bench_cycles: the development homeserver did not start\n");
        return 1;
    }
    const QString url
        = announced.section(QStringLiteral("listening on "), 1).section(u'\n', 0, 0).trimmed();

    std::vector<double> rss, heap, cycleMs;
    {
        QNetworkAccessManager network;
        Session::SessionStore store(Session::SessionStore::Persistence::Keychain);
        Ui::LoginController controller(network, store);
        ScriptedBrowser browser;
        controller.ssoLogin().setBrowserLauncher(browser.launcher());
        bool signedIn = false;
        QObject::connect(&controller, &Ui::LoginController::signedIn, [&] { signedIn = true; });
        using Page = Ui::LoginController::Page;

        for (int cycle = 0; cycle < cycles; ++cycle) {
            QElapsedTimer elapsed;
            elapsed.start();
            controller.discover(url);
            if (!waitUntil([&] { return controller.page() == Page::Providers; })) {
                std::fprintf(stderr, "bench_cycles: cycle %d: no providers (%s)\n", cycle,
                    qPrintable(controller.errorText()));
                return 1;
            }
            signedIn = false;
            controller.signIn(QStringLiteral("github"));
            if (!waitUntil([&] {
                    return signedIn && controller.page() == Page::SignedIn && !controller.busy();
                })) {
                std::fprintf(stderr, "bench_cycles: cycle %d: never signed in (%s)\n", cycle,
                    qPrintable(controller.errorText()));
                return 1;
            }
            controller.signOut();
            if (!waitUntil([&] {
                    // Back to the server's providers, the account gone.
                    return controller.page() == Page::Providers && !controller.busy()
                        && controller.accounts()->rowCount({}) == 0;
                })) {
                std::fprintf(stderr,
                    "bench_cycles: cycle %d: never signed out (page %d, %d accounts, %s)\n", cycle,
                    int(controller.page()), controller.accounts()->rowCount({}),
                    qPrintable(controller.errorText()));
                return 1;
            }
            // What was handed to deleteLater() is gone before memory is read.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            cycleMs.push_back(double(elapsed.nsecsElapsed()) / 1e6);
            rss.push_back(rssMb());
            heap.push_back(heapMb());
        }
        // The store outlives its keychain jobs (docs/performance.md, "Found on the way").
        waitUntil([&] { return !controller.busy(); });
    }
    server.terminate();
    server.waitForFinished(10000);

    const double rssGrowth = rss.back() - rss[9], heapGrowth = heap.back() - heap[9];
    std::fprintf(stderr, "bench_cycles: %d cycles; RSS %.2f MB after 10, %.2f MB after %d\n",
        cycles, rss[9], rss.back(), cycles);
    if (test)
        return 0; // the sanitizers judge what is left; RSS means little under them
    const std::string counted = std::to_string(cycles - 10) + " cycles";
    Bench::row("Sign-in → sign-out cycles: RSS growth after the first 10",
        Bench::Stats{rssGrowth, rssGrowth, rssGrowth, size_t(cycles - 10)}, "MB",
        "RSS after 10: " + Bench::format(rss[9], "MB"), "≤ 2 MB", rssGrowth <= 2.0);
    Bench::row("  heap in use (mallinfo2) growth after the first 10",
        Bench::Stats{heapGrowth, heapGrowth, heapGrowth, size_t(cycles - 10)}, "MB", "—", "—",
        true);
    Bench::row(
        "  one cycle (discover, sign in, sign out)", Bench::stats(cycleMs), "ms", "—", "—", true);
    Bench::note("Cycles: bench/bench_cycles.cpp, " + std::to_string(cycles)
        + " sign-in → sign-out cycles in one process through LoginController's public slots, the "
          "keychain SessionStore and a scripted browser, against portico-devserver in its own "
          "process; the growth row counts the last "
        + counted
        + " (one figure, hence min = max). Under scripts/test --sanitize the same "
          "driver runs as the test bench_cycles, where LeakSanitizer checks the exit.");
    return 0;
}
