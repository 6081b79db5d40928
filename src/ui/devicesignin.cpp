// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicesignin.h"

namespace Portico::Ui {

DeviceSignIn::DeviceSignIn(QNetworkAccessManager &network, QObject *parent)
    : SignIn::Method(parent)
    , m_login(network)
{
    connect(&m_login, &OAuth::DeviceLogin::promptReady, this,
        [this](const OAuth::VerificationPrompt &prompt) {
            m_prompt = prompt;
            Q_EMIT promptChanged();
        });
    connect(&m_login, &OAuth::DeviceLogin::signedIn, this, [this](const Session::Session &session) {
        m_prompt = {};
        Q_EMIT promptChanged();
        Q_EMIT signedIn(session, {});
    });
    connect(&m_login, &OAuth::DeviceLogin::failed, this, [this](const OAuth::SignInError &error) {
        m_lastError = error;
        m_prompt = {};
        Q_EMIT promptChanged();
        const auto reason = error.kind == OAuth::SignInError::Kind::Expired
            ? SignIn::Failure::Reason::TimedOut
            : SignIn::Failure::Reason::LoginFailed;
        Q_EMIT failed(SignIn::Failure{reason, error.error});
    });
}

void DeviceSignIn::start(
    const Discovery::Homeserver &homeserver, const OAuth::AuthMetadata &metadata)
{
    m_lastError = {};
    m_prompt = {};
    Q_EMIT promptChanged();
    m_login.start(homeserver.baseUrl, metadata, homeserver.plainHttpAllowed);
}

void DeviceSignIn::cancel()
{
    m_login.cancel();
    if (m_prompt.userCode.isEmpty())
        return;
    m_prompt = {};
    Q_EMIT promptChanged();
}

} // namespace Portico::Ui
