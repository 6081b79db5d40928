// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Portico::OAuth {

// RFC 3986 unreserved characters: A-Z a-z 0-9 - . _ ~
bool isUnreserved(QStringView text);

// A PKCE code verifier (RFC 7636 §4.1): 64 unreserved characters (43–128 allowed) drawn from
// QRandomGenerator::system(). Secret: never log it.
QString newCodeVerifier();
// Whether `verifier` is one RFC 7636 allows: 43–128 unreserved characters.
bool isValidCodeVerifier(QStringView verifier);
// BASE64URL(SHA256(ASCII(verifier))) without padding: the S256 challenge. Pure.
QString codeChallenge(QStringView verifier);

// An unguessable `state` (256 bits, base64url).
QString newState();
// A fresh device ID: 12 characters from [A-Z0-9], unreserved and at least the 10 MAS needs.
QString newDeviceId();
// Whether `deviceId` may go into a device scope: at least 10 unreserved characters.
bool isValidDeviceId(QStringView deviceId);

// Which scope names the server understands.
enum class ScopeNames {
    Stable, // urn:matrix:client:api:*, urn:matrix:client:device:<id> (Matrix 1.15)
    Unstable, // urn:matrix:org.matrix.msc2967.client:… (before 1.15)
};
// The stable names unless `scopesSupported` lists only the unstable ones. An empty list (the
// server did not say) means stable. Pure.
ScopeNames scopeNamesFor(const QStringList &scopesSupported);
// "urn:matrix:client:api:* urn:matrix:client:device:<id>" (or the unstable names). Pure.
QString matrixScope(const QString &deviceId, ScopeNames names);
// The device ID the scope names, or empty when it names none or several. Pure.
QString deviceIdOfScope(const QStringList &scope);

} // namespace Portico::OAuth
