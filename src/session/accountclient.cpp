// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountclient.h"

#include "sessionrequest.h"

namespace Portico::Session {

using Matrix::Unexpected;

Matrix::Call AccountClient::whoami(const Session &session, WhoAmIHandler handler)
{
    return Matrix::startCall(m_network,
        sessionRequest(session, u"/_matrix/client/v3/account/whoami"),
        [handler = std::move(handler)](const auto &result) {
            if (!result) {
                handler(Unexpected{result.error()});
                return;
            }
            const auto object = Matrix::jsonObject(result.value());
            if (!object || !object->value(u"user_id").isString()) {
                handler(Unexpected{
                    Matrix::Error::invalidResponse(QStringLiteral("whoami without user_id"))});
                return;
            }
            handler(WhoAmI{
                object->value(u"user_id").toString(), object->value(u"device_id").toString()});
        });
}

Matrix::Call AccountClient::logout(const Session &session, LogoutHandler handler)
{
    Matrix::HttpRequest request = sessionRequest(session, u"/_matrix/client/v3/logout");
    request.verb = QByteArrayLiteral("POST");
    return Matrix::startCall(m_network, request, doneOrError(std::move(handler)));
}

} // namespace Portico::Session
