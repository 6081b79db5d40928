// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include "matrix/error.h"
#include "matrix/expected.h"
#include "matrix/httpcall.h"
#include "matrix/mediaurl.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace Portico::Session {

// Who a user says they are (GET /_matrix/client/v3/profile/{userId}).
struct Profile
{
    QString displayName; // empty when none; control characters removed, at most MaxNameLength
    std::optional<Matrix::MxcUri> avatar; // none when unset or not a valid mxc:// URI
    QStringList warnings; // what was dropped and why

    static constexpr qsizetype MaxNameLength = 256;
    bool operator==(const Profile &other) const
    {
        return displayName == other.displayName && avatar == other.avatar;
    }
};

// Pure. Fails only when the document is not a JSON object; a `displayname` or `avatar_url` of
// the wrong type or shape is dropped with a warning (servers let users set odd things).
Matrix::Expected<Profile, QString> parseProfile(const QJsonObject &document);
Matrix::Expected<Profile, QString> parseProfile(const QByteArray &body);

// The profile of a session's user, at the session's bound base URL with its token (servers may
// require it: Synapse's require_auth_for_profile_requests). One fetch at a time: a new one
// cancels the one before, and destroying the client cancels it; the handler never runs after.
class ProfileClient
{
public:
    using Handler = std::function<void(const Matrix::Expected<Profile, Matrix::Error> &)>;

    explicit ProfileClient(QNetworkAccessManager &network)
        : m_network(network)
    {}

    // A 404 M_NOT_FOUND (a user who never set anything, on some servers) is an empty profile.
    void fetch(const Session &session, Handler handler);
    void cancel() { m_call.cancel(); }
    bool isActive() const { return m_call.isActive(); }

    static Matrix::HttpRequest profileRequest(const Session &session);

private:
    QNetworkAccessManager &m_network;
    Matrix::Call m_call;
};

} // namespace Portico::Session
