// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authmetadata.h"
#include "authorizationrequest.h"
#include "signinerror.h"

#include "matrix/httpcall.h"
#include "session/session.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace Portico::Sso {
class CallbackListener;
}

namespace Portico::OAuth {

// One sign-in through the authorisation code grant with PKCE (Matrix 1.15, RFC 6749, 7636,
// 8252): registration, the browser, the callback, the code exchange and /whoami, ending in a
// Session of the OAuth API. The callback comes back through submitCallbackUrl(): from the
// loopback listener, the private-use scheme hand-over (dev.portico:/callback) or a pasted URL.
class OAuthLogin : public QObject
{
    Q_OBJECT
public:
    enum class Step { Idle, Registering, WaitingForBrowser, SigningIn };
    Q_ENUM(Step)
    enum class Redirect {
        Loopback, // http://127.0.0.1:<port>/… through Sso::CallbackListener; the scheme if none
        PrivateUseScheme, // dev.portico:/callback
    };
    // What became of a callback handed to submitCallbackUrl().
    enum class Verdict {
        Accepted, // it ends the attempt: signing in, or failed() with the server's error
        NotWaiting, // no attempt waits for a callback (none, cancelled, or already called back)
        NotOurs,
        NoState,
        WrongState,
        NoCode,
        SeveralCodes,
        WrongIssuer, // RFC 9207: a response of another authorisation server (a mix-up)
    };
    Q_ENUM(Verdict)
    using BrowserLauncher = std::function<bool(const QUrl &)>;

    explicit OAuthLogin(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~OAuthLogin() override;

    // Opens the system browser unless told otherwise (tests pass their own).
    void setBrowserLauncher(BrowserLauncher launcher) { m_launcher = std::move(launcher); }
    void setAttemptTimeout(std::chrono::milliseconds timeout) { m_attemptTimeout = timeout; }

    // Starts an attempt on the homeserver at `baseUrl` whose auth_metadata is `metadata`;
    // abandons any other. `createAccount` asks the server's registration page (prompt=create).
    void start(const QUrl &baseUrl, const AuthMetadata &metadata,
        Redirect redirect = Redirect::Loopback, bool createAccount = false,
        bool plainHttpAllowed = false);
    // Ends the attempt: no signal follows, and later callbacks are NotWaiting.
    void cancel();
    // A callback for the attempt waiting in the browser. A rejected one changes nothing.
    Verdict submitCallbackUrl(const QUrl &url);

    Step step() const { return m_step; }
    QUrl browserUrl() const { return m_browserUrl; }
    QString redirectUri() const { return m_redirectUri; }
    QStringList registeredRedirectUris() const { return m_registered; }

Q_SIGNALS:
    void stepChanged(Portico::OAuth::OAuthLogin::Step step);
    void signedIn(const Portico::Session::Session &session);
    void failed(const Portico::OAuth::SignInError &error);
    void callbackRejected(Portico::OAuth::OAuthLogin::Verdict why);

private:
    void setStep(Step step);
    void fail(SignInError::Kind kind, const Matrix::Error &error = {},
        const std::optional<OAuthError> &oauth = std::nullopt);
    void reset();

    QNetworkAccessManager &m_network;
    BrowserLauncher m_launcher;
    std::chrono::milliseconds m_attemptTimeout{std::chrono::minutes(10)};
    Sso::CallbackListener *m_listener = nullptr;
    QUrl m_baseUrl;
    bool m_plainHttpAllowed = false;
    AuthMetadata m_metadata;
    AuthorizationRequest m_request;
    QString m_redirectUri;
    QStringList m_registered;
    bool m_createAccount = false;
    QUrl m_browserUrl;
    QTimer m_deadline;
    Matrix::Call m_call;
    Step m_step = Step::Idle;
};

} // namespace Portico::OAuth
