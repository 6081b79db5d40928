// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The OAuth 2.0 sign-in. Never prints a token, an authorisation code, a PKCE verifier or a
// device code.
Q_DECLARE_LOGGING_CATEGORY(lcOAuth)
