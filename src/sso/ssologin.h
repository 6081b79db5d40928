// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callbacklistener.h"

#include "discovery/homeservercheck.h"
#include "matrix/error.h"
#include "session/session.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Portico::Sso {

struct SsoError
{
    enum class Reason {
        BrowserFailed, // the system browser could not be opened
        TimedOut, // nobody came back in time
        LoginFailed, // POST /login failed: see `error`
    };
    Reason reason;
    Matrix::Error error;
};

// One SSO sign-in, from opening the browser to a bound session: the loopback listener, the
// browser hand-off, the token exchange and the MSC1730 base URL binding.
class SsoLogin : public QObject
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
    void cancel();
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
    void signedIn(const Portico::Session::Session &session, const QString &warning);
    void failed(const Portico::Sso::SsoError &error);

private:
    void setStep(Step step);
    void onToken(const QString &loginToken);
    void fail(SsoError error);

    QNetworkAccessManager &m_network;
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
    QPointer<QNetworkReply> m_reply;
    Step m_step = Step::Idle;
    quint64 m_attempt = 0;
};

} // namespace Portico::Sso
