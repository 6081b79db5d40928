// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logging.h"

Q_LOGGING_CATEGORY(lcMatrix, "portico.matrix", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDiscovery, "portico.discovery", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSso, "portico.sso", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "portico.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUia, "portico.uia", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "portico.ui", QtInfoMsg)
