// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "challenge.h"

#include "matrix/error.h"
#include "matrix/httpcall.h"
#include "session/session.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Portico::Uia {

// What the user has to do next.
struct Step
{
    enum class Mode {
        Password, // ask for the account's password, then submitPassword()
        Terms, // show policyTexts, then acceptTerms()
        Fallback, // open openFallback()'s URL in the system browser; we poll until it is done
    };
    QString stage; // the stage type, e.g. "m.login.sso"
    Mode mode = Mode::Fallback;
    int index = 0; // 0-based position of this stage in the chosen flow
    int count = 0; // stages in the chosen flow
    QString reason; // the caller's text: what the user is confirming
    QString error; // why the last attempt at this stage failed (wrong password); else empty
    QJsonObject params; // the server's params for this stage
    QList<PolicyText> policyTexts; // Terms: one text per policy, in the preferred language
    QList<Matrix::IdentityProvider> ssoProviders; // m.login.sso (draft servers only)
    QUrl fallbackUrl; // always set: even native stages can be done in the browser

    double progress() const { return count > 0 ? double(index) / count : 0.0; }
};

// Why the operation did not succeed.
struct Failure
{
    enum class Reason {
        Network, // the server could not be reached (see error)
        Forbidden, // the server refuses the operation itself (403 without a challenge)
        SessionExpired, // the server forgot the auth session: start over with restart()
        NoUsableFlow, // no flow continues the stages completed so far
        InvalidChallenge, // the 401 is not a well-formed challenge
        TimedOut, // the browser step was not finished within the poll limit
        SignedOut, // the access token is no longer valid (M_UNKNOWN_TOKEN): refresh or sign in
        Server, // any other error answer (see error)
    };
    Reason reason = Reason::Server;
    Matrix::Error error;

    // A short human sentence, saying what to do where there is something to do.
    QString describe() const;
};

// Runs one request that needs User-Interactive Authentication to its end: sends it, and on a
// UIA 401 chooses a flow (native stages first, see chooseFlow) and walks its stages:
// m.login.dummy by itself, m.login.password and m.login.terms through the caller's UI, and every
// other stage (m.login.sso, unknown ones) through the server's fallback page in the system
// browser. Since a desktop app hears nothing from that page, it then retries the request with
// the session alone every pollInterval (and at once on fallbackDone()), so that it finishes by
// itself when the user is done in the browser.
//
// A controller drives it like this: start(); on stageRequired(step), show the step (password
// field, policies, or "Continue in browser" which opens openFallback()); call
// submitPassword()/acceptTerms()/fallbackDone() from the user's actions; on succeeded() or
// failed() close the dialog (offer restart() when the failure is SessionExpired); cancel() on
// "Cancel". One operation per object at a time; start() again begins a new one.
class AuthSession : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        Sending, // a request is under way and nothing is asked of the user
        WaitingForUser, // a Password or Terms step is shown
        WaitingForBrowser, // a Fallback step is shown; polling once openFallback() was called
        Succeeded,
        Failed,
        Cancelled,
    };
    Q_ENUM(State)

    // Builds the request, adding `auth` to its JSON body when it is not empty. It is called for
    // every attempt, so it must not consume anything.
    using RequestBuilder = std::function<Matrix::HttpRequest(const QJsonObject &auth)>;

    explicit AuthSession(QNetworkAccessManager &network, QObject *parent = nullptr);

    void setPollInterval(std::chrono::milliseconds interval) { m_pollInterval = interval; }
    void setPollLimit(std::chrono::milliseconds limit) { m_pollLimit = limit; }
    // Languages for the terms' texts, best first (default: the system locale's UI languages).
    void setPreferredLanguages(const QStringList &languages) { m_languages = languages; }
    // A stage the user can surely do (m.login.sso for an SSO user): flows with it come first.
    void setPreferredStage(const QString &stage) { m_preferredStage = stage; }

    // Sends the request as `session` (its user ID for m.login.password, its base URL for the
    // fallback page). `reason` is shown to the user with every step.
    void start(const Session::Session &session, const QString &reason, RequestBuilder build);
    // The same request again from the beginning, without the old auth session.
    void restart();
    // Stops everything: no request is sent after this.
    void cancel();

    // Answers the current Password step. A wrong password comes back as the same step with its
    // `error` set; the user may try again.
    void submitPassword(const QString &password);
    // Answers the current Terms step.
    void acceptTerms();
    // The fallback page of the current step (empty when there is none).
    QUrl fallbackUrl() const;
    // The fallback page of the current step, to open in the system browser; polling starts now
    // and ends after pollLimit without success.
    QUrl openFallback();
    // The user says the browser step is done: check at once.
    void fallbackDone();

    State state() const { return m_state; }
    std::optional<Step> currentStep() const { return m_step; }

Q_SIGNALS:
    void stateChanged(Portico::Uia::AuthSession::State state);
    void stageRequired(const Portico::Uia::Step &step);
    // The request went through: the body of its final 2xx answer ({} when it had none).
    void succeeded(const QJsonObject &body);
    void failed(const Portico::Uia::Failure &failure);

private:
    enum class Attempt { Initial, Stage, Poll };

    void send(const QJsonObject &auth, Attempt attempt);
    void handle(
        const Matrix::Expected<Matrix::HttpResponse, Matrix::Error> &result, Attempt attempt);
    void handleChallenge(const Challenge &challenge, Attempt attempt);
    void enterStage(const Challenge &challenge, const FlowChoice &choice, const QString &error);
    void poll();
    void schedulePoll();
    void stopPolling();
    void abortAll();
    void fail(Failure::Reason reason, const Matrix::Error &error);
    void setState(State state);
    QJsonObject stageAuth(QStringView type) const;

    QNetworkAccessManager &m_network;
    std::chrono::milliseconds m_pollInterval{2000};
    std::chrono::milliseconds m_pollLimit{10 * 60 * 1000};
    QStringList m_languages;
    QString m_preferredStage;

    RequestBuilder m_build;
    QString m_userId;
    QUrl m_baseUrl;
    QString m_reason;

    State m_state = State::Idle;
    QString m_authSession; // the server's UIA session ID
    QStringList m_completed;
    std::optional<Step> m_step;
    Matrix::Call m_call; // the request under way; a new one replaces (cancels) it
    bool m_inFlight = false;

    bool m_polling = false;
    bool m_pollSoon = false; // fallbackDone() while a poll was under way
    QTimer m_pollTimer; // next poll
    QTimer m_limitTimer; // the end of polling
};

} // namespace Portico::Uia

Q_DECLARE_METATYPE(Portico::Uia::Step)
Q_DECLARE_METATYPE(Portico::Uia::Failure)
