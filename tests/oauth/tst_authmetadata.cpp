// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth/authmetadata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

using namespace Portico::OAuth;
using Portico::Matrix::Error;

namespace {
// What MAS serves, trimmed to what Matrix names.
QJsonObject masMetadata()
{
    const QString base = QStringLiteral("https://auth.example.org/");
    return QJsonObject{
        {QStringLiteral("issuer"), base},
        {QStringLiteral("authorization_endpoint"), base + QStringLiteral("authorize")},
        {QStringLiteral("token_endpoint"), base + QStringLiteral("oauth2/token")},
        {QStringLiteral("revocation_endpoint"), base + QStringLiteral("oauth2/revoke")},
        {QStringLiteral("registration_endpoint"), base + QStringLiteral("oauth2/registration")},
        {QStringLiteral("device_authorization_endpoint"), base + QStringLiteral("oauth2/device")},
        {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")}},
        {QStringLiteral("response_modes_supported"),
            QJsonArray{
                QStringLiteral("form_post"), QStringLiteral("query"), QStringLiteral("fragment")}},
        {QStringLiteral("grant_types_supported"),
            QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token"),
                QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")}},
        {QStringLiteral("code_challenge_methods_supported"),
            QJsonArray{QStringLiteral("plain"), QStringLiteral("S256")}},
        {QStringLiteral("prompt_values_supported"), QJsonArray{QStringLiteral("create")}},
        {QStringLiteral("account_management_uri"), base + QStringLiteral("account/")},
        {QStringLiteral("account_management_actions_supported"),
            QJsonArray{QStringLiteral("org.matrix.profile"),
                QStringLiteral("org.matrix.device_delete"),
                QStringLiteral("org.matrix.session_end")}},
    };
}

QByteArray bytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

class TestAuthMetadata : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mas()
    {
        const auto m = parseAuthMetadata(bytes(masMetadata()));
        QVERIFY2(m, qPrintable(m ? QString() : m.error().detail));
        QCOMPARE(m->issuer, QUrl(QStringLiteral("https://auth.example.org/")));
        QCOMPARE(m->tokenEndpoint, QUrl(QStringLiteral("https://auth.example.org/oauth2/token")));
        QVERIFY(m->supportsDeviceGrant());
        QVERIFY(m->canCreateAccount());
        QCOMPARE(m->deviceDeleteAction(), QStringLiteral("org.matrix.device_delete"));
        const QUrl manage = m->accountManagementUrl(m->deviceDeleteAction(), QStringLiteral("A+B"));
        QCOMPARE(QUrlQuery(manage).queryItemValue(QStringLiteral("action")),
            QStringLiteral("org.matrix.device_delete"));
        QCOMPARE(QUrlQuery(manage).queryItemValue(QStringLiteral("device_id"), QUrl::FullyDecoded),
            QStringLiteral("A+B"));
        QVERIFY(manage.toString(QUrl::FullyEncoded).contains(u"device_id=A%2BB"));
    }
    // RFC 9207: the issuer as written (for a string comparison with iss) and whether every
    // authorisation response carries it, as oidc-provider says it does.
    void issuerInResponses()
    {
        QJsonObject o = masMetadata();
        QVERIFY(!parseAuthMetadata(bytes(o))->issuerInResponses);
        o.insert(QStringLiteral("authorization_response_iss_parameter_supported"), true);
        const auto m = parseAuthMetadata(bytes(o));
        QVERIFY(m);
        QVERIFY(m->issuerInResponses);
        QCOMPARE(m->issuerIdentifier, o.value(u"issuer").toString());
    }
    void loopbackHttpAllowed()
    {
        QJsonObject o = masMetadata();
        for (const QString &key : o.keys())
            if (o.value(key).isString())
                o.insert(key,
                    o.value(key).toString().replace(QStringLiteral("https://auth.example.org"),
                        QStringLiteral("http://127.0.0.1:8008")));
        QVERIFY(parseAuthMetadata(bytes(o)));
    }
    void optionalFieldsAbsent()
    {
        QJsonObject o = masMetadata();
        for (const char *key : {"device_authorization_endpoint", "prompt_values_supported",
                 "account_management_uri", "account_management_actions_supported"})
            o.remove(QLatin1StringView(key));
        const auto m = parseAuthMetadata(bytes(o));
        QVERIFY(m);
        QVERIFY(!m->supportsDeviceGrant());
        QVERIFY(!m->canCreateAccount());
        QVERIFY(m->deviceDeleteAction().isEmpty());
        QVERIFY(!m->accountManagementUrl(QStringLiteral("org.matrix.profile")).isValid());
    }
    void deviceEndpointWithoutGrant()
    {
        QJsonObject o = masMetadata();
        o.insert(QStringLiteral("grant_types_supported"),
            QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")});
        const auto m = parseAuthMetadata(bytes(o));
        QVERIFY(m);
        QVERIFY(!m->supportsDeviceGrant());
    }
    void unstableAccountManagement()
    {
        QJsonObject o = masMetadata();
        o.remove(QStringLiteral("account_management_uri"));
        o.remove(QStringLiteral("account_management_actions_supported"));
        o.insert(QStringLiteral("org.matrix.msc4191.account_management_uri"),
            QStringLiteral("https://auth.example.org/manage"));
        o.insert(QStringLiteral("org.matrix.msc4191.account_management_actions_supported"),
            QJsonArray{QStringLiteral("org.matrix.session_end")});
        const auto m = parseAuthMetadata(bytes(o));
        QVERIFY(m);
        QCOMPARE(m->accountManagementUri, QUrl(QStringLiteral("https://auth.example.org/manage")));
        QCOMPARE(m->deviceDeleteAction(), QStringLiteral("org.matrix.session_end"));
    }
    void stableAccountManagementPreferred()
    {
        QJsonObject o = masMetadata();
        o.insert(QStringLiteral("org.matrix.msc4191.account_management_uri"),
            QStringLiteral("https://auth.example.org/old"));
        const auto m = parseAuthMetadata(bytes(o));
        QVERIFY(m);
        QCOMPARE(
            m->accountManagementUri, QUrl(QStringLiteral("https://auth.example.org/account/")));
    }
    void insecureAccountManagementDropped()
    {
        QJsonObject o = masMetadata();
        o.insert(QStringLiteral("account_management_uri"), QStringLiteral("http://evil.example/"));
        const auto m = parseAuthMetadata(bytes(o));
        QVERIFY(m);
        QVERIFY(!m->accountManagementUri.isValid());
    }
    void invalid_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value"); // undefined: remove the key
        QTest::addColumn<QString>("mentions");
        const QJsonValue gone(QJsonValue::Undefined);
        for (const char *key :
            {"issuer", "authorization_endpoint", "token_endpoint", "revocation_endpoint",
                "registration_endpoint", "response_types_supported", "grant_types_supported",
                "response_modes_supported", "code_challenge_methods_supported"})
            QTest::addRow("no %s", key)
                << QString::fromLatin1(key) << gone << QString::fromLatin1(key);
        QTest::newRow("http issuer")
            << QStringLiteral("issuer") << QJsonValue(QStringLiteral("http://auth.example.org/"))
            << QStringLiteral("issuer");
        QTest::newRow("issuer with query")
            << QStringLiteral("issuer") << QJsonValue(QStringLiteral("https://a.example/?x=1"))
            << QStringLiteral("issuer");
        QTest::newRow("issuer with fragment")
            << QStringLiteral("issuer") << QJsonValue(QStringLiteral("https://a.example/#x"))
            << QStringLiteral("issuer");
        QTest::newRow("relative token endpoint")
            << QStringLiteral("token_endpoint") << QJsonValue(QStringLiteral("/oauth2/token"))
            << QStringLiteral("token_endpoint");
        QTest::newRow("http token endpoint")
            << QStringLiteral("token_endpoint")
            << QJsonValue(QStringLiteral("http://auth.example.org/token"))
            << QStringLiteral("token_endpoint");
        QTest::newRow("javascript endpoint") << QStringLiteral("authorization_endpoint")
                                             << QJsonValue(QStringLiteral("javascript:x"))
                                             << QStringLiteral("authorization_endpoint");
        QTest::newRow("number endpoint") << QStringLiteral("revocation_endpoint") << QJsonValue(3)
                                         << QStringLiteral("revocation_endpoint");
        QTest::newRow("http device endpoint")
            << QStringLiteral("device_authorization_endpoint")
            << QJsonValue(QStringLiteral("http://auth.example.org/device"))
            << QStringLiteral("device_authorization_endpoint");
        QTest::newRow("no S256") << QStringLiteral("code_challenge_methods_supported")
                                 << QJsonValue(QJsonArray{QStringLiteral("plain")})
                                 << QStringLiteral("S256");
        QTest::newRow("no refresh_token grant")
            << QStringLiteral("grant_types_supported")
            << QJsonValue(QJsonArray{QStringLiteral("authorization_code")})
            << QStringLiteral("refresh_token");
        QTest::newRow("no fragment mode")
            << QStringLiteral("response_modes_supported")
            << QJsonValue(QJsonArray{QStringLiteral("query")}) << QStringLiteral("fragment");
        QTest::newRow("response types a string")
            << QStringLiteral("response_types_supported") << QJsonValue(QStringLiteral("code"))
            << QStringLiteral("response_types_supported");
        QTest::newRow("grant types with a number")
            << QStringLiteral("grant_types_supported")
            << QJsonValue(QJsonArray{
                   QStringLiteral("authorization_code"), QStringLiteral("refresh_token"), 1})
            << QStringLiteral("grant_types_supported");
    }
    void invalid()
    {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QFETCH(QString, mentions);
        QJsonObject o = masMetadata();
        if (value.isUndefined())
            o.remove(key);
        else
            o.insert(key, value);
        const auto m = parseAuthMetadata(bytes(o));
        QVERIFY(!m);
        QCOMPARE(m.error().kind, Error::Kind::InvalidResponse);
        QVERIFY2(m.error().detail.contains(mentions), qPrintable(m.error().detail));
    }
    void notJson()
    {
        for (const QByteArray &body : {QByteArray("<html>"), QByteArray("[]"), QByteArray()}) {
            const auto m = parseAuthMetadata(body);
            QVERIFY(!m);
            QCOMPARE(m.error().kind, Error::Kind::NotJson);
        }
    }
};

QTEST_GUILESS_MAIN(TestAuthMetadata)
#include "tst_authmetadata.moc"
