// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountlistmodel.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Portico;
using Role = Ui::AccountListModel::Role;

namespace {
Session::Session session(const QString &user, const QString &device)
{
    Session::Session s;
    s.userId = user;
    s.deviceId = device;
    s.accessToken = QStringLiteral("syt_unused");
    s.baseUrl = QUrl(QStringLiteral("https://matrix.example.org"));
    return s;
}
} // namespace

class TestAccountListModel : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void listsAccountsWithTheirState()
    {
        Ui::AccountListModel model(network);
        QSignalSpy count(&model, &Ui::AccountListModel::countChanged);
        model.add(session(QStringLiteral("@alice:example.org"), QStringLiteral("A")));
        Session::SessionKeeper *bob
            = model.add(session(QStringLiteral("@bob:example.org"), QStringLiteral("B")));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(count.size(), 2);
        const QModelIndex second = model.index(1);
        QCOMPARE(
            model.data(second, Role::KeyRole).toString(), QStringLiteral("@bob:example.org/B"));
        QCOMPARE(
            model.data(second, Role::ServerRole).toString(), QStringLiteral("matrix.example.org"));
        QCOMPARE(model.data(second, Role::StateRole).toInt(),
            int(Ui::AccountListModel::AccountState::Unverified));
        QCOMPARE(model.data(second, Role::CurrentRole).toBool(), false);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        bob->markVerified();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
        QCOMPARE(model.data(second, Role::StateRole).toInt(),
            int(Ui::AccountListModel::AccountState::Verified));
        // No token is offered to QML.
        for (const QByteArray &name : model.roleNames())
            QVERIFY(!name.contains("token"));
    }

    void theCurrentAccount()
    {
        Ui::AccountListModel model(network);
        model.add(session(QStringLiteral("@alice:example.org"), QStringLiteral("A")));
        model.add(session(QStringLiteral("@bob:example.org"), QStringLiteral("B")));
        QSignalSpy current(&model, &Ui::AccountListModel::currentChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setCurrent(QStringLiteral("@bob:example.org/B"));
        QCOMPARE(current.size(), 1);
        QCOMPARE(model.current()->key(), QStringLiteral("@bob:example.org/B"));
        QVERIFY(model.data(model.index(1), Role::CurrentRole).toBool());
        model.setCurrent(QStringLiteral("@alice:example.org/A"));
        QCOMPARE(changed.size(), 3); // bob on, then bob off and alice on
        QVERIFY(!model.data(model.index(1), Role::CurrentRole).toBool());
        QVERIFY(model.data(model.index(0), Role::CurrentRole).toBool());

        // Removing the current account leaves none current; the caller picks the next.
        current.clear();
        model.remove(QStringLiteral("@alice:example.org/A"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(current.size(), 1);
        QVERIFY(!model.current());
        model.setCurrent(QStringLiteral("@nobody:example.org/X")); // unknown: nothing
        QVERIFY(!model.current());
    }

    void aNewSignInOnTheSameDeviceReplacesTheOld()
    {
        Ui::AccountListModel model(network);
        Session::Session first = session(QStringLiteral("@alice:example.org"), QStringLiteral("A"));
        Session::SessionKeeper *old = model.add(first);
        old->markVerified();
        first.accessToken = QStringLiteral("syt_newer");
        Session::SessionKeeper *renewed = model.add(first);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(renewed->session().accessToken, QStringLiteral("syt_newer"));
        QCOMPARE(model.data(model.index(0), Role::StateRole).toInt(),
            int(Ui::AccountListModel::AccountState::Unverified));
        QCOMPARE(model.find(first.key()), renewed);
    }

    void stateNames()
    {
        using State = Session::SessionKeeper::State;
        QCOMPARE(Ui::accountStateName(State::Verifying), QStringLiteral("verifying"));
        QCOMPARE(Ui::accountStateName(State::Offline), QStringLiteral("offline"));
        QCOMPARE(Ui::accountStateName(State::SoftLoggedOut), QStringLiteral("ended"));
        QCOMPARE(Ui::accountStateName(State::Ended), QStringLiteral("ended"));
    }
};

QTEST_GUILESS_MAIN(TestAccountListModel)
#include "tst_accountlistmodel.moc"
