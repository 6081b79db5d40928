// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Reads bench/peers' RAW lines on stdin and prints, for scripts/bench: a ROW per figure (median,
// min and max over the runs), each of Portico's figures as a ratio to the fastest (or smallest)
// peer of the same run, and PEERS| lines: the per-run table with the load average.
#include "benchstats.h"

#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {
struct Start
{
    double load = 0;
    std::map<std::string, double> values; // map, paint, idle, rss (KiB), line, linepaint, cpu
};

const std::vector<std::string> Peers{"quaternion", "nheko", "neochat"};

std::vector<std::string> split(const std::string &text, char separator)
{
    std::vector<std::string> parts;
    std::stringstream stream(text);
    for (std::string part; std::getline(stream, part, separator);)
        parts.push_back(part);
    return parts;
}

// The figure users see first: the first paint, or for a restore the signed-in page painted.
double paintOf(const std::string &client, const Start &start)
{
    return client == "portico-restore" || client == "baseline-restore"
        ? start.values.at("linepaint")
        : start.values.at("paint");
}
} // namespace

int main()
{
    std::map<int, std::map<std::string, Start>> runs;
    for (std::string line; std::getline(std::cin, line);) {
        const auto fields = split(line, '|');
        if (fields.size() != 5 || fields[0] != "RAW")
            continue;
        Start start;
        start.load = std::stod(fields[3]);
        for (const std::string &pair : split(fields[4], ' ')) {
            const auto kv = split(pair, '=');
            if (kv.size() == 2)
                start.values[kv[0]] = std::stod(kv[1]);
        }
        runs[std::stoi(fields[1])][fields[2]] = start;
    }
    if (runs.empty()) {
        std::cerr << "peers_table: no RAW lines\n";
        return 1;
    }

    std::map<std::string, std::vector<double>> paint, map, idle, rss, paintRatio, rssRatio;
    std::vector<double> waitingCpu, signedInCpu, loads;
    for (const auto &[run, clients] : runs) {
        double fastest = 1e18, smallest = 1e18;
        for (const std::string &peer : Peers)
            if (const auto it = clients.find(peer); it != clients.end()) {
                fastest = std::min(fastest, paintOf(peer, it->second));
                smallest = std::min(smallest, it->second.values.at("rss"));
            }
        for (const auto &[client, start] : clients) {
            loads.push_back(start.load);
            paint[client].push_back(paintOf(client, start));
            map[client].push_back(start.values.at("map"));
            if (start.values.at("idle") >= 0)
                idle[client].push_back(start.values.at("idle"));
            rss[client].push_back(start.values.at("rss") / 1024.0);
            paintRatio[client].push_back(paintOf(client, start) / fastest);
            rssRatio[client].push_back(start.values.at("rss") / smallest);
            if (client == "portico-waiting")
                waitingCpu.push_back(start.values.at("cpu"));
            if (client == "portico-restore")
                signedInCpu.push_back(start.values.at("cpu"));
        }
    }

    const std::map<std::string, std::string> names{{"portico", "Portico"},
        {"portico-restore", "Portico, one stored account (signed-in page)"},
        {"portico-waiting", "Portico --server URL --idp github (waiting page)"},
        {"portico-rhi", "Portico, QT_QUICK_BACKEND=rhi (OpenGL on llvmpipe)"},
        {"quaternion", "Quaternion"}, {"nheko", "Nheko"}, {"neochat", "NeoChat"},
        {"baseline", "Baseline (PORTICO_BENCH_BASELINE)"},
        {"baseline-restore", "Baseline, one stored account (signed-in page)"}};
    const std::vector<std::string> order{"portico", "portico-restore", "portico-rhi",
        "portico-waiting", "baseline", "baseline-restore", "quaternion", "nheko", "neochat"};
    for (const std::string &client : order) {
        if (!paint.count(client))
            continue;
        const std::string name = names.at(client);
        const bool target = client == "portico" || client == "portico-restore";
        const bool restore = client == "portico-restore" || client == "baseline-restore";
        const auto pr = Bench::stats(paintRatio[client]), rr = Bench::stats(rssRatio[client]);
        if (!restore)
            Bench::row(name + ": window mapped", Bench::stats(map[client]), "ms", "—", "—", true);
        Bench::row(name + (restore ? ": signed-in page painted" : ": first paint"),
            Bench::stats(paint[client]), "ms", "—", "—", true);
        Bench::row("  ÷ fastest peer's first paint (per run)", pr, "×", "1 ×",
            target ? "≤ 0.25 ×" : "—", pr.median <= 0.25);
        Bench::row(
            name + ": RSS 5 s after the map", Bench::stats(rss[client]), "MiB", "—", "—", true);
        Bench::row("  ÷ smallest peer's RSS (per run)", rr, "×", "1 ×", target ? "≤ 0.4 ×" : "—",
            rr.median <= 0.4);
        if (client == "portico" || restore || client == "baseline")
            Bench::row(
                name + ": first paint → idle", Bench::stats(idle[client]), "ms", "—", "—", true);
    }
    // A/B: this build against PORTICO_BENCH_BASELINE's, per run (both started in the same run).
    for (const auto &[client, base] : std::vector<std::pair<std::string, std::string>>{
             {"portico", "baseline"}, {"portico-restore", "baseline-restore"}}) {
        std::vector<double> paintAB, rssAB, idleAB;
        for (const auto &[run, clients] : runs) {
            const auto a = clients.find(client), b = clients.find(base);
            if (a == clients.end() || b == clients.end())
                continue;
            paintAB.push_back(paintOf(client, a->second) / paintOf(base, b->second));
            rssAB.push_back(a->second.values.at("rss") / b->second.values.at("rss"));
            if (a->second.values.at("idle") >= 0 && b->second.values.at("idle") > 0)
                idleAB.push_back(a->second.values.at("idle") / b->second.values.at("idle"));
        }
        if (paintAB.empty())
            continue;
        const std::string name = names.at(client);
        Bench::row(name + " ÷ baseline: first paint (per run)", Bench::stats(paintAB), "×", "1 ×",
            "—", true);
        Bench::row(name + " ÷ baseline: RSS (per run)", Bench::stats(rssAB), "×", "1 ×", "—", true);
        if (!idleAB.empty())
            Bench::row(name + " ÷ baseline: first paint → idle (per run)", Bench::stats(idleAB),
                "×", "1 ×", "—", true);
    }

    const auto w = Bench::stats(waitingCpu), s = Bench::stats(signedInCpu);
    Bench::row("CPU waiting for the browser (spinner), 10 s", w, "% of a core", "—", "≤ 2 %",
        w.median <= 2.0);
    Bench::row(
        "CPU on the signed-in page, 10 s", s, "% of a core", "—", "≤ 0.2 %", s.median <= 0.2);

    // The per-run table: each start's first paint (signed-in page for the restore) and RSS.
    std::printf("PEERS|| Run | load (1 min) |");
    for (const std::string &client : order)
        if (paint.count(client))
            std::printf(" %s |", client.c_str());
    std::printf("\nPEERS||---|---:|");
    for (const std::string &client : order)
        if (paint.count(client))
            std::printf("---:|");
    std::printf("\n");
    for (const auto &[run, clients] : runs) {
        double load = 0;
        for (const auto &[client, start] : clients)
            load = std::max(load, start.load);
        std::printf("PEERS|| %d | %.2f |", run, load);
        for (const std::string &client : order)
            if (const auto it = clients.find(client); it != clients.end())
                std::printf(" %.0f ms, %.0f MiB |", paintOf(client, it->second),
                    it->second.values.at("rss") / 1024.0);
        std::printf("\n");
    }
    const auto l = Bench::stats(loads);
    Bench::note(
        "Peers: Debian 12's quaternion, nheko and neochat; every run starts each client "
        "once, in a rotating order, each on a fresh Xvfb 1280x800 with a fresh HOME, D-Bus "
        "session and unlocked keyring (bench/peers, bench/xstart.cpp). Load average (1 min) "
        "at the starts: "
        + Bench::format(l.min, "") + "– " + Bench::format(l.max, "") + ".");
    return 0;
}
