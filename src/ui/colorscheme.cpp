// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "colorscheme.h"

#include "matrix/logging.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QGuiApplication>

namespace Portico::Ui {

namespace {
const QString PortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString PortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString SettingsInterface = QStringLiteral("org.freedesktop.portal.Settings");
const QString AppearanceGroup = QStringLiteral("org.freedesktop.appearance");
const QString ColorSchemeKey = QStringLiteral("color-scheme");

// The portal's color-scheme: 0 no preference, 1 prefer dark, 2 prefer light. Read() wraps the
// value in one variant more than the spec says on older portals: unwrap them all.
ColorScheme::Scheme fromPortal(QVariant value)
{
    while (value.canConvert<QDBusVariant>() && value.userType() == qMetaTypeId<QDBusVariant>())
        value = value.value<QDBusVariant>().variant();
    bool ok = false;
    const uint scheme = value.toUInt(&ok);
    if (!ok)
        return ColorScheme::Scheme::NoPreference;
    return scheme == 1 ? ColorScheme::Scheme::Dark
        : scheme == 2  ? ColorScheme::Scheme::Light
                       : ColorScheme::Scheme::NoPreference;
}

bool paletteIsDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}
} // namespace

ColorScheme::ColorScheme(QObject *parent)
    : QObject(parent)
{}

ColorScheme::Scheme ColorScheme::fromName(const QString &name)
{
    if (name.compare(u"dark", Qt::CaseInsensitive) == 0)
        return Scheme::Dark;
    if (name.compare(u"light", Qt::CaseInsensitive) == 0)
        return Scheme::Light;
    return Scheme::NoPreference;
}

bool ColorScheme::isDark() const
{
    return paletteIsDark(QGuiApplication::palette());
}

void ColorScheme::start()
{
    m_platform = QGuiApplication::palette();
    const Scheme forced = fromName(qEnvironmentVariable("PORTICO_COLOR_SCHEME"));
    if (forced != Scheme::NoPreference) {
        m_overridden = true;
        apply(forced);
        return;
    }
    apply(Scheme::NoPreference);

    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return; // no session bus: the platform's palette it is
    // The slot's QDBusVariant is looked up by name, which Qt 6.4 knows only once registered.
    qRegisterMetaType<QDBusVariant>();
    if (!bus.connect(PortalService, PortalPath, SettingsInterface, QStringLiteral("SettingChanged"),
            this, SLOT(onPortalSettingChanged(QString, QString, QDBusVariant))))
        qCWarning(lcUi) << "cannot follow the portal's color-scheme:" << bus.lastError().message();
    QDBusMessage read = QDBusMessage::createMethodCall(
        PortalService, PortalPath, SettingsInterface, QStringLiteral("Read"));
    read << AppearanceGroup << ColorSchemeKey;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(read, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<QVariant> reply = *w;
        if (reply.isError()) {
            // No portal, or one without the appearance settings: nothing to follow.
            qCDebug(lcUi) << "no portal color-scheme:" << reply.error().name();
            return;
        }
        apply(fromPortal(reply.value()));
    });
}

void ColorScheme::onPortalSettingChanged(
    const QString &group, const QString &key, const QDBusVariant &value)
{
    if (!m_overridden && group == AppearanceGroup && key == ColorSchemeKey)
        apply(fromPortal(value.variant()));
}

void ColorScheme::apply(Scheme scheme)
{
    qCDebug(lcUi) << "color scheme" << scheme;
    m_scheme = scheme;
    // Keep the platform's own palette (a KDE colour scheme, say) when it already matches.
    if (scheme == Scheme::NoPreference || (scheme == Scheme::Dark) == paletteIsDark(m_platform))
        QGuiApplication::setPalette(m_platform);
    else
        QGuiApplication::setPalette(scheme == Scheme::Dark ? darkPalette() : lightPalette());
    Q_EMIT changed();
}

QPalette ColorScheme::lightPalette()
{
    // Breeze's light colours.
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
    p.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Base, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf7, 0xf7));
    p.setColor(QPalette::Text, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Button, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::ButtonText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::ToolTipBase, QColor(0xf7, 0xf7, 0xf7));
    p.setColor(QPalette::ToolTipText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::PlaceholderText, QColor(0x70, 0x7d, 0x8a));
    p.setColor(QPalette::Link, QColor(0x29, 0x80, 0xb9));
    p.setColor(QPalette::BrightText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Light, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Midlight, QColor(0xf6, 0xf7, 0xf7));
    p.setColor(QPalette::Mid, QColor(0xc4, 0xc9, 0xcd));
    p.setColor(QPalette::Dark, QColor(0x88, 0x8e, 0x93));
    p.setColor(QPalette::Shadow, QColor(0x47, 0x4a, 0x4c));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0xa0, 0xa4, 0xa8));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0xa0, 0xa4, 0xa8));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0xa0, 0xa4, 0xa8));
    return p;
}

QPalette ColorScheme::darkPalette()
{
    // Breeze Dark's colours, with its lighter window so that fields and buttons stand out.
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Button, QColor(0x3b, 0x40, 0x45));
    p.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ToolTipText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    p.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    p.setColor(QPalette::BrightText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Light, QColor(0x40, 0x46, 0x4c));
    p.setColor(QPalette::Midlight, QColor(0x36, 0x3b, 0x40));
    p.setColor(QPalette::Mid, QColor(0x1e, 0x21, 0x24));
    p.setColor(QPalette::Dark, QColor(0x11, 0x12, 0x14));
    p.setColor(QPalette::Shadow, QColor(0x0b, 0x0c, 0x0d));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x6e, 0x71, 0x75));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x6e, 0x71, 0x75));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x6e, 0x71, 0x75));
    return p;
}

} // namespace Portico::Ui
