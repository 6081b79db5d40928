// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logincontroller.h"

#include "discovery/loginflowsfetch.h"
#include "matrix/logging.h"
#include "session/accountclient.h"
#include "session/sessionstore.h"

#include <QCoreApplication>
#include <QSettings>

namespace Portico::Ui {

namespace {
const QString CurrentAccountKey = QStringLiteral("ui/currentAccount");

// lupdate files a free function's tr() under its namespace: translate in that context.
QString tr(const char *text)
{
    return QCoreApplication::translate("Portico::Ui", text);
}

QString storeErrorText(const Session::StoreError &error)
{
    using Reason = Session::StoreError::Reason;
    switch (error.reason) {
    case Reason::NoKeychain:
        return tr("No keychain is available to keep your session safe. Install and start a "
                  "Secret Service such as GNOME Keyring or KWallet, then try again.");
    case Reason::Locked:
        return tr("Your keychain is locked. Unlock it, then try again.");
    case Reason::AccessDenied:
        return tr("Access to your keychain was refused. Allow Portico to use it, then try again.");
    case Reason::Other:
        break;
    }
    return tr("Your session could not be stored in the keychain (%1).").arg(error.detail);
}
} // namespace

QString storeFailureName(const Session::StoreError &error)
{
    using Reason = Session::StoreError::Reason;
    switch (error.reason) {
    case Reason::NoKeychain:
        return QStringLiteral("no-keychain");
    case Reason::Locked:
        return QStringLiteral("locked");
    case Reason::AccessDenied:
        return QStringLiteral("access-denied");
    case Reason::Other:
        break;
    }
    return QStringLiteral("other");
}

QString describeDiscoveryError(const Discovery::DiscoveryError &error)
{
    using Reason = Discovery::DiscoveryError::Reason;
    switch (error.reason) {
    case Reason::WellKnownInvalid:
        return tr("This server's discovery file (/.well-known/matrix/client) is broken. Enter "
                  "the homeserver's full URL instead, such as https://matrix.example.org.");
    case Reason::WellKnownBaseUrlInvalid:
        return tr("This server's discovery file names a homeserver address that is not valid. "
                  "Contact the server's administrator.");
    case Reason::Insecure:
        return tr("This server uses plain http, which would expose your sign-in. Type its "
                  "http:// address yourself only if you trust the network.");
    case Reason::NotAHomeserver:
        return tr("No Matrix homeserver answers at this address. Check the server name.");
    case Reason::Unreachable:
        if (error.error.kind == Matrix::Error::Kind::RateLimited)
            return tr("The server is busy. Wait a moment and try again.");
        return error.error.describe() + u' '
            + tr("Check the address and your connection, then try again.");
    }
    return {};
}

QString describePasswordError(const Matrix::Error &error)
{
    if (error.is(u"M_FORBIDDEN"))
        return tr("The user name or the password is wrong. Check them and try again.");
    if (error.is(u"M_USER_DEACTIVATED"))
        return tr("This account has been deactivated. Contact the server's administrator.");
    if (error.is(u"M_USER_LOCKED"))
        return tr("This account is locked. Contact the server's administrator.");
    if (error.kind == Matrix::Error::Kind::RateLimited)
        return tr("Too many attempts. Wait a moment, then try again.");
    return error.describe() + u' ' + tr("Try again.");
}

QString describeSsoError(const Sso::SsoError &error)
{
    using Reason = Sso::SsoError::Reason;
    switch (error.reason) {
    case Reason::BrowserFailed:
        return tr("Portico could not open your web browser. Make sure a default browser is set, "
                  "then try again.");
    case Reason::TimedOut:
        return tr("The sign-in was not completed in time. Start it again when you are ready.");
    case Reason::LoginFailed:
        break;
    }
    const Matrix::Error &e = error.error;
    if (e.is(u"M_FORBIDDEN"))
        return tr("The server did not accept the sign-in (it may have expired). Start again.");
    if (e.is(u"M_USER_DEACTIVATED"))
        return tr("This account has been deactivated. Contact the server's administrator.");
    if (e.is(u"M_USER_LOCKED"))
        return tr("This account is locked. Contact the server's administrator.");
    if (e.kind == Matrix::Error::Kind::InvalidResponse || e.kind == Matrix::Error::Kind::NotJson)
        return tr("The server's answer to the sign-in was incomplete. Try again later.");
    return e.describe() + u' ' + tr("Try again.");
}

LoginController::LoginController(
    QNetworkAccessManager &network, Session::SessionStore &store, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_store(store)
    , m_discovery(network)
    , m_sso(network)
    , m_password(network)
    , m_accounts(network)
    , m_devices(network, [this] { return currentSession(); })
{
    connect(&m_discovery, &Discovery::HomeserverDiscovery::discovered, this,
        &LoginController::onDiscovered);
    connect(&m_discovery, &Discovery::HomeserverDiscovery::failed, this,
        &LoginController::onDiscoveryFailed);
    m_filtered.setSourceModel(&m_providers);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(600);
    connect(&m_debounce, &QTimer::timeout, this, &LoginController::lookUpQuietly);
    connect(&m_sso, &Sso::SsoLogin::signedIn, this, &LoginController::onSignedIn);
    connect(&m_password, &Password::PasswordLogin::signedIn, this, &LoginController::onSignedIn);
    connect(&m_accounts, &AccountListModel::keeperSessionUpdated, this,
        [this](const Session::Session &session) {
            if (session.key() == m_unsaved.key()) {
                m_unsaved = session; // still kept in memory only, until Retry saving works
                return;
            }
            m_store.save(session); // the new tokens replace the old ones in the keychain
        });
    connect(&m_accounts, &AccountListModel::keeperStateChanged, this,
        &LoginController::onKeeperStateChanged);
    // The devices page met a refused token: the keeper refreshes it, or ends the session.
    connect(&m_devices, &DevicesController::sessionRejected, this, [this] {
        if (Session::SessionKeeper *keeper = m_accounts.current())
            keeper->verify();
    });
    connect(
        &m_password, &Password::PasswordLogin::failed, this, [this](const Matrix::Error &error) {
            setBusy(false);
            setError(describePasswordError(error));
        });
    connect(&m_sso, &Sso::SsoLogin::failed, this, [this](const Sso::SsoError &error) {
        setBusy(false);
        setError(describeSsoError(error));
        setPage(m_homeserver ? Page::Providers : Page::Server);
    });
    connect(&m_sso, &Sso::SsoLogin::stepChanged, this,
        [this](Sso::SsoLogin::Step step) { setBusy(step == Sso::SsoLogin::Step::SigningIn); });
    connect(&m_store, &Session::SessionStore::saved, this, [this](const Session::Session &session) {
        if (!m_pendingSignIn.isValid() || session.key() != m_pendingSignIn.key())
            return; // a refreshed token of the session shown: nothing changes for the user
        m_pendingSignIn = {};
        setBusy(false);
        showSession(session);
        if (m_store.persistence() == Session::SessionStore::Persistence::MemoryOnly)
            setNotice(tr("Portico runs without saving: this session ends when you quit."));
        Q_EMIT signedIn(session.userId, session.deviceId, session.baseUrl.toString());
    });
    connect(
        &m_store, &Session::SessionStore::failed, this, [this](const Session::StoreError &error) {
            setBusy(false);
            setError(storeErrorText(error));
            if (!m_pendingSignIn.isValid())
                return;
            // Signed in, but not kept: the session works until Portico quits, and Retry stores
            // it once the keychain is usable. Nothing is written anywhere else meanwhile.
            m_unsaved = std::exchange(m_pendingSignIn, {});
            showSession(m_unsaved);
            Q_EMIT saveFailedChanged();
            Q_EMIT storeFailed(storeFailureName(error), error.detail);
        });
}

void LoginController::retrySave()
{
    if (!m_unsaved.isValid())
        return;
    setError({});
    setBusy(true);
    m_pendingSignIn = std::exchange(m_unsaved, {});
    Q_EMIT saveFailedChanged();
    m_store.save(m_pendingSignIn);
}

bool LoginController::sameChoices(const Prefetched &found) const
{
    return m_homeserver && m_homeserver->baseUrl == found.homeserver.baseUrl
        && m_flows.identityProviders == found.flows.identityProviders
        && m_flows.sso == found.flows.sso && m_flows.cas == found.flows.cas
        && m_flows.password == found.flows.password;
}

QString LoginController::homeserver() const
{
    return m_homeserver ? m_homeserver->baseUrl.toDisplayString() : QString();
}

bool LoginController::insecure() const
{
    return m_homeserver && m_homeserver->plainHttp();
}

bool LoginController::genericSso() const
{
    return m_homeserver && m_flows.offersBrowserLogin() && m_flows.identityProviders.isEmpty();
}

QString LoginController::pendingProvider() const
{
    for (const auto &provider : m_providers.providers())
        if (provider.id == m_sso.idpId())
            return provider.name;
    return {};
}

bool LoginController::ephemeral() const
{
    return m_store.persistence() == Session::SessionStore::Persistence::MemoryOnly;
}

void LoginController::setPage(Page page)
{
    if (m_page == page)
        return;
    m_page = page;
    Q_EMIT pageChanged();
}

void LoginController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void LoginController::setError(const QString &text)
{
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}

void LoginController::setLookupStatus(const QString &text)
{
    if (m_lookupStatus == text)
        return;
    m_lookupStatus = text;
    Q_EMIT lookupStatusChanged();
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
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(&m_store, &Session::SessionStore::loaded, this,
        [this, connection](const QList<Session::Session> &sessions) {
            disconnect(*connection);
            if (sessions.isEmpty())
                return;
            for (const Session::Session &session : sessions)
                m_accounts.add(session);
            // The account shown last time, if it is still there.
            const QString last = QSettings().value(CurrentAccountKey).toString();
            if (!m_accounts.current())
                m_accounts.setCurrent(m_accounts.find(last) ? last : sessions.front().key());
            // Shown unless the user has started signing in to another account meanwhile.
            if (m_page == Page::Server && !m_busy)
                showCurrent();
            else
                Q_EMIT sessionChanged();
            const Session::Session session = currentSession();
            Q_EMIT sessionRestored(session.userId, session.deviceId, session.baseUrl.toString());
            // Shown at once; each is checked with its server (offline is retried, not an end).
            for (Session::SessionKeeper *keeper : m_accounts.keepers())
                keeper->verify();
        });
    m_store.loadAll();
}

void LoginController::serverTextEdited(const QString &text)
{
    if (m_serverText != text) {
        m_serverText = text;
        Q_EMIT serverTextChanged();
    }
    setLookupStatus({});
    m_debounce.start(); // a quiet lookup once the user pauses
}

void LoginController::discover(const QString &text)
{
    setError({});
    setNotice({});
    m_debounce.stop();
    if (m_serverText != text) {
        m_serverText = text;
        Q_EMIT serverTextChanged();
    }
    const auto input = Discovery::parseServerInput(text);
    if (!input) {
        m_discovery.cancel();
        ++m_flowsGeneration;
        setBusy(false);
        setError(input.error());
        return;
    }
    if (m_prefetched && m_prefetched->text == text.trimmed()) {
        showProviders(*m_prefetched);
        return;
    }
    if (const auto cached = m_cache.lookup(text)) {
        // Shown at once as last time, asked again quietly, and replaced if it changed.
        showProviders({text.trimmed(), cached->homeserver, cached->flows});
        startLookup(input.value(), text.trimmed(), false);
        m_revalidating = text.trimmed();
        return;
    }
    if (m_lookupText == text.trimmed() && m_discovery.isRunning()) {
        m_navigate = true; // the quiet lookup already under way will do
        setBusy(true);
        return;
    }
    startLookup(input.value(), text.trimmed(), true);
}

void LoginController::lookUpQuietly()
{
    const auto input = Discovery::parseServerInput(m_serverText);
    if (!input || (m_prefetched && m_prefetched->text == m_serverText.trimmed()))
        return;
    startLookup(input.value(), m_serverText.trimmed(), false);
}

void LoginController::startLookup(
    const Discovery::ServerInput &input, const QString &text, bool navigate)
{
    ++m_flowsGeneration; // whatever flows request is in flight is stale now
    m_lookupText = text;
    m_navigate = navigate;
    setBusy(navigate);
    if (!navigate)
        setLookupStatus(tr("Looking up %1…").arg(text));
    m_discovery.start(input);
}

void LoginController::onDiscoveryFailed(const Discovery::DiscoveryError &error)
{
    setBusy(false);
    if (m_navigate)
        setError(describeDiscoveryError(error));
    else if (!revalidationFailed(describeDiscoveryError(error)))
        setLookupStatus({}); // while typing, a failure is no news
}

bool LoginController::revalidationFailed(const QString &why)
{
    if (m_revalidating.isEmpty() || std::exchange(m_revalidating, {}) != m_lookupText)
        return false;
    setLookupStatus({});
    // The saved buttons stay usable (the server may only be slow), but the user should know
    // they were not confirmed: a provider removed since would fail in the browser.
    if (m_page == Page::Providers)
        setNotice(tr("These sign-in options are from your last visit: Portico could not check "
                     "them just now. %1")
                      .arg(why));
    return true;
}

void LoginController::onDiscovered(const Discovery::Homeserver &homeserver)
{
    const quint64 generation = ++m_flowsGeneration;
    const QString text = m_lookupText;
    Discovery::fetchLoginFlows(
        m_network, homeserver, this, [this, homeserver, generation, text](const auto &result) {
            if (generation != m_flowsGeneration)
                return;
            setBusy(false);
            if (!result) {
                if (m_navigate)
                    setError(result.error().describe() + u' '
                        + tr("Portico could not read how to sign in to this server. Try again."));
                else if (!revalidationFailed(result.error().describe()))
                    setLookupStatus({});
                return;
            }
            m_prefetched = Prefetched{text, homeserver, result.value()};
            m_cache.store(text, homeserver, result.value());
            if (!m_navigate && std::exchange(m_revalidating, {}) == text) {
                setLookupStatus({});
                if (m_page == Page::Providers && !sameChoices(*m_prefetched))
                    showProviders(*m_prefetched);
                return;
            }
            if (m_navigate) {
                showProviders(*m_prefetched);
                return;
            }
            const qsizetype count = result->identityProviders.size();
            setLookupStatus(result->offersBrowserLogin()
                    ? (count > 1 ? tr("Found %1 with %2 sign-in options.")
                                       .arg(homeserver.baseUrl.toDisplayString())
                                       .arg(count)
                            : count == 1 ? tr("Found %1 with one sign-in option.")
                                               .arg(homeserver.baseUrl.toDisplayString())
                                         : tr("Found %1 with single sign-on.")
                                               .arg(homeserver.baseUrl.toDisplayString()))
                    : tr("Found %1, without single sign-on.")
                          .arg(homeserver.baseUrl.toDisplayString()));
        });
}

void LoginController::showProviders(const Prefetched &found)
{
    const auto input = Discovery::parseServerInput(found.text);
    m_suggestedUser = input ? input->userId : QString();
    m_homeserver = found.homeserver;
    m_flows = found.flows;
    m_providers.setProviders(m_flows.identityProviders, found.homeserver.baseUrl);
    m_filtered.setFilterText({});
    Q_EMIT homeserverChanged();
    setLookupStatus({});
    if (!m_flows.offersBrowserLogin()) {
        if (m_flows.password)
            setPage(Page::Password);
        else
            setError(tr("This server offers no sign-in method Portico can use. Use another Matrix "
                        "app, or ask the server's administrator."));
        return;
    }
    setPage(Page::Providers);
    if (!m_autoProvider.isEmpty()) {
        const QString idp = std::exchange(m_autoProvider, QString());
        signIn(idp);
    }
}

void LoginController::signIn(const QString &idpId)
{
    if (!m_homeserver)
        return;
    setError({});
    setNotice({});
    m_sso.start(*m_homeserver, idpId);
    if (m_sso.step() == Sso::SsoLogin::Step::WaitingForBrowser)
        setPage(Page::Waiting);
}

void LoginController::cancelSignIn()
{
    m_sso.cancel();
    setBusy(false);
    setPage(m_homeserver ? Page::Providers : Page::Server);
}

void LoginController::reopenBrowser()
{
    m_sso.reopenBrowser();
}

void LoginController::submitCallbackUrl(const QString &url)
{
    using Kind = Sso::CallbackVerdict::Kind;
    if (m_sso.step() != Sso::SsoLogin::Step::WaitingForBrowser) {
        setError(tr("No sign-in is waiting for this link. Start the sign-in again."));
        return;
    }
    switch (m_sso.submitCallbackUrl(url)) {
    case Kind::Accepted:
        setError({});
        return;
    case Kind::NotCallback:
        setError(tr("This is not a Portico sign-in link. Copy the whole address from the page "
                    "your browser shows after you signed in."));
        return;
    case Kind::WrongNonce:
        setError(tr("This link belongs to another sign-in attempt. Use the link from the latest "
                    "attempt, or start again."));
        return;
    case Kind::MissingToken:
    case Kind::EmptyToken:
    case Kind::SeveralTokens:
        setError(tr("This link does not carry a valid sign-in token. Sign in again in the "
                    "browser."));
        return;
    }
}

void LoginController::signInAgain()
{
    if (m_softLoggedOut.userId.isEmpty())
        return;
    const Session::Session previous = m_softLoggedOut;
    setError({});
    setNotice({});
    setBusy(true);
    Discovery::checkHomeserver(m_network, previous.baseUrl, previous.plainHttpAllowed, this,
        [this, previous](const auto &result) {
            setBusy(false);
            if (!result) {
                setError(result.error().error.describe() + u' '
                    + tr("Portico could not reach your server to sign you in again. Try again."));
                return;
            }
            m_homeserver = result.value();
            Q_EMIT homeserverChanged();
            m_expectedUser = previous.userId;
            const QString method = previous.loginMethod;
            if (method == u"password") {
                m_suggestedUser = previous.userId;
                Q_EMIT homeserverChanged();
                setPage(Page::Password);
                return;
            }
            const QString idp = method.startsWith(u"sso:") ? method.mid(4) : QString();
            m_sso.start(*m_homeserver, idp, previous.deviceId);
            if (m_sso.step() == Sso::SsoLogin::Step::WaitingForBrowser)
                setPage(Page::Waiting);
        });
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
    if (!m_homeserver || user.trimmed().isEmpty() || password.isEmpty())
        return;
    setError({});
    setNotice({});
    setBusy(true);
    // Signing in again after a soft logout keeps the device.
    m_password.start(*m_homeserver, user, password,
        m_expectedUser.isEmpty() ? QString() : m_softLoggedOut.deviceId);
}

void LoginController::back()
{
    m_sso.cancel();
    m_password.cancel();
    m_discovery.cancel();
    ++m_flowsGeneration;
    if (m_page == Page::Password && m_homeserver && m_flows.offersBrowserLogin()) {
        setBusy(false);
        setError({});
        setPage(Page::Providers);
        return;
    }
    setBusy(false);
    setError({});
    // Adding an account is optional: back from the server page shows the current one again.
    if ((m_page == Page::Server || m_page == Page::Devices) && m_accounts.current()) {
        showCurrent();
        return;
    }
    setPage(Page::Server);
}

void LoginController::onSignedIn(const Session::Session &session, const QString &warning)
{
    if (!m_expectedUser.isEmpty() && session.userId != m_expectedUser) {
        // Another account at the IdP: end that session rather than mix it up with the device.
        const QString expected = std::exchange(m_expectedUser, QString());
        Session::AccountClient(m_network).logout(session, this, [](const auto &) {});
        setBusy(false);
        setPage(Page::Server);
        setError(tr("You signed in as %1, but this device belongs to %2. Sign in again as %2.")
                     .arg(session.userId, expected));
        return;
    }
    m_expectedUser.clear();
    if (session.key() == m_softLoggedOut.key())
        m_softLoggedOut = {};
    setNotice(warning);
    setBusy(true);
    m_pendingSignIn = session;
    m_store.save(session); // shows the signed-in page once the keychain has it
}

Session::Session LoginController::currentSession() const
{
    const Session::SessionKeeper *keeper = m_accounts.current();
    return keeper ? keeper->session() : Session::Session{};
}

void LoginController::showSession(const Session::Session &session)
{
    // Just signed in: the server has said yes, no need to ask it again (nor to report a check).
    Session::SessionKeeper *keeper = m_accounts.add(session);
    m_checkedByServer = false;
    keeper->markVerified();
    m_checkedByServer = true;
    m_accounts.setCurrent(session.key());
    showCurrent();
}

void LoginController::showCurrent()
{
    const Session::SessionKeeper *keeper = m_accounts.current();
    if (!keeper)
        return;
    m_devices.reset(); // they were another account's, or are out of date
    // Remembered for the next start, only for sessions that are stored (nothing is written
    // about an unsaved or ephemeral one), and only when it changes: no disk write at start.
    if (QSettings settings; !ephemeral() && keeper->key() != m_unsaved.key()
        && settings.value(CurrentAccountKey).toString() != keeper->key())
        settings.setValue(CurrentAccountKey, keeper->key());
    setSignOutQuestion({});
    Q_EMIT sessionChanged();
    setPage(Page::SignedIn);
}

QString LoginController::sessionState() const
{
    const Session::SessionKeeper *keeper = m_accounts.current();
    return keeper ? accountStateName(keeper->state()) : QString();
}

QString LoginController::sessionStatusText() const
{
    const Session::SessionKeeper *keeper = m_accounts.current();
    if (!keeper)
        return {};
    switch (keeper->state()) {
    case Session::SessionKeeper::State::Unverified:
    case Session::SessionKeeper::State::Verifying:
        return tr("Checking your session with the server…");
    case Session::SessionKeeper::State::Offline:
        return tr("%1 cannot be reached right now. %2 You are still signed in; Portico "
                  "keeps trying in the background.")
            .arg(keeper->session().baseUrl.host(), keeper->lastError().describe());
    case Session::SessionKeeper::State::Verified:
    case Session::SessionKeeper::State::SoftLoggedOut:
    case Session::SessionKeeper::State::Ended:
        break;
    }
    return {};
}

void LoginController::onKeeperStateChanged(Session::SessionKeeper *keeper)
{
    using State = Session::SessionKeeper::State;
    const Session::Session session = keeper->session();
    switch (keeper->state()) {
    case State::Verified:
        if (m_checkedByServer)
            Q_EMIT sessionVerified(session.userId, session.deviceId);
        break;
    case State::SoftLoggedOut:
    case State::Ended:
        endSession(keeper);
        return;
    case State::Unverified:
    case State::Verifying:
    case State::Offline:
        break;
    }
    if (keeper == m_accounts.current())
        Q_EMIT sessionChanged();
}

void LoginController::endSession(Session::SessionKeeper *keeper)
{
    const Session::Session session = keeper->session();
    const Matrix::Error why = keeper->lastError();
    const bool wasCurrent = keeper == m_accounts.current();
    m_accounts.remove(session.key());
    if (why.softLogout) {
        // The device stays on the server; so does what we stored, for signing in again.
        m_softLoggedOut = session;
        setNotice(
            tr("The server signed you out of %1. Sign in again to continue.").arg(session.userId));
    } else {
        m_store.remove(session);
        setNotice(
            tr("Your session as %1 has ended on the server. Sign in again.").arg(session.userId));
    }
    if (m_signOutKey == session.key())
        setSignOutQuestion({});
    if (wasCurrent)
        m_devices.reset();
    if (wasCurrent && m_accounts.rowCount() > 0) {
        m_accounts.setCurrent(m_accounts.keepers().constFirst()->key());
        showCurrent();
        return;
    }
    Q_EMIT sessionChanged();
    if (wasCurrent)
        setPage(Page::Server);
}

void LoginController::signOut()
{
    const Session::Session session = currentSession();
    if (!session.isValid())
        return;
    setBusy(true);
    setError({});
    setSignOutQuestion({});
    m_accounts.current()->signOut([this, session](const auto &result) {
        setBusy(false);
        if (!result && !result.error().is(u"M_UNKNOWN_TOKEN")
            && result.error().kind != Matrix::Error::Kind::Matrix) {
            // The server could not be asked: the device would stay signed in there. Ask first.
            qCWarning(lcUi) << "server-side sign out failed:" << result.error().describe();
            m_signOutKey = session.key();
            setSignOutQuestion(
                tr("%1 cannot be reached. %2 The device stays signed in on the server until "
                   "you remove it from another session. Remove %3 from this computer anyway?")
                    .arg(session.baseUrl.host(), result.error().describe(), session.userId));
            return;
        }
        // Signed out on the server (or it no longer knew the session): forget it here too.
        removeLocally(session);
    });
}

void LoginController::confirmSignOut()
{
    const Session::SessionKeeper *keeper = m_accounts.find(m_signOutKey);
    setSignOutQuestion({});
    if (keeper)
        removeLocally(keeper->session());
}

void LoginController::cancelSignOut()
{
    setSignOutQuestion({});
}

void LoginController::removeLocally(const Session::Session &session)
{
    const bool wasCurrent = m_accounts.current() && m_accounts.current()->key() == session.key();
    m_store.remove(session);
    m_accounts.remove(session.key());
    if (QSettings settings; settings.value(CurrentAccountKey).toString() == session.key())
        settings.remove(CurrentAccountKey);
    if (m_unsaved.key() == session.key()) {
        m_unsaved = {};
        Q_EMIT saveFailedChanged();
    }
    qCInfo(lcUi) << "signed out" << session.userId;
    if (!wasCurrent)
        return;
    m_devices.reset();
    if (m_accounts.rowCount() > 0) {
        m_accounts.setCurrent(m_accounts.keepers().constFirst()->key());
        showCurrent();
        return;
    }
    Q_EMIT sessionChanged();
    setPage(m_homeserver ? Page::Providers : Page::Server);
}

void LoginController::setSignOutQuestion(const QString &question)
{
    if (question.isEmpty())
        m_signOutKey.clear();
    if (m_signOutQuestion == question)
        return;
    m_signOutQuestion = question;
    Q_EMIT signOutQuestionChanged();
}

void LoginController::switchAccount(const QString &key)
{
    Session::SessionKeeper *keeper = m_accounts.find(key);
    if (!keeper)
        return;
    setError({});
    setNotice({});
    m_accounts.setCurrent(key);
    showCurrent();
    if (keeper->state() == Session::SessionKeeper::State::Offline)
        keeper->verify();
}

void LoginController::addAccount()
{
    setError({});
    setNotice({});
    setSignOutQuestion({});
    setPage(Page::Server);
}

void LoginController::showDevices()
{
    if (!m_accounts.current())
        return;
    setError({});
    setNotice({});
    m_devices.reset();
    setPage(Page::Devices);
    m_devices.refresh();
}

void LoginController::retryVerification()
{
    if (Session::SessionKeeper *keeper = m_accounts.current())
        keeper->verify();
}

} // namespace Portico::Ui
