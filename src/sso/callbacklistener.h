// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "callbackrequest.h"

#include <QObject>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;

namespace Portico::Sso {

// The loopback HTTP listener the browser is sent back to after SSO. It listens on 127.0.0.1
// (and ::1 on the same port where it can), only for one sign-in attempt: the redirect URL
// carries an unguessable nonce, exactly one well-formed callback is accepted, and then the
// listener takes no other callback. Anything else gets an HTML page saying what is wrong and
// changes nothing. The accepted callback is answered with a redirect (303) to a success page on
// the same port, so that the loginToken stays neither in the address bar nor in the history;
// that page is served once, for a short while, even after the listener itself is gone.
// At most Limits::maxConnections connections are open at once: any more are closed at once.
class CallbackListener : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qsizetype maxHeadBytes = 8 * 1024;
        std::chrono::milliseconds readTimeout{5000};
        std::chrono::milliseconds attemptTimeout{std::chrono::minutes(5)};
        int maxConnections = 16; // open at once; the accept backlog is bounded to this too
        std::chrono::milliseconds successPageTimeout{std::chrono::seconds(30)};
    };

    // Where the accepted callback is redirected to.
    static constexpr char SuccessPath[] = "/signed-in";

    // The OAuth mode: what the owner made of a callback at the expected path.
    enum class Judgement {
        SignedIn, // taken: redirected to the success page, no other callback is taken
        Ended, // taken, but the server ended the attempt (error=access_denied): a page says so
        Refused, // not this attempt's (wrong or no state, no code): a page says so
    };
    // The full callback URL (http://127.0.0.1:<port>/callback/<nonce>?code=…&state=…).
    using Judge = std::function<Judgement(const QUrl &callback)>;

    explicit CallbackListener(QObject *parent = nullptr);
    CallbackListener(Limits limits, QObject *parent = nullptr);
    ~CallbackListener() override;

    // Opens the listener with a fresh nonce. False when no loopback port could be opened.
    bool start();
    void stop();
    bool isListening() const;
    // OAuth mode (RFC 6749 §4.1.2): a request at the expected path, whatever its query, goes to
    // `judge`, which checks `state` and `code` (or `error`); tokenReceived() is not emitted.
    // Without a judge, the SSO mode: exactly one loginToken.
    void setJudge(Judge judge) { m_judge = std::move(judge); }

    // http://127.0.0.1:<port>/callback/<nonce>
    QUrl redirectUrl() const;
    QByteArray expectedPath() const { return m_expectedPath; }

Q_SIGNALS:
    // Once per attempt at most; no callback is accepted any more by the time this is emitted.
    void tokenReceived(const QString &loginToken);
    void rejected(Portico::Sso::CallbackVerdict::Kind why);
    void timedOut();

private:
    void onNewConnection(QTcpServer *server);
    void onReadyRead(QTcpSocket *socket);
    void redirectToSuccessPage(QTcpSocket *socket);
    void judge(QTcpSocket *socket, const QByteArray &target);
    void respond(QTcpSocket *socket, int status, const QByteArray &reason, const QString &title,
        const QString &message);

    Limits m_limits;
    std::vector<std::unique_ptr<QTcpServer>> m_servers;
    QByteArray m_expectedPath;
    quint16 m_port = 0;
    QTimer m_attemptTimer;
    bool m_done = false;
    int m_openConnections = 0;
    Judge m_judge;
};

} // namespace Portico::Sso
