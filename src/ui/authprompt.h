// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "uia/authsession.h"

#include <QObject>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QNetworkAccessManager;

namespace Portico::Ui {

// The "Confirm it's you" dialog's state: one User-Interactive Auth session at a time, its current
// stage, progress and errors. QML shows it; the action that needs it (deleting devices) starts it.
class AuthPrompt : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by DevicesController")

    Q_PROPERTY(bool active READ active NOTIFY changed)
    Q_PROPERTY(QString reason READ reason NOTIFY changed)
    // What the dialog asks of the user now (None while Portico talks to the server).
    Q_PROPERTY(Portico::Ui::AuthPrompt::Mode mode READ mode NOTIFY changed)
    Q_PROPERTY(QString stage READ stage NOTIFY changed)
    // In Mode::Browser: whose page the browser shows (QML compares no stage names).
    Q_PROPERTY(Portico::Ui::AuthPrompt::BrowserPage browserPage READ browserPage NOTIFY changed)
    Q_PROPERTY(int stepNumber READ stepNumber NOTIFY changed) // 1-based
    Q_PROPERTY(int stepCount READ stepCount NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(bool canStartOver READ canStartOver NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    // The browser page is open and Portico is watching for the user to finish there.
    Q_PROPERTY(bool waitingForBrowser READ waitingForBrowser NOTIFY changed)
    Q_PROPERTY(QVariantList policies READ policies NOTIFY changed) // [{name, url}]
    // Draft servers (MSC2858's first version) name the identity providers the browser step offers.
    Q_PROPERTY(QString providerName READ providerName NOTIFY changed)
    Q_PROPERTY(QString userId READ userId NOTIFY changed)

public:
    enum class Mode { None, Password, Terms, Browser };
    Q_ENUM(Mode)
    // The identity provider's (m.login.sso), or the server's own page for a stage (fallback).
    enum class BrowserPage { None, IdentityProvider, ServerPage };
    Q_ENUM(BrowserPage)

    using BrowserLauncher = std::function<bool(const QUrl &)>;

    explicit AuthPrompt(QNetworkAccessManager &network, QObject *parent = nullptr);

    Uia::AuthSession &session() { return m_session; }
    void setBrowserLauncher(BrowserLauncher launcher) { m_launcher = std::move(launcher); }

    // Sends the request, asking the user to confirm whenever the server wants it.
    void start(const Session::Session &session, const QString &reason,
        Uia::AuthSession::RequestBuilder build);

    bool active() const { return m_active; }
    QString reason() const { return m_reason; }
    Mode mode() const;
    BrowserPage browserPage() const;
    QString stage() const { return m_step ? m_step->stage : QString(); }
    int stepNumber() const { return m_step ? m_step->index + 1 : 0; }
    int stepCount() const { return m_step ? m_step->count : 0; }
    QString errorText() const { return m_errorText; }
    bool canStartOver() const { return m_canStartOver; }
    bool busy() const;
    bool waitingForBrowser() const;
    QVariantList policies() const;
    QString providerName() const;
    QString userId() const { return m_userId; }

public Q_SLOTS:
    void submitPassword(const QString &password);
    void acceptTerms();
    // Opens the current stage's page in the system browser; Portico then watches for completion.
    void openBrowser();
    // "I'm done": check at once instead of at the next poll.
    void browserDone();
    void startOver();
    void cancel();

Q_SIGNALS:
    void changed();
    // For scripts and tests: the stage the user is asked for now.
    void stageShown(const QString &stage);
    // The request went through (true) or was given up (false: cancelled or failed).
    void finished(bool succeeded, const QJsonObject &body, const QString &failure);
    // The server no longer takes the session's access token (M_UNKNOWN_TOKEN).
    void sessionRejected();

private:
    void finish(bool succeeded, const QJsonObject &body, const QString &failure);

    Uia::AuthSession m_session;
    BrowserLauncher m_launcher;
    std::optional<Uia::Step> m_step;
    bool m_active = false;
    bool m_canStartOver = false;
    bool m_browserOpened = false; // for the current stage
    QString m_reason;
    QString m_userId;
    QString m_errorText;
};

} // namespace Portico::Ui
