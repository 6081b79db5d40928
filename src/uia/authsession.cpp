// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "authsession.h"

#include "matrix/logging.h"
#include "matrix/translate.h"

#include <QJsonDocument>
#include <QLocale>
#include <QNetworkReply>

#include <algorithm>

namespace Portico::Uia {

namespace {
PORTICO_TRANSLATION_CONTEXT("Portico::Uia::Failure")

bool isTransportError(Matrix::Error::Kind kind)
{
    using Kind = Matrix::Error::Kind;
    return kind == Kind::HostNotFound || kind == Kind::ConnectionRefused || kind == Kind::Timeout
        || kind == Kind::Tls || kind == Kind::Network;
}
// What Synapse answers for an auth session it does not know, or no longer knows: 400 M_UNKNOWN
// "Unknown session ID: …". Other servers word it differently, so any 400 that names the session.
bool isUnknownSession(const Matrix::Error &error)
{
    return error.httpStatus == 400
        && (error.is(u"M_UNKNOWN") || error.is(u"M_NOT_FOUND")
            || error.serverMessage.contains(u"session", Qt::CaseInsensitive));
}
// A challenge that ends the run, as an Error for Failure.
Matrix::Error challengeError(const Challenge &challenge)
{
    Matrix::Error error;
    error.kind = Matrix::Error::Kind::Matrix;
    error.httpStatus = 401;
    error.errcode = challenge.errcode;
    error.serverMessage = challenge.error;
    return error;
}
} // namespace

QString Failure::describe() const
{
    switch (reason) {
    case Reason::Network:
        return error.describe();
    case Reason::Forbidden:
        return tr("The server refused this request.");
    case Reason::SessionExpired:
        return tr("The confirmation took too long and the server forgot it. Please start over.");
    case Reason::NoUsableFlow:
        return tr("The server asks for a confirmation Portico cannot complete.");
    case Reason::InvalidChallenge:
        return tr("The server asked for a confirmation in a form Portico does not understand.");
    case Reason::TimedOut:
        return tr("The confirmation in the browser was not finished in time. Please start over.");
    case Reason::SignedOut:
        return tr("The session is no longer valid. Please sign in again.");
    case Reason::Server:
        return error.describe();
    }
    return {};
}

AuthSession::AuthSession(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_languages(QLocale().uiLanguages())
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &AuthSession::poll);
    m_limitTimer.setSingleShot(true);
    connect(&m_limitTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcUia) << "gave up waiting for the browser step after" << m_pollLimit.count()
                      << "ms";
        Matrix::Error error;
        error.kind = Matrix::Error::Kind::Timeout;
        fail(Failure::Reason::TimedOut, error);
    });
}

void AuthSession::start(
    const Session::Session &session, const QString &reason, RequestBuilder build)
{
    m_build = std::move(build);
    m_userId = session.userId;
    m_baseUrl = session.baseUrl;
    m_reason = reason;
    restart();
}

void AuthSession::restart()
{
    if (!m_build)
        return;
    abortAll();
    m_authSession.clear();
    m_completed.clear();
    m_step.reset();
    send({}, Attempt::Initial);
}

void AuthSession::abortAll()
{
    stopPolling();
    m_inFlight = false;
    m_call.cancel(); // its handler never runs, nor does a planned 429 retry
}

void AuthSession::cancel()
{
    abortAll();
    if (m_state != State::Idle && m_state != State::Succeeded && m_state != State::Failed
        && m_state != State::Cancelled)
        setState(State::Cancelled);
}

void AuthSession::submitPassword(const QString &password)
{
    if (m_state != State::WaitingForUser || !m_step || m_step->mode != Step::Mode::Password) {
        qCWarning(lcUia) << "a password was given, but none was asked for";
        return;
    }
    QJsonObject auth = stageAuth(PasswordStage);
    auth.insert(QStringLiteral("identifier"),
        QJsonObject{{QStringLiteral("type"), QStringLiteral("m.id.user")},
            {QStringLiteral("user"), m_userId}});
    auth.insert(QStringLiteral("password"), password);
    send(auth, Attempt::Stage);
}

void AuthSession::acceptTerms()
{
    if (m_state != State::WaitingForUser || !m_step || m_step->mode != Step::Mode::Terms) {
        qCWarning(lcUia) << "terms were accepted, but none were shown";
        return;
    }
    send(stageAuth(TermsStage), Attempt::Stage);
}

QUrl AuthSession::fallbackUrl() const
{
    return m_step ? m_step->fallbackUrl : QUrl();
}

