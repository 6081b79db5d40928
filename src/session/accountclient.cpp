// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountclient.h"

#include "matrix/endpoint.h"
#include "matrix/httpcall.h"

namespace Portico::Session {

using Matrix::Unexpected;

namespace {
Matrix::HttpRequest requestFor(const Session &session, QStringView path)
{
    Matrix::HttpRequest request;
    request.url = Matrix::endpoint(session.baseUrl, path);
    request.accessToken = session.accessToken;
    request.allowPlainHttp = session.plainHttpAllowed;
    // Never follow a redirect with our token to wherever it points.
    request.maxRedirects = 0;
    return request;
}
} // namespace

QPointer<QNetworkReply> AccountClient::whoami(const Session &session, QObject *context,
    std::function<void(const Matrix::Expected<WhoAmI, Matrix::Error> &)> handler)
{
    return Matrix::sendRequest(m_network, requestFor(session, u"/_matrix/client/v3/account/whoami"),
        context, [handler](const auto &result) {
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

QPointer<QNetworkReply> AccountClient::logout(const Session &session, QObject *context,
    std::function<void(const Matrix::Expected<bool, Matrix::Error> &)> handler)
{
    Matrix::HttpRequest request = requestFor(session, u"/_matrix/client/v3/logout");
    request.verb = QByteArrayLiteral("POST");
    return Matrix::sendRequest(m_network, request, context, [handler](const auto &result) {
        if (!result) {
            handler(Unexpected{result.error()});
            return;
        }
        handler(true);
    });
}

} // namespace Portico::Session
