// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

CommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Sign in to Matrix homeservers with single sign-on."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption server(QStringLiteral("server"),
        QCoreApplication::translate("main", "Look up this server, Matrix ID or URL at start."),
        QStringLiteral("server"));
    const QCommandLineOption idp(QStringLiteral("idp"),
        QCoreApplication::translate("main", "Sign in with this identity provider right away."),
        QStringLiteral("id"));
    const QCommandLineOption ephemeral(QStringLiteral("ephemeral"),
        QCoreApplication::translate(
            "main", "Do not save the session; it ends when Portico quits."));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
        QCoreApplication::translate("main", "Log what Portico does (never any token)."));
    const QCommandLineOption noLoopback(QStringLiteral("no-loopback"),
        QCoreApplication::translate("main",
            "Receive the browser's sign-in result as a dev.portico: link instead of on a "
            "loopback port (where listening is not allowed)."));
    parser.addOptions({server, idp, ephemeral, verbose, noLoopback});
    parser.addPositionalArgument(QStringLiteral("url"),
        QCoreApplication::translate(
            "main", "A portico:// sign-in link, handed to the running Portico."),
        QStringLiteral("[url]"));
    parser.process(arguments);

    CommandLine result;
    result.server = parser.value(server);
    result.idp = parser.value(idp);
    result.ephemeral = parser.isSet(ephemeral);
    result.verbose = parser.isSet(verbose);
    result.noLoopback = parser.isSet(noLoopback);
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1
        || (positional.size() == 1 && !positional.front().startsWith(u"portico:")
            && !positional.front().startsWith(u"dev.portico:"))) {
        qCritical("Portico takes at most one portico:// link; see --help");
        std::exit(2);
    }
    result.url = positional.value(0);
    if (!result.idp.isEmpty() && result.server.isEmpty()) {
        qCritical("--idp needs --server");
        std::exit(2);
    }
    return result;
}

std::optional<Portico::Discovery::ServerInput> serverArgument(
    const QCommandLineParser &parser, bool verbose, bool usable, const char *usage)
{
    QLoggingCategory::setFilterRules(
        verbose ? QStringLiteral("portico.*.debug=true") : QStringLiteral("portico.*.info=false"));
    const QStringList arguments = parser.positionalArguments();
    if (arguments.size() != 2 || !usable) {
        QTextStream(stderr) << "usage: " << usage << '\n';
        return std::nullopt;
    }
    auto input = Portico::Discovery::parseServerInput(arguments.at(1));
    if (!input) {
        QTextStream(stderr) << input.error() << '\n';
        return std::nullopt;
    }
    return std::move(input.value());
}
