// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "homeserverdiscovery.h"

#include "matrix/endpoint.h"
#include "matrix/httpcall.h"
#include "matrix/logging.h"
#include "matrix/wellknown.h"

namespace Portico::Discovery {

HomeserverDiscovery::HomeserverDiscovery(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

void HomeserverDiscovery::cancel()
{
    m_running = false;
    m_call.cancel(); // whatever is still in flight is dropped, its handler never runs
}

void HomeserverDiscovery::start(const ServerInput &input)
{
    cancel();
    m_running = true;
    if (input.kind == ServerInput::Kind::Url) {
        check(input.url, input.explicitPlainHttp());
        return;
    }
    fetchWellKnown(input);
}

void HomeserverDiscovery::fetchWellKnown(const ServerInput &input)
{
    // Always https, on the bare hostname: the port of the server name is not used.
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    QString host = input.serverName.host;
    if (host.startsWith(u'['))
        host = host.mid(1, host.size() - 2);
    url.setHost(host);
    url.setPath(QStringLiteral("/.well-known/matrix/client"));

    // Without a usable well-known, the server name itself is the base URL guess.
    QUrl fallback;
    fallback.setScheme(QStringLiteral("https"));
    fallback.setHost(host);
    if (input.serverName.port > 0)
        fallback.setPort(input.serverName.port);

    Matrix::HttpRequest request;
    request.url = url;
    request.maxBodyBytes = 64 * 1024;
    m_call = Matrix::startCall(m_network, request, [this, fallback](const auto &result) {
        if (!result) {
            const Matrix::Error &error = result.error();
            if (error.kind == Matrix::Error::Kind::Cancelled)
                return;
            // 404 is IGNORE. A server without any well-known (nothing on :443, DNS only for
            // the homeserver) is common too: try the server name itself.
            if (error.httpStatus == 404 || error.httpStatus == 0) {
                qCInfo(lcDiscovery) << "no well-known; trying" << fallback.toDisplayString();
                check(fallback, false);
                return;
            }
            fail({DiscoveryError::Reason::WellKnownInvalid, error,
                QStringLiteral("well-known answered HTTP %1").arg(error.httpStatus)});
            return;
        }
        const auto wellKnown = Matrix::parseWellKnown(result->body);
        if (!wellKnown) {
            const bool fatal
                = wellKnown.error().outcome == Matrix::WellKnownError::Outcome::FailError;
            fail({fatal ? DiscoveryError::Reason::WellKnownBaseUrlInvalid
                        : DiscoveryError::Reason::WellKnownInvalid,
                {}, wellKnown.error().detail});
            return;
        }
        qCInfo(lcDiscovery) << "well-known names" << wellKnown->homeserverBaseUrl.toDisplayString();
        check(wellKnown->homeserverBaseUrl, false);
    });
}

void HomeserverDiscovery::check(const QUrl &baseUrl, bool allowPlainHttp)
{
    m_call = startHomeserverCheck(m_network, baseUrl, allowPlainHttp, [this](const auto &result) {
        if (!result) {
            const CheckError &error = result.error();
            if (error.error.kind == Matrix::Error::Kind::Cancelled)
                return;
            const auto reason = error.reason == CheckError::Reason::Insecure
                ? DiscoveryError::Reason::Insecure
                : error.reason == CheckError::Reason::NotAHomeserver
                ? DiscoveryError::Reason::NotAHomeserver
                : DiscoveryError::Reason::Unreachable;
            fail({reason, error.error, error.detail});
            return;
        }
        m_running = false;
        qCInfo(lcDiscovery) << "homeserver at" << result->baseUrl.toDisplayString() << "speaks"
                            << result->versions.versions.join(u' ');
        Q_EMIT discovered(result.value());
    });
}

void HomeserverDiscovery::fail(DiscoveryError error)
{
    m_running = false;
    qCInfo(lcDiscovery) << "discovery failed:" << int(error.reason) << error.detail;
    Q_EMIT failed(error);
}

} // namespace Portico::Discovery
