// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// portico-bench-xstart: starts one X11 client and measures, from outside, what its user sees:
//   map    t0 (just before exec) to the MapNotify of its first top-level window,
//   paint  t0 to the first XDamage event on that window after the map (its first pixels),
//   idle   first paint to the moment the process goes quiet (less than 1 % of a core, summed
//          over its threads from /proc/PID/task/*/schedstat, for the next 500 ms),
//   rss    VmRSS of the process 5 s after the map (/proc/PID/status),
//   line   with --line TEXT: t0 to the first line of its stdout starting with TEXT, and
//          linepaint: t0 to the first XDamage after that line (e.g. the signed-in page drawn),
//   cpu    with --cpu FROM LEN: its CPU time (utime + stime, /proc/PID/stat, all threads, dead
//          ones included) from FROM ms after the map for LEN ms, as % of one core.
// Then it stops the client (SIGTERM, then SIGKILL) and prints one line:
//   RESULT map=MS paint=MS idle=MS rss=KIB line=MS linepaint=MS cpu=PCT   (-1: not seen)
// Plain Xlib and libXdamage and libXdamage (Debian's libxdamage-dev): the damage event is
// read in the process that starts the client, without an interpreter competing for the two
// cores while the client starts (python3-xlib would do the same at ~30 ms of CPU of its own).
// The display must be fresh (nothing else maps windows on it): every top-level counts.
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

extern char **environ;

