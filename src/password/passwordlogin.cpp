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
    const QString key = homeserver.baseUrl.toString() + u'\n' + user.trimmed().toLower();
    if (const auto wait = m_notBefore.constFind(key); wait != m_notBefore.cend()) {
        if (!wait->hasExpired()) {
            Matrix::Error error;
            error.kind = Matrix::Error::Kind::RateLimited;
            error.httpStatus = 429;
            error.retryAfter = std::chrono::milliseconds(wait->remainingTime());
            error.detail = QStringLiteral("the server asked to wait before the next attempt");
            qCInfo(lcSession) << "not asking the server again before its wait is over, in"
                              << wait->remainingTime() << "ms";
            Q_EMIT failed({SignIn::Failure::Reason::LoginFailed, error});
            return;
        }
        m_notBefore.erase(wait);
    }
    const QJsonObject credentials{{QStringLiteral("type"), QStringLiteral("m.login.password")},
        {QStringLiteral("identifier"),
            QJsonObject{{QStringLiteral("type"), QStringLiteral("m.id.user")},
                {QStringLiteral("user"), user.trimmed()}}},
        {QStringLiteral("password"), password}};
    m_exchange.start(homeserver, credentials, deviceId, QStringLiteral("password"),
        [this, key](const auto &result) {
            if (!result) {
                const Matrix::Error &error = result.error();
                if (error.kind == Matrix::Error::Kind::RateLimited && error.retryAfter)
                    m_notBefore.insert(key, QDeadlineTimer(*error.retryAfter));
                Q_EMIT failed({SignIn::Failure::Reason::LoginFailed, result.error()});
                return;
            }
            qCInfo(lcSession) << "signed in with a password as" << result->session.userId;
            Q_EMIT signedIn(result->session, result->warning);
        });
}

} // namespace Portico::Password
