// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deviceauthorization.h"

#include "json.h"

#include <algorithm>

namespace Portico::OAuth {

Matrix::Expected<DeviceAuthorization, Matrix::Error> parseDeviceAuthorization(
    const QByteArray &body)
{
    const auto object = Json::object(body);
    if (!object)
        return Matrix::Unexpected{object.error()};
    const auto invalid = [](const QString &what) {
        return Matrix::Unexpected{
            Matrix::Error::invalidResponse(QStringLiteral("device authorisation: ") + what)};
    };
    DeviceAuthorization d;
    d.deviceCode = object->value(u"device_code").toString();
    d.userCode = object->value(u"user_code").toString();
    if (d.deviceCode.isEmpty() || d.deviceCode.size() > 1024)
        return invalid(QStringLiteral("device_code is missing"));
    if (d.userCode.isEmpty() || d.userCode.size() > 64)
        return invalid(QStringLiteral("user_code is missing or too long"));
    const auto uri = Json::secureUrl(*object, u"verification_uri", true);
    if (!uri)
        return invalid(uri.error());
    d.verificationUri = *uri;
    const auto complete = Json::secureUrl(*object, u"verification_uri_complete", false);
    if (!complete)
        return invalid(complete.error());
    d.verificationUriComplete = *complete;
    const auto expires = Json::seconds(object->value(u"expires_in"));
    if (!expires)
        return invalid(QStringLiteral("expires_in is missing"));
    d.expiresInSeconds = *expires;
    if (const auto interval = Json::seconds(object->value(u"interval")))
        d.intervalSeconds = std::clamp<qint64>(*interval, 1, 3600);
    return d;
}

} // namespace Portico::OAuth
