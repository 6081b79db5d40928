// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Portico::Ui {

QString installTranslations(QCoreApplication &app)
{
    return installTranslations(app, QLocale::system());
}

QString installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // QTranslator::load(QLocale) would skip "en" (we ship no catalogue for it) and load the
    // next language the user lists; walk the list ourselves so English wins where it comes first.
    for (const QString &name : locale.uiLanguages()) {
        const QLocale language(name);
        if (language.language() == QLocale::English || language.language() == QLocale::C)
            return {};
        auto *portico = new QTranslator(&app);
        if (!portico->load(language, QStringLiteral("portico"), QStringLiteral("_"),
                QStringLiteral(":/i18n"))) {
            delete portico;
            continue;
        }
        app.installTranslator(portico);
        // Qt's own strings (--help's headings, context menus), from qt6-translations-l10n.
        auto *qt = new QTranslator(&app);
        if (qt->load(language, QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            app.installTranslator(qt);
        else
            delete qt;
        return portico->language().section(u'_', 0, 0);
    }
    return {};
}

} // namespace Portico::Ui
