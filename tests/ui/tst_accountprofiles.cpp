// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountprofiles.h"

#include "devserver.h"
#include "devsession.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QQuickImageProvider>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Portico;
using State = Ui::AccountProfile::State;

namespace {
const QString Thumbnail
    = QStringLiteral("/_matrix/client/v1/media/thumbnail/localhost/aliceAvatar");

QImage served(Ui::AccountProfiles &profiles, const QUrl &source, const QSize &requested = {})
{
    const std::unique_ptr<QQuickImageProvider> provider(profiles.createImageProvider());
    QSize size;
    return provider->requestImage(
        source.toString().mid(QStringLiteral("image://avatar/").size()), &size, requested);
}
} // namespace

class TestAccountProfiles : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;

private Q_SLOTS:
    void showsTheNameAndTheFace()
    {
        DevServer server(DevServer::Config::demo());
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        QTemporaryDir cache;
        Ui::AccountProfiles profiles(network, cache.path());
        Ui::AccountProfile *profile = profiles.profile(session.key());
        QCOMPARE(profile->state(), State::Unknown);
        QCOMPARE(profile->shownName(), session.userId); // before anything is known
        QCOMPARE(profile->initial(), QStringLiteral("A"));
        QVERIFY(profile->avatarSource().isEmpty());

        profiles.load(session);
        QCOMPARE(profile->state(), State::Loading);
        QTRY_COMPARE(profile->state(), State::Ready);
        QCOMPARE(profile->displayName(), QStringLiteral("Alice Liddell"));
        QCOMPARE(profile->shownName(), QStringLiteral("Alice Liddell"));
        QTRY_VERIFY(!profile->avatarSource().isEmpty());
        QCOMPARE(profile->avatarSource().scheme(), QStringLiteral("image"));
        QCOMPARE(profile->avatarSource().host(), QStringLiteral("avatar"));
        QCOMPARE(served(profiles, profile->avatarSource()).size(), QSize(96, 96));
        QCOMPARE(served(profiles, profile->avatarSource(), {40, 40}).size(), QSize(40, 40));
        QCOMPARE(served(profiles, profile->avatarSource(), {0, 32}).size(), QSize(32, 32));
        QVERIFY(served(profiles, QUrl(QStringLiteral("image://avatar/unknown"))).isNull());
        // A round face: the corners are clear, inside is the avatar's.
        const QImage face = served(profiles, profile->avatarSource(), {40, 40});
        QCOMPARE(face.pixelColor(0, 0).alpha(), 0);
        QCOMPARE(face.pixelColor(20, 20).alpha(), 255);
        const QColor middle = face.pixelColor(20, 6); // between the badge's ring and its edge
        const QColor purple(QStringLiteral("#8e44ad")); // the development server's avatar
        QVERIFY2(qAbs(middle.red() - purple.red()) + qAbs(middle.green() - purple.green())
                    + qAbs(middle.blue() - purple.blue())
                < 24,
            qPrintable(middle.name()));
        QCOMPARE(server.requestCount("GET", Thumbnail), 1);

        // Loading again refreshes the profile; the avatar (same mxc:// URI) is not fetched again.
        profiles.load(session);
        QTRY_COMPARE(profile->state(), State::Ready);
        QCOMPARE(server.requestCount(
                     "GET", QStringLiteral("/_matrix/client/v3/profile/@alice:localhost")),
            2);
        QCOMPARE(server.requestCount("GET", Thumbnail), 1);
    }
    void theNextStartShowsTheCachedProfileAtOnce()
    {
        QTemporaryDir cache;
        Session::Session session;
        {
            DevServer server(DevServer::Config::demo());
            QVERIFY(server.start());
            session = signInOnDevServer(network, server);
            Ui::AccountProfiles profiles(network, cache.path());
            profiles.load(session);
            QTRY_VERIFY(!profiles.profile(session.key())->avatarSource().isEmpty());
        }
        // The server is gone now; the name and face come from the disk.
        Ui::AccountProfiles profiles(network, cache.path());
        Ui::AccountProfile *profile = profiles.profile(session.key());
        profiles.load(session);
        QCOMPARE(profile->displayName(), QStringLiteral("Alice Liddell"));
        QVERIFY(!profile->avatarSource().isEmpty());
        QCOMPARE(served(profiles, profile->avatarSource()).size(), QSize(96, 96));
        QTRY_COMPARE(profile->state(), State::Failed);
        QCOMPARE(profile->displayName(), QStringLiteral("Alice Liddell"));

        // Sign-out forgets it, on disk too.
        profiles.forget(session.key());
        QVERIFY(QDir(cache.path()).isEmpty());
    }
    void aBrokenAvatarCostsOneRequest()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.rawMedia.insert(QStringLiteral("aliceAvatar"),
            {QByteArrayLiteral("image/png"), QByteArrayLiteral("\x89PNG\r\n\x1a\n broken")});
        DevServer server(config);
        QVERIFY(server.start());
        const Session::Session session = signInOnDevServer(network, server);
        QTemporaryDir cache;
        Ui::AccountProfiles profiles(network, cache.path());
        QSignalSpy failed(&profiles, &Ui::AccountProfiles::avatarFailed);
        Ui::AccountProfile *profile = profiles.profile(session.key());
        for (int i = 0; i < 3; ++i) {
            profiles.load(session);
            QTRY_COMPARE(profile->state(), State::Ready);
            QTRY_COMPARE(failed.size(), 1);
        }
        QCOMPARE(profile->displayName(), QStringLiteral("Alice Liddell"));
        QVERIFY(profile->avatarSource().isEmpty());
        QCOMPARE(server.requestCount("GET", Thumbnail), 1);
        // Nothing refused is kept.
        QCOMPARE(QDir(cache.path()).entryList({QStringLiteral("*.avatar")}).size(), 0);
    }
    void aServerWithoutAuthenticatedMediaIsLearntOnce()
    {
        DevServer::Config config = DevServer::Config::demo();
        config.authenticatedMedia = false;
        DevServer server(config);
        QVERIFY(server.start());
        const Session::Session alice = signInOnDevServer(network, server);
        const Session::Session aliceAgain = signInOnDevServer(network, server);
        server.clearRequestLog();
        Ui::AccountProfiles profiles(network, {});
        profiles.load(alice);
        QTRY_VERIFY(!profiles.profile(alice.key())->avatarSource().isEmpty());
        profiles.load(aliceAgain);
        QTRY_COMPARE(profiles.profile(aliceAgain.key())->state(), State::Ready);
        QVERIFY(!profiles.profile(aliceAgain.key())->avatarSource().isEmpty());
        QCOMPARE(server.requestCount("GET", QStringLiteral("/_matrix/client/versions")), 1);
        for (const auto &request : server.requestLog())
            if (request.path.contains(u"/media/"))
                QVERIFY2(!request.sentToken, qPrintable(request.path));
    }
};

QTEST_MAIN(TestAccountProfiles)
#include "tst_accountprofiles.moc"
