// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "authprompt.h"
#include "devicelistmodel.h"

#include "discovery/authmetadatafetch.h"
#include "matrix/httpcall.h"
#include "session/session.h"

#include <QObject>
#include <QSet>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QNetworkAccessManager;

namespace Portico::Ui {

// The account page's devices: list, rename, and delete (after the user confirms, and again
// through the AuthPrompt when the server asks for it). On an OAuth session devices are removed
// on the server's account management page (MSC4191) instead, in the browser, since UIA cannot
// remove them there; the list is loaded again when the user comes back.
class DevicesController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by LoginController")

    Q_PROPERTY(DeviceListModel *devices READ devices CONSTANT)
    Q_PROPERTY(AuthPrompt *prompt READ prompt CONSTANT)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY messageChanged)
    Q_PROPERTY(QString noticeText READ noticeText NOTIFY messageChanged)
    // Non-empty while the user is asked whether to delete deleteTargets.
    Q_PROPERTY(QString deleteQuestion READ deleteQuestion NOTIFY deleteQuestionChanged)
    // The current session is an OAuth one: "Remove" opens the server's account page.
    Q_PROPERTY(bool removesInBrowser READ removesInBrowser NOTIFY sessionChanged)
    // The session names a usable account management page ("Manage account").
    Q_PROPERTY(bool canManageAccount READ canManageAccount NOTIFY sessionChanged)

public:
    using SessionSource = std::function<Session::Session()>;
    using BrowserLauncher = std::function<bool(const QUrl &)>;

    DevicesController(
        QNetworkAccessManager &network, SessionSource session, QObject *parent = nullptr);

    DeviceListModel *devices() { return &m_devices; }
    AuthPrompt *prompt() { return &m_prompt; }
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    QString noticeText() const { return m_noticeText; }
    QString deleteQuestion() const { return m_deleteQuestion; }
    bool removesInBrowser() const;
    bool canManageAccount() const;
    // Tests open nothing; the app opens the system browser.
    void setBrowserLauncher(BrowserLauncher launcher) { m_launcher = std::move(launcher); }

public Q_SLOTS:
    void refresh();
    void rename(const QString &deviceId, const QString &displayName);
    // Asks the user first (deleteQuestion); confirmDelete() sends the request.
    void askDelete(const QStringList &deviceIds);
    void confirmDelete();
    void cancelDelete();
    // Opens the server's account page at its profile (OAuth sessions).
    void manageAccount();
    // The window is active again: after a trip to the account page, the list may have changed.
    void windowActivated();
    // Leaves the page: nothing under way continues.
    void reset();

Q_SIGNALS:
    void busyChanged();
    void messageChanged();
    void deleteQuestionChanged();
    // For scripts and tests: what happened, without any secret.
    void loaded(int count);
    void deleteAsked(const QStringList &deviceIds);
    void deleted(const QStringList &deviceIds);
    // The current account changed (AccountManager): removesInBrowser, canManageAccount.
    void sessionChanged();
    // The account management page was opened at `action` (and `deviceId`).
    void accountPageOpened(const QString &action, const QString &deviceId);
    // The server no longer takes the session's access token: the account's keeper should look.
    void sessionRejected();
    // The account page of an OAuth session stored without it (by an older Portico), found again
    // in the server's auth_metadata: the account's keeper keeps it, the store stores it.
    void accountManagementFound(
        const QString &sessionKey, const QUrl &uri, const QStringList &actions);
    // For tests: the search for it is over (found: accountManagementFound() came first).
    void accountPageSearched(bool found);

private:
    void setBusy(bool busy);
    void setMessages(const QString &error, const QString &notice);
    void noticeRejection(const Matrix::Error &error);
    // Opens the session's account page at `action`; false (with an error shown) when it cannot.
    bool openAccountPage(const QString &action, const QString &deviceId = {});
    // For an OAuth session without an account page: asks the server's auth_metadata for it.
    void findAccountPage(const Session::Session &session);

    QNetworkAccessManager &m_network;
    SessionSource m_session;
    DeviceListModel m_devices;
    AuthPrompt m_prompt;
    Matrix::Call m_listing;
    Matrix::Call m_renaming;
    Discovery::AuthMetadataFetch m_metadata;
    QString m_findingAccountPageFor; // the session key whose auth_metadata is asked for
    QSet<QString> m_accountPageAnswered; // session keys whose server answered that
    BrowserLauncher m_launcher;
    bool m_awaitingReturn = false; // the user was sent to the account page
    QString m_removingInBrowser; // the device the user went there to remove
    QStringList m_deleteTargets;
    QString m_deleteQuestion;
    QString m_errorText;
    QString m_noticeText;
    bool m_busy = false;
};

} // namespace Portico::Ui
