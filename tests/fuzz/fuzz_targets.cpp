// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer targets for every parser of outside input. One source, one target per
// PORTICO_FUZZ_TARGET value; each also builds with replay.cpp into a plain test that runs its
// seed corpus (and every crash found, kept in the corpus) under the ordinary suite.
#include "discovery/providercache.h"
#include "discovery/serverinput.h"
#include "matrix/error.h"
#include "matrix/loginflows.h"
#include "matrix/loginresponse.h"
#include "matrix/mxc.h"
#include "matrix/refreshresponse.h"
#include "matrix/versions.h"
#include "matrix/wellknown.h"
#include "oauth/authmetadata.h"
#include "oauth/authorizationrequest.h"
#include "oauth/clientregistration.h"
#include "oauth/deviceauthorization.h"
#include "oauth/oautherror.h"
#include "oauth/tokenresponse.h"
#include "session/deviceclient.h"
#include "sso/callbackrequest.h"
#include "sso/ssoredirect.h"
#include "uia/challenge.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrlQuery>

#include <cstddef>
#include <cstdint>

using namespace Portico;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);
#if PORTICO_FUZZ_TARGET == 1 // well-known document
    (void)Matrix::parseWellKnown(bytes);
#elif PORTICO_FUZZ_TARGET == 2 // /versions
    if (const auto versions = Matrix::parseVersions(bytes))
        (void)versions->clientPrefix();
#elif PORTICO_FUZZ_TARGET == 3 // GET /login, and what the UI derives from each provider
    if (const auto flows = Matrix::parseLoginFlows(bytes)) {
        const QUrl base(QStringLiteral("https://hs.example.org/prefix"));
        for (const auto &idp : flows->identityProviders) {
            (void)Matrix::iconDownloadUrl(base, idp.icon);
            (void)Sso::ssoRedirectUrl(base, QStringLiteral("/_matrix/client/v3"), idp.id,
                QUrl(QStringLiteral("http://127.0.0.1:1/callback/x")));
        }
    }
#elif PORTICO_FUZZ_TARGET == 4 // POST /login response
    (void)Matrix::parseLoginResponse(bytes);
#elif PORTICO_FUZZ_TARGET == 5 // the loopback listener's request parsing
    if (const auto head = Sso::parseRequestHead(bytes, 8192))
        (void)Sso::checkCallbackTarget(head->target, QByteArrayLiteral("/callback/NONCE"));
#elif PORTICO_FUZZ_TARGET == 6 // callback URLs pasted or handed over (portico://)
    (void)Sso::checkCallbackUrl(text, QByteArrayLiteral("/callback/NONCE"));
#elif PORTICO_FUZZ_TARGET == 7 // what the user types in the server field
    (void)Discovery::parseServerInput(text);
#elif PORTICO_FUZZ_TARGET == 8 // error bodies and Retry-After
    const auto split = bytes.indexOf('\n');
    (void)Matrix::errorFromResponse(429, bytes.mid(split + 1), bytes.left(split < 0 ? 0 : split),
        QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
#elif PORTICO_FUZZ_TARGET == 9 // a User-Interactive Auth 401, and what the runner derives from it
    if (const auto challenge = Uia::parseChallenge(bytes)) {
        if (const auto choice = Uia::chooseFlow(*challenge, Uia::nativeStages()))
            (void)Uia::fallbackUrl(QUrl(QStringLiteral("https://hs.example.org/prefix")),
                choice->nextStage(), challenge->session);
        for (const auto &policy : challenge->termsPolicies)
            (void)policy.text({QStringLiteral("de-CH"), QStringLiteral("fr")});
    }
#elif PORTICO_FUZZ_TARGET == 10 // GET /devices
    if (const auto list = Session::parseDevices(bytes))
        for (const auto &device : list->devices)
            (void)device.lastSeen.toLocalTime();
#elif PORTICO_FUZZ_TARGET == 11 // POST /refresh response
    (void)Matrix::parseRefreshResponse(bytes);
#elif PORTICO_FUZZ_TARGET == 12 // the provider cache file (ours, but a disk can hand back anything)
    (void)Discovery::parseProviderCache(bytes);
#elif PORTICO_FUZZ_TARGET == 13 // OAuth authorisation server metadata, and the URLs made from it
    if (const auto metadata = OAuth::parseAuthMetadata(bytes))
        (void)metadata->accountManagementUrl(metadata->deviceDeleteAction(), text);
#elif PORTICO_FUZZ_TARGET == 14 // OAuth client registration response
    (void)OAuth::parseClientRegistration(bytes);
#elif PORTICO_FUZZ_TARGET == 15 // OAuth token endpoint response
    (void)OAuth::parseTokenResponse(bytes);
#elif PORTICO_FUZZ_TARGET == 16 // OAuth device authorisation response
    if (const auto device = OAuth::parseDeviceAuthorization(bytes))
        (void)device->qrUrl();
#elif PORTICO_FUZZ_TARGET == 17 // OAuth error bodies, and callback queries
    (void)OAuth::parseOAuthError(bytes);
    (void)OAuth::oauthErrorFromQuery(QUrlQuery(text));
#elif PORTICO_FUZZ_TARGET == 18 // OAuth authorisation callbacks (loopback, dev.portico:, pasted)
    OAuth::AuthorizationRequest request;
    request.redirectUri = QStringLiteral("http://127.0.0.1:4711/callback/NONCE");
    request.state = QStringLiteral("STATE");
    (void)OAuth::checkCallback(QUrl(text), request);
    request.redirectUri = QStringLiteral("dev.portico:/callback");
    (void)OAuth::checkCallback(QUrl(text), request);
#else
#error "set PORTICO_FUZZ_TARGET"
#endif
    return 0;
}
