// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/loginflows.h"

#include <QAbstractListModel>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace Portico::Ui {

// The identity providers a server offers, in server order, ready to draw as buttons.
class IdentityProviderModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by LoginController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        IconUrlRole, // where to download the icon from; empty for none
        BrandRole, // a brand BrandMarks knows (its mark and colours), or empty
        IconSourceRole, // the icon through the caching IconProvider (image://idpicon/…)
        SearchKeyRole, // name and id folded for search, computed once per server
    };
    Q_ENUM(Role)

    explicit IdentityProviderModel(QObject *parent = nullptr);

    void setProviders(const QList<Matrix::IdentityProvider> &providers, const QUrl &baseUrl);
    void clear();
    const QList<Matrix::IdentityProvider> &providers() const { return m_providers; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    QList<Matrix::IdentityProvider> m_providers;
    QList<QUrl> m_iconUrls;
    QStringList m_searchKeys;
};

} // namespace Portico::Ui
