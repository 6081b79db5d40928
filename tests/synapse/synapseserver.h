// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>
#include <vector>

// A real Synapse (matrix-synapse from PyPI, in the virtual environment scripts/test installs
// under the build folder) with two real OpenID Connect identity providers (npm oidc-provider,
// tests/synapse/oidc-idp.mjs), all on loopback, for behaviour only a real server shows.
//
// Synapse listens twice: the portal (where a user starts, client API only) and the target
// (public_baseurl, client and media), so that its login response names another base URL
// (MSC1730). Refreshable access tokens live `tokenLifetimeSeconds`. The two providers are
// "oidc-alpha" (brand "github", account "alice") and "oidc-beta" (no brand, account "bob"), both
// with an mxc:// icon uploaded to Synapse's own media repository before Synapse is started again
// with those icons in its config.
//
// Everything it starts it stops, by PID, when destroyed. Start it once per test executable.
class SynapseServer
{
public:
    struct Options
    {
        bool authenticatedMedia = false; // Synapse's enable_authenticated_media
        int tokenLifetimeSeconds = 15;
        // rc_login.failed_attempts: failed logins allowed before Synapse answers 429.
        int failedLoginBurst = 3;
    };

    explicit SynapseServer(Options options);
    ~SynapseServer();

    // Empty when everything runs; otherwise a sentence saying what is missing or went wrong
    // (and what to install), for QFAIL.
    QString start();
    void stop();

    QUrl portalUrl() const;
    QUrl targetUrl() const;
    quint16 portalPort() const { return m_portalPort; }
    quint16 targetPort() const { return m_targetPort; }
    QString serverName() const { return QStringLiteral("localhost"); }
    QStringList iconUris() const { return m_iconUris; }
    // The colour of each icon (a solid disc of it on transparency), in iconUris()' order.
    static QList<QColor> iconColours();
    const Options &options() const { return m_options; }

    // Synapse's access log so far: one line per request, naming the listener (its port) and,
    // for authenticated requests, the user ("{@alice:localhost}").
    QStringList accessLog() const;
    // The devices of `userId` as Synapse's admin API lists them (empty on error, see `error`).
    QStringList devicesOf(const QString &userId, QString *error = nullptr);
    // A user with a password, made through shared-secret registration.
    bool registerUser(const QString &localpart, const QString &password, bool admin,
        QString *accessToken, QString *error);
    // What the identity providers printed since they started ("submitted login alice" for each
    // form a real browser submitted, see oidc-idp.mjs).
    QString idpOutput();
    // Synapse's own log (errors and warnings included), for failure messages.
    QString log() const;
    // The warnings and errors in Synapse's log, the last ones first to go when it is long.
    QString problems() const;

private:
    QString startIdps();
    QString startSynapse();
    QString writeConfig();
    QString uploadIcons();
    QString waitForVersions(const QUrl &url, QProcess &process);
    void stopProcess(QProcess &process);

    Options m_options;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<QProcess> m_synapse;
    std::vector<std::unique_ptr<QProcess>> m_idps;
    quint16 m_portalPort = 0;
    quint16 m_targetPort = 0;
    QList<quint16> m_idpPorts;
    QStringList m_iconUris;
    QString m_adminToken;
    QString m_idpOutput;
};
