// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "baseurlbinding.h"

#include "accountclient.h"
#include "matrix/logging.h"

#include <QCoreApplication>

namespace Portico::Session {

namespace {
// lupdate files a free function's tr() under its namespace: translate in that context.
QString tr(const char *text)
{
    return QCoreApplication::translate("Portico::Session", text);
}

// Why a session stays with the server that issued it, rather than the base URL the login
// response named. A free function, so that lupdate files the sentences under Portico::Session.
enum class Refusal { Insecure, Unreachable, NotAHomeserver, UnknownSession };
QString refusalText(Refusal why)
{
    switch (why) {
    case Refusal::Insecure:
        return tr("The server asked Portico to continue at %1, which is not secure (plain http). "
                  "Your session stays with %2.");
    case Refusal::Unreachable:
        return tr("The server asked Portico to continue at %1, which could not be reached. Your "
                  "session stays with %2.");
    case Refusal::NotAHomeserver:
        return tr("The server asked Portico to continue at %1, which is not a Matrix server. Your "
                  "session stays with %2.");
    case Refusal::UnknownSession:
        break;
    }
    return tr("The server asked Portico to continue at %1, which does not recognise your "
              "session. Your session stays with %2.");
}

QString invalidAddressText(const QUrl &loginServer)
{
    return tr("The server suggested another address for your session, but it is not valid. "
              "Portico stays with %1.")
        .arg(loginServer.toDisplayString());
}
} // namespace

void BaseUrlBinder::start(const Discovery::Homeserver &loginServer,
    const Matrix::LoginResponse &response, BindingHandler handler)
{
    m_call.cancel();
    const BaseUrlBinding stay{loginServer.baseUrl, loginServer.plainHttpAllowed,
        Matrix::LoginResponse::BaseUrlSource::None, {}};
    if (response.baseUrlSource == Matrix::LoginResponse::BaseUrlSource::None) {
        BaseUrlBinding binding = stay;
        if (!response.baseUrlProblem.isEmpty()) {
            qCWarning(lcSession) << "login response names no usable base URL:"
                                 << response.baseUrlProblem;
            binding.warning = invalidAddressText(loginServer.baseUrl);
        }
        handler(binding);
        return;
    }
    if (response.baseUrl == loginServer.baseUrl) {
        handler({loginServer.baseUrl, loginServer.plainHttpAllowed, response.baseUrlSource, {}});
        return;
    }
    qCInfo(lcSession) << "login response moves the session to"
                      << response.baseUrl.toDisplayString();

    // First /versions: is it a Matrix homeserver at all? Only then does the new access token
    // travel there, to ask whoami whether it holds this session. (The two used to go out at
    // once, which handed the token to whatever answered at the named URL.)
    const auto stayBecause = [stay, response, handler](const QString &reason) {
        BaseUrlBinding binding = stay;
        binding.warning
            = reason.arg(response.baseUrl.toDisplayString(), stay.baseUrl.toDisplayString());
        qCWarning(lcSession) << "not binding to" << response.baseUrl.toDisplayString();
        handler(binding);
    };
    m_call = Discovery::startHomeserverCheck(m_network, response.baseUrl,
        loginServer.plainHttpAllowed, [this, response, handler, stayBecause](const auto &checked) {
            if (!checked) {
                switch (checked.error().reason) {
                case Discovery::CheckError::Reason::Insecure:
                    stayBecause(refusalText(Refusal::Insecure));
                    return;
                case Discovery::CheckError::Reason::Unreachable:
                    stayBecause(refusalText(Refusal::Unreachable));
                    return;
                case Discovery::CheckError::Reason::NotAHomeserver:
                    stayBecause(refusalText(Refusal::NotAHomeserver));
                    return;
                }
                return;
            }
            const Discovery::Homeserver homeserver = checked.value();
            Session probe;
            probe.baseUrl = homeserver.baseUrl;
            probe.accessToken = response.accessToken;
            probe.plainHttpAllowed = homeserver.plainHttpAllowed;
            m_call = AccountClient(m_network).whoami(
                probe, [homeserver, response, handler, stayBecause](const auto &result) {
                    if (result && result->userId == response.userId) {
                        handler({homeserver.baseUrl, homeserver.plainHttpAllowed,
                            response.baseUrlSource, {}});
                        return;
                    }
                    stayBecause(refusalText(Refusal::UnknownSession));
                });
        });
}

} // namespace Portico::Session
