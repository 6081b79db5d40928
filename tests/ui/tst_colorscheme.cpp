// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Light or dark: the override, and the XDG desktop portal's color-scheme read and followed over
// the real session bus (scripts/test's private one), answered by a fake portal in this process.
#include "ui/colorscheme.h"

#include <QDBusConnection>
#include <QDBusVariant>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>

namespace {
bool applicationIsDark()
{
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}
} // namespace

// org.freedesktop.portal.Settings, as much of it as Portico uses.
class FakePortal : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.portal.Settings")
public:
    uint colorScheme = 0;
    int reads = 0;

    void change(uint scheme)
    {
        colorScheme = scheme;
        Q_EMIT SettingChanged(QStringLiteral("org.freedesktop.appearance"),
            QStringLiteral("color-scheme"), QDBusVariant(QVariant::fromValue(scheme)));
    }

public Q_SLOTS:
    // Like xdg-desktop-portal's Read: the value wrapped in one variant more.
    QDBusVariant Read(const QString &group, const QString &key)
    {
        ++reads;
        if (group != u"org.freedesktop.appearance" || key != u"color-scheme")
            return QDBusVariant(QVariant::fromValue(QDBusVariant(QVariant(QString()))));
        return QDBusVariant(QVariant::fromValue(QDBusVariant(QVariant::fromValue(colorScheme))));
    }

Q_SIGNALS:
    void SettingChanged(const QString &group, const QString &key, const QDBusVariant &value);
};

class SignalCatcher : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void caught() { Q_EMIT arrived(); }
Q_SIGNALS:
    void arrived();
};

class TestColorScheme : public QObject
{
    Q_OBJECT

    FakePortal portal;
    QPalette platform;

    // The fake portal has a bus connection of its own, as a real one would: Portico's messages
    // to it and its signals cross the bus daemon.
    QDBusConnection portalBus() const
    {
        return QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("portal"));
    }
    void publishPortal()
    {
        QVERIFY(portalBus().registerService(QStringLiteral("org.freedesktop.portal.Desktop")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        platform = QGuiApplication::palette();
        QVERIFY2(!applicationIsDark(), "the offscreen platform's palette is expected light");
        if (!QDBusConnection::sessionBus().isConnected() || !portalBus().isConnected())
            QFAIL("needs a D-Bus session: run it through scripts/test");
        QVERIFY(portalBus().registerObject(QStringLiteral("/org/freedesktop/portal/desktop"),
            &portal, QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
    }

    void init()
    {
        QGuiApplication::setPalette(platform);
        qunsetenv("PORTICO_COLOR_SCHEME");
        portal.colorScheme = 0;
        portal.reads = 0;
    }
    void cleanup()
    {
        portalBus().unregisterService(QStringLiteral("org.freedesktop.portal.Desktop"));
    }

    void names()
    {
        QCOMPARE(Portico::Ui::ColorScheme::fromName(QStringLiteral("dark")),
            Portico::Ui::ColorScheme::Scheme::Dark);
        QCOMPARE(Portico::Ui::ColorScheme::fromName(QStringLiteral("Light")),
            Portico::Ui::ColorScheme::Scheme::Light);
        QCOMPARE(Portico::Ui::ColorScheme::fromName(QStringLiteral("blue")),
            Portico::Ui::ColorScheme::Scheme::NoPreference);
        QVERIFY(Portico::Ui::ColorScheme::darkPalette().color(QPalette::Window).lightness() < 128);
        QVERIFY(Portico::Ui::ColorScheme::lightPalette().color(QPalette::Window).lightness() > 128);
    }

    void overrideWithoutPortal()
    {
        qputenv("PORTICO_COLOR_SCHEME", "dark");
        Portico::Ui::ColorScheme scheme;
        scheme.start();
        QCOMPARE(scheme.scheme(), Portico::Ui::ColorScheme::Scheme::Dark);
        QVERIFY(applicationIsDark());
    }

    void noPortalKeepsThePlatformPalette()
    {
        Portico::Ui::ColorScheme scheme;
        scheme.start();
        // start() settles on the platform's palette at once; the failing portal call changes
        // nothing later (no slot runs on an error but a log line).
        QCOMPARE(scheme.scheme(), Portico::Ui::ColorScheme::Scheme::NoPreference);
        QCOMPARE(
            QGuiApplication::palette().color(QPalette::Window), platform.color(QPalette::Window));
    }

    void followsThePortal()
    {
        publishPortal();
        portal.colorScheme = 1; // prefer dark

        Portico::Ui::ColorScheme scheme;
        scheme.start();
        QTRY_COMPARE_WITH_TIMEOUT(scheme.scheme(), Portico::Ui::ColorScheme::Scheme::Dark, 15000);
        QCOMPARE(portal.reads, 1);
        QVERIFY(applicationIsDark());

        // The desktop switches to light, then to "no preference": Portico follows live.
        portal.change(2);
        QTRY_COMPARE_WITH_TIMEOUT(scheme.scheme(), Portico::Ui::ColorScheme::Scheme::Light, 15000);
        QVERIFY(!applicationIsDark());
        portal.change(1);
        QTRY_COMPARE_WITH_TIMEOUT(scheme.scheme(), Portico::Ui::ColorScheme::Scheme::Dark, 15000);
        portal.change(0);
        QTRY_COMPARE_WITH_TIMEOUT(
            scheme.scheme(), Portico::Ui::ColorScheme::Scheme::NoPreference, 15000);
        QCOMPARE(
            QGuiApplication::palette().color(QPalette::Window), platform.color(QPalette::Window));
    }

    // The override wins over the portal, and over its changes.
    void overrideBeatsThePortal()
    {
        publishPortal();
        portal.colorScheme = 1;
        qputenv("PORTICO_COLOR_SCHEME", "light");
        Portico::Ui::ColorScheme scheme;
        scheme.start();
        // Our own receiver of the signal: once it has it, Portico's has had it too, and had the
        // Read call before it, had Portico sent one (the bus keeps a sender's order).
        SignalCatcher catcher;
        QVERIFY(QDBusConnection::sessionBus().connect(QString(),
            QStringLiteral("/org/freedesktop/portal/desktop"),
            QStringLiteral("org.freedesktop.portal.Settings"), QStringLiteral("SettingChanged"),
            &catcher, SLOT(caught())));
        QSignalSpy caught(&catcher, &SignalCatcher::arrived);
        portal.change(1);
        QVERIFY(caught.wait(5000));
        QCOMPARE(scheme.scheme(), Portico::Ui::ColorScheme::Scheme::Light);
        QCOMPARE(portal.reads, 0);
        QVERIFY(!applicationIsDark());
    }
};

QTEST_MAIN(TestColorScheme)
#include "tst_colorscheme.moc"
