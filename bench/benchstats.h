// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every benchmark prints: one "ROW|…" line per figure, which scripts/bench turns into the
// table of docs/performance.md, and "NOTE|…" lines for what a reader needs to trust the figures.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace Bench {

using Clock = std::chrono::steady_clock;

inline double msBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

struct Stats
{
    double median = 0;
    double min = 0;
    double max = 0;
    size_t runs = 0;
};

inline Stats stats(std::vector<double> values)
{
    Stats s;
    s.runs = values.size();
    if (values.empty())
        return s;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    s.median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    s.min = values.front();
    s.max = values.back();
    return s;
}

inline std::string format(double value, const char *unit)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, value < 10 ? "%.2f %s" : "%.1f %s", value, unit);
    return buffer;
}

// One figure: its median, min and max over the runs, the floor it is compared with (or "—"),
// the target and whether the median meets it (a target of "—": a figure for information).
inline void row(const std::string &figure, const Stats &s, const char *unit,
    const std::string &floor, const std::string &target, bool met)
{
    std::printf("ROW|%s|%s|%s|%s|%zu|%s|%s|%s\n", figure.c_str(), format(s.median, unit).c_str(),
        format(s.min, unit).c_str(), format(s.max, unit).c_str(), s.runs, floor.c_str(),
        target.c_str(),
        target == "—" ? "—"
            : met     ? "met"
                      : "MISSED");
    std::fflush(stdout);
}

inline void note(const std::string &text)
{
    std::printf("NOTE|%s\n", text.c_str());
    std::fflush(stdout);
}

} // namespace Bench
