// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer targets for what a profile brings: the profile document and the avatar bytes. Kept
// apart from fuzz_targets.cpp (same scheme, its own index) so that both lists can grow.
#include "matrix/imagecheck.h"
#include "matrix/mediaurl.h"
#include "session/profileclient.h"

#include <QByteArray>
#include <QUrl>

#include <cstddef>
#include <cstdint>

using namespace Portico;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
#if PORTICO_FUZZ_MEDIA_TARGET == 1 // GET /profile/{userId}, and the thumbnail URLs built from it
    if (const auto profile = Session::parseProfile(bytes)) {
        if (profile->avatar) {
            const QUrl base(QStringLiteral("https://hs.example.org/prefix"));
            (void)Matrix::authenticatedThumbnailUrl(base, *profile->avatar, {96, 96});
            (void)Matrix::legacyThumbnailUrl(base, *profile->avatar, {96, 96});
            (void)Matrix::MxcUri::parse(profile->avatar->toString());
        }
    }
#elif PORTICO_FUZZ_MEDIA_TARGET == 2 // avatar and icon bytes
    (void)Matrix::decodeCheckedImage(bytes, {96, 96});
#else
#error "set PORTICO_FUZZ_MEDIA_TARGET"
#endif
    return 0;
}