QUrl AuthSession::openFallback()
{
    if (!m_step || (m_state != State::WaitingForBrowser && m_state != State::WaitingForUser))
        return {};
    if (m_state == State::WaitingForUser)
        setState(State::WaitingForBrowser); // a native stage done in the browser instead
    if (!m_polling) {
        qCInfo(lcUia) << "waiting for" << m_step->stage << "in the browser; polling every"
                      << m_pollInterval.count() << "ms";
        m_polling = true;
        m_limitTimer.start(m_pollLimit);
        schedulePoll();
    }
    return m_step->fallbackUrl;
}

void AuthSession::fallbackDone()
{
    if (m_state != State::WaitingForBrowser)
        return;
    if (!m_polling)
        openFallback();
    if (m_inFlight) {
        m_pollSoon = true;
        return;
    }
    m_pollTimer.stop();
    poll();
}

void AuthSession::poll()
{
    if (!m_polling || m_inFlight)
        return;
    send(QJsonObject{{QStringLiteral("session"), m_authSession}}, Attempt::Poll);
}

void AuthSession::schedulePoll()
{
    if (!m_polling)
        return;
    if (std::exchange(m_pollSoon, false))
        poll();
    else
        m_pollTimer.start(m_pollInterval);
}

void AuthSession::stopPolling()
{
    m_polling = false;
    m_pollSoon = false;
    m_pollTimer.stop();
    m_limitTimer.stop();
}

QJsonObject AuthSession::stageAuth(QStringView type) const
{
    QJsonObject auth{{QStringLiteral("type"), type.toString()}};
    if (!m_authSession.isEmpty())
        auth.insert(QStringLiteral("session"), m_authSession);
    return auth;
}

void AuthSession::send(const QJsonObject &auth, Attempt attempt)
{
    m_inFlight = true;
    if (attempt != Attempt::Poll)
        setState(State::Sending);
    // Only the stage type is logged: `auth` may hold a password.
    qCDebug(lcUia) << "sending"
                   << (attempt == Attempt::Initial       ? "the request"
                              : attempt == Attempt::Poll ? "a poll"
                                                         : "a stage:")
                   << auth.value(u"type").toString();
    m_call = Matrix::startCall(m_network, m_build(auth), [this, attempt](const auto &result) {
        m_inFlight = false;
        handle(result, attempt);
    });
}

void AuthSession::handle(
    const Matrix::Expected<Matrix::HttpResponse, Matrix::Error> &result, Attempt attempt)
{
    if (result) {
        stopPolling();
        QJsonObject body;
        if (const auto object = Matrix::jsonObject(result.value()))
            body = object.value();
        qCInfo(lcUia) << "authenticated request succeeded";
        m_step.reset();
        setState(State::Succeeded);
        Q_EMIT succeeded(body);
        return;
    }
    const Matrix::Error &error = result.error();
    if (isChallengeBody(error.httpStatus, error.body)) {
        const auto challenge = parseChallenge(error.body);
        if (!challenge) {
            qCWarning(lcUia) << "malformed UIA challenge:" << challenge.error().detail;
            Matrix::Error invalid = Matrix::Error::invalidResponse(challenge.error().detail, 401);
            fail(Failure::Reason::InvalidChallenge, invalid);
            return;
        }
        handleChallenge(challenge.value(), attempt);
        return;
    }
    if (attempt == Attempt::Poll
        && (isTransportError(error.kind) || error.kind == Matrix::Error::Kind::RateLimited)) {
        // A hiccup while waiting for the browser is no reason to give up: try again later.
        qCInfo(lcUia) << "poll failed, trying again:" << error.describe();
        schedulePoll();
        return;
    }
    if (!m_authSession.isEmpty() && attempt != Attempt::Initial && isUnknownSession(error)) {
        qCInfo(lcUia) << "the server no longer knows the auth session:" << error.errcode;
        fail(Failure::Reason::SessionExpired, error);
        return;
    }
    if (isTransportError(error.kind)) {
        fail(Failure::Reason::Network, error);
        return;
    }
    if (error.is(u"M_UNKNOWN_TOKEN") || error.is(u"M_MISSING_TOKEN")) {
        fail(Failure::Reason::SignedOut, error);
        return;
    }
    if (error.httpStatus == 403) {
        fail(Failure::Reason::Forbidden, error);
        return;
    }
    fail(Failure::Reason::Server, error);
}

