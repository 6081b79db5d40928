// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/sessionkeeper.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <vector>

class QNetworkAccessManager;

namespace Portico::Ui {

class AccountProfiles;

// The accounts signed in on this computer, each kept alive by its SessionKeeper, and which of
// them the window shows.
class AccountListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by LoginController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        UserIdRole,
        DeviceIdRole,
        ServerRole,
        StateRole, // an AccountState
        CurrentRole,
    };
    Q_ENUM(Role)
    // What QML shows of a session's check with its server.
    enum class AccountState { None, Unverified, Verifying, Verified, Offline, Ended };
    Q_ENUM(AccountState)

    explicit AccountListModel(QNetworkAccessManager &network, QObject *parent = nullptr);

    // Adds the session, or replaces the one with the same key. Returns its keeper.
    Session::SessionKeeper *add(const Session::Session &session);
    void remove(const QString &key);
    Session::SessionKeeper *find(const QString &key) const;
    Session::SessionKeeper *current() const { return m_current; }
    void setCurrent(const QString &key);
    QList<Session::SessionKeeper *> keepers() const;
    void setBackoff(Session::SessionKeeper::Backoff backoff) { m_backoff = backoff; }
    // Who each account is: loaded when an account is added, forgotten when it is removed.
    void setProfiles(AccountProfiles *profiles);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();
    void currentChanged();
    // Any keeper's state changed (the current one's included).
    void keeperStateChanged(Portico::Session::SessionKeeper *keeper);
    void keeperSessionUpdated(const Portico::Session::Session &session);

private:
    int rowOf(const Session::SessionKeeper *keeper) const;
    void removeKeeper(Session::SessionKeeper *keeper);

    QNetworkAccessManager &m_network;
    std::vector<Session::SessionKeeper *> m_keepers; // children of this model
    QPointer<Session::SessionKeeper> m_current;
    Session::SessionKeeper::Backoff m_backoff;
    QPointer<AccountProfiles> m_profiles;
};

AccountListModel::AccountState accountState(Session::SessionKeeper::State state);
// For logs and scripts: "unverified", "verifying", "verified", "offline" or "ended".
QString accountStateName(Session::SessionKeeper::State state);

} // namespace Portico::Ui
