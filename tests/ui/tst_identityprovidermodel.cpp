// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "identityprovidermodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Portico;
using Model = Ui::IdentityProviderModel;

class TestIdentityProviderModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rolesAndOrder()
    {
        Model model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy count(&model, &Model::countChanged);
        model.setProviders(
            {{QStringLiteral("gh"), QStringLiteral("GitHub"), {}, QStringLiteral("github")},
                {QStringLiteral("kc"), QStringLiteral("Keycloak"),
                    QStringLiteral("mxc://hs.org/icon1"), {}},
                {QStringLiteral("draft"), QStringLiteral("Draft"),
                    QStringLiteral("https://cdn.org/i.png"), QStringLiteral("gitea")},
                {QStringLiteral("bad"), QStringLiteral("Bad icon"),
                    QStringLiteral("mxc://hs.org/../x"), {}}},
            QUrl(QStringLiteral("https://hs.org")));
        QCOMPARE(count.size(), 1);
        QCOMPARE(model.rowCount(), 4);
        const auto at = [&](int row, int role) { return model.data(model.index(row), role); };
        QCOMPARE(at(0, Model::IdRole).toString(), QStringLiteral("gh"));
        QCOMPARE(at(0, Model::NameRole).toString(), QStringLiteral("GitHub"));
        QCOMPARE(at(0, Model::BrandRole).toString(), QStringLiteral("github"));
        QCOMPARE(at(0, Model::IconUrlRole).toUrl(), QUrl());
        QCOMPARE(at(1, Model::IconUrlRole).toUrl(),
            QUrl(QStringLiteral("https://hs.org/_matrix/media/v3/download/hs.org/icon1")));
        QCOMPARE(at(2, Model::IconUrlRole).toUrl(), QUrl(QStringLiteral("https://cdn.org/i.png")));
        QCOMPARE(at(2, Model::BrandRole).toString(), QString()); // unknown brand: not styled
        QCOMPARE(at(3, Model::IconUrlRole).toUrl(), QUrl());
        QCOMPARE(at(3, Qt::DisplayRole).toString(), QStringLiteral("Bad icon"));
        QCOMPARE(model.roleNames().value(Model::IconUrlRole), QByteArray("iconUrl"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestIdentityProviderModel)
#include "tst_identityprovidermodel.moc"
