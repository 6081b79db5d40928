// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up: from starting the process to its first frame on screen, and its peak resident memory,
// for Portico and for the floor (a minimal Qt Quick window), alternately in the same run.
// Each child prints "first-frame NS" (steady clock, the one this process reads too) and quits;
// its peak RSS comes from wait4().
#include "benchstats.h"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

extern char **environ;

namespace {
struct Launch
{
    double ms = 0;
    double peakRssMb = 0;
    double cpuMs = 0; // user + system, the whole run: less sensitive to a busy machine
};

std::optional<Launch> launch(const std::string &binary, const std::vector<std::string> &arguments)
{
    int out[2];
    if (pipe(out) != 0)
        return std::nullopt;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<char *> argv;
    std::vector<std::string> all{binary};
    all.insert(all.end(), arguments.begin(), arguments.end());
    for (std::string &argument : all)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    pid_t pid = 0;
    const auto started = Bench::Clock::now();
    const int spawned = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (spawned != 0) {
        close(out[0]);
        return std::nullopt;
    }
    std::string output;
    char buffer[4096];
    for (;;) {
        pollfd fd{out[0], POLLIN, 0};
        if (poll(&fd, 1, 60000) <= 0) {
            kill(pid, SIGKILL); // a child that never draws is a failed run
            break;
        }
        const ssize_t n = read(out[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        output.append(buffer, size_t(n));
    }
    close(out[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    const size_t at = output.find("first-frame ");
    if (at == std::string::npos || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::nullopt;
    const long long frameNs = std::atoll(output.c_str() + at + std::strlen("first-frame "));
    const long long startNs
        = std::chrono::duration_cast<std::chrono::nanoseconds>(started.time_since_epoch()).count();
    const double cpuMs = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
    return Launch{double(frameNs - startNs) / 1e6, double(usage.ru_maxrss) / 1024.0, cpuMs};
}
} // namespace

int main(int argc, char *argv[])
{
    int runs = 7;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--runs") == 0)
            runs = std::max(5, std::atoi(argv[i + 1]));

    setenv("PORTICO_BENCH_FIRST_FRAME", "1", 1);
    // One warm-up each, not counted: the first start reads the libraries from disk.
    const std::vector<std::string> porticoArgs;
    if (!launch(FLOOR_BINARY, {}) || !launch(PORTICO_BINARY, porticoArgs)) {
        std::fprintf(stderr, "bench_startup: a warm-up start failed\n");
        return 1;
    }
    std::vector<double> floorMs, porticoMs, floorRss, porticoRss, ratio, rssDelta, cpuRatio;
    for (int i = 0; i < runs; ++i) {
        const auto floor = launch(FLOOR_BINARY, {});
        const auto portico = launch(PORTICO_BINARY, porticoArgs);
        if (!floor || !portico) {
            std::fprintf(stderr, "bench_startup: run %d failed\n", i);
            return 1;
        }
        floorMs.push_back(floor->ms);
        porticoMs.push_back(portico->ms);
        floorRss.push_back(floor->peakRssMb);
        porticoRss.push_back(portico->peakRssMb);
        ratio.push_back(portico->ms / floor->ms);
        rssDelta.push_back(portico->peakRssMb - floor->peakRssMb);
        cpuRatio.push_back(portico->cpuMs / floor->cpuMs);
    }
    const auto fm = Bench::stats(floorMs), pm = Bench::stats(porticoMs), r = Bench::stats(ratio);
    const auto fr = Bench::stats(floorRss), pr = Bench::stats(porticoRss),
               d = Bench::stats(rssDelta);
    Bench::row("Start-up to first frame", pm, "ms", Bench::format(fm.median, "ms"),
        "≤ 1.5 × floor = " + Bench::format(1.5 * fm.median, "ms"), r.median <= 1.5);
    Bench::row("Start-up ÷ floor (per run pair)", r, "×", "1 ×", "≤ 1.5 ×", r.median <= 1.5);
    Bench::row(
        "  CPU time (user + system) ÷ floor's", Bench::stats(cpuRatio), "×", "1 ×", "—", true);
    Bench::row("Peak RSS (Portico: until its deferred work is done)", pr, "MB",
        Bench::format(fr.median, "MB"), "≤ floor + 15 MB = " + Bench::format(fr.median + 15, "MB"),
        d.median <= 15);
    Bench::row("Peak RSS − floor (per run pair)", d, "MB", "0 MB", "≤ 15 MB", d.median <= 15);
    Bench::note("Start-up floor: a minimal Qt Quick window (bench/floorwindow.cpp), started "
                "alternately with Portico in the same run; Portico as users start it (keychain, "
                "single-instance D-Bus name, login page). Floor min/max: "
        + Bench::format(fm.min, "ms") + " / " + Bench::format(fm.max, "ms") + ", RSS "
        + Bench::format(fr.min, "MB") + " / " + Bench::format(fr.max, "MB") + ".");
    return 0;
}