void AuthSession::handleChallenge(const Challenge &challenge, Attempt attempt)
{
    for (const QString &warning : challenge.warnings)
        qCDebug(lcUia) << "challenge:" << warning;
    if (!m_authSession.isEmpty() && !challenge.session.isEmpty()
        && challenge.session != m_authSession) {
        // A new session means the server dropped ours, and with it what was completed.
        qCInfo(lcUia) << "the server replaced the auth session";
        fail(Failure::Reason::SessionExpired, challengeError(challenge));
        return;
    }
    if (m_authSession.isEmpty())
        m_authSession = challenge.session;
    const bool advanced = challenge.completed != m_completed;
    m_completed = challenge.completed;

    const QStringList native = nativeStages();
    auto choice = chooseFlow(challenge, native, m_preferredStage);
    if (choice && !choice->fullyNative && m_authSession.isEmpty()) {
        // The session is optional in a 401, but the fallback page and the polling need it:
        // without one, only a flow Portico completes by itself can go on.
        Challenge nativeOnly = challenge;
        const qsizetype done = challenge.completed.size();
        nativeOnly.flows.removeIf([&](const QStringList &stages) {
            return stages.size() < done
                || !std::all_of(stages.cbegin() + done, stages.cend(),
                    [&](const QString &stage) { return native.contains(stage); });
        });
        qCInfo(lcUia) << "no auth session: only a flow without a browser step can go on";
        choice = chooseFlow(nativeOnly, native);
    }
    if (!choice) {
        qCWarning(lcUia) << "no flow continues" << challenge.completed;
        fail(Failure::Reason::NoUsableFlow, challengeError(challenge));
        return;
    }
    if (attempt == Attempt::Poll && !advanced && m_step && m_step->stage == choice->nextStage()) {
        schedulePoll(); // the user is not done in the browser yet
        return;
    }
    if (choice->isComplete()) {
        // Every stage is done but the server still says 401: one retry with the session alone.
        if (attempt == Attempt::Poll) {
            fail(Failure::Reason::Server, challengeError(challenge));
            return;
        }
        stopPolling();
        m_polling = true;
        poll();
        return;
    }
    if (attempt == Attempt::Stage && !advanced && choice->nextStage() == DummyStage) {
        // The server did not take the dummy stage: sending it again would loop.
        fail(Failure::Reason::Server, challengeError(challenge));
        return;
    }
    QString stageError;
    if (attempt == Attempt::Stage && !advanced && !challenge.errcode.isEmpty()) {
        stageError = challenge.errcode == u"M_FORBIDDEN" && choice->nextStage() == PasswordStage
            ? tr("Wrong password. Please try again.")
            : challenge.error.isEmpty()
            ? tr("That did not work (%1). Please try again.").arg(challenge.errcode)
            : challenge.error;
        qCInfo(lcUia) << "stage" << choice->nextStage() << "refused:" << challenge.errcode;
    }
    enterStage(challenge, *choice, stageError);
}

void AuthSession::enterStage(
    const Challenge &challenge, const FlowChoice &choice, const QString &error)
{
    stopPolling();
    const QString stage = choice.nextStage();
    if (stage == DummyStage) {
        send(stageAuth(DummyStage), Attempt::Stage);
        return;
    }
    Step step;
    step.stage = stage;
    step.mode = stage == PasswordStage ? Step::Mode::Password
        : stage == TermsStage          ? Step::Mode::Terms
                                       : Step::Mode::Fallback;
    step.index = choice.nextIndex;
    step.count = int(choice.stages.size());
    step.reason = m_reason;
    step.error = error;
    step.params = challenge.params.value(stage).toObject();
    if (step.mode == Step::Mode::Terms)
        for (const TermsPolicy &policy : challenge.termsPolicies)
            step.policyTexts.append(policy.text(m_languages));
    if (stage == SsoStage)
        step.ssoProviders = challenge.ssoProviders;
    step.fallbackUrl = Uia::fallbackUrl(m_baseUrl, stage, m_authSession);
    m_step = step;
    qCInfo(lcUia) << "stage" << step.index + 1 << "of" << step.count << "needed:" << stage;
    setState(step.mode == Step::Mode::Fallback ? State::WaitingForBrowser : State::WaitingForUser);
    Q_EMIT stageRequired(step);
}

void AuthSession::fail(Failure::Reason reason, const Matrix::Error &error)
{
    abortAll();
    qCInfo(lcUia) << "authenticated request failed:" << int(reason) << error.describe();
    setState(State::Failed);
    Q_EMIT failed(Failure{reason, error});
}

void AuthSession::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Portico::Uia
