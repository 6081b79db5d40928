// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauthlogin.h"

#include "logging.h"
#include "oauthcalls.h"

#include "sso/callbacklistener.h"

#include <QDesktopServices>

namespace Portico::OAuth {

OAuthLogin::OAuthLogin(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_launcher([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { fail(SignInError::Kind::TimedOut); });
}

OAuthLogin::~OAuthLogin() = default;

void OAuthLogin::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    Q_EMIT stepChanged(step);
}

void OAuthLogin::reset()
{
    m_call.cancel();
    m_deadline.stop();
    if (m_listener) {
        m_listener->stop();
        m_listener->deleteLater();
        m_listener = nullptr;
    }
    m_request = {}; // the state and the verifier go with the attempt
    setStep(Step::Idle);
}

void OAuthLogin::fail(
    SignInError::Kind kind, const Matrix::Error &error, const std::optional<OAuthError> &oauth)
{
    qCInfo(lcOAuth) << "sign-in failed:" << int(kind) << (oauth ? oauth->error : error.detail);
    reset();
    Q_EMIT failed(SignInError{kind, oauth, error});
}

void OAuthLogin::cancel()
{
    if (m_step != Step::Idle)
        qCInfo(lcOAuth) << "sign-in cancelled";
    reset();
}

void OAuthLogin::start(const QUrl &baseUrl, const AuthMetadata &metadata, Redirect redirect,
    bool createAccount, bool plainHttpAllowed)
{
    reset();
    m_baseUrl = baseUrl;
    m_metadata = metadata;
    m_plainHttpAllowed = plainHttpAllowed;
    m_createAccount = createAccount;
    m_registered.clear();
    if (redirect == Redirect::Loopback) {
        m_listener = new Sso::CallbackListener(this);
        if (m_listener->start()) {
            m_listener->setJudge([this](const QUrl &callback) {
                using Judgement = Sso::CallbackListener::Judgement;
                if (submitCallbackUrl(callback) != Verdict::Accepted)
                    return Judgement::Refused;
                return m_step == Step::SigningIn ? Judgement::SignedIn : Judgement::Ended;
            });
            // Registered without the port (RFC 8252 §7.3), sent with it.
            const QByteArray path = m_listener->expectedPath();
            m_redirectUri = m_listener->redirectUrl().toString();
            m_registered = {loopbackRedirect(QStringLiteral("127.0.0.1"), path),
                loopbackRedirect(QStringLiteral("[::1]"), path)};
        } else {
            qCWarning(lcOAuth) << "no loopback listener; using the private-use scheme";
            m_listener->deleteLater();
            m_listener = nullptr;
        }
    }
    if (m_registered.isEmpty())
        m_redirectUri = PrivateUseRedirect;
    m_registered.append(PrivateUseRedirect);

    setStep(Step::Registering);
    m_deadline.start(m_attemptTimeout);
    m_call = registerClient(m_network, m_metadata,
        ClientMetadata::portico(m_registered, m_metadata.supportsDeviceGrant()),
        [this](const Matrix::Expected<ClientRegistration, TokenError> &registered) {
            if (!registered) {
                fail(SignInError::Kind::Registration, registered.error().error,
                    registered.error().oauth);
                return;
            }
            m_request = AuthorizationRequest::fresh(
                registered->clientId, m_redirectUri, scopeNamesFor(m_metadata.scopes));
            m_request.createAccount = m_createAccount;
            m_request.issuer = m_metadata.issuerIdentifier;
            m_request.issuerRequired = m_metadata.issuerInResponses;
            m_browserUrl = m_request.url(m_metadata.authorizationEndpoint);
            setStep(Step::WaitingForBrowser);
            qCInfo(lcOAuth) << "registered; opening the browser at"
                            << m_metadata.authorizationEndpoint.toDisplayString();
            if (!m_launcher(m_browserUrl))
                fail(SignInError::Kind::Browser);
        });
}

OAuthLogin::Verdict OAuthLogin::submitCallbackUrl(const QUrl &url)
{
    if (m_step != Step::WaitingForBrowser) {
        qCInfo(lcOAuth) << "callback ignored: no attempt waits for one";
        return Verdict::NotWaiting;
    }
    const auto checked = checkCallback(url, m_request);
    if (!checked) {
        const Verdict why = [&] {
            switch (checked.error()) {
            case CallbackRejection::NotOurs:
                return Verdict::NotOurs;
            case CallbackRejection::NoState:
                return Verdict::NoState;
            case CallbackRejection::WrongState:
                return Verdict::WrongState;
            case CallbackRejection::NoCode:
                return Verdict::NoCode;
            case CallbackRejection::WrongIssuer:
                return Verdict::WrongIssuer;
            case CallbackRejection::SeveralCodes:
                break;
            }
            return Verdict::SeveralCodes;
        }();
        qCInfo(lcOAuth) << "callback refused:" << why;
        Q_EMIT callbackRejected(why);
        return why;
    }
    if (const auto &error = checked->error) {
        fail(error->code == OAuthError::Code::AccessDenied ? SignInError::Kind::AccessDenied
                                                           : SignInError::Kind::Authorization,
            {}, error);
        return Verdict::Accepted;
    }
    // The listener stays open until the attempt ends: it redirects the browser to its success
    // page, and refuses every later callback (NotWaiting).
    setStep(Step::SigningIn);
    const QString clientId = m_request.clientId;
    m_call = postForm<TokenResponse>(m_network, m_metadata.tokenEndpoint,
        {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("code"), checked->code},
            {QStringLiteral("redirect_uri"), m_request.redirectUri},
            {QStringLiteral("client_id"), clientId},
            {QStringLiteral("code_verifier"), m_request.codeVerifier}},
        parseTokenResponse,
        [this, clientId](const Matrix::Expected<TokenResponse, TokenError> &tokens) {
            if (!tokens) {
                fail(SignInError::Kind::TokenRequest, tokens.error().error, tokens.error().oauth);
                return;
            }
            const TokenResponse issued = tokens.value();
            m_call = whoami(m_network, m_baseUrl, m_plainHttpAllowed, issued.accessToken,
                [this, issued, clientId](const Matrix::Expected<WhoAmI, Matrix::Error> &who) {
                    if (!who) {
                        fail(SignInError::Kind::WhoAmI, who.error());
                        return;
                    }
                    if (who->deviceId != m_request.deviceId) {
                        fail(SignInError::Kind::WhoAmI,
                            Matrix::Error::invalidResponse(
                                QStringLiteral("the token belongs to another device")));
                        return;
                    }
                    const Session::Session session = sessionFrom(
                        issued, *who, m_baseUrl, m_plainHttpAllowed, m_metadata, clientId);
                    qCInfo(lcOAuth) << "signed in as" << session.userId << session.deviceId;
                    reset();
                    Q_EMIT signedIn(session);
                });
        });
    return Verdict::Accepted;
}

} // namespace Portico::OAuth
