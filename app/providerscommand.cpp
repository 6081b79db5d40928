// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerscommand.h"

#include "commandline.h"

#include "discovery/homeserverdiscovery.h"
#include "discovery/loginflowsfetch.h"
#include "matrix/endpoint.h"
#include "matrix/mxc.h"
#include "ui/logincontroller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>

using namespace Portico;

namespace {
QJsonObject describe(const Discovery::Homeserver &homeserver, const Matrix::LoginFlows &flows)
{
    QJsonArray providers;
    for (const Matrix::IdentityProvider &idp : flows.identityProviders) {
        const QUrl redirect = Matrix::endpoint(homeserver.baseUrl,
            QString(homeserver.versions.clientPrefix() + QStringLiteral("/login/sso/redirect/")
                + Matrix::encodePathSegment(idp.id)));
        QJsonObject entry{{QStringLiteral("id"), idp.id}, {QStringLiteral("name"), idp.name},
            {QStringLiteral("redirect_url"), redirect.toString(QUrl::FullyEncoded)}};
        if (!idp.icon.isEmpty()) {
            entry.insert(QStringLiteral("icon"), idp.icon);
            const QUrl download = Matrix::iconDownloadUrl(homeserver.baseUrl, idp.icon);
            entry.insert(QStringLiteral("icon_url"),
                download.isEmpty() ? QJsonValue()
                                   : QJsonValue(download.toString(QUrl::FullyEncoded)));
        }
        if (!idp.brand.isEmpty())
            entry.insert(QStringLiteral("brand"), idp.brand);
        providers.append(entry);
    }
    QJsonObject description{{QStringLiteral("base_url"), homeserver.baseUrl.toString()},
        {QStringLiteral("versions"), QJsonArray::fromStringList(homeserver.versions.versions)},
        {QStringLiteral("sso"), flows.offersBrowserLogin()},
        {QStringLiteral("password"), flows.password},
        {QStringLiteral("oauth_aware_preferred"), flows.oauthAwarePreferred},
        {QStringLiteral("identity_providers"), providers},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(flows.warnings)}};
    // The server's own choice of provider: what there is to open when it lists none.
    if (flows.offersBrowserLogin()) {
        const QUrl generic = Matrix::endpoint(homeserver.baseUrl,
            QString(homeserver.versions.clientPrefix() + QStringLiteral("/login/sso/redirect")));
        description.insert(
            QStringLiteral("sso_redirect_url"), generic.toString(QUrl::FullyEncoded));
    }
    return description;
}
} // namespace

int runProvidersCommand(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("portico"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTICO_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Print a homeserver's base URL and identity providers as JSON."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("providers"), {}, QStringLiteral("providers"));
    parser.addPositionalArgument(QStringLiteral("server"),
        QCoreApplication::translate("main", "A server name, Matrix ID or URL."));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
        QCoreApplication::translate("main", "Log what Portico does (never any token)."));
    parser.addOption(verbose);
    parser.process(app);
    const auto input
        = serverArgument(parser, parser.isSet(verbose), true, "portico providers SERVER");
    if (!input)
        return 2;

    QNetworkAccessManager network;
    Discovery::HomeserverDiscovery discovery(network);
    QObject::connect(&discovery, &Discovery::HomeserverDiscovery::failed, &app,
        [](const Discovery::DiscoveryError &error) {
            QTextStream(stderr) << Ui::describeDiscoveryError(error) << '\n';
            QCoreApplication::exit(1);
        });
    Discovery::LoginFlowsFetch flowsFetch;
    QObject::connect(&discovery, &Discovery::HomeserverDiscovery::discovered, &app,
        [&network, &flowsFetch](const Discovery::Homeserver &homeserver) {
            flowsFetch.start(network, homeserver, [homeserver](const auto &flows) {
                if (!flows) {
                    QTextStream(stderr)
                        << flows.error().describe() << ' ' << flows.error().detail << '\n';
                    QCoreApplication::exit(1);
                    return;
                }
                QTextStream(stdout) << QJsonDocument(describe(homeserver, flows.value()))
                                           .toJson(QJsonDocument::Indented);
                QCoreApplication::exit(0);
            });
        });
    discovery.start(input.value());
    return QCoreApplication::exec();
}
