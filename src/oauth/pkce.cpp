// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace Portico::OAuth {

namespace {
constexpr QLatin1StringView StablePrefix{"urn:matrix:client:"};
constexpr QLatin1StringView UnstablePrefix{"urn:matrix:org.matrix.msc2967.client:"};

QString randomFrom(QLatin1StringView alphabet, int length)
{
    QString out;
    out.reserve(length);
    auto *random = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[random->bounded(int(alphabet.size()))]));
    return out;
}

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

bool isUnreserved(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9')
            || u == u'-' || u == u'.' || u == u'_' || u == u'~';
    });
}

QString newCodeVerifier()
{
    return randomFrom(
        QLatin1StringView("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"),
        64);
}

bool isValidCodeVerifier(QStringView verifier)
{
    return verifier.size() >= 43 && verifier.size() <= 128 && isUnreserved(verifier);
}

QString codeChallenge(QStringView verifier)
{
    return base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256));
}

QString newState()
{
    std::array<quint32, 8> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return base64Url(QByteArray(reinterpret_cast<const char *>(words.data()), sizeof(words)));
}

QString newDeviceId()
{
    return randomFrom(QLatin1StringView("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), 12);
}

bool isValidDeviceId(QStringView deviceId)
{
    return deviceId.size() >= 10 && deviceId.size() <= 255 && isUnreserved(deviceId);
}

ScopeNames scopeNamesFor(const QStringList &scopesSupported)
{
    const auto has = [&](QLatin1StringView prefix) {
        return std::any_of(scopesSupported.cbegin(), scopesSupported.cend(),
            [&](const QString &scope) { return scope.startsWith(prefix); });
    };
    return has(UnstablePrefix) && !has(StablePrefix) ? ScopeNames::Unstable : ScopeNames::Stable;
}

QString matrixScope(const QString &deviceId, ScopeNames names)
{
    const QLatin1StringView prefix = names == ScopeNames::Stable ? StablePrefix : UnstablePrefix;
    return prefix + QStringLiteral("api:* ") + prefix + QStringLiteral("device:") + deviceId;
}

QString deviceIdOfScope(const QStringList &scope)
{
    QString found;
    int count = 0;
    for (const QString &token : scope) {
        for (const QLatin1StringView prefix : {StablePrefix, UnstablePrefix}) {
            const QString device = prefix + QStringLiteral("device:");
            if (token.startsWith(device)) {
                found = token.mid(device.size());
                ++count;
            }
        }
    }
    return count == 1 ? found : QString();
}

} // namespace Portico::OAuth
