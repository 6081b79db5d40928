// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "devserver.h"

#include <QString>
#include <QStringList>

#include <functional>

class QNetworkAccessManager;

// For proving that cancelling (or destroying) the owner of a request ends it for good: no
// handler runs afterwards and nothing more reaches the server, not even a planned 429 retry.
enum class CancelWhen {
    InFlight, // the server has the request and has not answered yet
    RetryPlanned, // the server answered 429 (Retry-After: 1) and the retry waits for its timer
};

// Adds the columns "path" (QString) and "when" (int, a CancelWhen) and a row for each path and
// moment, named after the path's last segment ("whoami in flight", "whoami 429 retry planned").
void addCancelRows(const QStringList &paths);

// Puts a fault on `path` (every method), runs `start` (which must make the request to `path`
// on `server`), waits for the moment `when` names, runs `cancel`, and then waits without
// sleeping for a witness: a request of its own to `path`, made after the cancel under the same
// fault, so answered after anything the cancelled request could still have sent or received.
// Returns how many requests other than the witness's reached `server` after the cancel
// (0 when the cancel held), or -1 when a wait timed out.
int requestsAfterCancel(QNetworkAccessManager &network, DevServer &server, const QString &path,
    CancelWhen when, const std::function<void()> &start, const std::function<void()> &cancel);
