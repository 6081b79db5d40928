// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginflowsfetch.h"

#include "matrix/endpoint.h"
#include "matrix/httpcall.h"
#include "matrix/logging.h"

namespace Portico::Discovery {

using Matrix::Unexpected;

namespace {
QPointer<QNetworkReply> fetchFrom(QNetworkAccessManager &network, const Homeserver &homeserver,
    const QString &prefix, bool mayFallBack, QObject *context, FlowsHandler handler)
{
    Matrix::HttpRequest request;
    request.url = Matrix::endpoint(homeserver.baseUrl, QString(prefix + QStringLiteral("/login")));
    request.allowPlainHttp = homeserver.plainHttpAllowed;
    request.maxBodyBytes = 4 * 1024 * 1024; // a thousand providers fit easily
    return Matrix::sendRequest(network, request, context,
        [&network, homeserver, mayFallBack, context, handler](const auto &result) {
            if (!result) {
                if (mayFallBack && result.error().httpStatus == 404) {
                    qCInfo(lcDiscovery) << "v3 login flows not found; trying r0";
                    fetchFrom(network, homeserver, QStringLiteral("/_matrix/client/r0"), false,
                        context, handler);
                    return;
                }
                handler(Unexpected{result.error()});
                return;
            }
            auto flows = Matrix::parseLoginFlows(result->body);
            if (!flows) {
                handler(Unexpected{Matrix::Error::invalidResponse(flows.error(), result->status)});
                return;
            }
            for (const QString &warning : flows->warnings)
                qCInfo(lcDiscovery) << "login flows:" << warning;
            handler(flows.value());
        });
}
} // namespace

QPointer<QNetworkReply> fetchLoginFlows(QNetworkAccessManager &network,
    const Homeserver &homeserver, QObject *context, FlowsHandler handler)
{
    const bool v3 = homeserver.versions.hasV3();
    return fetchFrom(
        network, homeserver, homeserver.versions.clientPrefix(), v3, context, std::move(handler));
}

} // namespace Portico::Discovery
