// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

// A scripted stand-in for the user's browser: follows redirects one by one (recording each
// URL) and links marked id="continue" (the UIA fallback's confirmation page), fills in the
// development IdP's form with a user name, and stops at the first page that is neither. Used where
// a test needs the browser side of SSO without a real browser.
class ScriptedBrowser : public QObject
{
    Q_OBJECT
public:
    struct Page
    {
        int status = 0;
        QUrl url;
        QByteArray body;
        QString error; // transport error, if any
    };

    explicit ScriptedBrowser(QObject *parent = nullptr);

    void setUserName(const QString &user) { m_user = user; }
    void open(const QUrl &url);
    // A browser launcher (SsoLogin, AuthPrompt) that opens every URL here.
    std::function<bool(const QUrl &)> launcher()
    {
        return [this](const QUrl &url) {
            open(url);
            return true;
        };
    }
    QList<QUrl> visited() const { return m_visited; }

Q_SIGNALS:
    void finished(const ScriptedBrowser::Page &page);

private:
    void get(const QUrl &url, int hops);
    void handle(class QNetworkReply *reply, int hops);

    QNetworkAccessManager m_network;
    QString m_user = QStringLiteral("alice");
    QList<QUrl> m_visited;
};

// Plays the user on the development homeserver's account page (DevOAuth, like MAS's): opens
// `url` in a ScriptedBrowser and, if it is a confirmation, presses its button (the form with its
// single-use hidden fields). The status of the last answer (0: none in time); `body`, if given,
// gets its text.
int confirmOnAccountPage(
    QNetworkAccessManager &network, const QUrl &url, QByteArray *body = nullptr);
