// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "matrix/expected.h"
#include "matrix/loginflows.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Portico::Uia {

// Stage types of the spec that Portico names.
inline constexpr QStringView PasswordStage = u"m.login.password";
inline constexpr QStringView DummyStage = u"m.login.dummy";
inline constexpr QStringView TermsStage = u"m.login.terms";
inline constexpr QStringView SsoStage = u"m.login.sso";

// One language version of a policy (m.login.terms params).
struct PolicyText
{
    QString language; // e.g. "en"
    QString name; // never empty: falls back to the policy's id
    QUrl url; // http or https only

    bool operator==(const PolicyText &) const = default;
};

// One policy the user must accept in an m.login.terms stage.
struct TermsPolicy
{
    QString id; // the key in `policies`, e.g. "privacy_policy"
    QString version;
    QMap<QString, PolicyText> texts; // by language; never empty

    // The text in the first language of `preferred` the policy has (a preferred "de-CH" also
    // matches "de"), else English, else the first language in alphabetical order.
    PolicyText text(const QStringList &preferred) const;
    bool operator==(const TermsPolicy &) const = default;
};

// The 401 a User-Interactive Auth endpoint answers (CS §User-Interactive Authentication API).
struct Challenge
{
    QList<QStringList> flows; // server order; each a non-empty ordered list of stage types
    QJsonObject params; // per stage type, as the server sent them
    QString session; // may be empty: some servers give none on the first answer
    QStringList completed; // stages done so far in this session, in order
    QString errcode; // set when the last attempt failed (e.g. M_FORBIDDEN: wrong password)
    QString error; // the server's message for errcode, at most 500 characters
    QList<TermsPolicy> termsPolicies; // from params["m.login.terms"]["policies"]
    // From params["m.login.sso"]["identity_providers"]: only an early MSC2858 draft had it; the
    // final spec lets the server pick the provider. Same validation as GET /login's providers.
    QList<Matrix::IdentityProvider> ssoProviders;
    QStringList warnings; // what was skipped inside params and why; never fatal
};

// Why a body is not a UIA challenge.
struct ChallengeError
{
    enum class Kind {
        NotJson, // not a JSON object
        TooLarge, // beyond what any real server sends (MaxChallengeBytes, MaxFlows, MaxStages)
        MissingFlows, // no `flows`, or it is not a non-empty array
        BadFlow, // a flow that is not an object with a non-empty `stages` array
        BadStage, // a stage that is not a non-empty string
        BadCompleted, // `completed` present but not an array of strings
        BadSession, // `session` present but not a non-empty string
        BadParams, // `params` present but not an object (or a stage's params not an object)
    };
    Kind kind = Kind::NotJson;
    QString detail;
};

inline constexpr qsizetype MaxChallengeBytes = 1024 * 1024;
inline constexpr qsizetype MaxFlows = 64;
inline constexpr qsizetype MaxStagesPerFlow = 32;

// Pure. Structural problems are fatal (the client cannot know what to do); problems inside a
// stage's params are skipped with a warning, since the stage can still be done via fallback.
Matrix::Expected<Challenge, ChallengeError> parseChallenge(const QJsonObject &body);
Matrix::Expected<Challenge, ChallengeError> parseChallenge(const QByteArray &body);

// Whether an error body looks like a UIA challenge (a 401 with `flows`), as opposed to an
// ordinary 401 such as M_UNKNOWN_TOKEN.
bool isChallengeBody(int httpStatus, const QJsonObject &body);

// The stages Portico completes itself: the others go through the fallback web page.
QStringList nativeStages();

// The flow chosen for a challenge, and where in it we are.
struct FlowChoice
{
    int flowIndex = -1; // into Challenge::flows
    QStringList stages; // the whole flow
    int nextIndex = 0; // index of the next stage; == stages.size() when all are completed
    bool fullyNative = false; // every remaining stage is native

    bool isComplete() const { return nextIndex >= stages.size(); }
    QString nextStage() const { return isComplete() ? QString() : stages.at(nextIndex); }
};

// Pure. Considers only flows whose stages begin with `completed`, in order. Prefers flows whose
// remaining stages are all in `native`, then the fewest remaining stages, then server order.
// Nothing when no flow continues what is completed.
// `preferred` (optional): a stage the user is known to be able to do, such as m.login.sso for
// someone who signed in through SSO and may have no password; flows with it come first.
std::optional<FlowChoice> chooseFlow(
    const Challenge &challenge, const QStringList &native, const QString &preferred = {});

// The fallback page of `stage` for `session`: {base}/_matrix/client/v3/auth/{stage}/fallback/web
// ?session={session}, both values percent-encoded.
QUrl fallbackUrl(const QUrl &baseUrl, const QString &stage, const QString &session);

} // namespace Portico::Uia

Q_DECLARE_METATYPE(Portico::Uia::Challenge)
