// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicelistmodel.h"

#include <QSignalSpy>
#include <QTest>

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

    void namesAndLastSeen()
    {
        const QDateTime when = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
        Ui::DeviceListModel model;
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
        QVERIFY(seen.startsWith(QStringLiteral("Last seen ")));
        QVERIFY(seen.endsWith(QStringLiteral(" from 192.0.2.7")));
        QVERIFY(seen.contains(QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDeviceListModel)
#include "tst_devicelistmodel.moc"
