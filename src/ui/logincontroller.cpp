// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logincontroller.h"

#include "qrcode.h"

namespace Portico::Ui {

LoginController::LoginController(
    QNetworkAccessManager &network, Session::SessionStore &store, QObject *parent)
    : QObject(parent)
    , m_profiles(network, QString())
    , m_lookup(network)
    , m_flow(network)
    , m_accountManager(network, store)
{
    m_accountManager.accounts()->setProfiles(&m_profiles);

    // Busy while any stage works.
    connect(&m_lookup, &ServerLookup::busyChanged, this, &LoginController::busyChanged);
    connect(&m_flow, &SignInFlow::busyChanged, this, &LoginController::busyChanged);
    connect(&m_accountManager, &AccountManager::busyChanged, this, &LoginController::busyChanged);

    // Input → lookup.
    connect(&m_lookup, &ServerLookup::serverTextChanged, this, &LoginController::serverTextChanged);
    connect(&m_lookup, &ServerLookup::statusChanged, this, &LoginController::lookupStatusChanged);
    connect(&m_lookup, &ServerLookup::homeserverChanged, this, &LoginController::homeserverChanged);
    connect(&m_lookup, &ServerLookup::chosen, this, &LoginController::showChoices);
    connect(&m_lookup, &ServerLookup::failed, this, &LoginController::setError);
    connect(&m_lookup, &ServerLookup::plainHttpOfferChanged, this,
        &LoginController::plainHttpOfferChanged);
    connect(&m_lookup, &ServerLookup::revised, this, [this] {
        if (m_page == Page::Providers)
            m_lookup.showRevised();
    });
    connect(&m_lookup, &ServerLookup::revalidationFailed, this, [this](const QString &sentence) {
        if (m_page == Page::Providers)
            setNotice(sentence);
    });

    // Lookup → sign-in.
    connect(&m_flow, &SignInFlow::browserOpened, this, [this] { setPage(Page::Waiting); });
    connect(&m_flow, &SignInFlow::passwordNeeded, this, [this](const QString &userId) {
        m_againUser = userId;
        Q_EMIT homeserverChanged();
        setPage(Page::Password);
    });
    connect(&m_flow, &SignInFlow::failed, this, &LoginController::onSignInFailed);
    connect(&m_flow, &SignInFlow::devicePromptChanged, this, [this] {
        const auto &prompt = m_flow.deviceSignIn().prompt();
        m_deviceQr = qrDataUrl(prompt.qrUrl().toString(QUrl::FullyEncoded));
        Q_EMIT deviceGrantChanged();
        if (!prompt.userCode.isEmpty())
            setPage(Page::DeviceGrant);
    });

    // Sign-in → account.
    connect(&m_flow, &SignInFlow::signedIn, this,
        [this](const Session::Session &session, const QString &warning) {
            m_againUser.clear();
            m_accountManager.keep(session, warning);
        });
    connect(
        &m_accountManager, &AccountManager::currentChanged, this, &LoginController::sessionChanged);
    connect(&m_accountManager, &AccountManager::saveFailedChanged, this,
        &LoginController::saveFailedChanged);
    connect(&m_accountManager, &AccountManager::signOutQuestionChanged, this,
        &LoginController::signOutQuestionChanged);
    connect(&m_accountManager, &AccountManager::currentShown, this,
        [this] { setPage(Page::SignedIn); });
    connect(
        &m_accountManager, &AccountManager::currentGone, this, [this](AccountManager::Gone why) {
            // A restored account the keychain did not give: only its own pages make way.
            if (why == AccountManager::Gone::Unreadable && m_page != Page::SignedIn
                && m_page != Page::Devices)
                return;
            setPage(why == AccountManager::Gone::SignedOut && m_lookup.homeserver()
                    ? Page::Providers
                    : Page::Server);
        });
    connect(&m_accountManager, &AccountManager::restored, this, [this] {
        // Shown unless the user has started signing in to another account meanwhile.
        if (m_page == Page::Server && !busy())
            m_accountManager.showCurrent();
    });
    connect(&m_accountManager, &AccountManager::errorOccurred, this, &LoginController::setError);
    connect(&m_accountManager, &AccountManager::noticeOccurred, this, &LoginController::setNotice);
    connect(&m_accountManager, &AccountManager::signedIn, this, &LoginController::signedIn);
    connect(&m_accountManager, &AccountManager::sessionRestored, this,
        &LoginController::sessionRestored);
    connect(&m_accountManager, &AccountManager::sessionVerified, this,
        &LoginController::sessionVerified);
    connect(&m_accountManager, &AccountManager::storeFailed, this, &LoginController::storeFailed);
    connect(&m_accountManager, &AccountManager::secretsUnreadable, this,
        &LoginController::secretsUnreadable);
}

AccountProfile *LoginController::profile()
{
    const QString key = m_accountManager.current().key();
    return m_accountManager.currentKeeper() ? m_profiles.profile(key) : nullptr;
}

QString LoginController::homeserver() const
{
    // Signing in again happens at the session's own server, whatever was looked up before.
    if (const auto &again = m_flow.againServer())
        return again->baseUrl.toDisplayString();
    return m_lookup.homeserver() ? m_lookup.homeserver()->baseUrl.toDisplayString() : QString();
}

bool LoginController::insecure() const
{
    if (const auto &again = m_flow.againServer())
        return again->plainHttp();
    return m_lookup.homeserver() && m_lookup.homeserver()->plainHttp();
}

LoginController::SignInApi LoginController::signInApi() const
{
    return m_lookup.homeserver() && m_lookup.oauth() ? SignInApi::OAuth : SignInApi::Legacy;
}

bool LoginController::canCreateAccount() const
{
    return signInApi() == SignInApi::OAuth && m_lookup.oauth()->canCreateAccount();
}

QString LoginController::serverName() const
{
    const auto &again = m_flow.againServer();
    if (!again && !m_lookup.homeserver())
        return {};
    const QUrl url = again ? again->baseUrl : m_lookup.homeserver()->baseUrl;
    const int port = url.port();
    const bool defaultPort = port < 0 || (url.scheme() == u"https" ? port == 443 : port == 80);
    const QString host = url.host(QUrl::PrettyDecoded);
    return defaultPort ? host : host + u':' + QString::number(port);
}

bool LoginController::deviceGrantAvailable() const
{
    return signInApi() == SignInApi::OAuth && m_lookup.oauth()->supportsDeviceGrant();
}

bool LoginController::genericSso() const
{
    // On an OAuth server the legacy SSO is only its compatibility layer: not offered.
    return signInApi() == SignInApi::Legacy && m_lookup.homeserver()
        && m_lookup.flows().offersBrowserLogin() && m_lookup.flows().identityProviders.isEmpty();
}

QString LoginController::suggestedUser() const
{
    return m_againUser.isEmpty() ? m_lookup.suggestedUser() : m_againUser;
}

QString LoginController::pendingProvider() const
{
    if (m_flow.oauthSignIn().isRunning())
        return serverName();
    for (const auto &provider : std::as_const(m_lookup).providers().providers())
        if (provider.id == m_flow.pendingIdp())
            return provider.name;
    return {};
}

AccountListModel::AccountState LoginController::sessionState() const
{
    const Session::SessionKeeper *keeper = m_accountManager.currentKeeper();
    return keeper ? accountState(keeper->state()) : AccountListModel::AccountState::None;
}

void LoginController::setPage(Page page)
{
    if (m_page == page)
        return;
    m_page = page;
    Q_EMIT pageChanged();
}

void LoginController::setError(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

void LoginController::setNotice(const QString &text)
{
    if (m_noticeText == text)
        return;
    m_noticeText = text;
    Q_EMIT noticeTextChanged();
}

void LoginController::restore()
{
    m_accountManager.restore();
}

void LoginController::restoreShownFirst()
{
    m_accountManager.restore(AccountManager::TokenRead::Later);
}

void LoginController::readRestoredTokens()
{
    m_accountManager.readRestoredTokens();
}

void LoginController::serverTextEdited(const QString &text)
{
    m_lookup.edit(text);
}

void LoginController::discover(const QString &text)
{
    setError({});
    setNotice({});
    m_flow.cancel(); // a sign-in in progress (signing in again too) is for another server
    m_againUser.clear();
    m_lookup.submit(text);
}

void LoginController::usePlainHttpOffer()
{
    const QString offer = m_lookup.plainHttpOffer();
    if (!offer.isEmpty())
        discover(offer);
}

void LoginController::showChoices()
{
    if (m_lookup.oauth()) {
        setPage(Page::Providers); // one "Continue with <server>" button
        // --idp on an OAuth server: its own page is the only provider; "create" registers.
        if (!m_autoProvider.isEmpty())
            signInWithOAuth(std::exchange(m_autoProvider, QString()) == u"create");
        return;
    }
    if (!m_lookup.flows().offersBrowserLogin()) {
        if (m_lookup.flows().password)
            setPage(Page::Password);
        else
            setError(noUsableMethodText());
        return;
    }
    setPage(Page::Providers);
    if (!m_autoProvider.isEmpty())
        signInWithSso(std::exchange(m_autoProvider, QString()));
}

void LoginController::signIn(const QString &idpId)
{
    signInWithSso(idpId);
}

void LoginController::signInWithOAuth(bool createAccount)
{
    if (!m_lookup.homeserver() || !m_lookup.oauth())
        return;
    setError({});
    setNotice({});
    m_againUser.clear();
    m_flow.startOAuth(*m_lookup.homeserver(), *m_lookup.oauth(), createAccount);
}

void LoginController::signInOnAnotherDevice()
{
    if (!deviceGrantAvailable())
        return;
    setError({});
    setNotice({});
    m_againUser.clear();
    m_flow.startDevice(*m_lookup.homeserver(), *m_lookup.oauth());
}

void LoginController::signInWithSso(const QString &idpId)
{
    if (!m_lookup.homeserver())
        return;
    setError({});
    setNotice({});
    m_againUser.clear();
    m_flow.startSso(*m_lookup.homeserver(), idpId);
}

void LoginController::onSignInFailed(const QString &sentence, SignInFlow::Then then)
{
    switch (then) {
    case SignInFlow::Then::Stay:
        break;
    case SignInFlow::Then::ShowChoices:
        setPage(m_lookup.homeserver() ? Page::Providers : Page::Server);
        break;
    case SignInFlow::Then::ShowServer:
        m_againUser.clear();
        setPage(Page::Server);
        break;
    }
    setError(sentence);
}

void LoginController::cancelSignIn()
{
    m_flow.cancel();
    m_againUser.clear();
    setPage(m_lookup.homeserver() ? Page::Providers : Page::Server);
}

void LoginController::reopenBrowser()
{
    m_flow.reopenBrowser();
}

void LoginController::submitCallbackUrl(const QString &url)
{
    setError(m_flow.submitCallbackUrl(url));
}

void LoginController::signInAgain()
{
    const Session::Session previous = m_accountManager.softLoggedOut();
    if (previous.userId.isEmpty())
        return;
    setError({});
    setNotice({});
    m_flow.signInAgain(previous);
}

void LoginController::usePassword()
{
    if (!passwordAvailable())
        return;
    setError({});
    setPage(Page::Password);
}

void LoginController::signInWithPassword(const QString &user, const QString &password)
{
    if (user.trimmed().isEmpty() || password.isEmpty())
        return;
    // Signing in again after a soft logout keeps the device; any other sign-in is a new one.
    const bool again = !m_flow.againUser().isEmpty() && m_flow.againServer();
    if (!again && !m_lookup.homeserver())
        return;
    setError({});
    setNotice({});
    if (again)
        m_flow.continueAgainWithPassword(user, password);
    else
        m_flow.startPassword(*m_lookup.homeserver(), user, password);
}

void LoginController::back()
{
    const bool signingInAgain = !m_againUser.isEmpty() || m_flow.againServer();
    m_flow.cancel();
    m_lookup.cancel();
    m_againUser.clear();
    if (signingInAgain)
        Q_EMIT homeserverChanged();
    setError({});
    if (m_page == Page::Password && !signingInAgain && m_lookup.homeserver()
        && m_lookup.flows().offersBrowserLogin()) {
        setPage(Page::Providers);
        return;
    }
    // Adding an account is optional: back from the server page shows the current one again.
    if ((m_page == Page::Server || m_page == Page::Devices) && m_accountManager.currentKeeper()) {
        m_accountManager.showCurrent();
        return;
    }
    setPage(Page::Server);
}

void LoginController::signOut()
{
    setError({});
    m_accountManager.signOut();
}

void LoginController::confirmSignOut()
{
    m_accountManager.confirmSignOut();
}

void LoginController::cancelSignOut()
{
    m_accountManager.cancelSignOut();
}

void LoginController::retrySave()
{
    if (!m_accountManager.saveFailed())
        return;
    setError({});
    m_accountManager.retrySave();
}

void LoginController::switchAccount(const QString &key)
{
    if (!m_accountManager.accounts()->find(key))
        return;
    setError({});
    setNotice({});
    m_accountManager.switchTo(key);
}

void LoginController::addAccount()
{
    setError({});
    setNotice({});
    m_accountManager.cancelSignOut();
    setPage(Page::Server);
}

void LoginController::showDevices()
{
    if (!m_accountManager.currentKeeper())
        return;
    setError({});
    setNotice({});
    m_accountManager.devices()->reset();
    setPage(Page::Devices);
    m_accountManager.refreshDevices(); // once its tokens are there, right after a start
}

void LoginController::retryVerification()
{
    m_accountManager.retryVerification();
}

} // namespace Portico::Ui
