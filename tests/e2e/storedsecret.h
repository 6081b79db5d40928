// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QString>

#include <qt6keychain/keychain.h>

// The secret the app stored for `key`, read back through QtKeychain like any other client would;
// empty when there is none. Header-only: the end-to-end tests that need it link QtKeychain.
inline QJsonObject storedSecret(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(QStringLiteral(PORTICO_APP_ID));
    job->setKey(key);
    QSignalSpy done(job, &QKeychain::Job::finished);
    job->start();
    if (!done.wait(10000) || job->error() != QKeychain::NoError)
        return {};
    return QJsonDocument::fromJson(job->binaryData()).object();
}
