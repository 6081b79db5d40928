// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "baseurlbinding.h"

#include "matrix/logging.h"

#include <QCoreApplication>
#include <QNetworkReply>

namespace Portico::Sso {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Portico::Sso::BaseUrlBinding", text);
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
            qCWarning(lcSso) << "login response names no usable base URL:"
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
    qCInfo(lcSso) << "login response moves the session to" << response.baseUrl.toDisplayString();
    return Discovery::checkHomeserver(network, response.baseUrl, loginServer.plainHttpAllowed,
        context, [stay, response, handler](const auto &result) {
            if (result) {
                handler({result->baseUrl, result->plainHttpAllowed, response.baseUrlSource, {}});
                return;
            }
            BaseUrlBinding binding = stay;
            const QString target = response.baseUrl.toDisplayString();
            switch (result.error().reason) {
            case Discovery::CheckError::Reason::Insecure:
                binding.warning = tr("The server asked Portico to continue at %1, which is not "
                                     "secure (plain http). Your session stays with %2.");
                break;
            case Discovery::CheckError::Reason::Unreachable:
                binding.warning = tr("The server asked Portico to continue at %1, which could "
                                     "not be reached. Your session stays with %2.");
                break;
            case Discovery::CheckError::Reason::NotAHomeserver:
                binding.warning = tr("The server asked Portico to continue at %1, which is not a "
                                     "Matrix server. Your session stays with %2.");
                break;
            }
            binding.warning = binding.warning.arg(target, stay.baseUrl.toDisplayString());
            qCWarning(lcSso) << "not binding to" << target << ':' << result.error().detail;
            handler(binding);
        });
}

} // namespace Portico::Sso
