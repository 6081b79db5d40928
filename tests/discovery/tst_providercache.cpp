// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/providercache.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Portico;
using namespace Portico::Discovery;

namespace {
Homeserver homeserverAt(const QString &url)
{
    return Homeserver{QUrl(url), Matrix::Versions{{QStringLiteral("v1.11")}, {}}, false};
}

Matrix::LoginFlows flowsWith(const QStringList &ids)
{
    Matrix::LoginFlows flows;
    flows.sso = true;
    flows.token = true;
    for (const QString &id : ids)
        flows.identityProviders.append({id, id.toUpper(), QStringLiteral("mxc://x/") + id, {}});
    return flows;
}
} // namespace

class TestProviderCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        CachedProviders entry{QStringLiteral("example.org"), QDateTime::currentDateTimeUtc(),
            homeserverAt(QStringLiteral("https://matrix.example.org")),
            flowsWith({QStringLiteral("github"), QStringLiteral("gitlab")}), std::nullopt};
        entry.flows.identityProviders[1].brand = QStringLiteral("gitlab");
        entry.flows.password = true;
        entry.homeserver.versions.enabledUnstableFeatures = {QStringLiteral("org.example.f")};
        const QList<CachedProviders> parsed = parseProviderCache(serialiseProviderCache({entry}));
        QCOMPARE(parsed.size(), 1);
        QCOMPARE(parsed[0].key, entry.key);
        QCOMPARE(parsed[0].homeserver.baseUrl, entry.homeserver.baseUrl);
        QCOMPARE(parsed[0].homeserver.versions.versions, entry.homeserver.versions.versions);
        QCOMPARE(parsed[0].homeserver.versions.enabledUnstableFeatures,
            entry.homeserver.versions.enabledUnstableFeatures);
        QCOMPARE(parsed[0].flows.identityProviders, entry.flows.identityProviders);
        QVERIFY(parsed[0].flows.sso);
        QVERIFY(parsed[0].flows.password);
        QVERIFY(!parsed[0].flows.cas);
        QCOMPARE(parsed[0].fetched.toMSecsSinceEpoch(), entry.fetched.toMSecsSinceEpoch());
    }
    // An OAuth server's metadata comes back as the server sent it; metadata that would not pass
    // the server's own checks (an http endpoint elsewhere than this computer) drops the entry.
    void oauthMetadataRoundTrips()
    {
        const QString auth = QStringLiteral("https://auth.example.org/");
        const auto list = [](std::initializer_list<const char *> values) {
            QJsonArray array;
            for (const char *value : values)
                array.append(QString::fromLatin1(value));
            return array;
        };
        const QJsonObject document{{QStringLiteral("issuer"), auth},
            {QStringLiteral("authorization_endpoint"), auth + QStringLiteral("authorize")},
            {QStringLiteral("token_endpoint"), auth + QStringLiteral("token")},
            {QStringLiteral("revocation_endpoint"), auth + QStringLiteral("revoke")},
            {QStringLiteral("registration_endpoint"), auth + QStringLiteral("register")},
            {QStringLiteral("device_authorization_endpoint"), auth + QStringLiteral("device")},
            {QStringLiteral("response_types_supported"), list({"code"})},
            {QStringLiteral("response_modes_supported"), list({"query", "fragment"})},
            {QStringLiteral("grant_types_supported"),
                list({"authorization_code", "refresh_token",
                    "urn:ietf:params:oauth:grant-type:device_code"})},
            {QStringLiteral("code_challenge_methods_supported"), list({"S256"})},
            {QStringLiteral("prompt_values_supported"), list({"create"})},
            {QStringLiteral("account_management_uri"), auth + QStringLiteral("account/")},
            {QStringLiteral("account_management_actions_supported"),
                list({"org.matrix.profile", "org.matrix.session_end"})}};
        const auto metadata = OAuth::parseAuthMetadata(document);
        QVERIFY(metadata);
        CachedProviders entry{QStringLiteral("example.org"), QDateTime::currentDateTimeUtc(),
            homeserverAt(QStringLiteral("https://matrix.example.org")), Matrix::LoginFlows{},
            metadata.value()};
        const QList<CachedProviders> parsed = parseProviderCache(serialiseProviderCache({entry}));
        QCOMPARE(parsed.size(), 1);
        QVERIFY(parsed[0].oauth);
        const OAuth::AuthMetadata &m = *parsed[0].oauth;
        QCOMPARE(m.issuer, metadata->issuer);
        QCOMPARE(m.authorizationEndpoint, metadata->authorizationEndpoint);
        QCOMPARE(m.tokenEndpoint, metadata->tokenEndpoint);
        QCOMPARE(m.revocationEndpoint, metadata->revocationEndpoint);
        QCOMPARE(m.registrationEndpoint, metadata->registrationEndpoint);
        QVERIFY(m.supportsDeviceGrant());
        QVERIFY(m.canCreateAccount());
        QCOMPARE(m.accountManagementUri, metadata->accountManagementUri);
        QCOMPARE(m.accountManagementActions, metadata->accountManagementActions);
        QCOMPARE(m.deviceDeleteAction(), QStringLiteral("org.matrix.session_end"));

        // A legacy server's entry has none.
        CachedProviders legacy = entry;
        legacy.key = QStringLiteral("legacy.org");
        legacy.oauth.reset();
        QVERIFY(!parseProviderCache(serialiseProviderCache({legacy}))[0].oauth);

        CachedProviders tampered = entry;
        tampered.oauth->tokenEndpoint = QUrl(QStringLiteral("http://evil.example/token"));
        QVERIFY(parseProviderCache(serialiseProviderCache({tampered})).isEmpty());
    }
    void corruptOrForeignDocumentsGiveNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("{\"version\":1,\"servers\":[");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("other version") << QByteArray("{\"version\":2,\"servers\":[]}");
        QTest::newRow("binary") << QByteArray("\x00\xff\xfe", 3);
    }
    void corruptOrForeignDocumentsGiveNothing()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(parseProviderCache(bytes).isEmpty());
    }
    void incompleteEntriesAreDropped()
    {
        CachedProviders good{QStringLiteral("good.org"), QDateTime::currentDateTimeUtc(),
            homeserverAt(QStringLiteral("https://good.org")), flowsWith({QStringLiteral("a")}),
            std::nullopt};
        CachedProviders noUrl = good;
        noUrl.key = QStringLiteral("nourl.org");
        noUrl.homeserver.baseUrl = QUrl();
        CachedProviders otherScheme = good;
        otherScheme.key = QStringLiteral("ftp.org");
        otherScheme.homeserver.baseUrl = QUrl(QStringLiteral("ftp://ftp.org"));
        CachedProviders noVersions = good;
        noVersions.key = QStringLiteral("noversions.org");
        noVersions.homeserver.versions.versions.clear();
        const auto parsed
            = parseProviderCache(serialiseProviderCache({noUrl, good, otherScheme, noVersions}));
        QCOMPARE(parsed.size(), 1);
        QCOMPARE(parsed[0].key, QStringLiteral("good.org"));
    }
    void storeThenLookUp()
    {
        QTemporaryDir dir;
        ProviderCache cache(dir.path());
        QVERIFY(!cache.lookup(QStringLiteral("example.org")));
        cache.store(QStringLiteral(" Example.org "),
            homeserverAt(QStringLiteral("https://matrix.example.org")),
            flowsWith({QStringLiteral("github")}));
        const auto found = cache.lookup(QStringLiteral("example.org"));
        QVERIFY(found);
        QCOMPARE(found->homeserver.baseUrl, QUrl(QStringLiteral("https://matrix.example.org")));
        QCOMPARE(found->flows.identityProviders.size(), 1);
        QVERIFY(!cache.lookup(QStringLiteral("other.org")));

        // A newer answer replaces the old one.
        cache.store(QStringLiteral("example.org"),
            homeserverAt(QStringLiteral("https://matrix.example.org")),
            flowsWith({QStringLiteral("github"), QStringLiteral("google")}));
        QCOMPARE(cache.lookup(QStringLiteral("example.org"))->flows.identityProviders.size(), 2);
        QCOMPARE(parseProviderCache([&] {
            QFile file(cache.filePath());
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }())
                     .size(),
            1);
    }
    void boundedInEntries()
    {
        QTemporaryDir dir;
        ProviderCache cache(dir.path());
        for (int i = 0; i < ProviderCache::MaxEntries + 3; ++i)
            cache.store(QStringLiteral("s%1.org").arg(i),
                homeserverAt(QStringLiteral("https://s%1.org").arg(i)),
                flowsWith({QStringLiteral("a")}));
        QVERIFY(!cache.lookup(QStringLiteral("s0.org"))); // the oldest went
        QVERIFY(!cache.lookup(QStringLiteral("s2.org")));
        QVERIFY(cache.lookup(QStringLiteral("s3.org")));
        QVERIFY(cache.lookup(QStringLiteral("s%1.org").arg(ProviderCache::MaxEntries + 2)));
    }
    void oldEntriesAreNotUsed()
    {
        QTemporaryDir dir;
        ProviderCache cache(dir.path());
        CachedProviders old{QStringLiteral("old.org"),
            QDateTime::currentDateTimeUtc().addDays(-ProviderCache::MaxAgeDays - 1),
            homeserverAt(QStringLiteral("https://old.org")), flowsWith({QStringLiteral("a")}),
            std::nullopt};
        QFile file(cache.filePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(serialiseProviderCache({old}));
        file.close();
        QVERIFY(parseProviderCache(serialiseProviderCache({old})).size() == 1);
        QVERIFY(!cache.lookup(QStringLiteral("old.org")));
    }
    void corruptFileIsIgnoredAndReplaced()
    {
        QTemporaryDir dir;
        ProviderCache cache(dir.path());
        QFile file(cache.filePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"version\":1,\"servers\":[{\"key\":");
        file.close();
        QVERIFY(!cache.lookup(QStringLiteral("example.org")));
        cache.store(QStringLiteral("example.org"), homeserverAt(QStringLiteral("https://e.org")),
            flowsWith({QStringLiteral("a")}));
        QVERIFY(cache.lookup(QStringLiteral("example.org")));
    }
    void withoutFolderRemembersNothing()
    {
        ProviderCache cache;
        QVERIFY(!cache.isEnabled());
        cache.store(QStringLiteral("example.org"), homeserverAt(QStringLiteral("https://e.org")),
            flowsWith({QStringLiteral("a")}));
        QVERIFY(!cache.lookup(QStringLiteral("example.org")));
    }
    void neverHoldsMoreThanTheButtonsNeed()
    {
        Matrix::LoginFlows flows = flowsWith({QStringLiteral("a")});
        flows.warnings = {QStringLiteral("identity provider #3 has no usable id")};
        QTemporaryDir dir;
        ProviderCache cache(dir.path());
        cache.store(QStringLiteral("e.org"), homeserverAt(QStringLiteral("https://e.org")), flows);
        QFile file(cache.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains("usable id"));
        QVERIFY(!bytes.contains("token\":\"")); // no token value of any kind
    }
};

QTEST_GUILESS_MAIN(TestProviderCache)
#include "tst_providercache.moc"
