// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/homeservercheck.h"
#include "matrix/httpcall.h"
#include "matrix/loginresponse.h"

#include <functional>

class QNetworkAccessManager;

namespace Portico::Session {

// Where a freshly made session will live (MSC1730).
struct BaseUrlBinding
{
    QUrl baseUrl;
    bool plainHttpAllowed = false;
    Matrix::LoginResponse::BaseUrlSource source = Matrix::LoginResponse::BaseUrlSource::None;
    // Set when the response named a base URL we did not take; the session then stays on the
    // server that issued it, and the user is told this.
    QString warning;
};

using BindingHandler = std::function<void(const BaseUrlBinding &)>;

// Decides the base URL from the login response: `well_known` (spec) over `base_cs_url` (draft);
// a named URL is taken only if it is https (http on loopback, or when the user chose an http
// server), answers /versions as a Matrix homeserver, and then knows the new session (whoami
// with its token gives its user). The token goes nowhere before /versions has answered; a URL
// that is the login server itself (already discovered and checked) is taken without a request.
// Owns its requests (/versions, then whoami) and their 429 retries: cancel(), a new start() or
// destroying it drops them, and the handler never runs afterwards.
class BaseUrlBinder
{
public:
    explicit BaseUrlBinder(QNetworkAccessManager &network)
        : m_network(network)
    {}
    Q_DISABLE_COPY_MOVE(BaseUrlBinder)

    // Calls `handler` once, possibly before returning, unless cancelled first.
    void start(const Discovery::Homeserver &loginServer, const Matrix::LoginResponse &response,
        BindingHandler handler);
    void cancel() { m_call.cancel(); }
    bool isActive() const { return m_call.isActive(); }

private:
    QNetworkAccessManager &m_network;
    Matrix::Call m_call;
};

} // namespace Portico::Session
