// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/error.h"
#include "session/session.h"

#include <QMetaType>
#include <QObject>

namespace Portico::SignIn {

// Why a sign-in did not give a session, whichever method ran it.
struct Failure
{
    enum class Reason {
        BrowserFailed, // the system browser could not be opened
        TimedOut, // nobody came back in time
        LoginFailed, // the server refused or failed the exchange: see `error`
    };
    Reason reason;
    Matrix::Error error;
};

// The shape every sign-in method has (SSO and password today, OAuth next): each starts with
// its own inputs, and turns a checked homeserver into a Session::Session. The caller only
// cancels it and listens to these two signals; how the session was made stays here.
class Method : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Abandons the attempt: nothing it started reaches the server afterwards, and neither
    // signal follows.
    virtual void cancel() = 0;
    virtual bool isRunning() const = 0;

Q_SIGNALS:
    void signedIn(const Portico::Session::Session &session, const QString &warning);
    void failed(const Portico::SignIn::Failure &failure);
};

} // namespace Portico::SignIn

Q_DECLARE_METATYPE(Portico::SignIn::Failure)
