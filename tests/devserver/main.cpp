// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "devserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include <memory>

// portico-devserver [--config FILE] [--port N]: prints "listening on URL" once it is ready.
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Portico's development homeserver (loopback only)."));
    parser.addHelpOption();
    const QCommandLineOption configOption(QStringLiteral("config"),
        QStringLiteral("JSON config (default: the demo)."), QStringLiteral("file"));
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("Port on 127.0.0.1 (default: any free one)."), QStringLiteral("port"),
        QStringLiteral("0"));
    const QCommandLineOption portalOption(QStringLiteral("portal"),
        QStringLiteral(
            "Also start the homeserver the sessions move to: this one becomes an MSC1730 "
            "portal whose login response names it."));
    parser.addOptions({configOption, portOption, portalOption});
    parser.process(app);

    DevServer::Config config = DevServer::Config::demo();
    if (parser.isSet(configOption)) {
        QFile file(parser.value(configOption));
        if (!file.open(QIODevice::ReadOnly)) {
            qCritical("cannot read %s", qPrintable(file.fileName()));
            return 2;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        QString error;
        if (doc.isObject())
            config = DevServer::Config::fromJson(doc.object(), &error);
        else
            error = parseError.errorString();
        if (!error.isEmpty()) {
            qCritical("%s: %s", qPrintable(file.fileName()), qPrintable(error));
            return 2;
        }
    }
    std::unique_ptr<DevServer> target;
    if (parser.isSet(portalOption)) {
        target = std::make_unique<DevServer>(config);
        if (!target->start())
            return 1;
        config.portal = true;
        config.loginBaseUrl = target->baseUrl().toString();
    }
    DevServer server(config);
    if (target)
        server.shareSessionsWith(*target);
    if (!server.start(quint16(parser.value(portOption).toUInt()))) {
        qCritical("cannot listen on 127.0.0.1:%s", qPrintable(parser.value(portOption)));
        return 1;
    }
    if (target)
        QTextStream(stdout) << "homeserver on " << target->baseUrl().toString() << Qt::endl;
    QTextStream(stdout) << "listening on " << server.baseUrl().toString() << Qt::endl;
    return QCoreApplication::exec();
}
