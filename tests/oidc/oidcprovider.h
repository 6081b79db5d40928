// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QNetworkAccessManager>
#include <QProcess>
#include <QStringList>
#include <QUrl>

// npm oidc-provider as a Matrix homeserver's authorisation server (tests/oidc/oidc-as.mjs), on
// loopback, signing in one account. Stops its process (by PID) when destroyed.
class OidcProvider
{
public:
    // Access tokens from a code or a device code live `accessTokenSeconds`; refreshed ones 300 s.
    explicit OidcProvider(int accessTokenSeconds = 300, QString account = QStringLiteral("alice"));
    ~OidcProvider();

    // Empty when it runs; otherwise a sentence saying what is missing (and how to install it),
    // for QFAIL.
    QString start();
    QUrl issuer() const { return m_issuer; }
    // The confidential client the homeserver introspects as.
    QString homeserverClientId() const { return QStringLiteral("homeserver"); }
    QString homeserverSecret() const { return m_secret; }
    // The lines it printed so far ("registration 201", "token refresh_token 200",
    // "revocation refresh_token <digest> 200", ...; see oidc-as.mjs).
    QStringList lines();
    // How many printed lines start with `prefix`.
    int count(const QString &prefix);
    // What it printed on its error output (warnings), for failure messages.
    QString errors();
    // Whether the issuer says a token is active (introspection as the homeserver).
    bool isActive(const QString &token, QString *error = nullptr);
    // The digest oidc-as.mjs prints for a token: the first 16 hex digits of its SHA-256.
    static QString digest(const QString &token);

private:
    int m_accessTokenSeconds;
    QString m_account;
    QString m_secret;
    QUrl m_issuer;
    QProcess m_process;
    QByteArray m_out;
    QStringList m_lines;
    QNetworkAccessManager m_network;
};
