// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// One category per stage of the data's journey. Info and above are on by default;
// `portico --verbose` turns on debug. None of them ever prints a token.
Q_DECLARE_LOGGING_CATEGORY(lcMatrix)
Q_DECLARE_LOGGING_CATEGORY(lcDiscovery)
Q_DECLARE_LOGGING_CATEGORY(lcSso)
Q_DECLARE_LOGGING_CATEGORY(lcSession)
Q_DECLARE_LOGGING_CATEGORY(lcUia)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
