// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicescontroller.h"

#include "matrix/logging.h"
#include "session/deviceclient.h"

#include <QCoreApplication>

namespace Portico::Ui {

DevicesController::DevicesController(
    QNetworkAccessManager &network, SessionSource session, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_session(std::move(session))
    , m_prompt(network)
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
}

void DevicesController::refresh()
{
    const Session::Session session = m_session();
    if (!session.isValid())
        return;
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
        m_devices.setDevices(result.value(), session.deviceId);
        Q_EMIT loaded(int(result->size()));
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

void DevicesController::askDelete(const QStringList &deviceIds)
{
    const Session::Session session = m_session();
    QStringList targets = deviceIds;
    // This device is signed out with "Sign out", which also forgets it here.
    targets.removeAll(session.deviceId);
    targets.removeDuplicates();
    if (targets.isEmpty() || m_prompt.active())
        return;
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

void DevicesController::reset()
{
    m_listing.cancel();
    m_renaming.cancel();
    m_prompt.cancel();
    cancelDelete();
    m_devices.clear();
    setMessages({}, {});
    setBusy(false);
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
