// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicescontroller.h"

#include "matrix/logging.h"
#include "oauth/authmetadata.h"
#include "oauth/json.h"
#include "session/deviceclient.h"

#include <QCoreApplication>
#include <QDesktopServices>

#include <algorithm>

namespace Portico::Ui {

DevicesController::DevicesController(
    QNetworkAccessManager &network, SessionSource session, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_session(std::move(session))
    , m_prompt(network)
    , m_metadata(network)
    , m_launcher([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    connect(&m_prompt, &AuthPrompt::finished, this,
        [this](bool succeeded, const QJsonObject &, const QString &failure) {
            const QStringList targets = std::exchange(m_deleteTargets, {});
            setBusy(false);
            if (!succeeded) {
                // Cancelled by the user: nothing to say. Failed: say why.
                setMessages(failure, {});
                return;
            }
            setMessages({},
                targets.size() == 1
                    ? tr("%1 was signed out and removed.").arg(m_devices.displayName(targets[0]))
                    : tr("%n devices were signed out and removed.", nullptr, int(targets.size())));
            qCInfo(lcUi) << "deleted devices" << targets;
            Q_EMIT deleted(targets);
            refresh();
        });
    connect(&m_prompt, &AuthPrompt::sessionRejected, this, &DevicesController::sessionRejected);
    // Also at restore, for the signed-in page's Manage account: a request without a token.
    connect(
        this, &DevicesController::sessionChanged, this, [this] { findAccountPage(m_session()); });
}

void DevicesController::refresh()
{
    const Session::Session session = m_session();
    if (!session.isValid())
        return;
    findAccountPage(session);
    setBusy(true);
    // Replaces (and so cancels) a listing under way.
    m_listing = Session::DeviceClient(m_network).list(session, [this, session](const auto &result) {
        setBusy(m_prompt.active());
        if (!result) {
            noticeRejection(result.error());
            setMessages(result.error().describe() + u' '
                    + tr("Portico could not load your devices. Try again."),
                m_noticeText);
            return;
        }
        // Back from the account page: the device the user went to remove is gone.
        const bool removed = !m_removingInBrowser.isEmpty()
            && std::none_of(result->cbegin(), result->cend(),
                [&](const Session::Device &d) { return d.deviceId == m_removingInBrowser; });
        const QString name = m_devices.displayName(m_removingInBrowser);
        m_devices.setDevices(result.value(), session.deviceId);
        Q_EMIT loaded(int(result->size()));
        if (removed) {
            const QStringList targets{std::exchange(m_removingInBrowser, {})};
            setMessages({}, tr("%1 was signed out and removed.").arg(name));
            Q_EMIT deleted(targets);
        }
    });
}

void DevicesController::rename(const QString &deviceId, const QString &displayName)
{
    const Session::Session session = m_session();
    const QString name = displayName.trimmed();
    if (!session.isValid() || name.isEmpty() || name == m_devices.displayName(deviceId))
        return;
    setBusy(true);
    m_renaming = Session::DeviceClient(m_network).rename(
        session, deviceId, name, [this](const auto &result) {
            setBusy(false);
            if (!result) {
                noticeRejection(result.error());
                setMessages(
                    result.error().describe() + u' ' + tr("The device was not renamed. Try again."),
                    {});
                return;
            }
            setMessages({}, {});
            refresh();
        });
}

bool DevicesController::removesInBrowser() const
{
    return m_session().isOAuth();
}

bool DevicesController::canManageAccount() const
{
    const Session::Session session = m_session();
    // Checked again here: the address comes back from the settings after a restart.
    return session.isOAuth() && OAuth::Json::isSecureUrl(session.oauthAccountManagementUri);
}

void DevicesController::askDelete(const QStringList &deviceIds)
{
    const Session::Session session = m_session();
    QStringList targets = deviceIds;
    // This device is signed out with "Sign out", which also forgets it here.
    targets.removeAll(session.deviceId);
    targets.removeDuplicates();
    if (targets.isEmpty() || m_prompt.active())
        return;
    if (session.isOAuth()) {
        // UIA cannot remove devices of an OAuth session: the server's page asks and removes,
        // one device at a time (MSC4191 names one device_id).
        if (targets.size() > 1) {
            setMessages(tr("Remove one device at a time: your server confirms each removal on "
                           "its own page."),
                {});
            return;
        }
        OAuth::AuthMetadata metadata;
        metadata.accountManagementUri = session.oauthAccountManagementUri;
        metadata.accountManagementActions = session.oauthAccountManagementActions;
        // Where the server lists neither org.matrix.device_delete nor the unstable
        // org.matrix.session_end, the stable action still goes: MSC4191 has a server show its
        // account page for an action it does not know, where the user can remove the device.
        QString action = metadata.deviceDeleteAction();
        if (action.isEmpty())
            action = QStringLiteral("org.matrix.device_delete");
        if (openAccountPage(action, targets[0])) {
            m_removingInBrowser = targets[0];
            Q_EMIT deleteAsked(targets);
            setMessages({},
                tr("Confirm the removal of %1 on your server's page in your browser. The list "
                   "is updated when you come back.")
                    .arg(m_devices.displayName(targets[0])));
        }
        return;
    }
    m_deleteTargets = targets;
    m_deleteQuestion = targets.size() == 1
        ? tr("Sign out and remove %1? Whoever uses it will have to sign in again.")
              .arg(m_devices.displayName(targets[0]))
        : tr("Sign out and remove %n devices? Whoever uses them will have to sign in again.",
            nullptr, int(targets.size()));
    Q_EMIT deleteQuestionChanged();
    Q_EMIT deleteAsked(targets);
}

void DevicesController::confirmDelete()
{
    const Session::Session session = m_session();
    if (m_deleteTargets.isEmpty() || !session.isValid())
        return;
    m_deleteQuestion.clear();
    Q_EMIT deleteQuestionChanged();
    setMessages({}, {});
    setBusy(true);
    const QStringList targets = m_deleteTargets;
    const QString reason = targets.size() == 1
        ? tr("Confirm it's you to remove %1.").arg(m_devices.displayName(targets[0]))
        : tr("Confirm it's you to remove %n devices.", nullptr, int(targets.size()));
    m_prompt.start(session, reason, [session, targets](const QJsonObject &auth) {
        return targets.size() == 1
            ? Session::DeviceClient::deleteDeviceRequest(session, targets[0], auth)
            : Session::DeviceClient::deleteDevicesRequest(session, targets, auth);
    });
}

void DevicesController::cancelDelete()
{
    if (m_prompt.active())
        return;
    m_deleteTargets.clear();
    m_deleteQuestion.clear();
    Q_EMIT deleteQuestionChanged();
}

void DevicesController::manageAccount()
{
    if (openAccountPage(QStringLiteral("org.matrix.profile")))
        setMessages({},
            tr("Your server's account page is open in your browser. The list is updated when you "
               "come back."));
}

void DevicesController::windowActivated()
{
    if (m_awaitingReturn && !m_prompt.active())
        refresh();
}

bool DevicesController::openAccountPage(const QString &action, const QString &deviceId)
{
    const Session::Session session = m_session();
    if (!session.isOAuth())
        return false;
    if (!OAuth::Json::isSecureUrl(session.oauthAccountManagementUri)) {
        // Nothing to open, or an address that is neither https nor on this computer.
        setMessages(tr("Your server offers no account page that Portico can open, so devices "
                       "cannot be removed from here. Sign them out on the device itself."),
            {});
        return false;
    }
    OAuth::AuthMetadata metadata;
    metadata.accountManagementUri = session.oauthAccountManagementUri;
    const QUrl url = metadata.accountManagementUrl(action, deviceId);
    if (!m_launcher(url)) {
        setMessages(tr("Portico could not open your web browser. Make sure a default browser "
                       "is set, then try again."),
            {});
        return false;
    }
    qCInfo(lcUi) << "opened the account page:" << action << deviceId;
    m_awaitingReturn = true;
    Q_EMIT accountPageOpened(action, deviceId);
    return true;
}

void DevicesController::findAccountPage(const Session::Session &session)
{
    // Only a session with its tokens read: the keeper stores what it keeps (the keychain too).
    if (!session.isValid() || !session.isOAuth() || session.oauthAccountManagementUri.isValid()
        || m_findingAccountPageFor == session.key()
        || m_accountPageAnswered.contains(session.key()))
        return;
    m_findingAccountPageFor = session.key();
    Discovery::Homeserver homeserver;
    homeserver.baseUrl = session.baseUrl;
    homeserver.plainHttpAllowed = session.plainHttpAllowed;
    // The versions are not stored: the unstable path, which servers with the OAuth 2.0 API
    // (Synapse, MAS) serve beside the stable one.
    m_metadata.fetch(
        homeserver, [this, session](const Discovery::AuthMetadataFetch::Result &result) {
            m_findingAccountPageFor.clear();
            if (result) // the server answered: not asked again in this run (a failure is)
                m_accountPageAnswered.insert(session.key());
            if (!result || !result.value()) {
                qCInfo(lcUi) << "no account page found again for" << session.userId;
                Q_EMIT accountPageSearched(false);
                return;
            }
            const OAuth::AuthMetadata &metadata = *result.value();
            // Only the server that issued the session's tokens may name its account page.
            if (metadata.issuer != session.oauthIssuer) {
                qCWarning(lcUi) << "auth_metadata names another issuer:" << metadata.issuer << "not"
                                << session.oauthIssuer;
                Q_EMIT accountPageSearched(false);
                return;
            }
            if (!OAuth::Json::isSecureUrl(metadata.accountManagementUri)) {
                Q_EMIT accountPageSearched(false);
                return;
            }
            qCInfo(lcUi) << "found the account page again for" << session.userId;
            Q_EMIT accountManagementFound(
                session.key(), metadata.accountManagementUri, metadata.accountManagementActions);
            if (m_session().key() == session.key())
                Q_EMIT sessionChanged(); // Manage account, and Remove on the account page
            Q_EMIT accountPageSearched(true);
        });
}

void DevicesController::reset()
{
    m_metadata.cancel();
    m_findingAccountPageFor.clear();
    m_awaitingReturn = false;
    m_removingInBrowser.clear();
    m_listing.cancel();
    m_renaming.cancel();
    m_prompt.cancel();
    cancelDelete();
    m_devices.clear();
    setMessages({}, {});
    setBusy(false);
    Q_EMIT sessionChanged();
}

void DevicesController::noticeRejection(const Matrix::Error &error)
{
    if (error.is(u"M_UNKNOWN_TOKEN"))
        Q_EMIT sessionRejected();
}

void DevicesController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void DevicesController::setMessages(const QString &error, const QString &notice)
{
    if (m_errorText == error && m_noticeText == notice)
        return;
    m_errorText = error;
    m_noticeText = notice;
    Q_EMIT messageChanged();
}

} // namespace Portico::Ui
