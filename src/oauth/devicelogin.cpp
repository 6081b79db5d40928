// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicelogin.h"

#include "deviceauthorization.h"
#include "logging.h"
#include "oauthcalls.h"
#include "pkce.h"

#include "matrix/duration.h"

namespace Portico::OAuth {

namespace {
constexpr int MaxTransientFailures = 3;
}

DeviceLogin::DeviceLogin(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_pollTimer.setSingleShot(true);
    m_expiry.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &DeviceLogin::poll);
    connect(&m_expiry, &QTimer::timeout, this, [this] {
        // A lifetime past the int limit of Qt 6.4's timers fired at that limit: plan again.
        if (QDateTime::currentDateTimeUtc().msecsTo(m_expiresAt) > 1000) {
            startExpiryTimer();
            return;
        }
        fail(SignInError::Kind::Expired);
    });
}

void DeviceLogin::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    Q_EMIT stepChanged(step);
}

void DeviceLogin::reset()
{
    m_call.cancel();
    m_pollTimer.stop();
    m_expiry.stop();
    m_deviceCode.clear();
    m_transientFailures = 0;
    setStep(Step::Idle);
}

void DeviceLogin::fail(
    SignInError::Kind kind, const Matrix::Error &error, const std::optional<OAuthError> &oauth)
{
    qCInfo(lcOAuth) << "device sign-in failed:" << int(kind)
                    << (oauth ? oauth->error : error.detail);
    reset();
    Q_EMIT failed(SignInError{kind, oauth, error});
}

void DeviceLogin::cancel()
{
    if (m_step != Step::Idle)
        qCInfo(lcOAuth) << "device sign-in cancelled";
    reset();
}

void DeviceLogin::start(const QUrl &baseUrl, const AuthMetadata &metadata, bool plainHttpAllowed)
{
    reset();
    m_baseUrl = baseUrl;
    m_metadata = metadata;
    m_plainHttpAllowed = plainHttpAllowed;
    if (!metadata.supportsDeviceGrant()) {
        // Answered later, like every other outcome.
        QTimer::singleShot(0, this, [this] { fail(SignInError::Kind::DeviceAuthorization); });
        return;
    }
    setStep(Step::Registering);
    // The loopback redirects too: the same registration serves the browser flow.
    const QStringList redirects{QStringLiteral("http://127.0.0.1/callback"),
        QStringLiteral("http://[::1]/callback"), PrivateUseRedirect};
    m_call = registerClient(m_network, m_metadata, ClientMetadata::portico(redirects, true),
        [this](const Matrix::Expected<ClientRegistration, TokenError> &registered) {
            if (!registered) {
                fail(SignInError::Kind::Registration, registered.error().error,
                    registered.error().oauth);
                return;
            }
            m_clientId = registered->clientId;
            m_deviceId = newDeviceId();
            setStep(Step::Requesting);
            m_call = postForm<DeviceAuthorization>(m_network,
                m_metadata.deviceAuthorizationEndpoint,
                {{QStringLiteral("client_id"), m_clientId},
                    {QStringLiteral("scope"),
                        matrixScope(m_deviceId, scopeNamesFor(m_metadata.scopes))}},
                parseDeviceAuthorization,
                [this](const Matrix::Expected<DeviceAuthorization, TokenError> &authorization) {
                    if (!authorization) {
                        fail(SignInError::Kind::DeviceAuthorization, authorization.error().error,
                            authorization.error().oauth);
                        return;
                    }
                    m_deviceCode = authorization->deviceCode;
                    m_interval = int(authorization->intervalSeconds);
                    m_expiresAt
                        = QDateTime::currentDateTimeUtc().addSecs(authorization->expiresInSeconds);
                    startExpiryTimer();
                    setStep(Step::WaitingForApproval);
                    schedulePoll();
                    Q_EMIT promptReady(
                        VerificationPrompt{authorization->userCode, authorization->verificationUri,
                            authorization->verificationUriComplete, m_expiresAt});
                });
        });
}

void DeviceLogin::schedulePoll()
{
    m_pollTimer.start(Matrix::timerInterval(m_second * m_interval));
}

void DeviceLogin::startExpiryTimer()
{
    // Clamped: Qt 6.4 truncates a chrono interval to int, and the server's expires_in (up to
    // 366 days) can be past that; 49.7 days wrapped to 704 ms, a grant expired at once.
    m_expiry.start(Matrix::timerInterval(
        std::chrono::milliseconds(QDateTime::currentDateTimeUtc().msecsTo(m_expiresAt))));
}

void DeviceLogin::poll()
{
    m_call = postForm<TokenResponse>(m_network, m_metadata.tokenEndpoint,
        {{QStringLiteral("grant_type"), QString(AuthMetadata::DeviceCodeGrant)},
            {QStringLiteral("device_code"), m_deviceCode},
            {QStringLiteral("client_id"), m_clientId}},
        parseTokenResponse, [this](const Matrix::Expected<TokenResponse, TokenError> &tokens) {
            if (!tokens) {
                const TokenError &error = tokens.error();
                const auto code = error.oauth ? error.oauth->code : OAuthError::Code::Other;
                if (code == OAuthError::Code::AuthorizationPending) {
                    m_transientFailures = 0;
                    schedulePoll();
                } else if (code == OAuthError::Code::SlowDown) {
                    m_interval += 5; // RFC 8628 §3.5
                    schedulePoll();
                } else if (code == OAuthError::Code::AccessDenied) {
                    fail(SignInError::Kind::AccessDenied, error.error, error.oauth);
                } else if (code == OAuthError::Code::ExpiredToken) {
                    fail(SignInError::Kind::Expired, error.error, error.oauth);
                } else if (error.isTransient() && ++m_transientFailures < MaxTransientFailures) {
                    // §3.5: back off on connection problems.
                    m_interval *= 2;
                    schedulePoll();
                } else {
                    fail(SignInError::Kind::TokenRequest, error.error, error.oauth);
                }
                return;
            }
            m_expiry.stop();
            setStep(Step::SigningIn);
            const TokenResponse issued = tokens.value();
            m_call = whoami(m_network, m_baseUrl, m_plainHttpAllowed, issued.accessToken,
                [this, issued](const Matrix::Expected<WhoAmI, Matrix::Error> &who) {
                    if (!who || who->deviceId != m_deviceId) {
                        fail(SignInError::Kind::WhoAmI,
                            who ? Matrix::Error::invalidResponse(
                                QStringLiteral("the token belongs to another device"))
                                : who.error());
                        return;
                    }
                    const Session::Session session = sessionFrom(
                        issued, *who, m_baseUrl, m_plainHttpAllowed, m_metadata, m_clientId);
                    qCInfo(lcOAuth)
                        << "signed in on this device as" << session.userId << session.deviceId;
                    reset();
                    Q_EMIT signedIn(session);
                });
        });
}

} // namespace Portico::OAuth
