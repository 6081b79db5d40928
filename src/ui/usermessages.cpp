// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "usermessages.h"

#include "matrix/translate.h"
#include "session/sessionkeeper.h"
#include "session/sessionstore.h"

#include <QLocale>
#include <QRegularExpression>

namespace Portico::Ui {

namespace {
// lupdate files a free function's tr() under its namespace: translate in that context.
PORTICO_TRANSLATION_CONTEXT("Portico::Ui")
} // namespace

QString describeStoreError(const Session::StoreError &error)
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
        if (!error.error.plainHttpUrl.isEmpty()) // a plain-http server on this machine
            return error.error.describe() + u' '
                + tr("If it is your own test server, enter %1 instead.")
                      .arg(error.error.plainHttpUrl.toString());
        return error.error.describe() + u' '
            + tr("Check the address and your connection, then try again.");
    }
    return {};
}

QString clockTime(const QDateTime &when, const QDate &today, const QLocale &locale)
{
    // The locale's short format, without its seconds: the C locale's has them ("HH:mm:ss"), and
    // a time to try again at is given to the minute. Qt has no minute-only format of its own.
    static const QRegularExpression seconds(QStringLiteral("[:.]?\\bs{1,2}\\b"));
    if (when.date() == today)
        return locale.toString(
            when.time(), locale.timeFormat(QLocale::ShortFormat).remove(seconds).trimmed());
    return locale.toString(
        when, locale.dateTimeFormat(QLocale::ShortFormat).remove(seconds).trimmed());
}

QString tryAgainWhenText(std::optional<std::chrono::milliseconds> wait, const QDateTime &now)
{
    if (!wait || wait->count() <= 0)
        return tr("Wait a moment, then try again.");
    if (*wait < std::chrono::minutes(1)) {
        const int seconds = int((wait->count() + 999) / 1000);
        if (seconds == 1)
            return tr("You can try again in a second.");
        return tr("You can try again in %1 seconds.").arg(seconds);
    }
    // A clock time stays true while the message stays on screen; a date once it is not today.
    const QDateTime when = now.addMSecs(wait->count());
    return tr("You can try again at %1.").arg(clockTime(when, now.date(), QLocale()));
}

QString describePasswordError(const Matrix::Error &error, const QDateTime &now)
{
    if (error.is(u"M_FORBIDDEN"))
        return tr("The user name or the password is wrong. Check them and try again.");
    if (error.is(u"M_USER_DEACTIVATED"))
        return tr("This account has been deactivated. Contact the server's administrator.");
    if (error.is(u"M_USER_LOCKED"))
        return tr("This account is locked. Contact the server's administrator.");
    if (error.kind == Matrix::Error::Kind::RateLimited)
        return error.retryAfter
            ? tr("Too many attempts.") + u' ' + tryAgainWhenText(error.retryAfter, now)
            : tr("Too many attempts. Wait a moment, then try again.");
    return error.describe() + u' ' + tr("Try again.");
}

QString describeSsoError(const SignIn::Failure &error, const QDateTime &now)
{
    using Reason = SignIn::Failure::Reason;
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
    if (e.kind == Matrix::Error::Kind::RateLimited)
        return tr("The server is busy and turned the sign-in away.") + u' '
            + tryAgainWhenText(e.retryAfter, now);
    if (e.kind == Matrix::Error::Kind::InvalidResponse || e.kind == Matrix::Error::Kind::NotJson)
        return tr("The server's answer to the sign-in was incomplete. Try again later.");
    return e.describe() + u' ' + tr("Try again.");
}

QString lookingUpText(const QString &typed)
{
    return tr("Looking up %1…").arg(typed);
}

QString foundText(const QUrl &baseUrl, const Matrix::LoginFlows &flows)
{
    const QString server = baseUrl.toDisplayString();
    const qsizetype count = flows.identityProviders.size();
    if (!flows.offersBrowserLogin())
        return tr("Found %1, without single sign-on.").arg(server);
    if (count > 1)
        return tr("Found %1 with %2 sign-in options.").arg(server).arg(count);
    if (count == 1)
        return tr("Found %1 with one sign-in option.").arg(server);
    return tr("Found %1 with single sign-on.").arg(server);
}

QString flowsUnreadableText(const Matrix::Error &error)
{
    return error.describe() + u' '
        + tr("Portico could not read how to sign in to this server. Try again.");
}

QString noUsableMethodText()
{
    return tr("This server offers no sign-in method Portico can use. Use another Matrix "
              "app, or ask the server's administrator.");
}

QString revalidationFailedText(const QString &why)
{
    return tr("These sign-in options are from your last visit: Portico could not check "
              "them just now. %1")
        .arg(why);
}

QString noSignInWaitingText()
{
    return tr("No sign-in is waiting for this link. Start the sign-in again.");
}

QString describeCallbackVerdict(Sso::CallbackVerdict::Kind kind)
{
    using Kind = Sso::CallbackVerdict::Kind;
    switch (kind) {
    case Kind::Accepted:
        return {};
    case Kind::NotCallback:
        return tr("This is not a Portico sign-in link. Copy the whole address from the page "
                  "your browser shows after you signed in.");
    case Kind::WrongNonce:
        return tr("This link belongs to another sign-in attempt. Use the link from the latest "
                  "attempt, or start again.");
    case Kind::MissingToken:
    case Kind::EmptyToken:
    case Kind::SeveralTokens:
        break;
    }
    return tr("This link does not carry a valid sign-in token. Sign in again in the "
              "browser.");
}

