// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>

#include <algorithm>
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

} // namespace Portico::Matrix
