// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// Runs the built `portico` binary for end-to-end tests: its own config and cache folders under a
// scratch folder, the xdg-open stub first on PATH (it records the URLs the app opens and can hand
// them to headless Chromium), a real display. Reads what the app reports on stdout.
class AppDriver
{
public:
    explicit AppDriver(const QTemporaryDir &scratch)
        : m_scratch(scratch)
    {}
    // Runs this binary instead of the one built (an installed or unpacked copy).
    void setBinary(const QString &path) { m_binary = path; }
    QString binary() const { return m_binary; }

    // `wrapper` runs the app inside another command (e.g. dbus-run-session --).
    std::unique_ptr<QProcess> launch(const QStringList &arguments, const QString &browser = {},
        const QStringList &wrapper = {}, const QProcessEnvironment &extra = {}) const;
    static void stop(QProcess &app);
    // The stdout line that is `prefix` or starts with it and a space, split at spaces
    // ("signed-in USER …").
    static QStringList waitForLine(QProcess &app, const QString &prefix, QString &stdoutSoFar);
    // Plays the user in a scripted browser on `opened` (the URL the app opened), then waits for
    // the app's "signed-in" line: its fields, or empty, with what the app said in `output`.
    static QStringList signInInBrowser(QProcess &app, const QUrl &opened, QString &output);
    // Types `keys` (xdotool names: "Return", "shift+Tab") into the window of process `pid`, as a
    // keyboard user would (XTEST on Xvfb). The app's own pid: a wrapper's has no window.
    static bool typeKeys(qint64 pid, const QStringList &keys);
    // The last URL the app asked the desktop to open.
    QUrl waitForOpenedUrl() const;
    void forgetOpenedUrls() const;
    QString openedUrlsLog() const;

private:
    const QTemporaryDir &m_scratch;
    QString m_binary = QStringLiteral(PORTICO_BINARY);
};
