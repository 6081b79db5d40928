// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "matrix/loginflows.h"

#include <QTest>

// JSON in raw strings writes "://" as ":\/\/" (a valid JSON escape): moc 6.4 takes "//" in a
// raw string inside a class body for a comment and loses the class.

using namespace Portico::Matrix;

namespace {
LoginFlows parse(const QByteArray &body)
{
    auto result = parseLoginFlows(body);
    if (!result)
        qFatal("unexpected parse failure: %s", qPrintable(result.error()));
    return result.value();
}

QByteArray ssoWith(const QByteArray &providers)
{
    return R"({"flows":[{"type":"m.login.sso","identity_providers":)" + providers
        + R"(},{"type":"m.login.token"}]})";
}

QStringList ids(const LoginFlows &flows)
{
    QStringList result;
    for (const auto &p : flows.identityProviders)
        result.append(p.id);
    return result;
}
} // namespace

class TestLoginFlows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typicalServer()
    {

        const LoginFlows f = parse(ssoWith(
            R"([{"id":"oidc-github","name":"GitHub","icon":"mxc:\/\/m.org/gh","brand":"github"},
                                              {"id":"google","name":"Google","brand":"google"}])"));
        QVERIFY(f.sso);
        QVERIFY(f.token);
        QVERIFY(!f.password);
        QCOMPARE(f.identityProviders.size(), 2);
        QCOMPARE(f.identityProviders[0],
            (IdentityProvider{QStringLiteral("oidc-github"), QStringLiteral("GitHub"),
                QStringLiteral("mxc://m.org/gh"), QStringLiteral("github")}));
        QCOMPARE(f.identityProviders[1].id, QStringLiteral("google"));
        QVERIFY(f.warnings.isEmpty());
    }
    void notFlows_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("html") << QByteArray("<html>");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("no flows") << QByteArray("{}");
        QTest::newRow("flows not array") << QByteArray(R"({"flows":{}})");
    }
    void notFlows()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!parseLoginFlows(body));
    }
    // Edge case 1: ids outside the opaque grammar are kept (and percent-encoded later).
    void idsNeedingEncodingAreKept()
    {
        const LoginFlows f = parse(ssoWith(
            R"([{"id":"a b","name":"A"},{"id":"x/y%z\u0023","name":"X"},{"id":"ünï","name":"U"}])"));
        QCOMPARE(ids(f),
            (QStringList{QStringLiteral("a b"), QStringLiteral("x/y%z#"), QStringLiteral("ünï")}));
    }
    // Edge case 2: empty or over-long ids are skipped, the others stay.
    void emptyOrLongIdsAreSkipped()
    {
        const QByteArray longId(256, 'a');
        const QByteArray maxId(255, 'b');
        const LoginFlows f = parse(ssoWith(R"([{"id":"","name":"E"},{"id":")" + longId
            + R"(","name":"L"},{"id":")" + maxId
            + R"(","name":"M"},{"name":"no id"},{"id":7,"name":"num"},{"id":"ok","name":"OK"}])"));
        QCOMPARE(ids(f), (QStringList{QString::fromLatin1(maxId), QStringLiteral("ok")}));
        QCOMPARE(f.warnings.size(), 4);
    }
    // Edge case 3: duplicates keep the first.
    void duplicatesKeepTheFirst()
    {
        const LoginFlows f = parse(ssoWith(
            R"([{"id":"a","name":"First"},{"id":"b","name":"B"},{"id":"a","name":"Second"}])"));
        QCOMPARE(ids(f), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(f.identityProviders[0].name, QStringLiteral("First"));
    }
    // Edge case 4: missing, non-string or empty names fall back to the id.
    void namesFallBackToId()
    {
        const LoginFlows f = parse(ssoWith(
            R"([{"id":"a"},{"id":"b","name":5},{"id":"c","name":"  "},{"id":"d","name":" Dee "}])"));
        QCOMPARE(f.identityProviders[0].name, QStringLiteral("a"));
        QCOMPARE(f.identityProviders[1].name, QStringLiteral("b"));
        QCOMPARE(f.identityProviders[2].name, QStringLiteral("c"));
        QCOMPARE(f.identityProviders[3].name, QStringLiteral("Dee"));
    }
    // Edge case 5: icons are kept raw; resolution decides (tst_mxc). Non-strings become empty.
    void iconsAreKeptRaw()
    {
        const LoginFlows f = parse(ssoWith(
            R"([{"id":"a","icon":"https:\/\/x/i.png"},{"id":"b","icon":42},{"id":"c","icon":"mxc:\/\/m/bad.id"}])"));
        QCOMPARE(f.identityProviders[0].icon, QStringLiteral("https://x/i.png"));
        QCOMPARE(f.identityProviders[1].icon, QString());
        QCOMPARE(f.identityProviders[2].icon, QStringLiteral("mxc://m/bad.id"));
    }
    // Edge case 6: unstable brand prefix mapped; unknown brands kept (Ui::BrandMarks decides
    // which ones have a look of their own, tst_brandmarks).
    void brands()
    {
        const LoginFlows f = parse(ssoWith(
            R"([{"id":"a","brand":"org.matrix.github"},{"id":"b","brand":"gitea"},{"id":"c","brand":"Bad Brand"},{"id":"d","brand":3}])"));
        QCOMPARE(f.identityProviders[0].brand, QStringLiteral("github"));
        QCOMPARE(f.identityProviders[1].brand, QStringLiteral("gitea"));
        QCOMPARE(f.identityProviders[2].brand, QString());
        QCOMPARE(f.identityProviders[3].brand, QString());
    }
    // Edge case 7: absent, empty or non-array providers mean the generic SSO button.
    void noProviders_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("absent") << QByteArray(R"({"flows":[{"type":"m.login.sso"}]})");
        QTest::newRow("empty") << ssoWith("[]");
        QTest::newRow("string") << ssoWith(R"("github")");
        QTest::newRow("object") << ssoWith(R"({"id":"a"})");
        QTest::newRow("entries not objects") << ssoWith(R"([1,"a",null])");
    }
    void noProviders()
    {
        QFETCH(QByteArray, body);
        const LoginFlows f = parse(body);
        QVERIFY(f.sso);
        QVERIFY(f.offersBrowserLogin());
        QVERIFY(f.identityProviders.isEmpty());
    }
    // Edge case 8: the stable field wins; the unstable one stands in when the stable is unusable.
    void stableWinsOverUnstable()
    {
        LoginFlows f
            = parse(R"({"flows":[{"type":"m.login.sso","identity_providers":[{"id":"stable"}],
                                 "org.matrix.msc2858.identity_providers":[{"id":"unstable"}]}]})");
        QCOMPARE(ids(f), QStringList{QStringLiteral("stable")});
        f = parse(
            R"({"flows":[{"type":"m.login.sso","org.matrix.msc2858.identity_providers":[{"id":"unstable","brand":"org.matrix.gitlab"}]}]})");
        QCOMPARE(ids(f), QStringList{QStringLiteral("unstable")});
        QCOMPARE(f.identityProviders[0].brand, QStringLiteral("gitlab"));
        f = parse(
            R"({"flows":[{"type":"m.login.sso","identity_providers":"broken","org.matrix.msc2858.identity_providers":[{"id":"unstable"}]}]})");
        QCOMPARE(ids(f), QStringList{QStringLiteral("unstable")});
    }
    // Edge case 9: CAS, and SSO without a token flow, still lead to the browser.
    void casAndMissingTokenFlow()
    {
        LoginFlows f = parse(R"({"flows":[{"type":"m.login.sso"},{"type":"m.login.cas"}]})");
        QVERIFY(f.sso);
        QVERIFY(f.cas);
        QVERIFY(!f.token);
        QVERIFY(f.offersBrowserLogin());
        f = parse(R"({"flows":[{"type":"m.login.cas"}]})");
        QVERIFY(f.offersBrowserLogin());
    }
    // Edge case 10: only boolean true counts, from either key.
    void oauthAwarePreferred_data()
    {
        QTest::addColumn<QByteArray>("flag");
        QTest::addColumn<bool>("expected");
        QTest::newRow("stable true") << QByteArray(R"("oauth_aware_preferred":true)") << true;
        QTest::newRow("unstable true")
            << QByteArray(R"("org.matrix.msc3824.delegated_oidc_compatibility":true)") << true;
        QTest::newRow("string") << QByteArray(R"("oauth_aware_preferred":"true")") << false;
        QTest::newRow("number") << QByteArray(R"("oauth_aware_preferred":1)") << false;
        QTest::newRow("false") << QByteArray(R"("oauth_aware_preferred":false)") << false;
    }
    void oauthAwarePreferred()
    {
        QFETCH(QByteArray, flag);
        QFETCH(bool, expected);
        QCOMPARE(parse(R"({"flows":[{"type":"m.login.sso",)" + flag + "}]}").oauthAwarePreferred,
            expected);
    }
    // Edge case 29 and unknown types: extra keys ignored, unknown flows listed, not fatal.
    void unknownTypesAndKeys()
    {
        const LoginFlows f
            = parse(R"({"flows":[{"type":"m.login.password"},{"type":"org.example.magic","x":1},
                                    {"type":"m.login.application_service"},{"notype":true},"junk",
                                    {"type":"m.login.sso","identity_providers":[{"id":"a","extra":{"k":1}}],"extra":[]}],"other":1})");
        QVERIFY(f.password);
        QVERIFY(f.sso);
        QCOMPARE(ids(f), QStringList{QStringLiteral("a")});
        QCOMPARE(f.otherTypes,
            (QStringList{QStringLiteral("org.example.magic"),
                QStringLiteral("m.login.application_service")}));
        QCOMPARE(f.warnings.size(), 2);
    }
    void passwordOnlyAndNothing()
    {
        LoginFlows f = parse(R"({"flows":[{"type":"m.login.password"}]})");
        QVERIFY(f.password);
        QVERIFY(!f.offersBrowserLogin());
        f = parse(R"({"flows":[]})");
        QVERIFY(!f.password);
        QVERIFY(!f.offersBrowserLogin());
    }
    void aThousandProvidersKeepOrder()
    {
        QByteArray providers = "[";
        for (int i = 0; i < 1000; ++i)
            providers += (i ? "," : "") + QByteArray("{\"id\":\"idp") + QByteArray::number(999 - i)
                + "\",\"name\":\"P\"}";
        providers += "]";
        const LoginFlows f = parse(ssoWith(providers));
        QCOMPARE(f.identityProviders.size(), 1000);
        QCOMPARE(f.identityProviders.first().id, QStringLiteral("idp999"));
        QCOMPARE(f.identityProviders.last().id, QStringLiteral("idp0"));
    }
};

QTEST_GUILESS_MAIN(TestLoginFlows)
#include "tst_loginflows.moc"
