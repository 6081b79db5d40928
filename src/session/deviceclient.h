// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include "matrix/error.h"
#include "matrix/expected.h"
#include "matrix/httpcall.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>

class QNetworkAccessManager;

namespace Portico::Session {

// One device of the signed-in user (GET /_matrix/client/v3/devices).
struct Device
{
    QString deviceId;
    QString displayName; // may be empty
    QString lastSeenIp; // may be empty
    QDateTime lastSeen; // UTC; invalid when the server does not say

    bool operator==(const Device &) const = default;
};

struct DeviceList
{
    QList<Device> devices; // server order, unique device IDs
    QStringList warnings; // entries skipped and why
};

// Pure. Fails only when there is no `devices` array; entries without a string device_id, and
// repeated IDs, are skipped with a warning.
Matrix::Expected<DeviceList, QString> parseDevices(const QJsonObject &document);
Matrix::Expected<DeviceList, QString> parseDevices(const QByteArray &body);

// The devices of a session's user, always at the session's bound base URL with its token.
// Deleting devices needs User-Interactive Auth: the two request builders below take the `auth`
// object (empty: none) so that a Uia::AuthSession can drive them. Each returned Call owns its
// request and any 429 retry: cancelling or destroying it means the handler never runs and
// nothing more is sent.
class DeviceClient
{
public:
    using ListHandler = std::function<void(const Matrix::Expected<QList<Device>, Matrix::Error> &)>;
    using RenameHandler = std::function<void(const Matrix::Expected<bool, Matrix::Error> &)>;

    explicit DeviceClient(QNetworkAccessManager &network)
        : m_network(network)
    {}

    [[nodiscard]] Matrix::Call list(const Session &session, ListHandler handler);
    [[nodiscard]] Matrix::Call rename(const Session &session, const QString &deviceId,
        const QString &displayName, RenameHandler handler);

    // DELETE /_matrix/client/v3/devices/{deviceId}
    static Matrix::HttpRequest deleteDeviceRequest(
        const Session &session, const QString &deviceId, const QJsonObject &auth = {});
    // POST /_matrix/client/v3/delete_devices
    static Matrix::HttpRequest deleteDevicesRequest(
        const Session &session, const QStringList &deviceIds, const QJsonObject &auth = {});

private:
    QNetworkAccessManager &m_network;
};

} // namespace Portico::Session
