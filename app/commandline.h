// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "discovery/serverinput.h"

#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

// What the command line asks for.
struct CommandLine
{
    QString server; // --server: start discovery with this right away
    QString idp; // --idp: then sign in with this provider
    bool ephemeral = false;
    bool verbose = false;
    bool noLoopback = false; // --no-loopback: OAuth results come back as dev.portico: links
    QString url; // a portico:// link handed over by the desktop
};

// Parses the arguments; on --help, --version or an error it prints and exits.
CommandLine parseCommandLine(const QStringList &arguments);

// The subcommands' shared front (`portico providers SERVER`, `portico sign-in SERVER --device`):
// the log goes to stderr only with --verbose (stdout is the command's output), then the one
// SERVER argument is parsed. When `usable` is false or the arguments are not COMMAND SERVER, it
// prints `usage`; when SERVER does not parse, why. Either way it returns nothing (exit code 2).
std::optional<Portico::Discovery::ServerInput> serverArgument(
    const QCommandLineParser &parser, bool verbose, bool usable, const char *usage);
