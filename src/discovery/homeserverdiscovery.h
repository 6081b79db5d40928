// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "homeservercheck.h"
#include "serverinput.h"

#include <QObject>

class QNetworkAccessManager;

namespace Portico::Discovery {

struct DiscoveryError
{
    enum class Reason {
        WellKnownInvalid, // FAIL_PROMPT: the discovery file is broken; ask for the URL
        WellKnownBaseUrlInvalid, // FAIL_ERROR: it names something that is not a URL
        Insecure, // a plain-http base URL we will not use
        Unreachable,
        NotAHomeserver, // FAIL_ERROR: the base URL does not answer /versions
    };
    Reason reason;
    Matrix::Error error;
    QString detail;
};

// Turns what the user typed into a checked homeserver base URL: server name or Matrix ID through
// /.well-known/matrix/client (with its IGNORE / FAIL_PROMPT / FAIL_ERROR outcomes), then
// /versions. Starting a new lookup abandons the previous one, so a stale answer never lands.
class HomeserverDiscovery : public QObject
{
    Q_OBJECT
public:
    explicit HomeserverDiscovery(QNetworkAccessManager &network, QObject *parent = nullptr);

    void start(const ServerInput &input);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void discovered(const Portico::Discovery::Homeserver &homeserver);
    void failed(const Portico::Discovery::DiscoveryError &error);

private:
    void fetchWellKnown(const ServerInput &input);
    void check(const QUrl &baseUrl, bool allowPlainHttp);
    void fail(DiscoveryError error);

    QNetworkAccessManager &m_network;
    Matrix::Call m_call; // the well-known or the /versions request under way
    bool m_running = false;
};

} // namespace Portico::Discovery
