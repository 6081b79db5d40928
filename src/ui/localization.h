// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCoreApplication;
class QLocale;

namespace Portico::Ui {

// Installs Portico's catalogue (embedded under :/i18n) for the first of the user's languages
// that Portico speaks, as QLocale::system() lists them (LANGUAGE, LC_ALL, LC_MESSAGES, LANG),
// and Qt's own for the same language when it is installed. English, the source language, ends
// the search: LANGUAGE=en:de stays English. Returns the language loaded ("de"), or "" for
// English.
QString installTranslations(QCoreApplication &app);
QString installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace Portico::Ui
