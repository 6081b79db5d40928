// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountlistmodel.h"

#include "accountprofiles.h"

#include <algorithm>

namespace Portico::Ui {

using Session::SessionKeeper;

AccountListModel::AccountState accountState(SessionKeeper::State state)
{
    using State = AccountListModel::AccountState;
    switch (state) {
    case SessionKeeper::State::Unverified:
        return State::Unverified;
    case SessionKeeper::State::Verifying:
        return State::Verifying;
    case SessionKeeper::State::Verified:
        return State::Verified;
    case SessionKeeper::State::Offline:
        return State::Offline;
    case SessionKeeper::State::SoftLoggedOut:
    case SessionKeeper::State::Ended:
        break;
    }
    return State::Ended;
}

QString accountStateName(SessionKeeper::State state)
{
    switch (state) {
    case SessionKeeper::State::Unverified:
        return QStringLiteral("unverified");
    case SessionKeeper::State::Verifying:
        return QStringLiteral("verifying");
    case SessionKeeper::State::Verified:
        return QStringLiteral("verified");
    case SessionKeeper::State::Offline:
        return QStringLiteral("offline");
    case SessionKeeper::State::SoftLoggedOut:
    case SessionKeeper::State::Ended:
        break;
    }
    return QStringLiteral("ended");
}

AccountListModel::AccountListModel(QNetworkAccessManager &network, QObject *parent)
    : QAbstractListModel(parent)
    , m_network(network)
{}

void AccountListModel::setProfiles(AccountProfiles *profiles)
{
    m_profiles = profiles;
}

SessionKeeper *AccountListModel::add(const Session::Session &session)
{
    if (SessionKeeper *existing = find(session.key()))
        removeKeeper(existing); // a new sign-in on the same device: start afresh, same face
    auto *keeper = new SessionKeeper(m_network, session, this);
    keeper->setBackoff(m_backoff);
    connect(keeper, &SessionKeeper::stateChanged, this, [this, keeper] {
        const int row = rowOf(keeper);
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {StateRole});
        Q_EMIT keeperStateChanged(keeper);
    });
    connect(keeper, &SessionKeeper::sessionUpdated, this, &AccountListModel::keeperSessionUpdated);
    const int row = int(m_keepers.size());
    beginInsertRows({}, row, row);
    m_keepers.push_back(keeper);
    endInsertRows();
    Q_EMIT countChanged();
    if (m_profiles)
        m_profiles->load(session);
    return keeper;
}

void AccountListModel::remove(const QString &key)
{
    SessionKeeper *keeper = find(key);
    if (!keeper)
        return;
    removeKeeper(keeper);
    if (m_profiles)
        m_profiles->forget(key);
}

void AccountListModel::removeKeeper(SessionKeeper *keeper)
{
    const int row = rowOf(keeper);
    keeper->stop();
    beginRemoveRows({}, row, row);
    m_keepers.erase(m_keepers.begin() + row);
    endRemoveRows();
    const bool wasCurrent = keeper == m_current;
    keeper->deleteLater();
    Q_EMIT countChanged();
    if (wasCurrent) {
        m_current = nullptr;
        Q_EMIT currentChanged();
    }
}

SessionKeeper *AccountListModel::find(const QString &key) const
{
    const auto it = std::find_if(m_keepers.begin(), m_keepers.end(),
        [&key](const SessionKeeper *keeper) { return keeper->key() == key; });
    return it == m_keepers.end() ? nullptr : *it;
}

void AccountListModel::setCurrent(const QString &key)
{
    SessionKeeper *keeper = find(key);
    if (keeper == m_current)
        return;
    const int oldRow = rowOf(m_current);
    m_current = keeper;
    if (oldRow >= 0)
        Q_EMIT dataChanged(index(oldRow), index(oldRow), {CurrentRole});
    if (const int row = rowOf(keeper); row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {CurrentRole});
    Q_EMIT currentChanged();
}

QList<SessionKeeper *> AccountListModel::keepers() const
{
    return {m_keepers.begin(), m_keepers.end()};
}

int AccountListModel::rowOf(const SessionKeeper *keeper) const
{
    const auto it = std::find(m_keepers.begin(), m_keepers.end(), keeper);
    return it == m_keepers.end() ? -1 : int(it - m_keepers.begin());
}

int AccountListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keepers.size());
}

QVariant AccountListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SessionKeeper *keeper = m_keepers[size_t(index.row())];
    const Session::Session &session = keeper->session();
    switch (role) {
    case KeyRole:
        return session.key();
    case Qt::DisplayRole:
    case UserIdRole:
        return session.userId;
    case DeviceIdRole:
        return session.deviceId;
    case ServerRole:
        return session.baseUrl.host();
    case StateRole:
        return int(accountState(keeper->state()));
    case CurrentRole:
        return keeper == m_current;
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountListModel::roleNames() const
{
    return {
        {KeyRole, "key"},
        {UserIdRole, "userId"},
        {DeviceIdRole, "deviceId"},
        {ServerRole, "server"},
        {StateRole, "state"},
        {CurrentRole, "current"},
    };
}

} // namespace Portico::Ui
