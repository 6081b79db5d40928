<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="+18"/>
        <source>Portico</source>
        <translation>Portico</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <location filename="../qml/PasswordPage.qml" line="+24"/>
        <source>Sign in with a password</source>
        <translation>Mit Passwort anmelden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This server uses plain http: your password would cross the network unprotected.</source>
        <translation>Dieser Server verwendet unverschlüsseltes http: Ihr Passwort würde ungeschützt über das Netzwerk übertragen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>User name or Matrix ID</source>
        <translation>Benutzername oder Matrix-ID</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Working…</source>
        <translation>Bitte warten …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>Portico::Discovery</name>
    <message>
        <location filename="../src/discovery/serverinput.cpp" line="+25"/>
        <source>Enter a server name, a Matrix ID or a URL.</source>
        <translation>Geben Sie einen Servernamen, eine Matrix-ID oder eine URL ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is not a valid Matrix ID. It looks like @name:example.org.</source>
        <translation>Dies ist keine gültige Matrix-ID. Sie sieht so aus: @name:example.org.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is not a usable server address. Use an https:// URL.</source>
        <translation>Dies ist keine verwendbare Serveradresse. Verwenden Sie eine https://-URL.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is not a valid server name. It looks like example.org.</source>
        <translation>Dies ist kein gültiger Servername. Er sieht so aus: example.org.</translation>
    </message>
