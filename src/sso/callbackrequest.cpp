// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "callbackrequest.h"

#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

namespace Portico::Sso {

using Matrix::Unexpected;

namespace {
const QByteArray CallbackPrefix = QByteArrayLiteral("/callback/");

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

CallbackVerdict checkPathAndQuery(
    const QByteArray &path, const QByteArray &query, const QByteArray &expectedPath)
{
    using Kind = CallbackVerdict::Kind;
    if (!path.startsWith(CallbackPrefix))
        return {Kind::NotCallback, {}};
    if (!constantTimeEquals(path, expectedPath))
        return {Kind::WrongNonce, {}};
    QStringList tokens;
    for (const QByteArray &pair : query.split('&')) {
        const auto equals = pair.indexOf('=');
        const QByteArray key = equals < 0 ? pair : pair.left(equals);
        if (key != "loginToken")
            continue;
        QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        value.replace('+', ' ');
        tokens.append(QUrl::fromPercentEncoding(value));
    }
    if (tokens.isEmpty())
        return {Kind::MissingToken, {}};
    if (tokens.size() > 1)
        return {Kind::SeveralTokens, {}};
    if (tokens.front().trimmed().isEmpty())
        return {Kind::EmptyToken, {}};
    return {Kind::Accepted, tokens.front()};
}
} // namespace

QByteArray newCallbackPath()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / int(sizeof(quint32)));
    return CallbackPrefix
        + bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Matrix::Expected<RequestHead, HeadError> parseRequestHead(
    const QByteArray &received, qsizetype maxBytes)
{
    const auto end = received.indexOf("\r\n\r\n");
    if (end < 0)
        return Unexpected{received.size() > maxBytes ? HeadError::TooLarge : HeadError::Incomplete};
    if (end > maxBytes)
        return Unexpected{HeadError::TooLarge};
    const QList<QByteArray> lines = received.left(end).split('\n');
    const QList<QByteArray> requestLine = lines.front().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")
        || !requestLine[1].startsWith('/'))
        return Unexpected{HeadError::Malformed};
    RequestHead head{requestLine[0], requestLine[1], {}};
    int hostHeaders = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const auto colon = line.indexOf(':');
        if (colon <= 0)
            return Unexpected{HeadError::Malformed};
        if (line.left(colon).trimmed().toLower() == "host") {
            head.host = line.mid(colon + 1).trimmed();
            ++hostHeaders;
        }
    }
    if (hostHeaders != 1) // HTTP/1.1 requires exactly one
        return Unexpected{HeadError::Malformed};
    return head;
}

CallbackVerdict checkCallbackTarget(const QByteArray &target, const QByteArray &expectedPath)
{
    const auto question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    const QByteArray query = question < 0 ? QByteArray() : target.mid(question + 1);
    return checkPathAndQuery(
        path, query.left(query.indexOf('#') < 0 ? query.size() : query.indexOf('#')), expectedPath);
}

CallbackVerdict checkCallbackUrl(const QString &text, const QByteArray &expectedPath)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid())
        return {CallbackVerdict::Kind::NotCallback, {}};
    return checkPathAndQuery(url.path(QUrl::FullyEncoded).toLatin1(),
        url.query(QUrl::FullyEncoded).toLatin1(), expectedPath);
}

} // namespace Portico::Sso
