// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "identityprovidermodel.h"
#include "providerfiltermodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Portico;

class TestProviderFilterModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filtersByNameOrIdIgnoringCaseAndAccents()
    {
        Ui::IdentityProviderModel source;
        source.setProviders(
            {{QStringLiteral("ecole-sso"), QStringLiteral("École normale"), {}, {}},
                {QStringLiteral("gh"), QStringLiteral("GitHub"), {}, QStringLiteral("github")},
                {QStringLiteral("gl"), QStringLiteral("GitLab"), {}, QStringLiteral("gitlab")},
                {QStringLiteral("uni"), QStringLiteral("Universität Zürich"), {}, {}}},
            {});
        Ui::ProviderFilterModel filter;
        filter.setSourceModel(&source);
        QAbstractItemModelTester tester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy count(&filter, &Ui::ProviderFilterModel::countChanged);
        QCOMPARE(filter.count(), 4);
        filter.setFilterText(QStringLiteral("git"));
        QCOMPARE(filter.count(), 2);
        QCOMPARE(filter.index(0, 0).data(Ui::IdentityProviderModel::IdRole).toString(),
            QStringLiteral("gh"));
        QCOMPARE(filter.index(1, 0).data(Ui::IdentityProviderModel::IdRole).toString(),
            QStringLiteral("gl"));
        QVERIFY(!count.isEmpty());
        filter.setFilterText(QStringLiteral("ECOLE"));
        QCOMPARE(filter.count(), 1);
        filter.setFilterText(QStringLiteral("zurich"));
        QCOMPARE(filter.count(), 1);
        filter.setFilterText(QStringLiteral("uni"));
        QCOMPARE(filter.count(), 1); // matched by id and by name, listed once
        filter.setFilterText(QStringLiteral("nothing like it"));
        QCOMPARE(filter.count(), 0);
        filter.setFilterText(QStringLiteral("  "));
        QCOMPARE(filter.count(), 4);
    }
    void folding()
    {
        QCOMPARE(Ui::ProviderFilterModel::foldForSearch(QStringLiteral("ÉcOLE Zürich")),
            QStringLiteral("ecole zurich"));
    }
};

QTEST_GUILESS_MAIN(TestProviderFilterModel)
#include "tst_providerfiltermodel.moc"
