// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicelistmodel.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace Portico::Ui {

DeviceListModel::DeviceListModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_timeRefresh(this)
{
    m_timeRefresh.setInterval(std::chrono::minutes(1));
    connect(&m_timeRefresh, &QTimer::timeout, this, &DeviceListModel::refreshTimes);
}

void DeviceListModel::setShown(bool shown)
{
    if (m_shown == shown)
        return;
    m_shown = shown;
    if (shown)
        refreshTimes(); // it may have been hidden for a while
    updateTimeRefresh();
    Q_EMIT shownChanged();
}

void DeviceListModel::refreshTimes()
{
    if (!m_devices.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_devices.size()) - 1), {LastSeenRole});
}

void DeviceListModel::updateTimeRefresh()
{
    const bool needed = m_shown
        && std::any_of(m_devices.cbegin(), m_devices.cend(),
            [](const Session::Device &d) { return d.lastSeen.isValid(); });
    if (needed && !m_timeRefresh.isActive())
        m_timeRefresh.start();
    else if (!needed)
        m_timeRefresh.stop();
}

void DeviceListModel::setDevices(const QList<Session::Device> &devices, const QString &thisDevice)
{
    beginResetModel();
    m_devices = devices;
    m_thisDevice = thisDevice;
    std::stable_sort(m_devices.begin(), m_devices.end(),
        [&thisDevice](const Session::Device &a, const Session::Device &b) {
            if ((a.deviceId == thisDevice) != (b.deviceId == thisDevice))
                return a.deviceId == thisDevice;
            return a.lastSeen > b.lastSeen; // invalid (never seen) sorts last
        });
    endResetModel();
    updateTimeRefresh();
    Q_EMIT countChanged();
}

void DeviceListModel::clear()
{
    setDevices({}, {});
}

QString DeviceListModel::displayName(const QString &deviceId) const
{
    for (const Session::Device &device : m_devices)
        if (device.deviceId == deviceId)
            return device.displayName.isEmpty() ? device.deviceId : device.displayName;
    return deviceId;
}

QString DeviceListModel::relativeTime(const QDateTime &when, const QDateTime &now)
{
    const qint64 seconds = when.secsTo(now);
    if (seconds < 60) // a clock a little ahead of ours is "just now" too
        return tr("just now");
    // English has no plural catalogue: the singular is a sentence of its own.
    const int minutes = int(seconds / 60);
    if (minutes < 60)
        return minutes == 1 ? tr("a minute ago") : tr("%n minutes ago", "", minutes);
    const int hours = minutes / 60;
    if (hours < 24)
        return hours == 1 ? tr("an hour ago") : tr("%n hours ago", "", hours);
    const int days = hours / 24;
    if (days < 31)
        return days == 1 ? tr("yesterday") : tr("%n days ago", "", days);
    return tr("on %1").arg(QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat));
}

int DeviceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_devices.size());
}

QVariant DeviceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Session::Device &device = m_devices.at(index.row());
    switch (role) {
    case DeviceIdRole:
        return device.deviceId;
    case Qt::DisplayRole:
    case DisplayNameRole:
        return device.displayName.isEmpty() ? device.deviceId : device.displayName;
    case LastSeenRole: {
        if (!device.lastSeen.isValid())
            return QString();
        const QString when = relativeTime(device.lastSeen, m_now());
        return device.lastSeenIp.isEmpty()
            ? tr("Last seen %1").arg(when)
            : tr("Last seen %1 from %2").arg(when, device.lastSeenIp);
    }
    case LastSeenExactRole:
        return device.lastSeen.isValid()
            ? QLocale().toString(device.lastSeen.toLocalTime(), QLocale::LongFormat)
            : QString();
    case IsThisDeviceRole:
        return device.deviceId == m_thisDevice;
    default:
        return {};
    }
}

QHash<int, QByteArray> DeviceListModel::roleNames() const
{
    return {
        {DeviceIdRole, "deviceId"},
        {DisplayNameRole, "displayName"},
        {LastSeenRole, "lastSeen"},
        {IsThisDeviceRole, "isThisDevice"},
        {LastSeenExactRole, "lastSeenExact"},
    };
}

} // namespace Portico::Ui
