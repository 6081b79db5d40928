// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "profileclient.h"

#include "sessionrequest.h"

#include "matrix/endpoint.h"
#include "matrix/logging.h"

#include <QJsonDocument>

using namespace std::chrono_literals;

namespace Portico::Session {

using Matrix::Unexpected;

namespace {
// What a label can show: no control or format characters (a newline or a bidi override in a
// name would break the layout or disguise it), no surrounding blanks, bounded.
QString displayable(const QString &name)
{
    QString clean;
    clean.reserve(qMin(name.size(), Profile::MaxNameLength));
    for (const QChar c : name) {
        const auto category = c.category();
        if (category == QChar::Other_Control)
            clean.append(u' '); // a newline or tab still separates words
        else if (category != QChar::Other_Format)
            clean.append(c);
    }
    clean = clean.simplified();
    if (clean.size() > Profile::MaxNameLength) {
        qsizetype end = Profile::MaxNameLength;
        if (clean.at(end - 1).isHighSurrogate())
            --end; // never half a character
        clean.truncate(end);
    }
    return clean;
}
} // namespace

Matrix::Expected<Profile, QString> parseProfile(const QJsonObject &document)
{
    Profile profile;
    const QJsonValue name = document.value(u"displayname");
    if (name.isString())
        profile.displayName = displayable(name.toString());
    else if (!name.isUndefined() && !name.isNull())
        profile.warnings.append(QStringLiteral("displayname is not a string"));
    const QJsonValue avatar = document.value(u"avatar_url");
    if (avatar.isString() && !avatar.toString().isEmpty()) {
        profile.avatar = Matrix::MxcUri::parse(avatar.toString());
        if (!profile.avatar)
            profile.warnings.append(QStringLiteral("avatar_url is not an mxc:// URI"));
    } else if (!avatar.isUndefined() && !avatar.isNull() && !avatar.isString()) {
        profile.warnings.append(QStringLiteral("avatar_url is not a string"));
    }
    return profile;
}

Matrix::Expected<Profile, QString> parseProfile(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return Unexpected{QStringLiteral("not a JSON object")};
    return parseProfile(doc.object());
}

Matrix::HttpRequest ProfileClient::profileRequest(const Session &session)
{
    Matrix::HttpRequest request = sessionRequest(session,
        QString(QStringLiteral("/_matrix/client/v3/profile/")
            + Matrix::encodePathSegment(session.userId)));
    request.maxBodyBytes = 64 * 1024;
    request.timeout = 15s;
    return request;
}

void ProfileClient::fetch(const Session &session, Handler handler)
{
    m_call = Matrix::startCall(
        m_network, profileRequest(session), [handler = std::move(handler)](const auto &result) {
            if (!result) {
                if (result.error().httpStatus == 404 && result.error().is(u"M_NOT_FOUND")) {
                    handler(Profile{});
                    return;
                }
                handler(Unexpected{result.error()});
                return;
            }
            const auto profile = parseProfile(result->body);
            if (!profile) {
                handler(
                    Unexpected{Matrix::Error::invalidResponse(profile.error(), result->status)});
                return;
            }
            for (const QString &warning : profile->warnings)
                qCDebug(lcSession) << "profile:" << warning;
            handler(*profile);
        });
}

} // namespace Portico::Session
