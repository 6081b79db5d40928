// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>

namespace Portico::Matrix {

// Longer than any wait or token lifetime we act on; what is longer is taken as this.
inline constexpr qint64 MaxDurationMs = 366LL * 24 * 3600 * 1000;

// A duration in milliseconds from a JSON number (expires_in_ms, retry_after_ms): absent for
// non-numbers, negatives and NaN; capped at MaxDurationMs, so that no conversion overflows
// (found by fuzzing: 1e300 used to be cast to qint64 as it was). Pure.
inline std::optional<qint64> durationFromJson(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double ms = value.toDouble();
    if (!(ms >= 0))
        return std::nullopt;
    return qint64(std::min(ms, double(MaxDurationMs)));
}

// What a QTimer can be started with for a wait of `wait`: Qt 6.4's
// QTimer::start(std::chrono::milliseconds) truncates the count to int, so a wait past ~24.8 days
// (a server-given token lifetime, a Retry-After) would become a negative interval and the timer
// would not run as planned. Such a timer fires at the int limit instead; callers plan again then
// (a refresh timer measures the remaining lifetime anew). Negative waits become 0. Pure.
constexpr std::chrono::milliseconds timerInterval(std::chrono::milliseconds wait)
{
    constexpr std::chrono::milliseconds::rep maxInterval = std::numeric_limits<int>::max();
    return std::chrono::milliseconds(
        std::clamp<std::chrono::milliseconds::rep>(wait.count(), 0, maxInterval));
}

} // namespace Portico::Matrix