QString signInAgainUnreachableText(const Matrix::Error &error)
{
    return error.describe() + u' '
        + tr("Portico could not reach your server to sign you in again. Try again.");
}

QString wrongUserText(const QString &signedInAs, const QString &expected)
{
    return tr("You signed in as %1, but this device belongs to %2. Sign in again as %2.")
        .arg(signedInAs, expected);
}

QString ephemeralNoticeText()
{
    return tr("Portico runs without saving: this session ends when you quit.");
}

QString sessionStatusText(const Session::SessionKeeper &keeper)
{
    switch (keeper.state()) {
    case Session::SessionKeeper::State::Unverified:
    case Session::SessionKeeper::State::Verifying:
        return tr("Checking your session with the server…");
    case Session::SessionKeeper::State::Offline:
        return tr("%1 cannot be reached right now. %2 You are still signed in; Portico "
                  "keeps trying in the background.")
            .arg(keeper.session().baseUrl.host(), keeper.lastError().describe());
    case Session::SessionKeeper::State::Verified:
    case Session::SessionKeeper::State::SoftLoggedOut:
    case Session::SessionKeeper::State::Ended:
        break;
    }
    return {};
}

QString softLogoutNoticeText(const QString &userId)
{
    return tr("The server signed you out of %1. Sign in again to continue.").arg(userId);
}

QString sessionEndedNoticeText(const QString &userId)
{
    return tr("Your session as %1 has ended on the server. Sign in again.").arg(userId);
}

QString signOutQuestionText(const QString &host, const Matrix::Error &error, const QString &userId)
{
    return tr("%1 cannot be reached. %2 The device stays signed in on the server until "
              "you remove it from another session. Remove %3 from this computer anyway?")
        .arg(host, error.describe(), userId);
}

QString describeOAuthError(const OAuth::SignInError &error)
{
    using Kind = OAuth::SignInError::Kind;
    const QString detail = error.oauth && !error.oauth->description.isEmpty()
        ? u' ' + tr("The server said: “%1”").arg(error.oauth->description.left(200))
        : QString();
    switch (error.kind) {
    case Kind::AccessDenied:
        return tr("The sign-in was declined at the server, so you are not signed in. Start "
                  "again if that was not what you meant.");
    case Kind::Browser:
        return tr("Portico could not open your web browser. Make sure a default browser is set, "
                  "then try again.");
    case Kind::TimedOut:
    case Kind::Expired:
        return tr("The sign-in was not completed in time. Start it again when you are ready.");
    case Kind::Registration:
        return tr("The server refused to register Portico for signing in.") + detail + u' '
            + tr("Try again later, or contact the server's administrator.");
    case Kind::Listener:
        return tr("Portico could not open a local port for the browser to return to. Try "
                  "again.");
    case Kind::Authorization:
        return tr("The server ended the sign-in with an error.") + detail + u' ' + tr("Try again.");
    case Kind::TokenRequest:
    case Kind::DeviceAuthorization:
        if (error.oauth)
            return tr("The server did not accept the sign-in (it may have expired).") + detail
                + u' ' + tr("Start again.");
        return error.error.describe() + u' ' + tr("Try again.");
    case Kind::WhoAmI:
        return tr("The server gave Portico a session that does not work. Try again.");
    }
    return error.error.describe() + u' ' + tr("Try again.");
}

QString describeOAuthCallbackVerdict(OAuth::OAuthLogin::Verdict verdict)
{
    using Verdict = OAuth::OAuthLogin::Verdict;
    switch (verdict) {
    case Verdict::Accepted:
        return {};
    case Verdict::NotWaiting:
        return noSignInWaitingText();
    case Verdict::NotOurs:
        return tr("This is not a Portico sign-in link. Copy the whole address from the page "
                  "your browser shows after you signed in.");
    case Verdict::NoState:
    case Verdict::WrongState:
        return tr("This link belongs to another sign-in attempt. Use the link from the latest "
                  "attempt, or start again.");
    case Verdict::WrongIssuer:
        return tr("This link comes from another sign-in server than the one Portico sent you "
                  "to. Start the sign-in again.");
    case Verdict::NoCode:
    case Verdict::SeveralCodes:
        break;
    }
    return tr("This link does not carry a valid sign-in code. Sign in again in the browser.");
}

QString unreadableSessionsText(const QStringList &userIds, const Session::StoreError *why)
{
    const QString users = userIds.join(QStringLiteral(", "));
    if (!why)
        return tr("Your keychain holds no session for %1: it may be locked. Unlock it and start "
                  "Portico again; the account is still kept on this computer.")
            .arg(users);
    using Reason = Session::StoreError::Reason;
    switch (why->reason) {
    case Reason::NoKeychain:
        return tr("No keychain is available, so your session as %1 cannot be used. Start your "
                  "Secret Service (such as GNOME Keyring or KWallet) and start Portico again; the "
                  "account is still kept on this computer.")
            .arg(users);
    case Reason::Locked:
        return tr("Your keychain is locked, so your session as %1 cannot be used. Unlock it and "
                  "start Portico again; the account is still kept on this computer.")
            .arg(users);
    case Reason::AccessDenied:
        return tr("Access to your keychain was refused, so your session as %1 cannot be used. "
                  "Allow Portico to use it and start Portico again; the account is still kept on "
                  "this computer.")
            .arg(users);
    case Reason::Other:
        break;
    }
    return tr("Your session as %1 could not be read from the keychain (%2). Start Portico again "
              "to retry; the account is still kept on this computer.")
        .arg(users, why->detail);
}

} // namespace Portico::Ui
