// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicelistmodel.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace Portico::Ui {

DeviceListModel::DeviceListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

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
        const QString when
            = QLocale().toString(device.lastSeen.toLocalTime(), QLocale::ShortFormat);
        return device.lastSeenIp.isEmpty()
            ? tr("Last seen %1").arg(when)
            : tr("Last seen %1 from %2").arg(when, device.lastSeenIp);
    }
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
    };
}

} // namespace Portico::Ui
