// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "devserver.h"
#include "session/session.h"

class QNetworkAccessManager;

// Signs `user` in on the development homeserver through its SSO pages and POST /login, the
// way a client would, and returns the session (base URL: that server).
Portico::Session::Session signInOnDevServer(QNetworkAccessManager &network, const DevServer &server,
    const QString &user = QStringLiteral("alice"));
