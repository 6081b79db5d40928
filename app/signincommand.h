// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// `portico sign-in SERVER --device`: signs in through the OAuth 2.0 device grant (RFC 8628)
// from a terminal, for machines where the browser is elsewhere: prints the address, the code
// and a QR code as text, waits for the approval, and stores the session in the keychain.
// Prints "signed-in USER DEVICE BASE_URL" and exits 0; exits non-zero with the reason on
// stderr when it cannot.
int runSignInCommand(int argc, char *argv[]);
