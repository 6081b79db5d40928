// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deviceclient.h"

#include "sessionrequest.h"

#include "matrix/endpoint.h"
#include "matrix/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace Portico::Session {

using Matrix::Unexpected;

namespace {
QString devicePath(const QString &deviceId)
{
    return QStringLiteral("/_matrix/client/v3/devices/") + Matrix::encodePathSegment(deviceId);
}

// A timestamp in ms since the epoch, as a UTC time; invalid for anything else.
QDateTime timestamp(const QJsonValue &value)
{
    // Past year 9999 QDateTime is of no use, and doubles beyond 2^53 are not exact anyway.
    constexpr double MaxMs = 253402300799000.0;
    if (!value.isDouble())
        return {};
    const double ms = value.toDouble();
    if (!(ms >= 0 && ms <= MaxMs))
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC);
}
} // namespace

Matrix::Expected<DeviceList, QString> parseDevices(const QJsonObject &document)
{
    const QJsonValue devicesValue = document.value(u"devices");
    if (!devicesValue.isArray())
        return Unexpected{QStringLiteral("no devices array")};
    DeviceList list;
    QSet<QString> seen;
    const QJsonArray devices = devicesValue.toArray();
    for (qsizetype i = 0; i < devices.size(); ++i) {
        const QJsonObject object = devices.at(i).toObject();
        const QJsonValue id = object.value(u"device_id");
        if (!id.isString() || id.toString().isEmpty()) {
            list.warnings.append(QStringLiteral("device #%1 has no device_id").arg(i));
            continue;
        }
        if (seen.contains(id.toString())) {
            list.warnings.append(QStringLiteral("device #%1 repeats its device_id").arg(i));
            continue;
        }
        seen.insert(id.toString());
        Device device;
        device.deviceId = id.toString();
        device.displayName = object.value(u"display_name").toString();
        device.lastSeenIp = object.value(u"last_seen_ip").toString();
        device.lastSeen = timestamp(object.value(u"last_seen_ts"));
        list.devices.append(device);
    }
    return list;
}

Matrix::Expected<DeviceList, QString> parseDevices(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return Unexpected{QStringLiteral("not a JSON object")};
    return parseDevices(doc.object());
}

Matrix::Call DeviceClient::list(const Session &session, ListHandler handler)
{
    return Matrix::startCall(m_network, sessionRequest(session, u"/_matrix/client/v3/devices"),
        [handler = std::move(handler)](const auto &result) {
            if (!result) {
                handler(Unexpected{result.error()});
                return;
            }
            const auto list = parseDevices(result->body);
            if (!list) {
                handler(Unexpected{Matrix::Error::invalidResponse(list.error(), result->status)});
                return;
            }
            for (const QString &warning : list->warnings)
                qCDebug(lcSession) << "devices:" << warning;
            handler(list->devices);
        });
}

Matrix::Call DeviceClient::rename(const Session &session, const QString &deviceId,
    const QString &displayName, RenameHandler handler)
{
    Matrix::HttpRequest request = sessionRequest(session, devicePath(deviceId));
    request.verb = QByteArrayLiteral("PUT");
    request.json = QJsonObject{{QStringLiteral("display_name"), displayName}};
    return Matrix::startCall(m_network, request, doneOrError(std::move(handler)));
}

Matrix::HttpRequest DeviceClient::deleteDeviceRequest(
    const Session &session, const QString &deviceId, const QJsonObject &auth)
{
    Matrix::HttpRequest request = sessionRequest(session, devicePath(deviceId));
    request.verb = QByteArrayLiteral("DELETE");
    if (!auth.isEmpty())
        request.json.insert(QStringLiteral("auth"), auth);
    return request;
}

Matrix::HttpRequest DeviceClient::deleteDevicesRequest(
    const Session &session, const QStringList &deviceIds, const QJsonObject &auth)
{
    Matrix::HttpRequest request = sessionRequest(session, u"/_matrix/client/v3/delete_devices");
    request.verb = QByteArrayLiteral("POST");
    request.json.insert(QStringLiteral("devices"), QJsonArray::fromStringList(deviceIds));
    if (!auth.isEmpty())
        request.json.insert(QStringLiteral("auth"), auth);
    return request;
}

} // namespace Portico::Session
