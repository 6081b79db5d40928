// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session.h"

#include <QList>
#include <QObject>
#include <QString>

namespace Portico::Session {

struct StoreError
{
    enum class Reason {
        NoKeychain, // no session bus or no Secret Service
        Locked, // the keyring is locked or was never unlocked
        AccessDenied, // the user or the system refused
        Other,
    };
    enum class Operation { Save, Remove, Load };
    Reason reason;
    QString detail; // QtKeychain's text, for the details line
    // What failed, for which session: a failed background save of one account must not be
    // taken for the failure of another's sign-in.
    Operation operation = Operation::Save;
    QString key = {}; // Session::key()
};

// Keeps sessions: the tokens in the system keychain (QtKeychain: Secret Service on Linux), the
// rest in the application's settings. Tokens are never written anywhere else. The secret is
// written first and the settings entry second, so a crash leaves either the old state or the
// new one: settings never point at a session whose secret is missing by our doing.
class SessionStore : public QObject
{
    Q_OBJECT
public:
    enum class Persistence { Keychain, MemoryOnly };

    explicit SessionStore(
        Persistence persistence = Persistence::Keychain, QObject *parent = nullptr);

    Persistence persistence() const { return m_persistence; }

    void save(const Session &session);
    void remove(const Session &session);
    // The stored sessions as the settings describe them, without their secrets (memory-only:
    // the sessions themselves). Enough to show them while the keychain, slow on its first
    // contact, is still asked for the tokens.
    QList<Session> storedSessions() const;
    // Reads the secrets of these sessions; emits loaded() once, with those whose secret could be
    // read, and failed() (Operation::Load) for each the keychain refused.
    void loadSecrets(const QList<Session> &sessions);
    // Reads every stored session: loadSecrets(storedSessions()).
    void loadAll();

Q_SIGNALS:
    void saved(const Portico::Session::Session &session);
    void removed(const QString &key);
    void loaded(const QList<Portico::Session::Session> &sessions);
    void failed(const Portico::Session::StoreError &error);

private:
    void writeMetadata(const Session &session);
    void readNext(QList<Session> pending, QList<Session> done);

    Persistence m_persistence;
    QList<Session> m_memory;
};

// Maps a QtKeychain error code and text to what the user must do about it. Pure.
StoreError storeErrorFrom(int keychainError, const QString &text);

} // namespace Portico::Session
