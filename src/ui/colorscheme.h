// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusVariant>
#include <QObject>
#include <QPalette>

namespace Portico::Ui {

// Light or dark, as the desktop prefers: PORTICO_COLOR_SCHEME=light|dark when set (for
// screenshots and tests), else the XDG desktop portal's org.freedesktop.appearance color-scheme
// (GNOME and KDE both publish it, and we follow its changes), else the platform's palette.
// Qt 6.4 has no QStyleHints::colorScheme, hence the portal. Sets the application palette.
class ColorScheme : public QObject
{
    Q_OBJECT
public:
    enum class Scheme { NoPreference, Light, Dark };
    Q_ENUM(Scheme)

    explicit ColorScheme(QObject *parent = nullptr);

    // Applies the override or the platform palette now, then asks the portal (asynchronously).
    void start();
    Scheme scheme() const { return m_scheme; }
    bool isDark() const;

    // PORTICO_COLOR_SCHEME's value; NoPreference when unset or not understood.
    static Scheme fromName(const QString &name);
    static QPalette lightPalette();
    static QPalette darkPalette();

Q_SIGNALS:
    void changed();

private Q_SLOTS:
    // The portal's SettingChanged signal.
    void onPortalSettingChanged(
        const QString &group, const QString &key, const QDBusVariant &value);

private:
    void apply(Scheme scheme);

    QPalette m_platform; // what the platform gave us, restored for "no preference"
    Scheme m_scheme = Scheme::NoPreference;
    bool m_overridden = false;
};

} // namespace Portico::Ui
