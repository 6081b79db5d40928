// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicelistmodel.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Portico;
using Role = Ui::DeviceListModel::Role;

class TestDeviceListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thisDeviceFirstThenByLastUse()
    {
        const QDateTime day = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
        QList<Session::Device> devices{
            {QStringLiteral("NEVER"), QString(), QString(), QDateTime()},
            {QStringLiteral("OLD"), QStringLiteral("Old phone"), QStringLiteral("192.0.2.7"), day},
            {QStringLiteral("ME"), QStringLiteral("Portico"), QString(), day.addDays(-30)},
            {QStringLiteral("NEW"), QStringLiteral("Tablet"), QString(), day.addDays(1)},
        };
        Ui::DeviceListModel model;
        QSignalSpy count(&model, &Ui::DeviceListModel::countChanged);
        model.setDevices(devices, QStringLiteral("ME"));
        QCOMPARE(count.size(), 1);
        QStringList order;
        for (int row = 0; row < model.rowCount(); ++row)
            order.append(model.data(model.index(row), Role::DeviceIdRole).toString());
        QCOMPARE(order,
            (QStringList{QStringLiteral("ME"), QStringLiteral("NEW"), QStringLiteral("OLD"),
                QStringLiteral("NEVER")}));
        QVERIFY(model.data(model.index(0), Role::IsThisDeviceRole).toBool());
        QVERIFY(!model.data(model.index(1), Role::IsThisDeviceRole).toBool());
    }

    // "Last seen 5 minutes ago" is brought up to date every minute while the page is shown,
    // and no timer runs while it is hidden.
    void lastSeenFollowsTheClockWhileShown()
    {
        QDateTime now = QDateTime(QDate(2026, 11, 1), QTime(12, 5, 10), Qt::UTC);
        Ui::DeviceListModel model;
        model.setClock([&now] { return now; });
        model.setDevices({{QStringLiteral("OLD"), QStringLiteral("Old phone"), QString(),
                             now.addSecs(-5 * 60 - 10)}},
            QStringLiteral("ME"));
        QVERIFY(!model.refreshesTimes()); // not shown yet
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setShown(true);
        QVERIFY(model.refreshesTimes());
        QCOMPARE(model.timeRefreshInterval(), std::chrono::minutes(1));
        QCOMPARE(model.data(model.index(0), Role::LastSeenRole).toString(),
            QStringLiteral("Last seen 5 minutes ago"));
        changed.clear();

        now = now.addSecs(60);
        QTimer *minute = model.findChild<QTimer *>();
        QVERIFY(minute);
        QVERIFY(minute->isActive());
        minute->setInterval(1); // the minute, shortened: the timer itself tells the view
        QTRY_VERIFY(changed.size() >= 1);
        minute->setInterval(std::chrono::minutes(1));
        changed.clear();
        model.refreshTimes();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(2).value<QList<int>>(), QList<int>{Role::LastSeenRole});
        QCOMPARE(model.data(model.index(0), Role::LastSeenRole).toString(),
            QStringLiteral("Last seen 6 minutes ago"));

        model.setShown(false);
        QVERIFY(!model.refreshesTimes());
        now = now.addSecs(3600);
        changed.clear();
        model.setShown(true); // shown again after an hour: up to date at once
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.data(model.index(0), Role::LastSeenRole).toString(),
            QStringLiteral("Last seen an hour ago"));
        // Nothing to refresh: no timer.
        model.setDevices({{QStringLiteral("NEVER"), QString(), QString(), QDateTime()}}, {});
        QVERIFY(!model.refreshesTimes());
    }

    void namesAndLastSeen()
    {
        const QDateTime when = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
        Ui::DeviceListModel model;
        model.setClock([when] { return when.addSecs(5 * 60 + 10); });
        model.setDevices({{QStringLiteral("NONAME"), QString(), QString(), QDateTime()},
                             {QStringLiteral("OLD"), QStringLiteral("Old phone"),
                                 QStringLiteral("192.0.2.7"), when}},
            QStringLiteral("ME"));
        // A device without a name shows its ID; nothing is said of a last use nobody knows.
        QCOMPARE(model.displayName(QStringLiteral("NONAME")), QStringLiteral("NONAME"));
        QCOMPARE(model.displayName(QStringLiteral("OLD")), QStringLiteral("Old phone"));
        QCOMPARE(model.displayName(QStringLiteral("GONE")), QStringLiteral("GONE"));
        const int noName
            = model.data(model.index(0), Role::DeviceIdRole).toString() == u"NONAME" ? 0 : 1;
        QVERIFY(model.data(model.index(noName), Role::LastSeenRole).toString().isEmpty());
        const QString seen = model.data(model.index(1 - noName), Role::LastSeenRole).toString();
        QCOMPARE(seen, QStringLiteral("Last seen 5 minutes ago from 192.0.2.7"));
        // The exact time, for the tooltip.
        QCOMPARE(model.data(model.index(1 - noName), Role::LastSeenExactRole).toString(),
            QLocale().toString(when.toLocalTime(), QLocale::LongFormat));
        QVERIFY(model.data(model.index(noName), Role::LastSeenExactRole).toString().isEmpty());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void relativeTimes_data()
    {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<QString>("expected");
        QTest::newRow("a clock ahead") << qint64(-30) << QStringLiteral("just now");
        QTest::newRow("seconds") << qint64(59) << QStringLiteral("just now");
        QTest::newRow("one minute") << qint64(60) << QStringLiteral("a minute ago");
        QTest::newRow("minutes") << qint64(59 * 60) << QStringLiteral("59 minutes ago");
        QTest::newRow("one hour") << qint64(3600) << QStringLiteral("an hour ago");
        QTest::newRow("hours") << qint64(23 * 3600 + 3599) << QStringLiteral("23 hours ago");
        QTest::newRow("one day") << qint64(86400) << QStringLiteral("yesterday");
        QTest::newRow("days") << qint64(30 * 86400) << QStringLiteral("30 days ago");
    }
    void relativeTimes()
    {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, expected);
        const QDateTime now = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
        QCOMPARE(Ui::DeviceListModel::relativeTime(now.addSecs(-secondsAgo), now), expected);
        // Older than a month: the date itself.
        const QDateTime old = now.addDays(-40);
        QCOMPARE(Ui::DeviceListModel::relativeTime(old, now),
            QStringLiteral("on ")
                + QLocale().toString(old.toLocalTime().date(), QLocale::ShortFormat));
    }
};

QTEST_GUILESS_MAIN(TestDeviceListModel)
#include "tst_devicelistmodel.moc"
