// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/homeservercheck.h"
#include "oauth/devicelogin.h"
#include "signin/signinmethod.h"

class QNetworkAccessManager;

namespace Portico::Ui {

// The OAuth 2.0 device authorisation grant (OAuth::DeviceLogin, RFC 8628) as a
// SignIn::Method: "Sign in on another device". The prompt (user code, verification URI) is
// what the page shows while the user approves elsewhere.
class DeviceSignIn : public SignIn::Method
{
    Q_OBJECT
public:
    explicit DeviceSignIn(QNetworkAccessManager &network, QObject *parent = nullptr);

    void start(const Discovery::Homeserver &homeserver, const OAuth::AuthMetadata &metadata);
    void cancel() override;
    bool isRunning() const override { return m_login.step() != OAuth::DeviceLogin::Step::Idle; }
    // Shown, and waiting for the approval elsewhere.
    bool waitingForApproval() const
    {
        return m_login.step() == OAuth::DeviceLogin::Step::WaitingForApproval;
    }
    const OAuth::VerificationPrompt &prompt() const { return m_prompt; }
    const OAuth::SignInError &lastError() const { return m_lastError; }
    OAuth::DeviceLogin &login() { return m_login; }

Q_SIGNALS:
    void promptChanged();

private:
    OAuth::DeviceLogin m_login;
    OAuth::VerificationPrompt m_prompt;
    OAuth::SignInError m_lastError;
};

} // namespace Portico::Ui
