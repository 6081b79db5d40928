// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginflowsfetch.h"

#include "matrix/endpoint.h"
#include "matrix/httpcall.h"
#include "matrix/logging.h"

namespace Portico::Discovery {

using Matrix::Unexpected;

namespace {
Matrix::HttpRequest flowsRequest(const Homeserver &homeserver, const QString &prefix)
{
    Matrix::HttpRequest request;
    request.url = Matrix::endpoint(homeserver.baseUrl, QString(prefix + QStringLiteral("/login")));
    request.allowPlainHttp = homeserver.plainHttpAllowed;
    request.maxBodyBytes = 4 * 1024 * 1024; // a thousand providers fit easily
    return request;
}

// The flows in a 2xx answer, or why there are none.
Matrix::Expected<Matrix::LoginFlows, Matrix::Error> flowsFrom(const Matrix::HttpResponse &response)
{
    auto flows = Matrix::parseLoginFlows(response.body);
    if (!flows)
        return Unexpected{Matrix::Error::invalidResponse(flows.error(), response.status)};
    for (const QString &warning : flows->warnings)
        qCInfo(lcDiscovery) << "login flows:" << warning;
    return flows.value();
}

} // namespace

void LoginFlowsFetch::start(
    QNetworkAccessManager &network, const Homeserver &homeserver, FlowsHandler handler)
{
    fetchFrom(network, homeserver, homeserver.versions.clientPrefix(), homeserver.versions.hasV3(),
        std::move(handler));
}

void LoginFlowsFetch::fetchFrom(QNetworkAccessManager &network, const Homeserver &homeserver,
    const QString &prefix, bool mayFallBack, FlowsHandler handler)
{
    m_call = Matrix::startCall(network, flowsRequest(homeserver, prefix),
        [this, &network, homeserver, mayFallBack, handler](const auto &result) {
            if (!result) {
                if (mayFallBack && result.error().httpStatus == 404) {
                    qCInfo(lcDiscovery) << "v3 login flows not found; trying r0";
                    fetchFrom(
                        network, homeserver, QStringLiteral("/_matrix/client/r0"), false, handler);
                    return;
                }
                handler(Unexpected{result.error()});
                return;
            }
            handler(flowsFrom(result.value()));
        });
}

} // namespace Portico::Discovery
