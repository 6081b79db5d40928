// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "instancechannel.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusReply>
#include <QLoggingCategory>
#include <QUrl>

Q_LOGGING_CATEGORY(lcInstance, "portico.instance", QtInfoMsg)

namespace {
constexpr char Interface[] = "org.freedesktop.Application";
constexpr int HandOverTimeoutMs = 10000;

// The token a desktop gives a window to take the focus with, from the platform data of an
// Activate or Open call: Wayland's xdg-activation token, or X11's startup notification ID.
QString activationToken(const QVariantMap &platformData)
{
    const QString wayland = platformData.value(QStringLiteral("activation-token")).toString();
    return wayland.isEmpty() ? platformData.value(QStringLiteral("desktop-startup-id")).toString()
                             : wayland;
}
} // namespace

InstanceChannel::InstanceChannel(QDBusConnection bus, QObject *parent)
    : QObject(parent)
    , m_bus(std::move(bus))
{}

InstanceChannel::~InstanceChannel()
{
    if (m_registered) {
        m_bus.unregisterObject(QString::fromLatin1(ObjectPath));
        if (m_bus.interface())
            m_bus.interface()->unregisterService(QString::fromLatin1(ServiceName));
    }
}

InstanceChannel::Claim InstanceChannel::claim()
{
    if (!m_bus.isConnected() || !m_bus.interface())
        return Claim::NoBus;
    // The object first, so that a call arriving the moment the name is ours finds it.
    if (!m_bus.registerObject(
            QString::fromLatin1(ObjectPath), this, QDBusConnection::ExportScriptableSlots)) {
        qCWarning(lcInstance) << "cannot register" << ObjectPath << m_bus.lastError().message();
        return Claim::NoBus;
    }
    // No queueing, no replacement: the bus gives the name to one caller, the others learn who.
    const QDBusReply<QDBusConnectionInterface::RegisterServiceReply> reply
        = m_bus.interface()->registerService(QString::fromLatin1(ServiceName),
            QDBusConnectionInterface::DontQueueService,
            QDBusConnectionInterface::DontAllowReplacement);
    if (reply.isValid() && reply.value() == QDBusConnectionInterface::ServiceRegistered) {
        m_registered = true;
        return Claim::Claimed;
    }
    m_bus.unregisterObject(QString::fromLatin1(ObjectPath));
    if (!reply.isValid()) {
        qCWarning(lcInstance) << "cannot claim" << ServiceName << reply.error().message();
        return Claim::NoBus;
    }
    return Claim::Taken;
}

bool InstanceChannel::handOver(const QString &url, const QDBusConnection &bus)
{
    if (!bus.isConnected())
        return false;
    QVariantMap platformData;
    // The desktop gave this process the token to raise a window with; the running instance's
    // window is the one to raise.
    if (const QString token = qEnvironmentVariable("XDG_ACTIVATION_TOKEN"); !token.isEmpty())
        platformData.insert(QStringLiteral("activation-token"), token);
    if (const QString id = qEnvironmentVariable("DESKTOP_STARTUP_ID"); !id.isEmpty())
        platformData.insert(QStringLiteral("desktop-startup-id"), id);
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(ServiceName),
        QString::fromLatin1(ObjectPath), QString::fromLatin1(Interface),
        url.isEmpty() ? QStringLiteral("Activate") : QStringLiteral("Open"));
    if (url.isEmpty())
        call << platformData;
    else
        call << QStringList{url} << platformData;
    // Waits for the running instance's answer, so that we exit only once it has the link.
    const QDBusMessage reply = bus.call(call, QDBus::Block, HandOverTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage) {
        qCWarning(lcInstance) << "the running instance did not take the hand-over:"
                              << reply.errorMessage();
        return false;
    }
    return true;
}

void InstanceChannel::activate(const QVariantMap &platformData)
{
    const QString token = activationToken(platformData);
    qCInfo(lcInstance).noquote() << (token.isEmpty()
            ? QStringLiteral("activated")
            : QStringLiteral("activated with an activation token"));
    Q_EMIT activationRequested(token);
}

void InstanceChannel::Activate(const QVariantMap &platformData)
{
    activate(platformData);
}

void InstanceChannel::Open(const QStringList &uris, const QVariantMap &platformData)
{
    activate(platformData);
    // Only our own schemes: this is how a sign-in link comes back (portico:// for SSO, the
    // OAuth private-use dev.portico:/callback), and nothing else is opened.
    for (const QString &uri : uris) {
        if (const QString scheme = QUrl(uri).scheme();
            scheme == u"portico" || scheme == u"dev.portico")
            Q_EMIT urlReceived(uri);
        else
            qCInfo(lcInstance) << "ignoring a non-portico:// link handed over";
    }
}

void InstanceChannel::ActivateAction(
    const QString &actionName, const QVariantList &, const QVariantMap &platformData)
{
    // Portico exports no actions; asking for one still brings the window up.
    qCInfo(lcInstance) << "no such action:" << actionName.left(64);
    activate(platformData);
}
