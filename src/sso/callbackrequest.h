// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/expected.h"

#include <QByteArray>
#include <QString>

namespace Portico::Sso {

// A fresh "/callback/<nonce>" path: 256 bits from the system's CSPRNG, base64url. The same path
// is used on the loopback listener and in portico:// links, so either can complete an attempt.
QByteArray newCallbackPath();

// The parts of an HTTP/1.x request head that the loopback listener looks at.
struct RequestHead
{
    QByteArray method;
    QByteArray target; // origin-form: path and query, still percent-encoded
    QByteArray host; // the Host header
};

enum class HeadError { Incomplete, Malformed, TooLarge };

// Parses bytes received so far. Incomplete until the blank line that ends the head; TooLarge
// when no blank line came within `maxBytes`. Pure.
Matrix::Expected<RequestHead, HeadError> parseRequestHead(
    const QByteArray &received, qsizetype maxBytes);

// What a request target means for the sign-in attempt waiting at `expectedPath`.
struct CallbackVerdict
{
    enum class Kind {
        Accepted, // loginToken is set
        NotCallback, // another path (favicon, probes): 404, the attempt goes on
        WrongNonce, // a callback for another attempt, or forged
        MissingToken,
        EmptyToken,
        SeveralTokens,
    };
    Kind kind;
    QString loginToken;
};

// `expectedPath` is "/callback/<nonce>"; anything under "/callback/" with another nonce is
// WrongNonce. The nonce is compared in constant time. Pure.
CallbackVerdict checkCallbackTarget(const QByteArray &target, const QByteArray &expectedPath);

// Same check for a full URL pasted by the user or received through the portico:// scheme.
CallbackVerdict checkCallbackUrl(const QString &url, const QByteArray &expectedPath);

} // namespace Portico::Sso
