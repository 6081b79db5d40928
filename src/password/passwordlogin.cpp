// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordlogin.h"

#include "matrix/logging.h"
#include "session/baseurlbinding.h"
#include "session/loginrequest.h"

#include <QNetworkReply>

namespace Portico::Password {

PasswordLogin::PasswordLogin(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

void PasswordLogin::cancel()
{
    ++m_attempt;
    m_running = false;
    if (m_reply)
        m_reply->abort();
}

void PasswordLogin::start(const Discovery::Homeserver &homeserver, const QString &user,
    const QString &password, const QString &deviceId)
{
    cancel();
    m_running = true;
    const quint64 attempt = m_attempt;
    QJsonObject credentials{{QStringLiteral("type"), QStringLiteral("m.login.password")},
        {QStringLiteral("identifier"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("m.id.user")},
                {QStringLiteral("user"), user.trimmed()}}},
        {QStringLiteral("password"), password}};
    if (!deviceId.isEmpty())
        credentials.insert(QStringLiteral("device_id"), deviceId);
    m_reply = Session::postLogin(m_network, homeserver, credentials, Session::defaultDeviceName(),
        this, [this, attempt, homeserver](const auto &result) {
            if (attempt != m_attempt)
                return;
            if (!result) {
                m_running = false;
                Q_EMIT failed(result.error());
                return;
            }
            const Matrix::LoginResponse response = result.value();
            m_reply = Session::bindBaseUrl(m_network, homeserver, response, this,
                [this, attempt, response](const Session::BaseUrlBinding &binding) {
                    if (attempt != m_attempt)
                        return;
                    m_running = false;
                    qCInfo(lcSession) << "signed in with a password as" << response.userId;
                    Q_EMIT signedIn(Session::sessionFromLogin(response, binding.baseUrl,
                                        binding.plainHttpAllowed, QStringLiteral("password")),
                        binding.warning);
                });
        });
}

} // namespace Portico::Password
