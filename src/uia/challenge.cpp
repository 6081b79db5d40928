// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "challenge.h"

#include "matrix/endpoint.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Portico::Uia {

using Matrix::Unexpected;

namespace {
Unexpected<ChallengeError> fail(ChallengeError::Kind kind, const QString &detail)
{
    return Unexpected{ChallengeError{kind, detail}};
}

QUrl policyUrl(const QJsonValue &value)
{
    // Only web pages: the user opens this in a browser, so no javascript:, file: or the like.
    const QUrl url(value.toString(), QUrl::StrictMode);
    if (!value.isString() || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"https" && url.scheme() != u"http"))
        return {};
    return url;
}

QList<TermsPolicy> parseTerms(const QJsonValue &params, QStringList &warnings)
{
    QList<TermsPolicy> policies;
    if (params.isUndefined())
        return policies;
    const QJsonValue policiesValue = params.toObject().value(u"policies");
    if (!policiesValue.isObject()) {
        warnings.append(QStringLiteral("m.login.terms has no policies object"));
        return policies;
    }
    const QJsonObject all = policiesValue.toObject();
    for (auto it = all.begin(); it != all.end(); ++it) {
        if (!it.value().isObject()) {
            warnings.append(QStringLiteral("policy %1 is not an object").arg(it.key()));
            continue;
        }
        const QJsonObject object = it.value().toObject();
        TermsPolicy policy;
        policy.id = it.key();
        policy.version = object.value(u"version").toString();
        for (auto lang = object.begin(); lang != object.end(); ++lang) {
            if (lang.key() == u"version" || !lang.value().isObject())
                continue;
            const QJsonObject text = lang.value().toObject();
            const QUrl url = policyUrl(text.value(u"url"));
            if (url.isEmpty()) {
                warnings.append(QStringLiteral("policy %1 (%2) has no http(s) url")
                                    .arg(it.key(), lang.key().left(16)));
                continue;
            }
            QString name = text.value(u"name").toString().trimmed();
            if (name.isEmpty())
                name = it.key();
            policy.texts.insert(lang.key(), PolicyText{lang.key(), name, url});
        }
        if (policy.texts.isEmpty()) {
            warnings.append(QStringLiteral("policy %1 has no usable language").arg(it.key()));
            continue;
        }
        policies.append(policy);
    }
    return policies;
}

QList<Matrix::IdentityProvider> parseSsoProviders(const QJsonValue &params, QStringList &warnings)
{
    const QJsonValue providers = params.toObject().value(u"identity_providers");
    if (!providers.isArray())
        return {};
    // The same rules as GET /login's providers (ids, duplicates, names, brands): reuse them.
    QJsonObject flow = params.toObject();
    flow.insert(QStringLiteral("type"), QString(SsoStage.toString()));
    const auto parsed
        = Matrix::parseLoginFlows(QJsonObject{{QStringLiteral("flows"), QJsonArray{flow}}});
    if (!parsed)
        return {};
    warnings.append(parsed->warnings);
    return parsed->identityProviders;
}
} // namespace

PolicyText TermsPolicy::text(const QStringList &preferred) const
{
    for (const QString &language : preferred) {
        if (const auto it = texts.constFind(language); it != texts.cend())
            return *it;
        // "de-CH" or "de_CH" also takes "de".
        const QString primary = language.section(u'-', 0, 0).section(u'_', 0, 0);
        if (const auto it = texts.constFind(primary); it != texts.cend())
            return *it;
    }
    if (const auto it = texts.constFind(QStringLiteral("en")); it != texts.cend())
        return *it;
    return texts.isEmpty() ? PolicyText{} : texts.first();
}

