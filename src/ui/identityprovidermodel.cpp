// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "identityprovidermodel.h"

#include "brandmarks.h"
#include "iconprovider.h"
#include "providerfiltermodel.h"

#include "matrix/mxc.h"

namespace Portico::Ui {

IdentityProviderModel::IdentityProviderModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void IdentityProviderModel::setProviders(
    const QList<Matrix::IdentityProvider> &providers, const QUrl &baseUrl)
{
    beginResetModel();
    m_providers = providers;
    m_iconUrls.clear();
    m_searchKeys.clear();
    for (const auto &provider : providers) {
        m_iconUrls.append(Matrix::iconDownloadUrl(baseUrl, provider.icon));
        m_searchKeys.append(
            ProviderFilterModel::foldForSearch(provider.name + u'\n' + provider.id));
    }
    endResetModel();
    Q_EMIT countChanged();
}

void IdentityProviderModel::clear()
{
    setProviders({}, {});
}

int IdentityProviderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_providers.size());
}

QVariant IdentityProviderModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &provider = m_providers.at(index.row());
    switch (role) {
    case IdRole:
        return provider.id;
    case NameRole:
    case Qt::DisplayRole:
        return provider.name;
    case IconUrlRole:
        return m_iconUrls.at(index.row());
    case SearchKeyRole:
        return m_searchKeys.at(index.row());
    case IconSourceRole:
        return IconProvider::sourceFor(m_iconUrls.at(index.row()));
    case BrandRole:
        return BrandMarks::isKnown(provider.brand) ? provider.brand : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> IdentityProviderModel::roleNames() const
{
    return {{IdRole, "idpId"}, {NameRole, "name"}, {IconUrlRole, "iconUrl"}, {BrandRole, "brand"},
        {IconSourceRole, "iconSource"}};
}

} // namespace Portico::Ui
