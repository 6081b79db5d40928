// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeservercheck.h"

#include "matrix/endpoint.h"
#include "matrix/httpcall.h"

namespace Portico::Discovery {

using Matrix::Unexpected;

namespace {
Matrix::HttpRequest versionsRequest(const QUrl &baseUrl, bool allowPlainHttp)
{
    Matrix::HttpRequest request;
    request.url = Matrix::endpoint(baseUrl, u"/_matrix/client/versions");
    request.allowPlainHttp = allowPlainHttp;
    request.maxBodyBytes = 256 * 1024;
    return request;
}

Matrix::HttpHandler checking(const QUrl &baseUrl, bool allowPlainHttp, CheckHandler handler)
{
    return [baseUrl = Matrix::normalizedBaseUrl(baseUrl), allowPlainHttp, handler](
               const auto &result) {
        if (!result) {
            const auto reason = result.error().kind == Matrix::Error::Kind::InsecureUrl
                ? CheckError::Reason::Insecure
                : CheckError::Reason::Unreachable;
            handler(Unexpected{CheckError{reason, result.error(), result.error().detail}});
            return;
        }
        auto versions = Matrix::parseVersions(result->body);
        if (!versions) {
            handler(
                Unexpected{CheckError{CheckError::Reason::NotAHomeserver, {}, versions.error()}});
            return;
        }
        handler(Homeserver{baseUrl, versions.value(), allowPlainHttp});
    };
}
} // namespace

Matrix::Call startHomeserverCheck(
    QNetworkAccessManager &network, const QUrl &baseUrl, bool allowPlainHttp, CheckHandler handler)
{
    return Matrix::startCall(network, versionsRequest(baseUrl, allowPlainHttp),
        checking(baseUrl, allowPlainHttp, std::move(handler)));
}

} // namespace Portico::Discovery
