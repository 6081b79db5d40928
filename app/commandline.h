// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// What the command line asks for.
struct CommandLine
{
    QString server; // --server: start discovery with this right away
    QString idp; // --idp: then sign in with this provider
    bool ephemeral = false;
    bool verbose = false;
    QString url; // a portico:// link handed over by the desktop
};

// Parses the arguments; on --help, --version or an error it prints and exits.
CommandLine parseCommandLine(const QStringList &arguments);
