// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "versions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace Portico::Matrix {

bool Versions::hasV3() const
{
    static const QRegularExpression modern(QStringLiteral("^v(\\d+)\\.(\\d+)$"));
    for (const QString &version : versions) {
        const auto match = modern.match(version);
        if (match.hasMatch() && (match.captured(1).toInt() > 1 || match.captured(2).toInt() >= 1))
            return true;
    }
    return false;
}

Expected<Versions, QString> parseVersions(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return Unexpected{QStringLiteral("not a JSON object")};
    const QJsonValue list = doc.object().value(u"versions");
    if (!list.isArray())
        return Unexpected{QStringLiteral("no versions array")};
    Versions result;
    for (const QJsonValue &entry : list.toArray())
        if (entry.isString())
            result.versions.append(entry.toString());
    if (result.versions.isEmpty())
        return Unexpected{QStringLiteral("versions array holds no version")};
    const QJsonObject unstable = doc.object().value(u"unstable_features").toObject();
    for (auto it = unstable.begin(); it != unstable.end(); ++it)
        if (it.value().toBool(false))
            result.enabledUnstableFeatures.append(it.key());
    return result;
}

} // namespace Portico::Matrix
