// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginexchange.h"

#include "matrix/logging.h"
#include "session/loginrequest.h"

namespace Portico::SignIn {

LoginExchange::LoginExchange(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_binding(network)
{}

void LoginExchange::cancel()
{
    ++m_attempt;
    m_running = false;
    m_login.cancel();
    m_binding.cancel();
}

void LoginExchange::start(const Discovery::Homeserver &homeserver, QJsonObject credentials,
    const QString &deviceId, const QString &loginMethod, Handler handler)
{
    cancel();
    m_running = true;
    const quint64 attempt = m_attempt;
    if (!deviceId.isEmpty())
        credentials.insert(QStringLiteral("device_id"), deviceId);
    m_login = Session::startLogin(m_network, homeserver, credentials, Session::defaultDeviceName(),
        [this, attempt, homeserver, loginMethod, handler](const auto &result) {
            if (attempt != m_attempt)
                return;
            if (!result) {
                m_running = false;
                handler(Matrix::Unexpected{result.error()});
                return;
            }
            const Matrix::LoginResponse response = result.value();
            m_binding.start(homeserver, response,
                [this, attempt, homeserver, loginMethod, handler, response](
                    const Session::BaseUrlBinding &binding) {
                    if (attempt != m_attempt)
                        return;
                    m_running = false;
                    LoginResult made{Session::sessionFromLogin(response, binding.baseUrl,
                                         binding.plainHttpAllowed, loginMethod),
                        binding.warning};
                    // Where the user signed in (an MSC1730 portal may hand the session on):
                    // signing in again starts there, where the sign-in methods are offered.
                    made.session.loginServer = homeserver.baseUrl;
                    qCInfo(lcSession) << "signed in as" << made.session.userId << "device"
                                      << made.session.deviceId << "bound to"
                                      << made.session.baseUrl.toDisplayString();
                    handler(made);
                });
        });
}

} // namespace Portico::SignIn
