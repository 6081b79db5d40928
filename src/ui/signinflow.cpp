// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "signinflow.h"

#include "usermessages.h"

#include "matrix/logging.h"
#include "session/accountclient.h"

namespace Portico::Ui {

SignInFlow::SignInFlow(QNetworkAccessManager &network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_sso(network)
    , m_password(network)
    , m_oauth(network)
    , m_device(network)
{
    adopt(m_device);
    connect(&m_device, &DeviceSignIn::promptChanged, this, [this] {
        if (m_device.waitingForApproval())
            setBusy(false);
        Q_EMIT devicePromptChanged();
    });
    connect(&m_device.login(), &OAuth::DeviceLogin::stepChanged, this,
        [this](OAuth::DeviceLogin::Step step) {
            if (step == OAuth::DeviceLogin::Step::SigningIn)
                setBusy(true);
        });
    adopt(m_sso);
    adopt(m_password);
    adopt(m_oauth);
    connect(&m_oauth, &OAuthSignIn::browserOpened, this, [this] {
        setBusy(false);
        Q_EMIT browserOpened();
    });
    connect(&m_oauth.login(), &OAuth::OAuthLogin::stepChanged, this,
        [this](OAuth::OAuthLogin::Step step) {
            if (step == OAuth::OAuthLogin::Step::SigningIn)
                setBusy(true);
        });
    connect(&m_sso, &Sso::SsoLogin::stepChanged, this,
        [this](Sso::SsoLogin::Step step) { setBusy(step == Sso::SsoLogin::Step::SigningIn); });
}

// Every method ends the same way; a new method is adopted here and nothing else changes.
void SignInFlow::adopt(SignIn::Method &method)
{
    connect(&method, &SignIn::Method::signedIn, this, &SignInFlow::onSignedIn);
    connect(&method, &SignIn::Method::failed, this, &SignInFlow::onFailed);
}

void SignInFlow::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void SignInFlow::cancel()
{
    m_againCheck.cancel();
    m_again.reset();
    m_againServer.reset();
    m_sso.cancel();
    m_password.cancel();
    m_oauth.cancel();
    m_device.cancel();
    m_active = nullptr;
    setBusy(false);
}

void SignInFlow::startSso(const Discovery::Homeserver &homeserver, const QString &idpId)
{
    cancel();
    m_active = &m_sso;
    m_sso.start(homeserver, idpId);
    if (waitingForBrowser())
        Q_EMIT browserOpened();
}

void SignInFlow::startOAuth(const Discovery::Homeserver &homeserver,
    const OAuth::AuthMetadata &metadata, bool createAccount)
{
    cancel();
    m_active = &m_oauth;
    setBusy(true); // registering; the browser opens once the server has given a client ID
    m_oauth.start(homeserver, metadata, createAccount);
}

void SignInFlow::startDevice(
    const Discovery::Homeserver &homeserver, const OAuth::AuthMetadata &metadata)
{
    cancel();
    m_active = &m_device;
    setBusy(true); // registering and asking for a code
    m_device.start(homeserver, metadata);
}

void SignInFlow::reopenBrowser()
{
    if (m_active == &m_oauth)
        m_oauth.reopenBrowser();
    else
        m_sso.reopenBrowser();
}

void SignInFlow::startPassword(
    const Discovery::Homeserver &homeserver, const QString &user, const QString &password)
{
    cancel();
    m_active = &m_password;
    setBusy(true);
    m_password.start(homeserver, user, password);
}

void SignInFlow::signInAgain(const Session::Session &previous)
{
    cancel();
    m_again = previous;
    setBusy(true);
    // Where the user signed in: an MSC1730 portal offers the sign-in methods, its target not.
    const QUrl server = previous.loginServer.isValid() ? previous.loginServer : previous.baseUrl;
    m_againCheck = Discovery::startHomeserverCheck(
        m_network, server, previous.plainHttpAllowed, [this](const auto &result) {
            setBusy(false);
            if (!result) {
                const Matrix::Error error = result.error().error;
                cancel();
                Q_EMIT failed(signInAgainUnreachableText(error), Then::Stay);
                return;
            }
            m_againServer = result.value();
            const QString method = m_again->loginMethod;
            if (method == u"password") {
                Q_EMIT passwordNeeded(m_again->userId);
                return;
            }
            const QString idp = method.startsWith(u"sso:") ? method.mid(4) : QString();
            m_active = &m_sso;
            m_sso.start(*m_againServer, idp, m_again->deviceId);
            if (waitingForBrowser())
                Q_EMIT browserOpened();
        });
}

void SignInFlow::continueAgainWithPassword(const QString &user, const QString &password)
{
    if (!m_again || !m_againServer)
        return;
    m_active = &m_password;
    setBusy(true);
    m_password.start(*m_againServer, user, password, m_again->deviceId);
}

QString SignInFlow::submitCallbackUrl(const QString &url)
{
    if (!waitingForBrowser())
        return noSignInWaitingText();
    if (m_oauth.waitingForBrowser())
        return describeOAuthCallbackVerdict(m_oauth.submitCallbackUrl(url));
    return describeCallbackVerdict(m_sso.submitCallbackUrl(url));
}

void SignInFlow::onSignedIn(const Session::Session &session, const QString &warning)
{
    const std::optional<Session::Session> again = std::exchange(m_again, std::nullopt);
    m_againServer.reset();
    m_active = nullptr;
    setBusy(false);
    if (again && session.userId != again->userId) {
        // Another account at the IdP: end that session rather than mix it up with the device.
        qCInfo(lcUi) << "signed in again as another user; ending that session";
        m_wrongUserLogout = Session::AccountClient(m_network).logout(session, [](const auto &) {});
        Q_EMIT failed(wrongUserText(session.userId, again->userId), Then::ShowServer);
        return;
    }
    Q_EMIT signedIn(session, warning);
}

void SignInFlow::onFailed(const SignIn::Failure &failure)
{
    setBusy(false);
    if (m_active == &m_password) {
        // The form stays, for another try (of signing in again too, if that is what it was).
        Q_EMIT failed(describePasswordError(failure.error), Then::Stay);
        return;
    }
    // The browser step is over: signing in again, if it was that, is abandoned with it.
    const bool oauth = m_active == &m_oauth;
    const bool device = m_active == &m_device;
    m_again.reset();
    m_againServer.reset();
    m_active = nullptr;
    Q_EMIT failed(oauth ? describeOAuthError(m_oauth.lastError())
            : device    ? describeOAuthError(m_device.lastError())
                        : describeSsoError(failure),
        Then::ShowChoices);
}

} // namespace Portico::Ui
