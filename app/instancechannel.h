// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocalServer>
#include <QObject>

// Keeps Portico to one instance per user: the first one listens on a local socket in the
// user's runtime folder; a later start hands it its portico:// link (or just asks it to come to
// the front) and exits.
class InstanceChannel : public QObject
{
    Q_OBJECT
public:
    explicit InstanceChannel(QObject *parent = nullptr);

    // True when a running instance took `url` (empty: "come to the front").
    static bool handOver(const QString &url);
    // Becomes the running instance. False if the socket could not be opened (we run anyway).
    bool listen();

Q_SIGNALS:
    void activationRequested();
    void urlReceived(const QString &url);

private:
    QLocalServer m_server;
};
