// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callbacklistener.h"

#include "discovery/homeservercheck.h"
#include "signin/loginexchange.h"
#include "signin/signinmethod.h"

#include <QTimer>

#include <functional>

class QNetworkAccessManager;

namespace Portico::Sso {

// BrowserFailed, TimedOut, or LoginFailed (POST /login failed: see `error`).
using SsoError = SignIn::Failure;

// One SSO sign-in, from opening the browser to the login token: the loopback listener and the
// browser hand-off. The token exchange and the MSC1730 binding are the shared LoginExchange.
class SsoLogin : public SignIn::Method
{
    Q_OBJECT
public:
    enum class Step { Idle, WaitingForBrowser, SigningIn };
    Q_ENUM(Step)

    using BrowserLauncher = std::function<bool(const QUrl &)>;

    explicit SsoLogin(QNetworkAccessManager &network, QObject *parent = nullptr);

    // Opens the system browser unless told otherwise (tests pass their own).
    void setBrowserLauncher(BrowserLauncher launcher) { m_launcher = std::move(launcher); }
    void setListenerLimits(CallbackListener::Limits limits) { m_limits = limits; }

    // Starts an attempt with `idpId` (empty: the generic SSO redirect). Abandons any other.
    // A `deviceId` signs in again on that device (after a soft logout), keeping it.
    void start(const Discovery::Homeserver &homeserver, const QString &idpId,
        const QString &deviceId = {});
    // Opens the browser on the same attempt again, for when the first tab got lost.
    void reopenBrowser();
    void cancel() override;
    bool isRunning() const override { return m_step != Step::Idle; }
    // The callback URL reached us another way: pasted by the user from the browser's address
    // bar, or a portico:// link the desktop handed over. Checked exactly like the listener's
    // callbacks (nonce, exactly one non-empty loginToken); Accepted continues the sign-in.
    CallbackVerdict::Kind submitCallbackUrl(const QString &url);
    // The redirect URL of the attempt: the loopback listener, or portico:// when no loopback port
    // could be opened.
    QUrl redirectUrl() const { return m_redirectUrl; }

    Step step() const { return m_step; }
    QUrl browserUrl() const { return m_browserUrl; }
    QString idpId() const { return m_idpId; }

Q_SIGNALS:
    void stepChanged(Portico::Sso::SsoLogin::Step step);

private:
    void setStep(Step step);
    void onToken(const QString &loginToken);
    void fail(SsoError error);

    BrowserLauncher m_launcher;
    CallbackListener::Limits m_limits;
    CallbackListener *m_listener = nullptr;
    Discovery::Homeserver m_homeserver;
    QString m_idpId;
    QString m_deviceId;
    QUrl m_browserUrl;
    QUrl m_redirectUrl;
    QTimer m_deadline;
    QByteArray m_callbackPath;
    SignIn::LoginExchange m_exchange;
    Step m_step = Step::Idle;
    quint64 m_attempt = 0;
};

} // namespace Portico::Sso
