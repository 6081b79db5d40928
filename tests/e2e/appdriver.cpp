// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "appdriver.h"

#include "scriptedbrowser.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace {
QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}
} // namespace

std::unique_ptr<QProcess> AppDriver::launch(const QStringList &arguments, const QString &browser,
    const QStringList &wrapper, const QProcessEnvironment &extra) const
{
    auto app = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"),
        QStringLiteral(E2E_STUB_DIR) + u':' + env.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_scratch.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_scratch.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("PORTICO_E2E_URL_LOG"), openedUrlsLog());
    env.insert(QStringLiteral("PORTICO_E2E_BROWSER"), browser);
    env.insert(
        QStringLiteral("PORTICO_E2E_PROFILE"), m_scratch.filePath(QStringLiteral("chromium")));
    env.insert(
        QStringLiteral("PORTICO_E2E_DOM"), m_scratch.filePath(QStringLiteral("final-page.html")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    env.remove(QStringLiteral("QT_LOGGING_RULES"));
    for (const QString &key : extra.keys())
        env.insert(key, extra.value(key));
    app->setProcessEnvironment(env);
    app->setProcessChannelMode(QProcess::SeparateChannels);
    // Its own process group, so that stop() also ends what a wrapper (dbus-run-session) started.
    app->setChildProcessModifier([] { ::setpgid(0, 0); });
    if (wrapper.isEmpty()) {
        app->start(m_binary, arguments);
    } else {
        app->start(wrapper.front(), wrapper.mid(1) + QStringList{m_binary} + arguments);
    }
    return app;
}

void AppDriver::stop(QProcess &app)
{
    const qint64 group = app.processId();
    if (group > 0)
        ::kill(-pid_t(group), SIGTERM);
    if (!app.waitForFinished(5000) && group > 0)
        ::kill(-pid_t(group), SIGKILL);
    app.waitForFinished(5000);
}

QStringList AppDriver::waitForLine(QProcess &app, const QString &prefix, QString &stdoutSoFar)
{
    QStringList fields;
    (void)QTest::qWaitFor(
        [&] {
            stdoutSoFar += QString::fromUtf8(app.readAllStandardOutput());
            for (const QString &line : stdoutSoFar.split(u'\n'))
                if (line == prefix || line.startsWith(prefix + u' '))
                    fields = line.split(u' ');
            return !fields.isEmpty() || app.state() == QProcess::NotRunning;
        },
        30000);
    return fields;
}

QStringList AppDriver::signInInBrowser(QProcess &app, const QUrl &opened, QString &output)
{
    ScriptedBrowser browser;
    QSignalSpy finished(&browser, &ScriptedBrowser::finished);
    browser.open(opened);
    QStringList fields;
    if (finished.wait(20000))
        fields = waitForLine(app, QStringLiteral("signed-in"), output);
    else
        output += QStringLiteral("(the browser never finished)\n");
    if (fields.isEmpty())
        output += QString::fromUtf8(app.readAllStandardError());
    return fields;
}

bool AppDriver::typeKeys(qint64 pid, const QStringList &keys)
{
    QStringList arguments{QStringLiteral("search"), QStringLiteral("--sync"),
        QStringLiteral("--onlyvisible"), QStringLiteral("--pid"), QString::number(pid),
        QStringLiteral("--name"), QStringLiteral("."), QStringLiteral("windowfocus"),
        QStringLiteral("--sync"), QStringLiteral("key"), QStringLiteral("--delay"),
        QStringLiteral("50")};
    arguments += keys;
    return QProcess::execute(QStringLiteral("xdotool"), arguments) == 0;
}

QString AppDriver::openedUrlsLog() const
{
    return m_scratch.filePath(QStringLiteral("opened-urls"));
}

void AppDriver::forgetOpenedUrls() const
{
    QFile::remove(openedUrlsLog());
}

QUrl AppDriver::waitForOpenedUrl() const
{
    QString opened;
    (void)QTest::qWaitFor(
        [&] {
            opened = readFile(openedUrlsLog()).trimmed();
            return !opened.isEmpty();
        },
        20000);
    return QUrl(opened.section(u'\n', -1), QUrl::StrictMode);
}
