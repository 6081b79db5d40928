// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "signincommand.h"

#include "commandline.h"

#include "discovery/authmetadatafetch.h"
#include "discovery/homeserverdiscovery.h"
#include "oauth/devicelogin.h"
#include "session/sessionstore.h"
#include "ui/qrcode.h"
#include "ui/usermessages.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTextStream>

using namespace Portico;

namespace {
int fail(const QString &sentence, int code = 1)
{
    QTextStream(stderr) << sentence << '\n';
    QCoreApplication::exit(code);
    return code;
}
} // namespace

int runSignInCommand(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The GUI's names: the session is stored where a later `portico` finds it.
    QCoreApplication::setOrganizationName(QStringLiteral("Portico"));
    QCoreApplication::setApplicationName(QStringLiteral("Portico"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTICO_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Sign in from a terminal, approving on another device."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("sign-in"), {}, QStringLiteral("sign-in"));
    parser.addPositionalArgument(QStringLiteral("server"),
        QCoreApplication::translate("main", "A server name, Matrix ID or URL."));
    const QCommandLineOption device(QStringLiteral("device"),
        QCoreApplication::translate(
            "main", "Approve the sign-in on another device (the OAuth 2.0 device grant)."));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
        QCoreApplication::translate("main", "Log what Portico does (never any token)."));
    parser.addOptions({device, verbose});
    parser.process(app);
    const auto input = serverArgument(
        parser, parser.isSet(verbose), parser.isSet(device), "portico sign-in SERVER --device");
    if (!input)
        return 2;

    QNetworkAccessManager network;
    Discovery::HomeserverDiscovery discovery(network);
    Discovery::AuthMetadataFetch metadataFetch(network);
    OAuth::DeviceLogin login(network);
    Session::SessionStore store;
    Discovery::Homeserver server;

    QObject::connect(&discovery, &Discovery::HomeserverDiscovery::failed, &app,
        [](const Discovery::DiscoveryError &error) { fail(Ui::describeDiscoveryError(error)); });
    QObject::connect(&discovery, &Discovery::HomeserverDiscovery::discovered, &app,
        [&](const Discovery::Homeserver &homeserver) {
            server = homeserver;
            metadataFetch.fetch(homeserver, [&](const Discovery::AuthMetadataFetch::Result &found) {
                if (!found) {
                    fail(found.error().describe());
                    return;
                }
                if (!*found || !found.value()->supportsDeviceGrant()) {
                    fail(QCoreApplication::translate(
                        "main", "This server does not offer signing in on another device."));
                    return;
                }
                login.start(server.baseUrl, *found.value(), server.plainHttpAllowed);
            });
        });
    QObject::connect(&login, &OAuth::DeviceLogin::promptReady, &app,
        [](const OAuth::VerificationPrompt &prompt) {
            QTextStream out(stdout);
            out << QCoreApplication::translate("main", "Open %1 and enter the code %2")
                       .arg(prompt.verificationUri.toDisplayString(), prompt.userCode)
                << "\n\n"
                << Ui::qrText(prompt.qrUrl().toString(QUrl::FullyEncoded)) << '\n'
                << "code " << prompt.userCode << Qt::endl;
        });
    QObject::connect(&login, &OAuth::DeviceLogin::failed, &app,
        [](const OAuth::SignInError &error) { fail(Ui::describeOAuthError(error)); });
    QObject::connect(&login, &OAuth::DeviceLogin::signedIn, &app,
        [&store](const Session::Session &session) { store.save(session); });
    QObject::connect(
        &store, &Session::SessionStore::saved, &app, [](const Session::Session &session) {
            QTextStream(stdout) << "signed-in " << session.userId << ' ' << session.deviceId << ' '
                                << session.baseUrl.toString() << Qt::endl;
            QCoreApplication::exit(0);
        });
    QObject::connect(&store, &Session::SessionStore::failed, &app,
        [](const Session::StoreError &error) { fail(Ui::describeStoreError(error)); });
    discovery.start(input.value());
    return QCoreApplication::exec();
}
