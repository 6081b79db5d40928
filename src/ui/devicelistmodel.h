// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/deviceclient.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QtQml/qqmlregistration.h>

#include <QTimer>

#include <chrono>
#include <functional>

namespace Portico::Ui {

// The devices of the signed-in account: this one first, then the others by last use.
class DeviceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by DevicesController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // The list is on screen: "5 minutes ago" is brought up to date every minute (and only then,
    // so that no timer runs while the page is hidden).
    Q_PROPERTY(bool shown READ shown WRITE setShown NOTIFY shownChanged)
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
    bool shown() const { return m_shown; }
    void setShown(bool shown);
    // Whether the minute timer runs (shown, with devices that have a last use), for tests.
    bool refreshesTimes() const { return m_timeRefresh.isActive(); }
    std::chrono::milliseconds timeRefreshInterval() const
    {
        return m_timeRefresh.intervalAsDuration();
    }
    // Tells the view that the relative times changed (the timer does, every minute).
    void refreshTimes();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();
    void shownChanged();

private:
    void updateTimeRefresh();

    QList<Session::Device> m_devices;
    QTimer m_timeRefresh;
    bool m_shown = false;
    QString m_thisDevice;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTimeUtc(); };
};

} // namespace Portico::Ui
