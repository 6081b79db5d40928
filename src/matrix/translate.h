// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

// lupdate files a free function's tr() under its enclosing namespace. A .cpp file whose free
// functions translate writes PORTICO_TRANSLATION_CONTEXT("Portico::Stage") in an anonymous
// namespace, with the name of the namespace its tr() calls sit in, and calls tr() as a class
// would.
#define PORTICO_TRANSLATION_CONTEXT(context)                                                       \
    [[maybe_unused]] QString tr(                                                                   \
        const char *text, const char *disambiguation = nullptr, int n = -1)                        \
    {                                                                                              \
        return QCoreApplication::translate(context, text, disambiguation, n);                      \
    }