namespace {

double nowMs(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Run time of all live threads of pid, in ms (ns precision; schedstat's first field).
double threadsCpuMs(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", int(pid));
    DIR *dir = opendir(path);
    if (!dir)
        return -1;
    double total = 0;
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.')
            continue;
        char stat[320];
        snprintf(stat, sizeof stat, "/proc/%d/task/%s/schedstat", int(pid), entry->d_name);
        FILE *f = fopen(stat, "r");
        if (!f)
            continue;
        unsigned long long ns = 0;
        if (fscanf(f, "%llu", &ns) == 1)
            total += double(ns) / 1e6;
        fclose(f);
    }
    closedir(dir);
    return total;
}

// utime + stime of the whole process (dead threads included), in ms.
double processCpuMs(pid_t pid)
{
    char path[64], buffer[4096];
    snprintf(path, sizeof path, "/proc/%d/stat", int(pid));
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    const size_t n = fread(buffer, 1, sizeof buffer - 1, f);
    fclose(f);
    buffer[n] = 0;
    const char *p = strrchr(buffer, ')'); // the command name may hold spaces
    if (!p)
        return -1;
    unsigned long long utime = 0, stime = 0;
    // After ")": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2)
        return -1;
    return double(utime + stime) * 1e3 / double(sysconf(_SC_CLK_TCK));
}

long rssKib(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", int(pid));
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long kib = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld kB", &kib) == 1)
            break;
    fclose(f);
    return kib;
}

[[noreturn]] void usage()
{
    fprintf(stderr,
        "usage: portico-bench-xstart [--line TEXT] [--cpu FROM_MS LEN_MS] "
        "[--rss-after MS] [--log FILE] -- PROGRAM [ARGS...]\n");
    exit(2);
}

constexpr int MaxSamples = 4096;
} // namespace

int main(int argc, char *argv[])
{
    const char *lineText = nullptr, *logFile = "/dev/null";
    double cpuFrom = -1, cpuLen = 0, rssAfter = 5000;
    int i = 1;
    for (; i < argc; ++i) {
        if (strcmp(argv[i], "--") == 0) {
            ++i;
            break;
        } else if (strcmp(argv[i], "--line") == 0 && i + 1 < argc)
            lineText = argv[++i];
        else if (strcmp(argv[i], "--cpu") == 0 && i + 2 < argc) {
            cpuFrom = atof(argv[++i]);
            cpuLen = atof(argv[++i]);
        } else if (strcmp(argv[i], "--rss-after") == 0 && i + 1 < argc)
            rssAfter = atof(argv[++i]);
        else if (strcmp(argv[i], "--log") == 0 && i + 1 < argc)
            logFile = argv[++i];
        else
            usage();
    }
    if (i >= argc)
        usage();

    Display *dpy = XOpenDisplay(nullptr);
    if (!dpy) {
        fprintf(stderr, "xstart: cannot open display\n");
        return 1;
    }
    int damageEvent = 0, damageError = 0;
    if (!XDamageQueryExtension(dpy, &damageEvent, &damageError)) {
        fprintf(stderr, "xstart: the X server has no DAMAGE extension\n");
        return 1;
    }
    int major = 1, minor = 1;
    XDamageQueryVersion(dpy, &major, &minor);
    const Window root = XDefaultRootWindow(dpy);
    XSelectInput(dpy, root, SubstructureNotifyMask);
    XSync(dpy, False);

    int out[2];
    if (pipe(out) != 0)
        return 1;
    const int log = open(logFile, O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    if (log >= 0)
        posix_spawn_file_actions_adddup2(&actions, log, STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addclose(&actions, XConnectionNumber(dpy));
    pid_t pid = 0;
    const double t0 = nowMs();
    if (posix_spawnp(&pid, argv[i], &actions, nullptr, argv + i, environ) != 0) {
        fprintf(stderr, "xstart: cannot start %s: %s\n", argv[i], strerror(errno));
        return 1;
    }
    close(out[1]);
    fcntl(out[0], F_SETFL, O_NONBLOCK);

    // Damage objects are made when a top-level is created, before it is mapped, so that its
    // first drawing cannot come before we listen for it.
    Window mapped = 0;
    double tMap = -1, tPaint = -1, tLine = -1, tLinePaint = -1, tRss = -1, cpuAtFrom = -1,
           cpuPct = -1;
    long rss = -1;
    static double sampleT[MaxSamples], sampleCpu[MaxSamples];
    int samples = 0;
    double nextSample = 0;
    char lineBuffer[8192];
    size_t lineLength = 0;
    int stdoutOpen = 1, exited = 0;
    const double end = cpuFrom >= 0 && cpuFrom + cpuLen > rssAfter ? cpuFrom + cpuLen : rssAfter;

    for (;;) {
        const double now = nowMs();
        if (tMap < 0 && now - t0 > 60000) {
            fprintf(stderr, "xstart: no window mapped in 60 s\n");
            break;
        }
        if (tMap >= 0 && tRss < 0 && now >= tMap + rssAfter) {
            tRss = now;
            rss = rssKib(pid);
        }
        if (tMap >= 0 && now >= tMap + end)
            break;
        if (tMap >= 0 && cpuFrom >= 0 && cpuAtFrom < 0 && now >= tMap + cpuFrom)
            cpuAtFrom = processCpuMs(pid);
        if (tPaint >= 0 && now >= nextSample && samples < MaxSamples) {
            sampleT[samples] = now;
            sampleCpu[samples] = threadsCpuMs(pid);
            ++samples;
            nextSample = now + 10;
        }
        if (!exited && waitpid(pid, nullptr, WNOHANG) == pid) {
            exited = 1;
            fprintf(stderr, "xstart: %s exited early\n", argv[i]);
            break;
        }

        while (XPending(dpy)) {
            XEvent event;
            XNextEvent(dpy, &event);
            const double t = nowMs();
            if (event.type == CreateNotify && !event.xcreatewindow.override_redirect
                && event.xcreatewindow.parent == root) {
                XDamageCreate(dpy, event.xcreatewindow.window, XDamageReportNonEmpty);
            } else if (event.type == MapNotify && !event.xmap.override_redirect && !mapped
                && event.xmap.event == root) {
                mapped = event.xmap.window;
                tMap = t;
            } else if (event.type == damageEvent + XDamageNotify) {
                const auto *damage = reinterpret_cast<const XDamageNotifyEvent *>(&event);
                XDamageSubtract(dpy, damage->damage, None, None); // report the next one too
                if (mapped && damage->drawable == mapped) {
                    if (tPaint < 0)
                        tPaint = t;
                    if (tLine >= 0 && tLinePaint < 0)
                        tLinePaint = t;
                }
            }
        }
        XFlush(dpy);

        struct pollfd fds[2] = {{XConnectionNumber(dpy), POLLIN, 0}, {out[0], POLLIN, 0}};
        poll(fds, stdoutOpen ? 2 : 1, tPaint >= 0 ? 5 : 20);
        if (stdoutOpen && (fds[1].revents & (POLLIN | POLLHUP))) {
            const ssize_t n
                = read(out[0], lineBuffer + lineLength, sizeof lineBuffer - 1 - lineLength);
            if (n == 0)
                stdoutOpen = 0;
            else if (n > 0) {
                const double t = nowMs();
                lineLength += size_t(n);
                lineBuffer[lineLength] = 0;
                char *newline;
                while ((newline = strchr(lineBuffer, '\n'))) {
                    *newline = 0;
                    if (lineText && tLine < 0
                        && strncmp(lineBuffer, lineText, strlen(lineText)) == 0) {
                        // Whatever the X server has queued so far was drawn before this line.
                        XSync(dpy, False);
                        while (XPending(dpy)) {
                            XEvent event;
                            XNextEvent(dpy, &event);
                            if (event.type == damageEvent + XDamageNotify)
                                XDamageSubtract(dpy,
                                    reinterpret_cast<XDamageNotifyEvent *>(&event)->damage, None,
                                    None);
                            else if (event.type == MapNotify && !mapped
                                && !event.xmap.override_redirect && event.xmap.event == root) {
                                mapped = event.xmap.window;
                                tMap = t;
                            }
                        }
                        tLine = t;
                    }
                    lineLength -= size_t(newline + 1 - lineBuffer);
                    memmove(lineBuffer, newline + 1, lineLength + 1);
                }
                if (lineLength >= sizeof lineBuffer - 1)
                    lineLength = 0; // an endless line: drop it
            }
        }
    }
    if (tMap >= 0 && cpuFrom >= 0 && cpuAtFrom >= 0 && !exited) {
        const double cpuNow = processCpuMs(pid);
        cpuPct = (cpuNow - cpuAtFrom) / cpuLen * 100.0;
    }

    // Idle: the first sample after which the next 500 ms used under 5 ms of CPU.
    double tIdle = -1;
    for (int a = 0; a < samples && tIdle < 0; ++a)
        for (int b = a + 1; b < samples; ++b)
            if (sampleT[b] - sampleT[a] >= 500) {
                if (sampleCpu[b] - sampleCpu[a] < 5)
                    tIdle = sampleT[a];
                break;
            }

    if (!exited) {
        kill(pid, SIGTERM);
        for (int n = 0; n < 200 && waitpid(pid, nullptr, WNOHANG) != pid; ++n)
            usleep(10000);
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
    XCloseDisplay(dpy);

    printf("RESULT map=%.1f paint=%.1f idle=%.1f rss=%ld line=%.1f linepaint=%.1f cpu=%.2f\n",
        tMap >= 0 ? tMap - t0 : -1, tPaint >= 0 ? tPaint - t0 : -1,
        tIdle >= 0 && tPaint >= 0 ? tIdle - tPaint : -1, rss, tLine >= 0 ? tLine - t0 : -1,
        tLinePaint >= 0 ? tLinePaint - t0 : -1, cpuPct);
    return tMap >= 0 && tPaint >= 0 && rss > 0 ? 0 : 1;
}
