// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "baseurlbinding.h"

#include "accountclient.h"
#include "matrix/logging.h"

#include <QCoreApplication>
#include <QNetworkReply>

#include <memory>
#include <optional>

namespace Portico::Session {

namespace {
// lupdate files a free function's tr() under its namespace: translate in that context.
QString tr(const char *text)
{
    return QCoreApplication::translate("Portico::Session", text);
}
} // namespace

QPointer<QNetworkReply> bindBaseUrl(QNetworkAccessManager &network,
    const Discovery::Homeserver &loginServer, const Matrix::LoginResponse &response,
    QObject *context, BindingHandler handler)
{
    const BaseUrlBinding stay{loginServer.baseUrl, loginServer.plainHttpAllowed,
        Matrix::LoginResponse::BaseUrlSource::None, {}};
    if (response.baseUrlSource == Matrix::LoginResponse::BaseUrlSource::None) {
        BaseUrlBinding binding = stay;
        if (!response.baseUrlProblem.isEmpty()) {
            qCWarning(lcSession) << "login response names no usable base URL:"
                                 << response.baseUrlProblem;
            binding.warning = tr("The server suggested another address for your session, but it "
                                 "is not valid. Portico stays with %1.")
                                  .arg(loginServer.baseUrl.toDisplayString());
        }
        handler(binding);
        return nullptr;
    }
    if (response.baseUrl == loginServer.baseUrl) {
        handler({loginServer.baseUrl, loginServer.plainHttpAllowed, response.baseUrlSource, {}});
        return nullptr;
    }
    qCInfo(lcSession) << "login response moves the session to"
                      << response.baseUrl.toDisplayString();

    // Two checks in parallel, so the move costs one round trip: /versions (it is a homeserver)
    // and whoami with the new token (it holds this session).
    struct Pending
    {
        std::optional<Discovery::CheckError> checkError;
        std::optional<Discovery::Homeserver> homeserver;
        std::optional<Matrix::Error> whoamiError;
        bool whoamiOk = false;
        int outstanding = 2;
    };
    auto pending = std::make_shared<Pending>();
    const auto finish = [pending, stay, response, handler] {
        if (--pending->outstanding > 0)
            return;
        if (pending->homeserver && pending->whoamiOk) {
            handler({pending->homeserver->baseUrl, pending->homeserver->plainHttpAllowed,
                response.baseUrlSource, {}});
            return;
        }
        BaseUrlBinding binding = stay;
        QString reason;
        if (pending->checkError) {
            switch (pending->checkError->reason) {
            case Discovery::CheckError::Reason::Insecure:
                reason = tr("The server asked Portico to continue at %1, which is not secure "
                            "(plain http). Your session stays with %2.");
                break;
            case Discovery::CheckError::Reason::Unreachable:
                reason = tr("The server asked Portico to continue at %1, which could not be "
                            "reached. Your session stays with %2.");
                break;
            case Discovery::CheckError::Reason::NotAHomeserver:
                reason = tr("The server asked Portico to continue at %1, which is not a Matrix "
                            "server. Your session stays with %2.");
                break;
            }
        } else {
            reason = tr("The server asked Portico to continue at %1, which does not recognise "
                        "your session. Your session stays with %2.");
        }
        binding.warning
            = reason.arg(response.baseUrl.toDisplayString(), stay.baseUrl.toDisplayString());
        qCWarning(lcSession) << "not binding to" << response.baseUrl.toDisplayString();
        handler(binding);
    };

    QPointer<QNetworkReply> reply = Discovery::checkHomeserver(network, response.baseUrl,
        loginServer.plainHttpAllowed, context, [pending, finish](const auto &result) {
            if (result)
                pending->homeserver = result.value();
            else
                pending->checkError = result.error();
            finish();
        });
    Session probe;
    probe.baseUrl = response.baseUrl;
    probe.accessToken = response.accessToken;
    probe.plainHttpAllowed = loginServer.plainHttpAllowed;
    AccountClient(network).whoami(
        probe, context, [pending, finish, userId = response.userId](const auto &result) {
            pending->whoamiOk = result && result->userId == userId;
            if (!result)
                pending->whoamiError = result.error();
            finish();
        });
    return reply;
}

} // namespace Portico::Session
