// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Every sentence the sign-in pages show, in one place: what happened, and what to do about it.
// Pure functions of what went wrong; translated in the "Portico::Ui" context.

#include "discovery/homeserverdiscovery.h"
#include "matrix/error.h"
#include "matrix/loginflows.h"
#include "oauth/oauthlogin.h"
#include "oauth/signinerror.h"
#include "signin/signinmethod.h"
#include "sso/callbackrequest.h"

#include <QDateTime>
#include <QLocale>
#include <QString>

#include <chrono>
#include <optional>

namespace Portico::Session {
class SessionKeeper;
struct StoreError;
} // namespace Portico::Session

namespace Portico::Ui {

// Looking a server up.
QString describeDiscoveryError(const Discovery::DiscoveryError &error);
QString lookingUpText(const QString &typed);
QString foundText(const QUrl &baseUrl, const Matrix::LoginFlows &flows);
QString flowsUnreadableText(const Matrix::Error &error);
QString noUsableMethodText();
QString revalidationFailedText(const QString &why);

// Signing in.
QString describeSsoError(
    const SignIn::Failure &failure, const QDateTime &now = QDateTime::currentDateTime());
QString describePasswordError(
    const Matrix::Error &error, const QDateTime &now = QDateTime::currentDateTime());
// `when` to the minute in the locale's short format (no seconds, also in the C locale), with
// its date unless it is `today`.
QString clockTime(const QDateTime &when, const QDate &today, const QLocale &locale);
// When a rate-limited sign-in may be tried again (a 429's Retry-After or retry_after_ms, from
// `now`): "You can try again in 20 seconds." or "You can try again at 14:32."; without a wait,
// "Wait a moment, then try again."
QString tryAgainWhenText(std::optional<std::chrono::milliseconds> wait, const QDateTime &now);
QString noSignInWaitingText();
// Empty for an accepted link.
QString describeCallbackVerdict(Sso::CallbackVerdict::Kind kind);
QString signInAgainUnreachableText(const Matrix::Error &error);
QString wrongUserText(const QString &signedInAs, const QString &expected);

// Keeping the account.
QString describeStoreError(const Session::StoreError &error);
// For scripts and tests: "no-keychain", "locked", "access-denied" or "other".
QString storeFailureName(const Session::StoreError &error);
QString ephemeralNoticeText();
QString sessionStatusText(const Session::SessionKeeper &keeper);
QString softLogoutNoticeText(const QString &userId);
QString sessionEndedNoticeText(const QString &userId);
QString signOutQuestionText(const QString &host, const Matrix::Error &error, const QString &userId);
// Shown from the settings at start, but the keychain gave no tokens for these accounts: why
// (nullptr: it answered that it holds none, which a locked keyring answers too).
QString unreadableSessionsText(const QStringList &userIds, const Session::StoreError *why);

// Signing in through the OAuth 2.0 API.
QString describeOAuthError(const OAuth::SignInError &error);
// Empty for an accepted link.
QString describeOAuthCallbackVerdict(OAuth::OAuthLogin::Verdict verdict);

} // namespace Portico::Ui
