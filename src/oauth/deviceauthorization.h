// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/error.h"
#include "matrix/expected.h"

#include <QByteArray>
#include <QUrl>

namespace Portico::OAuth {

// A device authorisation response (RFC 8628 §3.2).
struct DeviceAuthorization
{
    QString deviceCode; // secret: sent only to the token endpoint, never logged
    QString userCode;
    QUrl verificationUri;
    QUrl verificationUriComplete; // invalid when not given
    qint64 expiresInSeconds = 0;
    qint64 intervalSeconds = 5; // the default of §3.2

    // What the QR code shows: the complete URI when there is one.
    QUrl qrUrl() const
    {
        return verificationUriComplete.isValid() ? verificationUriComplete : verificationUri;
    }
};

// Fails when a required field is missing or the verification URIs are not https (http only on
// loopback). An interval that is not a positive number means the default, 5 s. Pure.
Matrix::Expected<DeviceAuthorization, Matrix::Error> parseDeviceAuthorization(
    const QByteArray &body);

} // namespace Portico::OAuth
