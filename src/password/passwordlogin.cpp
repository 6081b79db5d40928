// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordlogin.h"

#include "matrix/logging.h"

namespace Portico::Password {

PasswordLogin::PasswordLogin(QNetworkAccessManager &network, QObject *parent)
    : SignIn::Method(parent)
    , m_exchange(network)
{}

void PasswordLogin::cancel()
{
    m_exchange.cancel();
}

void PasswordLogin::start(const Discovery::Homeserver &homeserver, const QString &user,
    const QString &password, const QString &deviceId)
{
    const QJsonObject credentials{{QStringLiteral("type"), QStringLiteral("m.login.password")},
        {QStringLiteral("identifier"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("m.id.user")},
                {QStringLiteral("user"), user.trimmed()}}},
        {QStringLiteral("password"), password}};
    m_exchange.start(
        homeserver, credentials, deviceId, QStringLiteral("password"), [this](const auto &result) {
            if (!result) {
                Q_EMIT failed({SignIn::Failure::Reason::LoginFailed, result.error()});
                return;
            }
            qCInfo(lcSession) << "signed in with a password as" << result->session.userId;
            Q_EMIT signedIn(result->session, result->warning);
        });
}

} // namespace Portico::Password
