// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverinput.h"

#include "matrix/translate.h"
#include "matrix/wellknown.h"

namespace Portico::Discovery {

using Matrix::Unexpected;

namespace {
PORTICO_TRANSLATION_CONTEXT("Portico::Discovery")
} // namespace

Matrix::Expected<ServerInput, QString> parseServerInput(QStringView text)
{
    const QStringView input = text.trimmed();
    if (input.isEmpty())
        return Unexpected{tr("Enter a server name, a Matrix ID or a URL.")};

    ServerInput result;
    if (input.startsWith(u'@')) {
        const auto userId = Matrix::UserId::parse(input);
        if (!userId)
            return Unexpected{
                tr("This is not a valid Matrix ID. It looks like @name:example.org.")};
        result.kind = ServerInput::Kind::UserId;
        result.serverName = userId->server;
        result.userId = userId->toString();
        return result;
    }
    if (input.contains(u"://")) {
        const QUrl url = Matrix::parseBaseUrl(input.toString());
        if (url.isEmpty())
            return Unexpected{tr("This is not a usable server address. Use an https:// URL.")};
        result.kind = ServerInput::Kind::Url;
        result.url = url;
        return result;
    }
    const auto name = Matrix::ServerName::parse(input);
    if (!name)
        return Unexpected{tr("This is not a valid server name. It looks like example.org.")};
    result.serverName = *name;
    return result;
}

} // namespace Portico::Discovery
