// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `portico providers SERVER`: discovers the homeserver, reads its login flows and prints the
// base URL and the identity providers as JSON on stdout. Exits non-zero with the error on
// stderr when it cannot. For scripts, and for diagnosing a server.
int runProvidersCommand(int argc, char *argv[]);
