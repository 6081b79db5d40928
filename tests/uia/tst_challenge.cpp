// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "uia/challenge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

// JSON in raw strings writes "://" as ":\/\/" (a valid JSON escape): moc 6.4 takes "//" in a
// raw string inside a class body for a comment and loses the class.

using namespace Portico;
using namespace Portico::Uia;

namespace {
Challenge parse(const QByteArray &body)
{
    auto result = parseChallenge(body);
    if (!result)
        qFatal("unexpected parse failure: %s", qPrintable(result.error().detail));
    return result.value();
}

Challenge withFlows(const QList<QStringList> &flows, const QStringList &completed = {})
{
    Challenge challenge;
    challenge.flows = flows;
    challenge.completed = completed;
    return challenge;
}

const QString Password = QStringLiteral("m.login.password");
const QString Sso = QStringLiteral("m.login.sso");
const QString Terms = QStringLiteral("m.login.terms");
const QString Dummy = QStringLiteral("m.login.dummy");
const QString Email = QStringLiteral("m.login.email.identity");
} // namespace

Q_DECLARE_METATYPE(Portico::Uia::ChallengeError::Kind)

class TestChallenge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typicalSynapseChallenge()
    {
        const Challenge c = parse(R"({"flows":[{"stages":["m.login.password"]},
            {"stages":["m.login.sso"]}],"params":{},"session":"xyzSESSION"})");
        QCOMPARE(c.flows,
            (QList<QStringList>{
                {QStringLiteral("m.login.password")}, {QStringLiteral("m.login.sso")}}));
        QCOMPARE(c.session, QStringLiteral("xyzSESSION"));
        QVERIFY(c.completed.isEmpty());
        QVERIFY(c.errcode.isEmpty());
        QVERIFY(c.termsPolicies.isEmpty());
        QVERIFY(c.ssoProviders.isEmpty());
    }
    void failedAttemptKeepsErrcodeAndCompleted()
    {
        const Challenge c = parse(R"({"flows":[{"stages":["m.login.terms","m.login.password"]}],
            "completed":["m.login.terms"],"session":"s","errcode":"M_FORBIDDEN",
            "error":"Invalid password"})");
        QCOMPARE(c.completed, QStringList{QStringLiteral("m.login.terms")});
        QCOMPARE(c.errcode, QStringLiteral("M_FORBIDDEN"));
        QCOMPARE(c.error, QStringLiteral("Invalid password"));
    }
    void sessionAndParamsAreOptional()
    {
        const Challenge c = parse(R"({"flows":[{"stages":["m.login.dummy"]}]})");
        QVERIFY(c.session.isEmpty());
        QVERIFY(c.params.isEmpty());
    }
    void unknownKeysAndStagesAreKept()
    {
        const Challenge c = parse(R"({"flows":[{"stages":["org.example.captcha"],"x":1}],
            "params":{"org.example.captcha":{"key":"v"}},"future":true})");
        QCOMPARE(c.flows.at(0), QStringList{QStringLiteral("org.example.captcha")});
        QCOMPARE(c.params.value(u"org.example.captcha").toObject().value(u"key").toString(),
            QStringLiteral("v"));
    }
    void malformed_data()
    {
        using Kind = ChallengeError::Kind;
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Kind>("kind");
        QTest::newRow("empty") << QByteArray() << Kind::NotJson;
        QTest::newRow("html") << QByteArray("<html>") << Kind::NotJson;
        QTest::newRow("array") << QByteArray("[]") << Kind::NotJson;
        QTest::newRow("no flows") << QByteArray(R"({"session":"s"})") << Kind::MissingFlows;
        QTest::newRow("flows null") << QByteArray(R"({"flows":null})") << Kind::MissingFlows;
        QTest::newRow("flows object") << QByteArray(R"({"flows":{}})") << Kind::MissingFlows;
        QTest::newRow("flows empty") << QByteArray(R"({"flows":[]})") << Kind::MissingFlows;
        QTest::newRow("flow string")
            << QByteArray(R"({"flows":["m.login.password"]})") << Kind::BadFlow;
        QTest::newRow("flow without stages")
            << QByteArray(R"({"flows":[{"type":"x"}]})") << Kind::BadFlow;
        QTest::newRow("stages not array")
            << QByteArray(R"({"flows":[{"stages":"m.login.password"}]})") << Kind::BadFlow;
        QTest::newRow("stages empty")
            << QByteArray(R"({"flows":[{"stages":[]}]})") << Kind::BadFlow;
        QTest::newRow("stage number")
            << QByteArray(R"({"flows":[{"stages":[1]}]})") << Kind::BadStage;
        QTest::newRow("stage object")
            << QByteArray(R"({"flows":[{"stages":[{}]}]})") << Kind::BadStage;
        QTest::newRow("stage empty string")
            << QByteArray(R"({"flows":[{"stages":[""]}]})") << Kind::BadStage;
        QTest::newRow("completed string")
            << QByteArray(R"({"flows":[{"stages":["a"]}],"completed":"a"})") << Kind::BadCompleted;
        QTest::newRow("completed numbers")
            << QByteArray(R"({"flows":[{"stages":["a"]}],"completed":[1]})") << Kind::BadCompleted;
        QTest::newRow("session number")
            << QByteArray(R"({"flows":[{"stages":["a"]}],"session":5})") << Kind::BadSession;
        QTest::newRow("session empty")
            << QByteArray(R"({"flows":[{"stages":["a"]}],"session":""})") << Kind::BadSession;
        QTest::newRow("params array")
            << QByteArray(R"({"flows":[{"stages":["a"]}],"params":[]})") << Kind::BadParams;
        QTest::newRow("stage params string")
            << QByteArray(R"({"flows":[{"stages":["a"]}],"params":{"a":"x"}})") << Kind::BadParams;
    }
    void malformed()
    {
        QFETCH(QByteArray, body);
        QFETCH(ChallengeError::Kind, kind);
        const auto result = parseChallenge(body);
        QVERIFY(!result);
        QCOMPARE(result.error().kind, kind);
        QVERIFY(!result.error().detail.isEmpty());
    }
    void hugeInputsAreRefused()
    {
        QByteArray big = QByteArray(R"({"flows":[{"stages":["a"]}]})");
        big.insert(1, "\"pad\":\"" + QByteArray(MaxChallengeBytes, 'x') + "\",");
        QCOMPARE(parseChallenge(big).error().kind, ChallengeError::Kind::TooLarge);

        QJsonArray flows;
        for (int i = 0; i <= MaxFlows; ++i)
            flows.append(QJsonObject{{QStringLiteral("stages"), QJsonArray{QStringLiteral("a")}}});
        QCOMPARE(parseChallenge(QJsonObject{{QStringLiteral("flows"), flows}}).error().kind,
            ChallengeError::Kind::TooLarge);

        QJsonArray stages;
        for (int i = 0; i <= MaxStagesPerFlow; ++i)
            stages.append(QStringLiteral("m.login.dummy"));
        const QJsonObject longFlow{
            {QStringLiteral("flows"), QJsonArray{QJsonObject{{QStringLiteral("stages"), stages}}}}};
        QCOMPARE(parseChallenge(longFlow).error().kind, ChallengeError::Kind::TooLarge);
        // Just under the limits is fine.
        stages.removeLast();
        QVERIFY(parseChallenge(QJsonObject{{QStringLiteral("flows"),
            QJsonArray{QJsonObject{{QStringLiteral("stages"), stages}}}}}));
    }
    void termsWithSeveralLanguages()
    {
        const Challenge c = parse(R"({"flows":[{"stages":["m.login.terms"]}],"session":"s",
            "params":{"m.login.terms":{"policies":{
              "privacy_policy":{"version":"1.2",
                "en":{"name":"Privacy Policy","url":"https:\/\/example.org\/privacy-1.2-en.html"},
                "fr":{"name":"Politique de confidentialit\u00e9","url":"https:\/\/example.org\/privacy-1.2-fr.html"},
                "de":{"name":"Datenschutz","url":"https:\/\/example.org\/privacy-1.2-de.html"}},
              "terms_of_service":{"version":"2",
                "ja":{"name":"\u5229\u7528\u898f\u7d04","url":"https:\/\/example.org\/tos-ja.html"},
                "es":{"url":"https:\/\/example.org\/tos-es.html"}}}}}})");
        QCOMPARE(c.termsPolicies.size(), 2);
        const TermsPolicy &privacy = c.termsPolicies.at(0);
        QCOMPARE(privacy.id, QStringLiteral("privacy_policy"));
        QCOMPARE(privacy.version, QStringLiteral("1.2"));
        QCOMPARE(privacy.texts.size(), 3);
        // The preferred language wins; a region falls back to its language; then English.
        QCOMPARE(privacy.text({QStringLiteral("fr")}).url,
            QUrl(QStringLiteral("https://example.org/privacy-1.2-fr.html")));
        QCOMPARE(privacy.text({QStringLiteral("de-CH"), QStringLiteral("fr")}).language,
            QStringLiteral("de"));
        QCOMPARE(privacy.text({QStringLiteral("it"), QStringLiteral("fr")}).language,
            QStringLiteral("fr"));
        QCOMPARE(privacy.text({QStringLiteral("it")}).language, QStringLiteral("en"));
        QCOMPARE(privacy.text({}).name, QStringLiteral("Privacy Policy"));
        // No English: the first language alphabetically; a missing name is the policy's id.
        const TermsPolicy &tos = c.termsPolicies.at(1);
        QCOMPARE(tos.text({QStringLiteral("it")}).language, QStringLiteral("es"));
        QCOMPARE(tos.text({QStringLiteral("it")}).name, QStringLiteral("terms_of_service"));
        QCOMPARE(tos.text({QStringLiteral("ja")}).name, QString::fromUtf8("利用規約"));
    }
    void unusableTermsAreSkippedWithWarnings()
    {
        const Challenge c = parse(R"({"flows":[{"stages":["m.login.terms"]}],
            "params":{"m.login.terms":{"policies":{
              "a":{"version":"1","en":{"name":"A","url":"javascript:void0"}},
              "b":"not an object",
              "c":{"version":"1","en":{"name":"C"}},
              "d":{"version":"1","en":{"name":"D","url":"https:\/\/ok.example\/d"},
                   "fr":{"name":"D","url":"file:\/\/\/etc\/passwd"}}}}}})");
        QCOMPARE(c.termsPolicies.size(), 1);
        QCOMPARE(c.termsPolicies.at(0).id, QStringLiteral("d"));
        QCOMPARE(c.termsPolicies.at(0).texts.keys(), QStringList{QStringLiteral("en")});
        QVERIFY(c.warnings.size() >= 4);
        // A terms stage without policies still parses: it can be accepted as it is.
        const Challenge bare = parse(R"({"flows":[{"stages":["m.login.terms"]}],
            "params":{"m.login.terms":{}}})");
        QVERIFY(bare.termsPolicies.isEmpty());
        QCOMPARE(bare.warnings.size(), 1);
    }
    void ssoIdentityProvidersOfTheDraft()
    {
        const Challenge c = parse(R"({"flows":[{"stages":["m.login.sso"]}],"session":"s",
            "params":{"m.login.sso":{"identity_providers":[
              {"id":"github","name":"GitHub","brand":"org.matrix.github","icon":"mxc:\/\/x\/y"},
              {"id":"github","name":"Again"},
              {"name":"no id"},
              {"id":"kc"}]}}})");
        QCOMPARE(c.ssoProviders.size(), 2);
        QCOMPARE(c.ssoProviders.at(0),
            (Matrix::IdentityProvider{QStringLiteral("github"), QStringLiteral("GitHub"),
                QStringLiteral("mxc://x/y"), QStringLiteral("github")}));
        QCOMPARE(c.ssoProviders.at(1).name, QStringLiteral("kc"));
        QCOMPARE(c.warnings.size(), 2);
        // The final spec has no params for m.login.sso: nothing, and no complaint.
        const Challenge plain = parse(R"({"flows":[{"stages":["m.login.sso"]}],
            "params":{"m.login.sso":{}}})");
        QVERIFY(plain.ssoProviders.isEmpty());
        QVERIFY(plain.warnings.isEmpty());
    }
    void isChallengeBodyNeedsA401WithFlows()
    {
        const QJsonObject flows{{QStringLiteral("flows"), QJsonArray{}}};
        QVERIFY(isChallengeBody(401, flows));
        QVERIFY(!isChallengeBody(403, flows));
        QVERIFY(!isChallengeBody(
            401, QJsonObject{{QStringLiteral("errcode"), QStringLiteral("M_UNKNOWN_TOKEN")}}));
    }

    // Flow selection.
    void ssoOnlyGoesThroughTheFallback()
    {
        const auto choice = chooseFlow(withFlows({{Sso}}), nativeStages());
        QVERIFY(choice);
        QCOMPARE(choice->nextStage(), Sso);
        QVERIFY(!choice->fullyNative);
        QCOMPARE(choice->nextIndex, 0);
    }
    void passwordOnly()
    {
        const auto choice = chooseFlow(withFlows({{Password}}), nativeStages());
        QVERIFY(choice);
        QCOMPARE(choice->nextStage(), Password);
        QVERIFY(choice->fullyNative);
    }
    void passwordThenTermsInOrder()
    {
        auto choice = chooseFlow(withFlows({{Password, Terms}}), nativeStages());
        QCOMPARE(choice->nextStage(), Password);
        QCOMPARE(choice->stages.size(), 2);
        choice = chooseFlow(withFlows({{Password, Terms}}, {Password}), nativeStages());
        QCOMPARE(choice->nextStage(), Terms);
        QCOMPARE(choice->nextIndex, 1);
        choice = chooseFlow(withFlows({{Password, Terms}}, {Password, Terms}), nativeStages());
        QVERIFY(choice->isComplete());
        QVERIFY(choice->nextStage().isEmpty());
    }
    void ssoOrPasswordPrefersNative()
    {
        auto choice = chooseFlow(withFlows({{Sso}, {Password}}), nativeStages());
        QCOMPARE(choice->flowIndex, 1);
        QCOMPARE(choice->nextStage(), Password);
        // Native wins even when it is longer.
        choice = chooseFlow(withFlows({{Sso}, {Terms, Password, Dummy}}), nativeStages());
        QCOMPARE(choice->flowIndex, 1);
        // Without native support for password, SSO (the shorter) is taken.
        choice = chooseFlow(withFlows({{Password, Terms}, {Sso}}), {Terms});
        QCOMPARE(choice->flowIndex, 1);
    }
    // Someone who signed in through SSO may have no password: their way comes first when the
    // caller says so, native or not, as long as a flow still offers it.
    void aPreferredStageComesFirst()
    {
        auto choice = chooseFlow(withFlows({{Password}, {Sso}}), nativeStages(), Sso);
        QCOMPARE(choice->flowIndex, 1);
        QCOMPARE(choice->nextStage(), Sso);
        choice = chooseFlow(
            withFlows({{Password, Terms}, {Terms, Sso}, {Sso, Terms}}), nativeStages(), Sso);
        QCOMPARE(choice->flowIndex, 1); // both have it, both are as long: server order
        // Not offered: the usual choice.
        choice = chooseFlow(withFlows({{Password}}), nativeStages(), Sso);
        QCOMPARE(choice->flowIndex, 0);
    }
    void shortestFallbackFlowAndServerOrderOnTies()
    {
        auto choice = chooseFlow(withFlows({{Email, Sso}, {Sso}}), nativeStages());
        QCOMPARE(choice->flowIndex, 1);
        choice = chooseFlow(withFlows({{Email}, {Sso}}), nativeStages());
        QCOMPARE(choice->flowIndex, 0);
        QCOMPARE(choice->nextStage(), Email);
        choice = chooseFlow(withFlows({{Password}, {Password, Terms}}), nativeStages());
        QCOMPARE(choice->flowIndex, 0);
    }
    void completedPrefixes()
    {
        // Only flows that begin with what is done, in that order.
        const QList<QStringList> flows{{Terms, Sso}, {Sso, Terms}, {Password}};
        auto choice = chooseFlow(withFlows(flows, {Sso}), nativeStages());
        QCOMPARE(choice->flowIndex, 1);
        QCOMPARE(choice->nextStage(), Terms);
        QVERIFY(choice->fullyNative);
        choice = chooseFlow(withFlows(flows, {Terms}), nativeStages());
        QCOMPARE(choice->flowIndex, 0);
        QCOMPARE(choice->nextStage(), Sso);
        // The remaining stages decide nativeness, not the completed ones.
        choice = chooseFlow(withFlows({{Sso, Password}}, {Sso}), nativeStages());
        QVERIFY(choice->fullyNative);
    }
    void nothingCompletable()
    {
        QVERIFY(!chooseFlow(withFlows({}), nativeStages()));
        // Completed stages that no flow begins with (or in another order).
        QVERIFY(!chooseFlow(withFlows({{Password, Terms}}, {Terms}), nativeStages()));
        QVERIFY(!chooseFlow(withFlows({{Password}}, {Password, Dummy}), nativeStages()));
        QVERIFY(!chooseFlow(withFlows({{Sso}}, {Password}), nativeStages()));
    }
    void fallbackUrlIsEncoded()
    {
        const QUrl url = fallbackUrl(QUrl(QStringLiteral("https://hs.example.org/prefix/")),
            QStringLiteral("m.login.sso"), QStringLiteral("a b&c=d+e/f#g"));
        QCOMPARE(url.toString(QUrl::FullyEncoded),
            QStringLiteral("https://hs.example.org/prefix/_matrix/client/v3/auth/m.login.sso/"
                           "fallback/web?session=a%20b%26c%3Dd%2Be%2Ff%23g"));
        QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("session"), QUrl::FullyDecoded),
            QStringLiteral("a b&c=d+e/f#g"));
        const QUrl odd = fallbackUrl(QUrl(QStringLiteral("https://hs.example.org")),
            QStringLiteral("org.example/odd?x"), QStringLiteral("s"));
        QCOMPARE(odd.path(QUrl::FullyEncoded),
            QStringLiteral("/_matrix/client/v3/auth/org.example%2Fodd%3Fx/fallback/web"));
    }
};

QTEST_GUILESS_MAIN(TestChallenge)
#include "tst_challenge.moc"
