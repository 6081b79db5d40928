// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authmetadata.h"
#include "signinerror.h"

#include "matrix/httpcall.h"
#include "session/session.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>

class QNetworkAccessManager;

namespace Portico::OAuth {

// What the user needs to approve the sign-in on another device (no secret in it).
struct VerificationPrompt
{
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete; // invalid when the server gave none
    QDateTime expiresAt;
    // What a QR code shows: the complete URI when there is one.
    QUrl qrUrl() const
    {
        return verificationUriComplete.isValid() ? verificationUriComplete : verificationUri;
    }
};

// One sign-in through the device authorisation grant (RFC 8628, MSC4341): registration, the
// device authorisation request, then polling the token endpoint no faster than the interval the
// server asks for (5 s more after each slow_down) until the user approves elsewhere, denies, or
// the code expires; then /whoami. Cancellable at any time.
class DeviceLogin : public QObject
{
    Q_OBJECT
public:
    enum class Step { Idle, Registering, Requesting, WaitingForApproval, SigningIn };
    Q_ENUM(Step)

    explicit DeviceLogin(QNetworkAccessManager &network, QObject *parent = nullptr);

    // Needs metadata.supportsDeviceGrant(); fails with DeviceAuthorization otherwise.
    void start(const QUrl &baseUrl, const AuthMetadata &metadata, bool plainHttpAllowed = false);
    void cancel();

    Step step() const { return m_step; }
    // What one second of `interval` lasts; tests shorten it. Never below the server's wish
    // in production.
    void setSecond(std::chrono::milliseconds second) { m_second = second; }
    int intervalSeconds() const { return m_interval; }
    // The interval the code's expiry timer runs with (negative: none), for tests.
    std::chrono::milliseconds expiryTimerInterval() const
    {
        return m_expiry.isActive() ? m_expiry.intervalAsDuration() : std::chrono::milliseconds(-1);
    }
    // Whether anything is still to happen: a poll planned, a request in flight, the expiry
    // timer running. False after cancel(): tests read it instead of waiting to see nothing.
    bool hasPendingWork() const
    {
        return m_pollTimer.isActive() || m_expiry.isActive() || m_call.isActive();
    }

Q_SIGNALS:
    void stepChanged(Portico::OAuth::DeviceLogin::Step step);
    void promptReady(const Portico::OAuth::VerificationPrompt &prompt);
    void signedIn(const Portico::Session::Session &session);
    void failed(const Portico::OAuth::SignInError &error);

private:
    void setStep(Step step);
    void fail(SignInError::Kind kind, const Matrix::Error &error = {},
        const std::optional<OAuthError> &oauth = std::nullopt);
    void reset();
    void poll();
    void schedulePoll();
    void startExpiryTimer();

    QNetworkAccessManager &m_network;
    QUrl m_baseUrl;
    bool m_plainHttpAllowed = false;
    AuthMetadata m_metadata;
    QString m_clientId;
    QString m_deviceId;
    QString m_deviceCode; // secret
    int m_interval = 5;
    int m_transientFailures = 0;
    std::chrono::milliseconds m_second{1000};
    QTimer m_pollTimer;
    QTimer m_expiry;
    QDateTime m_expiresAt;
    Matrix::Call m_call;
    Step m_step = Step::Idle;
};

} // namespace Portico::OAuth

Q_DECLARE_METATYPE(Portico::OAuth::VerificationPrompt)
