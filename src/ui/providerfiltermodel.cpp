// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "providerfiltermodel.h"

#include "identityprovidermodel.h"

namespace Portico::Ui {

ProviderFilterModel::ProviderFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &ProviderFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ProviderFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &ProviderFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &ProviderFilterModel::countChanged);
}

QString ProviderFilterModel::foldForSearch(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed)
        if (c.category() != QChar::Mark_NonSpacing)
            folded.append(c.toCaseFolded());
    return folded;
}

void ProviderFilterModel::setFilterText(const QString &text)
{
    if (m_filterText == text)
        return;
    m_filterText = text;
    m_folded = foldForSearch(text.trimmed());
    invalidateRowsFilter();
    Q_EMIT filterTextChanged();
    Q_EMIT countChanged();
}

bool ProviderFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_folded.isEmpty())
        return true;
    // The source folds each provider once; a keystroke only compares.
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(IdentityProviderModel::SearchKeyRole).toString().contains(m_folded);
}

} // namespace Portico::Ui
