// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "discovery/serverinput.h"

#include <QTest>

using namespace Portico::Discovery;
using Kind = ServerInput::Kind;

class TestServerInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void understood_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("url");
        QTest::newRow("server name") << "example.org" << int(Kind::ServerName) << "example.org"
                                     << "";
        QTest::newRow("with spaces") << "  example.org \n"
                                     << int(Kind::ServerName) << "example.org"
                                     << "";
        QTest::newRow("with port")
            << "example.org:8448" << int(Kind::ServerName) << "example.org:8448"
            << "";
        QTest::newRow("ipv6") << "[2001:db8::1]:8448" << int(Kind::ServerName)
                              << "[2001:db8::1]:8448"
                              << "";
        QTest::newRow("matrix id") << "@alice:example.org" << int(Kind::UserId) << "example.org"
                                   << "";
        QTest::newRow("matrix id with port")
            << "@alice:example.org:8448" << int(Kind::UserId) << "example.org:8448"
            << "";
        QTest::newRow("https url") << "https://matrix.example.org/" << int(Kind::Url) << ""
                                   << "https://matrix.example.org";
        QTest::newRow("url with path") << "https://example.org/matrix/" << int(Kind::Url) << ""
                                       << "https://example.org/matrix";
        QTest::newRow("http url") << "http://127.0.0.1:8008" << int(Kind::Url) << ""
                                  << "http://127.0.0.1:8008";
    }
    void understood()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, server);
        QFETCH(QString, url);
        const auto input = parseServerInput(text);
        QVERIFY2(input, qPrintable(input ? QString() : input.error()));
        QCOMPARE(int(input->kind), kind);
        if (!server.isEmpty())
            QCOMPARE(input->serverName.toString(), server);
        QCOMPARE(input->url.toString(), url);
        QCOMPARE(input->explicitPlainHttp(), url.startsWith(QStringLiteral("http:")));
    }
    void refused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "   ";
        QTest::newRow("bad matrix id") << "@alice";
        QTest::newRow("matrix id without localpart") << "@:example.org";
        QTest::newRow("ftp") << "ftp://example.org";
        QTest::newRow("url with query") << "https://example.org/?x=1";
        QTest::newRow("spaces inside") << "exa mple.org";
        QTest::newRow("bad port") << "example.org:99999";
    }
    void refused()
    {
        QFETCH(QString, text);
        const auto input = parseServerInput(text);
        QVERIFY(!input);
        QVERIFY(!input.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerInput)
#include "tst_serverinput.moc"
