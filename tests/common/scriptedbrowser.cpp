// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedbrowser.h"

#include <QHostAddress>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QUrlQuery>

#include <memory>

namespace {
// Browsers treat http on a loopback host as a secure context ("potentially trustworthy", W3C
// Secure Contexts), so they keep and send its Secure cookies; Qt's jar does so only for https.
// Synapse's OIDC session cookie is Secure, and the real-Synapse tests run on http loopback.
class LoopbackCookieJar : public QNetworkCookieJar
{
public:
    using QNetworkCookieJar::QNetworkCookieJar;
    QList<QNetworkCookie> cookiesForUrl(const QUrl &url) const override
    {
        return QNetworkCookieJar::cookiesForUrl(asSecure(url));
    }
    bool setCookiesFromUrl(const QList<QNetworkCookie> &cookies, const QUrl &url) override
    {
        return QNetworkCookieJar::setCookiesFromUrl(cookies, asSecure(url));
    }

private:
    static QUrl asSecure(QUrl url)
    {
        if (url.scheme() == u"http" && QHostAddress(url.host()).isLoopback())
            url.setScheme(QStringLiteral("https"));
        return url;
    }
};
} // namespace

ScriptedBrowser::ScriptedBrowser(QObject *parent)
    : QObject(parent)
{
    m_network.setCookieJar(new LoopbackCookieJar(&m_network));
}

void ScriptedBrowser::open(const QUrl &url)
{
    m_visited.clear();
    get(url, 0);
}

void ScriptedBrowser::get(const QUrl &url, int hops)
{
    m_visited.append(url);
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, hops] { handle(reply, hops); });
}

void ScriptedBrowser::handle(QNetworkReply *reply, int hops)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        Q_EMIT finished({0, reply->url(), {}, reply->errorString()});
        return;
    }
    if (status >= 300 && status < 400 && hops < 10) {
        get(reply->url().resolved(QUrl::fromEncoded(reply->rawHeader("Location"))), hops + 1);
        return;
    }
    // The development IdP's page: submit its form as the user would.
    if (status == 200 && reply->url().path() == QStringLiteral("/_dev/idp")) {
        static const QRegularExpression attempt(
            QStringLiteral("name=\"attempt\" value=\"([^\"]+)\""));
        const auto match = attempt.match(QString::fromUtf8(body));
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("attempt"), match.captured(1));
        form.addQueryItem(QStringLiteral("user"), m_user);
        QNetworkRequest request(reply->url().resolved(QUrl(QStringLiteral("/_dev/idp/approve"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
            QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        m_visited.append(request.url());
        QNetworkReply *post = m_network.post(request, form.query(QUrl::FullyEncoded).toUtf8());
        connect(
            post, &QNetworkReply::finished, this, [this, post, hops] { handle(post, hops + 1); });
        return;
    }
    // A confirmation page that leads on (the UIA SSO fallback): follow its "continue" link, or
    // Synapse's (sso_auth_confirm.html: the primary button that leads to the provider).
    static const QRegularExpression next(QStringLiteral(
        "<a (?:id=\"continue\" href=\"([^\"]+)\"|href=\"([^\"]+)\" class=\"primary-button\")"));
    if (const auto link = next.match(QString::fromUtf8(body));
        status == 200 && link.hasMatch() && hops < 10) {
        QString target = link.captured(1).isEmpty() ? link.captured(2) : link.captured(1);
        get(reply->url().resolved(
                QUrl(target.replace(QStringLiteral("&amp;"), QStringLiteral("&")))),
            hops + 1);
        return;
    }
    Q_EMIT finished({status, reply->url(), body, {}});
}

int confirmOnAccountPage(QNetworkAccessManager &network, const QUrl &url, QByteArray *body)
{
    ScriptedBrowser browser;
    QSignalSpy finished(&browser, &ScriptedBrowser::finished);
    browser.open(url);
    if (!finished.wait(20000))
        return 0;
    const auto page = finished.first().first().value<ScriptedBrowser::Page>();
    if (body)
        *body = page.body;
    if (page.status != 200 || !page.body.contains("id=\"confirm\""))
        return page.status;
    QUrlQuery form;
    const QRegularExpression hidden(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
    for (auto it = hidden.globalMatch(QString::fromUtf8(page.body)); it.hasNext();) {
        const auto match = it.next();
        form.addQueryItem(match.captured(1), match.captured(2));
    }
    QNetworkRequest post(page.url.resolved(QUrl(QStringLiteral("/_oauth/account"))));
    post.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    std::unique_ptr<QNetworkReply> reply(
        network.post(post, form.toString(QUrl::FullyEncoded).toUtf8()));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    if (!done.wait(20000))
        return 0;
    if (body)
        *body = reply->readAll();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}
