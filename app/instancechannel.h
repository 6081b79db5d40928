// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QVariantMap>

// Keeps Portico to one instance per session the desktop's way: D-Bus activation. The running
// instance owns its app ID (dev.portico.Portico) on the session bus and answers
// org.freedesktop.Application there; a later start (or the desktop itself, DBusActivatable=true)
// calls Open with its portico:// link or Activate, passing the activation token it was given,
// and exits. The session bus is the user's own: no file another user could take first, and the
// bus hands the name to exactly one of two instances starting at once.
class InstanceChannel : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Application")
public:
    static constexpr char ServiceName[] = PORTICO_APP_ID;
    static constexpr char ObjectPath[] = "/dev/portico/Portico";

    enum class Claim {
        Claimed, // this is the running instance now
        Taken, // another process owns the name: hand over to it
        NoBus, // no session bus: run alone
    };

    explicit InstanceChannel(
        QDBusConnection bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);
    ~InstanceChannel() override;

    // Takes the app ID on the bus, atomically: of two starts at once exactly one gets Claimed.
    Claim claim();
    // True when the owner of the app ID took `url` (empty: "come to the front"). Passes the
    // activation token this process was started with (XDG_ACTIVATION_TOKEN on Wayland,
    // DESKTOP_STARTUP_ID on X11) as the platform data, so the window may take the focus.
    static bool handOver(
        const QString &url, const QDBusConnection &bus = QDBusConnection::sessionBus());

public Q_SLOTS:
    // org.freedesktop.Application, as the desktop and a second start call it.
    Q_SCRIPTABLE void Activate(const QVariantMap &platformData);
    Q_SCRIPTABLE void Open(const QStringList &uris, const QVariantMap &platformData);
    Q_SCRIPTABLE void ActivateAction(
        const QString &actionName, const QVariantList &parameter, const QVariantMap &platformData);

Q_SIGNALS:
    // `activationToken`: the Wayland xdg-activation token or X11 startup ID, or empty.
    void activationRequested(const QString &activationToken);
    void urlReceived(const QString &url);

private:
    void activate(const QVariantMap &platformData);

    QDBusConnection m_bus;
    bool m_registered = false;
};
