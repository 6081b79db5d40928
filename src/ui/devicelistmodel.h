// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/deviceclient.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace Portico::Ui {

// The devices of the signed-in account: this one first, then the others by last use.
class DeviceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by DevicesController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        DeviceIdRole = Qt::UserRole + 1,
        DisplayNameRole, // the name, or the ID when it has none
        LastSeenRole, // "Last seen 5 minutes ago …" in words, or empty
        IsThisDeviceRole,
        LastSeenExactRole, // the date and time of the last use, in the locale's words, or empty
    };
    Q_ENUM(Role)

    explicit DeviceListModel(QObject *parent = nullptr);

    // What "now" is for "5 minutes ago" (tests set a fixed clock).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    // "just now", "5 minutes ago", "3 days ago", or the date for more than a month.
    static QString relativeTime(const QDateTime &when, const QDateTime &now);

    void setDevices(const QList<Session::Device> &devices, const QString &thisDevice);
    void clear();
    const QList<Session::Device> &devices() const { return m_devices; }
    QString displayName(const QString &deviceId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    QList<Session::Device> m_devices;
    QString m_thisDevice;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace Portico::Ui