Matrix::Expected<Challenge, ChallengeError> parseChallenge(const QJsonObject &body)
{
    using Kind = ChallengeError::Kind;
    Challenge challenge;

    const QJsonValue flowsValue = body.value(u"flows");
    if (!flowsValue.isArray() || flowsValue.toArray().isEmpty())
        return fail(Kind::MissingFlows, QStringLiteral("no flows array"));
    const QJsonArray flows = flowsValue.toArray();
    if (flows.size() > MaxFlows)
        return fail(Kind::TooLarge, QStringLiteral("%1 flows").arg(flows.size()));
    for (qsizetype i = 0; i < flows.size(); ++i) {
        const QJsonValue stagesValue = flows.at(i).toObject().value(u"stages");
        if (!flows.at(i).isObject() || !stagesValue.isArray() || stagesValue.toArray().isEmpty())
            return fail(Kind::BadFlow, QStringLiteral("flow #%1 has no stages array").arg(i));
        const QJsonArray stages = stagesValue.toArray();
        if (stages.size() > MaxStagesPerFlow)
            return fail(
                Kind::TooLarge, QStringLiteral("flow #%1 has %2 stages").arg(i).arg(stages.size()));
        QStringList flow;
        for (qsizetype j = 0; j < stages.size(); ++j) {
            if (!stages.at(j).isString() || stages.at(j).toString().isEmpty())
                return fail(Kind::BadStage,
                    QStringLiteral("stage #%1 of flow #%2 is not a string").arg(j).arg(i));
            flow.append(stages.at(j).toString());
        }
        challenge.flows.append(flow);
    }

    if (const QJsonValue completed = body.value(u"completed"); !completed.isUndefined()) {
        if (!completed.isArray())
            return fail(Kind::BadCompleted, QStringLiteral("completed is not an array"));
        for (const QJsonValue &stage : completed.toArray()) {
            if (!stage.isString())
                return fail(Kind::BadCompleted, QStringLiteral("completed holds a non-string"));
            challenge.completed.append(stage.toString());
        }
    }

    if (const QJsonValue session = body.value(u"session"); !session.isUndefined()) {
        if (!session.isString() || session.toString().isEmpty())
            return fail(Kind::BadSession, QStringLiteral("session is not a non-empty string"));
        challenge.session = session.toString();
    }

    if (const QJsonValue params = body.value(u"params"); !params.isUndefined()) {
        if (!params.isObject())
            return fail(Kind::BadParams, QStringLiteral("params is not an object"));
        challenge.params = params.toObject();
        for (auto it = challenge.params.begin(); it != challenge.params.end(); ++it)
            if (!it.value().isObject())
                return fail(Kind::BadParams,
                    QStringLiteral("params of %1 is not an object").arg(it.key().left(64)));
        challenge.termsPolicies
            = parseTerms(challenge.params.value(TermsStage.toString()), challenge.warnings);
        challenge.ssoProviders
            = parseSsoProviders(challenge.params.value(SsoStage.toString()), challenge.warnings);
    }

    // A failed attempt (wrong password) comes back as the same 401 plus errcode and error.
    challenge.errcode = body.value(u"errcode").toString();
    challenge.error = body.value(u"error").toString().left(500);
    return challenge;
}

Matrix::Expected<Challenge, ChallengeError> parseChallenge(const QByteArray &body)
{
    if (body.size() > MaxChallengeBytes)
        return fail(ChallengeError::Kind::TooLarge, QStringLiteral("%1 bytes").arg(body.size()));
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return fail(ChallengeError::Kind::NotJson, QStringLiteral("not a JSON object"));
    return parseChallenge(doc.object());
}

bool isChallengeBody(int httpStatus, const QJsonObject &body)
{
    return httpStatus == 401 && body.contains(u"flows");
}

QStringList nativeStages()
{
    return {PasswordStage.toString(), DummyStage.toString(), TermsStage.toString()};
}

std::optional<FlowChoice> chooseFlow(
    const Challenge &challenge, const QStringList &native, const QString &preferred)
{
    std::optional<FlowChoice> best;
    const qsizetype done = challenge.completed.size();
    for (qsizetype i = 0; i < challenge.flows.size(); ++i) {
        const QStringList &stages = challenge.flows.at(i);
        // Stages are done in order: only flows that begin with what is completed continue it.
        if (stages.size() < done || stages.mid(0, done) != challenge.completed)
            continue;
        FlowChoice choice;
        choice.flowIndex = int(i);
        choice.stages = stages;
        choice.nextIndex = int(done);
        choice.fullyNative = std::all_of(stages.cbegin() + done, stages.cend(),
            [&](const QString &stage) { return native.contains(stage); });
        const auto remaining = [](const FlowChoice &c) { return c.stages.size() - c.nextIndex; };
        const auto wanted = [&preferred](const FlowChoice &c) {
            return !preferred.isEmpty() && c.stages.indexOf(preferred, c.nextIndex) >= 0;
        };
        if (!best || (wanted(choice) && !wanted(*best))) {
            best = choice;
            continue;
        }
        if (wanted(choice) != wanted(*best))
            continue;
        if ((choice.fullyNative && !best->fullyNative)
            || (choice.fullyNative == best->fullyNative && remaining(choice) < remaining(*best)))
            best = choice;
    }
    return best;
}

QUrl fallbackUrl(const QUrl &baseUrl, const QString &stage, const QString &session)
{
    QUrl url = Matrix::endpoint(baseUrl,
        QStringLiteral("/_matrix/client/v3/auth/%1/fallback/web")
            .arg(Matrix::encodePathSegment(stage)));
    url.setQuery(QStringLiteral("session=") + Matrix::encodeQueryValue(session), QUrl::StrictMode);
    return url;
}

} // namespace Portico::Uia
