// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "devserver.h"
#include "session/session.h"

class QNetworkAccessManager;

// A fresh login token from the development homeserver's SSO redirect for `idpId`, as the
// browser would carry it back (the redirect goes to 127.0.0.1:1, where nothing listens).
QString loginTokenFromDevServer(const DevServer &server,
    const QString &user = QStringLiteral("alice"), const QString &idpId = QStringLiteral("github"));

// Every file under `root` whose bytes contain `needle`: for proving a secret never hit the disk.
QStringList filesContaining(const QString &root, const QByteArray &needle);

// Signs `user` in on the development homeserver through its SSO pages and POST /login, the
// way a client would, and returns the session (base URL: that server).
Portico::Session::Session signInOnDevServer(QNetworkAccessManager &network, const DevServer &server,
    const QString &user = QStringLiteral("alice"), bool withRefreshToken = false);
