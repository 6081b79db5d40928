// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oauth/oauthlogin.h"

#include "oauthtestsupport.h"

#include <QTcpSocket>
#include <QTest>

using namespace Portico::OAuth;
using Verdict = OAuthLogin::Verdict;

namespace {
QStringList logged;
QtMessageHandler previousHandler = nullptr;
void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    logged.append(message);
    previousHandler(type, context, message);
}

// One raw HTTP exchange with the loopback listener, for what QNetworkAccessManager will not send
// (another Host header, a huge head, bytes that are no HTTP): what came back before it closed.
QByteArray exchange(const QUrl &listener, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(listener.port()));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray answer;
    (void)QTest::qWaitFor(
        [&] {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n") || socket.state() != QAbstractSocket::ConnectedState;
        },
        10000);
    return answer + socket.readAll();
}

QByteArray getRequest(const QUrl &url, const QByteArray &host = {})
{
    return "GET " + url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
        + " HTTP/1.1\r\nHost: "
        + (host.isEmpty() ? "127.0.0.1:" + QByteArray::number(url.port()) : host) + "\r\n\r\n";
}

QUrl withQueryItem(QUrl url, const QString &key, const QString &value)
{
    QUrlQuery query(url);
    query.removeAllQueryItems(key);
    if (!value.isNull())
        query.addQueryItem(key, value);
    url.setQuery(query);
    return url;
}
} // namespace

// The authorisation code sign-in against the development homeserver's strict OAuth mode.
class TestOAuthLogin : public QObject
{
    Q_OBJECT
    QNetworkAccessManager network;
    std::unique_ptr<DevServer> server;
    std::unique_ptr<OAuthLogin> login;
    QList<QUrl> opened;

    // Starts an attempt and waits until the browser was opened.
    bool begin(OAuthLogin::Redirect redirect = OAuthLogin::Redirect::Loopback)
    {
        const qsizetype before = opened.size();
        login->start(server->baseUrl(), OAuthTest::metadataOf(*server), redirect);
        return QTest::qWaitFor([&] { return opened.size() > before; }, 10000);
    }
    QUrl approve(const QString &decision = QStringLiteral("allow"))
    {
        return OAuthTest::consent(network, opened.last(), decision);
    }

private Q_SLOTS:
    void initTestCase() { previousHandler = qInstallMessageHandler(recordMessage); }
    void init()
    {
        server = OAuthTest::oauthServer();
        opened.clear();
        login = std::make_unique<OAuthLogin>(network);
        login->setBrowserLauncher([this](const QUrl &url) {
            opened.append(url);
            return true;
        });
    }
    void cleanup()
    {
        login.reset();
        server.reset();
    }

    void signsInThroughLoopback()
    {
        logged.clear();
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        QVERIFY(begin());
        QCOMPARE(login->step(), OAuthLogin::Step::WaitingForBrowser);
        // Registered without a port, sent with the listener's.
        for (const QString &uri : login->registeredRedirectUris())
            QCOMPARE(QUrl(uri).port(), -1);
        QVERIFY(login->registeredRedirectUris().contains(u"dev.portico:/callback"));
        const QUrl redirect(login->redirectUri());
        QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(redirect.port() > 0);
        const QUrlQuery asked(opened.last());
        QCOMPARE(asked.queryItemValue(QStringLiteral("response_mode")), QStringLiteral("query"));
        QCOMPARE(
            asked.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));

        const QUrl back = approve();
        QCOMPARE(back.port(), redirect.port());
        QCOMPARE(login->submitCallbackUrl(back), Verdict::Accepted);
        QVERIFY(signedIn.wait(10000));
        QCOMPARE(failed.size(), 0);
        const auto session = signedIn.first().first().value<Portico::Session::Session>();
        QVERIFY(session.isValid());
        QVERIFY(session.isOAuth());
        QCOMPARE(session.userId, QStringLiteral("@alice:localhost"));
        QVERIFY(server->isAccessTokenValid(session.accessToken));
        QVERIFY(server->devicesOf(session.userId).contains(session.deviceId));
        QVERIFY(!session.refreshToken.isEmpty());
        QVERIFY(!session.oauthClientId.isEmpty());
        QCOMPARE(session.oauthTokenEndpoint, OAuthTest::metadataOf(*server).tokenEndpoint);
        QCOMPARE(
            session.oauthRevocationEndpoint, OAuthTest::metadataOf(*server).revocationEndpoint);
        const qint64 lifetime
            = QDateTime::currentDateTimeUtc().secsTo(session.accessTokenExpiresAt);
        QVERIFY2(lifetime > 250 && lifetime <= 300, qPrintable(QString::number(lifetime)));
        QCOMPARE(login->step(), OAuthLogin::Step::Idle);
        QCOMPARE(server->oauth()->registrationCount(), 1);