</context>
<context>
    <name>Portico::Matrix::Error</name>
    <message>
        <location filename="../src/matrix/error.cpp" line="+26"/>
        <source>The server&apos;s name could not be found.</source>
        <translation>Der Name des Servers wurde nicht gefunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server refused the connection.</source>
        <translation>Der Server hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A secure connection to the server could not be established.</source>
        <translation>Es konnte keine sichere Verbindung zum Server hergestellt werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server could not be reached.</source>
        <translation>Der Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server sent more data than expected.</source>
        <translation>Der Server hat mehr Daten gesendet als erwartet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server sent an answer Portico does not understand.</source>
        <translation>Der Server hat eine Antwort gesendet, die Portico nicht versteht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server answered with an error (HTTP %1).</source>
        <translation>Der Server hat mit einem Fehler geantwortet (HTTP %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server is busy and asked to wait before trying again.</source>
        <translation>Der Server ist ausgelastet und bittet, vor einem neuen Versuch etwas zu warten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s address is not secure (plain http).</source>
        <translation>Die Adresse des Servers ist nicht sicher (unverschlüsseltes http).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server refused the request.</source>
        <translation>Der Server hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account has been deactivated.</source>
        <translation>Dieses Konto wurde deaktiviert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This account is locked.</source>
        <translation>Dieses Konto ist gesperrt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session is no longer valid.</source>
        <translation>Die Sitzung ist nicht mehr gültig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server does not offer this.</source>
        <translation>Der Server bietet dies nicht an.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server answered with an error (%1).</source>
        <translation>Der Server hat mit einem Fehler geantwortet (%1).</translation>
    </message>
</context>
<context>
    <name>Portico::Session</name>
    <message>
        <location filename="../src/session/baseurlbinding.cpp" line="+35"/>
        <source>The server suggested another address for your session, but it is not valid. Portico stays with %1.</source>
        <translation>Der Server hat eine andere Adresse für Ihre Sitzung vorgeschlagen, doch sie ist ungültig. Portico bleibt bei %1.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The server asked Portico to continue at %1, which is not secure (plain http). Your session stays with %2.</source>
        <translation>Der Server hat Portico gebeten, bei %1 fortzufahren, doch diese Adresse ist nicht sicher (unverschlüsseltes http). Ihre Sitzung bleibt bei %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server asked Portico to continue at %1, which could not be reached. Your session stays with %2.</source>
        <translation>Der Server hat Portico gebeten, bei %1 fortzufahren, doch diese Adresse ist nicht erreichbar. Ihre Sitzung bleibt bei %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server asked Portico to continue at %1, which is not a Matrix server. Your session stays with %2.</source>
        <translation>Der Server hat Portico gebeten, bei %1 fortzufahren, doch dort antwortet kein Matrix-Server. Ihre Sitzung bleibt bei %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server asked Portico to continue at %1, which does not recognise your session. Your session stays with %2.</source>
        <translation>Der Server hat Portico gebeten, bei %1 fortzufahren, doch dort ist Ihre Sitzung unbekannt. Ihre Sitzung bleibt bei %2.</translation>
    </message>
    <message>
        <location filename="../src/session/loginrequest.cpp" line="+20"/>
        <source>Portico on %1</source>
        <translation>Portico auf %1</translation>
    </message>
</context>
<context>
    <name>Portico::Sso::CallbackListener</name>
    <message>
        <location filename="../src/sso/callbacklistener.cpp" line="+125"/>
        <source>Request too large</source>
        <translation>Anfrage zu groß</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This request is too large for Portico&apos;s sign-in page.</source>
        <translation>Diese Anfrage ist zu groß für die Anmeldeseite von Portico.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bad request</source>
        <translation>Ungültige Anfrage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portico could not understand this request.</source>
        <translation>Portico konnte diese Anfrage nicht verstehen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wrong address</source>
        <translation>Falsche Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This request was not addressed to Portico.</source>
        <translation>Diese Anfrage war nicht an Portico gerichtet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not allowed</source>
        <translation>Nicht erlaubt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portico&apos;s sign-in page only answers GET requests.</source>
        <translation>Die Anmeldeseite von Portico beantwortet nur GET-Anfragen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>There is nothing here.</source>
        <translation>Hier gibt es nichts.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not this sign-in</source>
        <translation>Nicht diese Anmeldung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This link belongs to another sign-in attempt. Start the sign-in again in Portico.</source>
        <translation>Dieser Link gehört zu einem anderen Anmeldeversuch. Starten Sie die Anmeldung in Portico erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign-in incomplete</source>
        <translation>Anmeldung unvollständig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not hand over a valid sign-in token. Go back to Portico and try again.</source>
        <translation>Der Server hat kein gültiges Anmelde-Token übergeben. Kehren Sie zu Portico zurück und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signed in to Portico</source>
        <translation>Bei Portico angemeldet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portico has received your sign-in. You can close this tab and return to Portico.</source>
        <translation>Portico hat Ihre Anmeldung erhalten. Sie können diesen Tab schließen und zu Portico zurückkehren.</translation>
    </message>
</context>
<context>
    <name>Portico::Ui</name>
    <message>
        <location filename="../src/ui/logincontroller.cpp" line="+26"/>
        <source>No keychain is available to keep your session safe. Install and start a Secret Service such as GNOME Keyring or KWallet, then try again.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, der Ihre Sitzung sicher aufbewahren kann. Installieren und starten Sie einen Secret Service wie GNOME Keyring oder KWallet und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your keychain is locked. Unlock it, then try again.</source>
        <translation>Ihr Schlüsselbund ist gesperrt. Entsperren Sie ihn und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access to your keychain was refused. Allow Portico to use it, then try again.</source>
        <translation>Der Zugriff auf Ihren Schlüsselbund wurde verweigert. Erlauben Sie Portico den Zugriff und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your session could not be stored in the keychain (%1).</source>
        <translation>Ihre Sitzung konnte nicht im Schlüsselbund gespeichert werden (%1).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This server&apos;s discovery file (/.well-known/matrix/client) is broken. Enter the homeserver&apos;s full URL instead, such as https://matrix.example.org.</source>
        <translation>Die Discovery-Datei dieses Servers (/.well-known/matrix/client) ist fehlerhaft. Geben Sie stattdessen die vollständige URL des Homeservers ein, etwa https://matrix.example.org.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This server&apos;s discovery file names a homeserver address that is not valid. Contact the server&apos;s administrator.</source>
        <translation>Die Discovery-Datei dieses Servers nennt eine ungültige Homeserver-Adresse. Wenden Sie sich an die Administration des Servers.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This server uses plain http, which would expose your sign-in. Type its http:// address yourself only if you trust the network.</source>
        <translation>Dieser Server verwendet unverschlüsseltes http, das Ihre Anmeldung preisgeben würde. Geben Sie seine http://-Adresse nur dann selbst ein, wenn Sie dem Netzwerk vertrauen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No Matrix homeserver answers at this address. Check the server name.</source>
        <translation>Unter dieser Adresse antwortet kein Matrix-Homeserver. Überprüfen Sie den Servernamen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server is busy. Wait a moment and try again.</source>
        <translation>Der Server ist ausgelastet. Warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the address and your connection, then try again.</source>
        <translation>Überprüfen Sie die Adresse und Ihre Verbindung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The user name or the password is wrong. Check them and try again.</source>
        <translation>Benutzername oder Passwort sind falsch. Überprüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>This account has been deactivated. Contact the server&apos;s administrator.</source>
        <translation>Dieses Konto wurde deaktiviert. Wenden Sie sich an die Administration des Servers.</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+24"/>
        <source>This account is locked. Contact the server&apos;s administrator.</source>
        <translation>Dieses Konto ist gesperrt. Wenden Sie sich an die Administration des Servers.</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Too many attempts. Wait a moment, then try again.</source>
        <translation>Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Try again.</source>
        <translation>Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Portico could not open your web browser. Make sure a default browser is set, then try again.</source>
        <translation>Portico konnte Ihren Webbrowser nicht öffnen. Stellen Sie sicher, dass ein Standardbrowser festgelegt ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sign-in was not completed in time. Start it again when you are ready.</source>
        <translation>Die Anmeldung wurde nicht rechtzeitig abgeschlossen. Starten Sie sie erneut, sobald Sie bereit sind.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server did not accept the sign-in (it may have expired). Start again.</source>
        <translation>Der Server hat die Anmeldung nicht angenommen (vielleicht ist sie abgelaufen). Beginnen Sie von vorn.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server&apos;s answer to the sign-in was incomplete. Try again later.</source>
        <translation>Die Antwort des Servers auf die Anmeldung war unvollständig. Versuchen Sie es später erneut.</translation>
    </message>
</context>
<context>
    <name>Portico::Ui::LoginController</name>
    <message>
        <location line="+55"/>
        <source>Portico runs without saving: this session ends when you quit.</source>
        <translation>Portico läuft ohne zu speichern: Diese Sitzung endet, wenn Sie Portico beenden.</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>Looking up %1…</source>
        <translation>%1 wird gesucht …</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Portico could not read how to sign in to this server. Try again.</source>
        <translation>Portico konnte nicht ermitteln, wie die Anmeldung bei diesem Server funktioniert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Found %1 with %2 sign-in options.</source>
        <translation>%1 gefunden, mit %2 Anmeldemöglichkeiten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Found %1 with one sign-in option.</source>
        <translation>%1 gefunden, mit einer Anmeldemöglichkeit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found %1 with single sign-on.</source>
        <translation>%1 gefunden, mit Single Sign-on.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found %1, without single sign-on.</source>
        <translation>%1 gefunden, ohne Single Sign-on.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This server offers no sign-in method Portico can use. Use another Matrix app, or ask the server&apos;s administrator.</source>
        <translation>Dieser Server bietet keine Anmeldemethode an, die Portico verwenden kann. Verwenden Sie eine andere Matrix-App oder fragen Sie die Administration des Servers.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>No sign-in is waiting for this link. Start the sign-in again.</source>
        <translation>Für diesen Link steht keine Anmeldung aus. Starten Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is not a Portico sign-in link. Copy the whole address from the page your browser shows after you signed in.</source>
        <translation>Dies ist kein Anmeldelink von Portico. Kopieren Sie die vollständige Adresse der Seite, die Ihr Browser nach der Anmeldung anzeigt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This link belongs to another sign-in attempt. Use the link from the latest attempt, or start again.</source>
        <translation>Dieser Link gehört zu einem anderen Anmeldeversuch. Verwenden Sie den Link des letzten Versuchs oder beginnen Sie von vorn.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This link does not carry a valid sign-in token. Sign in again in the browser.</source>
        <translation>Dieser Link enthält kein gültiges Anmelde-Token. Melden Sie sich im Browser erneut an.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Portico could not reach your server to sign you in again. Try again.</source>
        <translation>Portico konnte Ihren Server nicht erreichen, um Sie erneut anzumelden. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>You signed in as %1, but this device belongs to %2. Sign in again as %2.</source>
        <translation>Sie haben sich als %1 angemeldet, aber dieses Gerät gehört %2. Melden Sie sich erneut als %2 an.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The server signed you out of %1. Sign in again to continue.</source>
        <translation>Der Server hat Sie von %1 abgemeldet. Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your session as %1 has ended on the server. Sign in again.</source>
        <translation>Ihre Sitzung als %1 wurde auf dem Server beendet. Melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>ProviderButton</name>
    <message>
        <location filename="../qml/ProviderButton.qml" line="+31"/>
        <source>Continue with %1</source>
        <translation>Weiter mit %1</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <location filename="../qml/ProvidersPage.qml" line="+17"/>
        <source>Choose how to sign in</source>
        <translation>Wählen Sie, wie Sie sich anmelden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This server uses plain http: your sign-in is not protected on the network.</source>
        <translation>Dieser Server verwendet unverschlüsseltes http: Ihre Anmeldung ist im Netzwerk nicht geschützt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search %1 providers</source>
        <translation>%1 Anbieter durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search providers</source>
        <translation>Anbieter durchsuchen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No provider matches “%1”.</source>
        <translation>Kein Anbieter passt zu „%1“.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Identity providers</source>
        <translation>Identitätsanbieter</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>single sign-on</source>
        <translation>Single Sign-on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue with single sign-on</source>
        <translation>Weiter mit Single Sign-on</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Use another server</source>
        <translation>Anderen Server verwenden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Use a password instead</source>
        <translation>Stattdessen Passwort verwenden</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../qml/ServerPage.qml" line="+24"/>
        <source>Sign in to Matrix</source>
        <translation>Bei Matrix anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter your server (example.org), your Matrix ID (@you:example.org) or the server&apos;s address.</source>
        <translation>Geben Sie Ihren Server (example.org), Ihre Matrix-ID (@sie:example.org) oder die Adresse des Servers ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>example.org</source>
        <translation>example.org</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server, Matrix ID or address</source>
        <translation>Server, Matrix-ID oder Adresse</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sign in again as %1</source>
        <translation>Erneut als %1 anmelden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Working…</source>
        <translation>Bitte warten …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>SignedInPage</name>
    <message>
        <location filename="../qml/SignedInPage.qml" line="+19"/>
        <source>You are signed in</source>
        <translation>Sie sind angemeldet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your session could not be saved: it ends when you quit Portico, unless saving succeeds.</source>
        <translation>Ihre Sitzung konnte nicht gespeichert werden: Sie endet, wenn Sie Portico beenden, es sei denn, das Speichern gelingt noch.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This session is not saved and ends when you quit Portico.</source>
        <translation>Diese Sitzung wird nicht gespeichert und endet, wenn Sie Portico beenden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your session is kept safe in your system keychain.</source>
        <translation>Ihre Sitzung wird sicher im Schlüsselbund Ihres Systems aufbewahrt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Matrix ID</source>
        <translation>Matrix-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Working…</source>
        <translation>Bitte warten …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Retry saving</source>
        <translation>Erneut speichern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>WaitingPage</name>
    <message>
        <location filename="../qml/WaitingPage.qml" line="+19"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Continue in your browser</source>
        <translation>Fahren Sie in Ihrem Browser fort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finishing your sign-in with %1.</source>
        <translation>Ihre Anmeldung bei %1 wird abgeschlossen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign in with %1 in the browser window that opened, then come back here.</source>
        <translation>Melden Sie sich im geöffneten Browserfenster mit %1 an und kehren Sie dann hierher zurück.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in in the browser window that opened, then come back here.</source>
        <translation>Melden Sie sich im geöffneten Browserfenster an und kehren Sie dann hierher zurück.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Working…</source>
        <translation>Bitte warten …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open the browser again</source>
        <translation>Browser erneut öffnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Browser did not come back? Paste the address of the page it shows after you signed in:</source>
        <translation>Der Browser ist nicht zurückgekehrt? Fügen Sie die Adresse der Seite ein, die er nach der Anmeldung anzeigt:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>http://127.0.0.1:…/callback/…?loginToken=…</source>
        <translation>http://127.0.0.1:…/callback/…?loginToken=…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign-in link from the browser</source>
        <translation>Anmeldelink aus dem Browser</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use link</source>
        <translation>Link verwenden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/commandline.cpp" line="+12"/>
        <source>Sign in to Matrix homeservers with single sign-on.</source>
        <translation>Bei Matrix-Homeservern mit Single Sign-on anmelden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Look up this server, Matrix ID or URL at start.</source>
        <translation>Diesen Server, diese Matrix-ID oder URL beim Start nachschlagen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in with this identity provider right away.</source>
        <translation>Sofort mit diesem Identitätsanbieter anmelden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not save the session; it ends when Portico quits.</source>
        <translation>Die Sitzung nicht speichern; sie endet, wenn Portico beendet wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../app/providerscommand.cpp" line="+66"/>
        <source>Log what Portico does (never any token).</source>
        <translation>Protokollieren, was Portico tut (niemals Tokens).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A portico:// sign-in link, handed to the running Portico.</source>
        <translation>Ein portico://-Anmeldelink, der an das laufende Portico übergeben wird.</translation>
    </message>
    <message>
        <location filename="../app/providerscommand.cpp" line="-7"/>
        <source>Print a homeserver&apos;s base URL and identity providers as JSON.</source>
        <translation>Die Basis-URL und die Identitätsanbieter eines Homeservers als JSON ausgeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A server name, Matrix ID or URL.</source>
        <translation>Ein Servername, eine Matrix-ID oder eine URL.</translation>
    </message>
</context>
</TS>
