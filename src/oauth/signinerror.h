// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "oautherror.h"

#include "matrix/error.h"

#include <QMetaType>

#include <optional>

namespace Portico::OAuth {

// Why an OAuth sign-in (authorisation code or device grant) ended without a session. The UI
// turns `kind` into a sentence; `oauth` and `error` are detail.
struct SignInError
{
    enum class Kind {
        Registration, // the registration endpoint refused us or failed
        Listener, // no loopback port could be opened
        Browser, // the system browser could not be opened
        TimedOut, // nobody came back in time
        AccessDenied, // the user said no (error=access_denied)
        Authorization, // the server ended the authorisation with another OAuth error
        TokenRequest, // the token endpoint refused the code or failed
        DeviceAuthorization, // the device authorisation endpoint refused us or failed
        Expired, // the device code expired before the user approved
        WhoAmI, // the tokens do not work, or name another device
    };
    Kind kind = Kind::TokenRequest;
    std::optional<OAuthError> oauth; // the server's OAuth error, where it sent one
    Matrix::Error error; // the transport or HTTP error, where there was one
};

} // namespace Portico::OAuth

Q_DECLARE_METATYPE(Portico::OAuth::SignInError)