        // Nothing secret in the log (which said something).
        QVERIFY(!logged.isEmpty());
        const QString code = QUrlQuery(back).queryItemValue(QStringLiteral("code"));
        const QString state = QUrlQuery(back).queryItemValue(QStringLiteral("state"));
        for (const QString &message : std::as_const(logged))
            for (const QString &secret : {session.accessToken, session.refreshToken, code, state,
                     QUrlQuery(opened.last()).queryItemValue(QStringLiteral("code_challenge"))})
                QVERIFY2(!message.contains(secret), qPrintable(message));
    }
    // The browser comes back to the loopback listener itself (its OAuth mode): callbacks of
    // another attempt are refused with a page and change nothing; ours is redirected to the
    // success page (the code leaves the address bar) and signs in.
    void listenerTakesOnlyThisAttemptsCallback()
    {
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        QVERIFY(begin());
        const QUrl back = approve();
        QCOMPARE(back.host(), QStringLiteral("127.0.0.1"));

        const auto wrongState = OAuthTest::fetch(
            network, withQueryItem(back, QStringLiteral("state"), QStringLiteral("forged")));
        QCOMPARE(wrongState.status, 403);
        const auto noState
            = OAuthTest::fetch(network, withQueryItem(back, QStringLiteral("state"), {}));
        QCOMPARE(noState.status, 403);
        QUrl otherNonce = back;
        otherNonce.setPath(QStringLiteral("/callback/another-attempt"));
        QCOMPARE(OAuthTest::fetch(network, otherNonce).status, 403);
        QCOMPARE(login->step(), OAuthLogin::Step::WaitingForBrowser);

        const auto accepted = OAuthTest::fetch(network, back);
        QCOMPARE(accepted.status, 303);
        QCOMPARE(accepted.location.toString(), QStringLiteral("/signed-in"));
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
        QCOMPARE(failed.size(), 0);
        QUrl success = back;
        success.setPath(QStringLiteral("/signed-in"));
        success.setQuery(QString());
        const auto page = OAuthTest::fetch(network, success);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("close this tab"));
    }

    // error=access_denied reaching the listener ends the attempt with a page saying so.
    void listenerPassesAccessDenied()
    {
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        QVERIFY(begin());
        const QUrl back = approve(QStringLiteral("deny"));
        const auto page = OAuthTest::fetch(network, back);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("did not sign you in"));
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<SignInError>().kind, SignInError::Kind::AccessDenied);
        QCOMPARE(signedIn.size(), 0);
    }

    // What the SSO listener refuses (tst_callbacklistener), the OAuth mode refuses too, with
    // this attempt's real callback: another Host (DNS rebinding), another method, two codes, a
    // huge head, bytes that are no HTTP; none of it signs in or ends the attempt. After the real
    // callback, a reload of it is refused.
    void listenerInOAuthModeRefusesWhatTheSsoListenerRefuses()
    {
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        QVERIFY(begin());
        const QUrl back = approve();
        const QByteArray port = QByteArray::number(back.port());
        QVERIFY(
            exchange(back, getRequest(back, "evil.example:" + port)).startsWith("HTTP/1.1 400"));
        QVERIFY(exchange(back, getRequest(back, "127.0.0.1:1")).startsWith("HTTP/1.1 400"));
        QByteArray post = getRequest(back);
        post.replace(0, 3, "POST");
        QVERIFY(exchange(back, post.replace("\r\n\r\n", "\r\nContent-Length: 0\r\n\r\n"))
                    .startsWith("HTTP/1.1 405"));
        QUrl twice = back;
        QUrlQuery query(twice);
        query.addQueryItem(QStringLiteral("code"), QStringLiteral("other"));
        twice.setQuery(query);
        QVERIFY(exchange(back, getRequest(twice)).startsWith("HTTP/1.1 403"));
        const QByteArray huge = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: "
            + QByteArray(1024 * 1024, 'a') + "\r\n\r\n";
        const QByteArray cut = exchange(back, huge);
        QVERIFY2(cut.startsWith("HTTP/1.1 431") || cut.isEmpty(), cut.left(40).constData());
        QVERIFY(exchange(back, QByteArray::fromHex("160301020001") + "\r\n\r\n")
                    .startsWith("HTTP/1.1 400"));
        QCOMPARE(login->step(), OAuthLogin::Step::WaitingForBrowser);
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("authorization_code")), 0);

        QVERIFY(exchange(back, getRequest(back)).startsWith("HTTP/1.1 303"));
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
        // A reload of the callback: refused (or nobody listens any more), nothing signs in again.
        const QByteArray reload = exchange(back, getRequest(back));
        QVERIFY2(reload.isEmpty() || reload.startsWith("HTTP/1.1 4"), reload.constData());
        QCOMPARE(signedIn.size(), 1);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("authorization_code")), 1);
    }

    void registersAgainForEveryAttempt()
    {
        QVERIFY(begin());
        QVERIFY(begin());
        QCOMPARE(server->oauth()->registrationCount(), 2);
    }
    void privateUseScheme()
    {
        server->oauth()->options().skipConsent = true;
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        QVERIFY(begin(OAuthLogin::Redirect::PrivateUseScheme));
        QCOMPARE(login->redirectUri(), QStringLiteral("dev.portico:/callback"));
        const QUrl back = approve();
        QCOMPARE(back.scheme(), QStringLiteral("dev.portico"));
        QCOMPARE(login->submitCallbackUrl(back), Verdict::Accepted);
        QVERIFY(signedIn.wait(10000));
    }

    // Hostile callbacks: none yields a session.
    void wrongStateThenTheRightOne()
    {
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        QSignalSpy rejected(login.get(), &OAuthLogin::callbackRejected);
        QVERIFY(begin());
        const QUrl back = approve();
        QCOMPARE(login->submitCallbackUrl(
                     withQueryItem(back, QStringLiteral("state"), QStringLiteral("forged"))),
            Verdict::WrongState);
        QCOMPARE(login->submitCallbackUrl(withQueryItem(back, QStringLiteral("state"), {})),
            Verdict::NoState);
        QCOMPARE(login->submitCallbackUrl(withQueryItem(back, QStringLiteral("code"), {})),
            Verdict::NoCode);
        QUrl twice = back;
        QUrlQuery query(twice);
        query.addQueryItem(QStringLiteral("code"), QStringLiteral("other"));
        twice.setQuery(query);
        QCOMPARE(login->submitCallbackUrl(twice), Verdict::SeveralCodes);
        QUrl elsewhere = back;
        elsewhere.setPath(QStringLiteral("/callback/other"));
        QCOMPARE(login->submitCallbackUrl(elsewhere), Verdict::NotOurs);
        QCOMPARE(rejected.size(), 5);
        QCOMPARE(signedIn.size(), 0);
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("authorization_code")), 0);
        // The attempt went on: the real callback still signs in.
        QCOMPARE(login->submitCallbackUrl(back), Verdict::Accepted);
        QVERIFY(signedIn.wait(10000));
    }
    // RFC 9207: a callback naming another issuer is a mix-up (a response of another server's
    // attempt): refused, and the attempt goes on. oidc-provider sends iss with every response.
    void callbackFromAnotherIssuerIsRefused()
    {
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        QVERIFY(begin());
        const QUrl back = approve();
        const QString issuer = server->oauth()->metadata().value(u"issuer").toString();
        QVERIFY(!issuer.isEmpty());
        QVERIFY(login->submitCallbackUrl(withQueryItem(
                    back, QStringLiteral("iss"), QStringLiteral("https://evil.example/")))
            != Verdict::Accepted);
        QUrl twice = withQueryItem(back, QStringLiteral("iss"), issuer);
        QUrlQuery query(twice);
        query.addQueryItem(QStringLiteral("iss"), QStringLiteral("https://evil.example/"));
        twice.setQuery(query);
        QVERIFY(login->submitCallbackUrl(twice) != Verdict::Accepted);
        QCOMPARE(login->step(), OAuthLogin::Step::WaitingForBrowser);
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("authorization_code")), 0);
        QCOMPARE(signedIn.size() + failed.size(), 0);
        // Its own issuer, exactly as its metadata says it, is taken.
        QCOMPARE(login->submitCallbackUrl(withQueryItem(back, QStringLiteral("iss"), issuer)),
            Verdict::Accepted);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
    }
    // Where the metadata says every response carries iss, one without it is refused.
    void callbackWithoutTheIssuerItPromisedIsRefused()
    {
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        AuthMetadata metadata = OAuthTest::metadataOf(*server);
        metadata.issuerInResponses = true;
        login->start(server->baseUrl(), metadata);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        const QUrl back = approve();
        QCOMPARE(login->submitCallbackUrl(back), Verdict::WrongIssuer);
        QCOMPARE(login->step(), OAuthLogin::Step::WaitingForBrowser);
        QCOMPARE(login->submitCallbackUrl(
                     withQueryItem(back, QStringLiteral("iss"), metadata.issuerIdentifier)),
            Verdict::Accepted);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.size(), 1, 10000);
    }
    void forgedErrorWithoutStateIsRefused()
    {
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        QVERIFY(begin());
        QUrl forged(login->redirectUri());
        forged.setQuery(QStringLiteral("error=access_denied"));
        QCOMPARE(login->submitCallbackUrl(forged), Verdict::NoState);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(login->step(), OAuthLogin::Step::WaitingForBrowser);
    }
    void accessDenied()
    {
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        QVERIFY(begin());
        QCOMPARE(login->submitCallbackUrl(approve(QStringLiteral("deny"))), Verdict::Accepted);
        QCOMPARE(failed.size(), 1);
        const auto error = failed.first().first().value<SignInError>();
        QCOMPARE(error.kind, SignInError::Kind::AccessDenied);
        QVERIFY(error.oauth);
        QCOMPARE(error.oauth->description, QStringLiteral("The user denied the request"));
        QCOMPARE(signedIn.size(), 0);
        QCOMPARE(login->step(), OAuthLogin::Step::Idle);
    }
    void callbackAfterCancel()
    {
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        QVERIFY(begin());
        const QUrl back = approve();
        login->cancel();
        QCOMPARE(login->submitCallbackUrl(back), Verdict::NotWaiting);
        // NotWaiting is decided at once: no request was started that could still answer.
        QCOMPARE(signedIn.size() + failed.size(), 0);
        QCOMPARE(server->oauth()->tokenRequests(QStringLiteral("authorization_code")), 0);
    }
    void replayedCode()
    {
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        QVERIFY(begin());
        const QUrl first = approve();
        QCOMPARE(login->submitCallbackUrl(first), Verdict::Accepted);
        QCOMPARE(login->submitCallbackUrl(first), Verdict::NotWaiting); // a reload
        QVERIFY(signedIn.wait(10000));
        // A new attempt listens elsewhere: the old callback is not for it...
        QVERIFY(begin());
        QCOMPARE(login->submitCallbackUrl(first), Verdict::NotOurs);
        // ...and its code with this attempt's state is refused by the server.
        const QString state = QUrlQuery(opened.last()).queryItemValue(QStringLiteral("state"));
        QUrl replay(login->redirectUri());
        replay.setQuery(QUrlQuery{
            {QStringLiteral("code"), QUrlQuery(first).queryItemValue(QStringLiteral("code"))},
            {QStringLiteral("state"), state}});
        QCOMPARE(login->submitCallbackUrl(replay), Verdict::Accepted);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<SignInError>().kind, SignInError::Kind::TokenRequest);
        QCOMPARE(signedIn.size(), 1);
    }
    void codeOfAnotherAttempt()
    {
        QSignalSpy signedIn(login.get(), &OAuthLogin::signedIn);
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        // The private-use scheme: both attempts share the redirect URI, the state tells them apart.
        QVERIFY(begin(OAuthLogin::Redirect::PrivateUseScheme));
        const QUrl firstBack = approve();
        QVERIFY(begin(OAuthLogin::Redirect::PrivateUseScheme)); // the first one is abandoned
        QCOMPARE(login->submitCallbackUrl(firstBack), Verdict::WrongState);
        // The first attempt's code carried in with this attempt's state: its PKCE verifier,
        // client and redirect URI do not match.
        QUrl mixed(login->redirectUri());
        mixed.setQuery(QUrlQuery{
            {QStringLiteral("code"), QUrlQuery(firstBack).queryItemValue(QStringLiteral("code"))},
            {QStringLiteral("state"),
                QUrlQuery(opened.last()).queryItemValue(QStringLiteral("state"))}});
        QCOMPARE(login->submitCallbackUrl(mixed), Verdict::Accepted);
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<SignInError>().oauth->code,
            OAuthError::Code::InvalidGrant);
        QCOMPARE(signedIn.size(), 0);
    }
    void registrationRefused()
    {
        DevServer::Config::Fault fault;
        fault.status = 400;
        fault.body = R"({"error":"invalid_client_metadata","error_description":"no"})";
        server->setFault(QStringLiteral("POST /_oauth/register"), fault);
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        login->start(server->baseUrl(), OAuthTest::metadataOf(*server));
        QVERIFY(failed.wait(10000));
        const auto error = failed.first().first().value<SignInError>();
        QCOMPARE(error.kind, SignInError::Kind::Registration);
        QCOMPARE(error.oauth->code, OAuthError::Code::InvalidClientMetadata);
        QVERIFY(opened.isEmpty());
    }
    void browserFails()
    {
        login->setBrowserLauncher([](const QUrl &) { return false; });
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        login->start(server->baseUrl(), OAuthTest::metadataOf(*server));
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().first().value<SignInError>().kind, SignInError::Kind::Browser);
    }
    void timesOut()
    {
        login->setAttemptTimeout(std::chrono::milliseconds(300));
        QSignalSpy failed(login.get(), &OAuthLogin::failed);
        QVERIFY(begin());
        const QUrl back = approve();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(failed.first().first().value<SignInError>().kind, SignInError::Kind::TimedOut);
        QCOMPARE(login->submitCallbackUrl(back), Verdict::NotWaiting);
    }
};

QTEST_GUILESS_MAIN(TestOAuthLogin)
#include "tst_oauthlogin.moc"
