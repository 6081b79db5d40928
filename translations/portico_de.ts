<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountList</name>
    <message>
        <location filename="../qml/AccountList.qml" line="+19"/>
        <source>Accounts on this computer</source>
        <translation>Konten auf diesem Computer</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1, shown</source>
        <translation>%1, angezeigt</translation>
    </message>
</context>
<context>
    <name>AuthDialog</name>
    <message>
        <location filename="../qml/AuthDialog.qml" line="+20"/>
        <source>Confirm it&apos;s you</source>
        <translation>Bestätigen Sie, dass Sie es sind</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+8"/>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Enter the password of %1.</source>
        <translation>Geben Sie das Passwort von %1 ein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>Read and accept the server&apos;s policies to continue:</source>
        <translation>Lesen und akzeptieren Sie die Richtlinien des Servers, um fortzufahren:</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Accept</source>
        <translation>Akzeptieren</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Finish in your browser. This window continues by itself when you are done.</source>
        <translation>Schließen Sie den Vorgang in Ihrem Browser ab. Dieses Fenster macht von selbst weiter, sobald Sie fertig sind.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your browser will open so that you can confirm with %1.</source>
        <translation>Ihr Browser öffnet sich, damit Sie mit %1 bestätigen können.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your browser will open so that you can confirm with your identity provider.</source>
        <translation>Ihr Browser öffnet sich, damit Sie bei Ihrem Identitätsanbieter bestätigen können.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your browser will open a page of your server to complete this step.</source>
        <translation>Ihr Browser öffnet eine Seite Ihres Servers, um diesen Schritt abzuschließen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open again</source>
        <translation>Erneut öffnen</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>I&apos;m done</source>
        <translation>Ich bin fertig</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Continue in browser</source>
        <translation>Im Browser fortfahren</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Start over</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../qml/ConfirmDialog.qml" line="+16"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>DeviceGrantPage</name>
    <message>
        <location filename="../qml/DeviceGrantPage.qml" line="+20"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign in on another device</source>
        <translation>Auf einem anderen Gerät anmelden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the code with your phone, or open the address on another device and enter the code there.</source>
        <translation>Scannen Sie den Code mit Ihrem Telefon, oder öffnen Sie die Adresse auf einem anderen Gerät und geben Sie dort den Code ein.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>QR code of %1</source>
        <translation>QR-Code von %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for your approval…</source>
        <translation>Warten auf Ihre Zustimmung…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>DeviceRow</name>
    <message>
        <location filename="../qml/DeviceRow.qml" line="+28"/>
        <source>%1, this device</source>
        <translation>%1, dieses Gerät</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Select %1</source>
        <translation>%1 auswählen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This device</source>
        <translation>Dieses Gerät</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New name for %1</source>
        <translation>Neuer Name für %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the name</source>
        <translation>Den Namen speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opens your server&apos;s page to confirm</source>
        <translation>Öffnet die Seite Ihres Servers zum Bestätigen</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../qml/DevicesPage.qml" line="+26"/>
        <source>Your devices</source>
        <translation>Ihre Geräte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where %1 is signed in. Your server removes devices on its own page, in your browser.</source>
        <translation>Wo %1 angemeldet ist. Ihr Server entfernt Geräte auf seiner eigenen Seite, in Ihrem Browser.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where %1 is signed in.</source>
        <translation>Wo %1 angemeldet ist.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No devices to show.</source>
        <translation>Keine Geräte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No other device is signed in to this account.</source>
        <translation>Kein anderes Gerät ist bei diesem Konto angemeldet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove devices</source>
        <translation>Geräte entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign out and remove</source>
        <translation>Abmelden und entfernen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Remove %n selected</source>
        <translation>
            <numerusform>%n ausgewähltes entfernen</numerusform>
            <numerusform>%n ausgewählte entfernen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Manage account</source>
        <translation>Konto verwalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens your server&apos;s account page in your browser</source>
        <translation>Öffnet die Kontoseite Ihres Servers in Ihrem Browser</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="+20"/>
        <source>Portico</source>
        <translation>Portico</translation>
    </message>
</context>
<context>
    <name>OAuthChoices</name>
    <message>
        <location filename="../qml/OAuthChoices.qml" line="+20"/>
        <source>Continue with %1</source>
        <translation>Weiter mit %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Create account</source>
        <translation>Konto erstellen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sign in on another device</source>
        <translation>Auf einem anderen Gerät anmelden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You sign in on %1&apos;s own page in your browser, then come back here.</source>
        <translation>Sie melden sich auf der eigenen Seite von %1 in Ihrem Browser an und kehren dann hierher zurück.</translation>
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
        <location line="+10"/>
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
        <location filename="../src/discovery/serverinput.cpp" line="+20"/>
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
        <location line="+2"/>
        <source>The server does not speak https at this address: it answers in plain http.</source>
        <translation>Der Server spricht unter dieser Adresse kein https: Er antwortet mit einfachem http.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server speaks https at this address, not plain http.</source>
        <translation>Der Server spricht unter dieser Adresse https, nicht einfaches http.</translation>
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
        <location filename="../src/session/baseurlbinding.cpp" line="+43"/>
        <source>The server suggested another address for your session, but it is not valid. Portico stays with %1.</source>
        <translation>Der Server hat eine andere Adresse für Ihre Sitzung vorgeschlagen, doch sie ist ungültig. Portico bleibt bei %1.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>The server asked Portico to continue at %1, which is not secure (plain http). Your session stays with %2.</source>
        <translation>Der Server hat Portico gebeten, bei %1 fortzufahren, doch diese Adresse ist nicht sicher (unverschlüsseltes http). Ihre Sitzung bleibt bei %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server asked Portico to continue at %1, which could not be reached. Your session stays with %2.</source>
        <translation>Der Server hat Portico gebeten, bei %1 fortzufahren, doch diese Adresse ist nicht erreichbar. Ihre Sitzung bleibt bei %2.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../src/sso/callbacklistener.cpp" line="+241"/>
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
        <location line="+56"/>
        <source>Already done</source>
        <translation>Bereits erledigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portico has already received this sign-in. You can close this tab.</source>
        <translation>Portico hat diese Anmeldung bereits erhalten. Sie können diesen Tab schließen.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Sign-in not completed</source>
        <translation>Anmeldung nicht abgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not sign you in. Return to Portico to see why, or to try again.</source>
        <translation>Der Server hat Sie nicht angemeldet. Kehren Sie zu Portico zurück, um den Grund zu sehen oder es erneut zu versuchen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This link does not belong to the sign-in Portico is waiting for. Start the sign-in again in Portico.</source>
        <translation>Dieser Link gehört nicht zu der Anmeldung, auf die Portico wartet. Starten Sie die Anmeldung in Portico erneut.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Portico has received your sign-in.</source>
        <translation>Portico hat Ihre Anmeldung erhalten.</translation>
    </message>
    <message>
        <location line="-251"/>
        <location line="+162"/>
        <location line="+34"/>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <location line="-195"/>
        <location line="+161"/>
        <location line="+34"/>
        <source>There is nothing here.</source>
        <translation>Hier gibt es nichts.</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+34"/>
        <location line="+37"/>
        <source>Not this sign-in</source>
        <translation>Nicht diese Anmeldung</translation>
    </message>
    <message>
        <location line="-70"/>
        <location line="+34"/>
        <source>This link belongs to another sign-in attempt. Start the sign-in again in Portico.</source>
        <translation>Dieser Link gehört zu einem anderen Anmeldeversuch. Starten Sie die Anmeldung in Portico erneut.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Sign-in incomplete</source>
        <translation>Anmeldung unvollständig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server did not hand over a valid sign-in token. Go back to Portico and try again.</source>
        <translation>Der Server hat kein gültiges Anmelde-Token übergeben. Kehren Sie zu Portico zurück und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="-181"/>
        <location line="+233"/>
        <location line="+26"/>
        <source>Signed in to Portico</source>
        <translation>Bei Portico angemeldet</translation>
    </message>
    <message>
        <location line="-258"/>
        <location line="+233"/>
        <source>Portico has received your sign-in. You can close this tab and return to Portico.</source>
        <translation>Portico hat Ihre Anmeldung erhalten. Sie können diesen Tab schließen und zu Portico zurückkehren.</translation>
    </message>
</context>
<context>
    <name>Portico::Ui</name>
    <message>
        <location filename="../src/ui/usermessages.cpp" line="+24"/>
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
        <location line="+23"/>
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
        <location line="+3"/>
        <source>If it is your own test server, enter %1 instead.</source>
        <translation>Wenn es Ihr eigener Testserver ist, geben Sie stattdessen %1 ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the address and your connection, then try again.</source>
        <translation>Überprüfen Sie die Adresse und Ihre Verbindung und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Wait a moment, then try again.</source>
        <translation>Warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You can try again in a second.</source>
        <translation>Sie können es in einer Sekunde erneut versuchen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can try again in %1 seconds.</source>
        <translation>Sie können es in %1 Sekunden erneut versuchen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You can try again at %1.</source>
        <translation>Sie können es um %1 erneut versuchen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The user name or the password is wrong. Check them and try again.</source>
        <translation>Benutzername oder Passwort sind falsch. Überprüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+26"/>
        <source>This account has been deactivated. Contact the server&apos;s administrator.</source>
        <translation>Dieses Konto wurde deaktiviert. Wenden Sie sich an die Administration des Servers.</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+26"/>
        <source>This account is locked. Contact the server&apos;s administrator.</source>
        <translation>Dieses Konto ist gesperrt. Wenden Sie sich an die Administration des Servers.</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Too many attempts.</source>
        <translation>Zu viele Versuche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many attempts. Wait a moment, then try again.</source>
        <translation>Zu viele Versuche. Warten Sie einen Moment und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <location line="+141"/>
        <location line="+6"/>
        <location line="+4"/>
        <source>Try again.</source>
        <translation>Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="-170"/>
        <location line="+148"/>
        <source>Portico could not open your web browser. Make sure a default browser is set, then try again.</source>
        <translation>Portico konnte Ihren Webbrowser nicht öffnen. Stellen Sie sicher, dass ein Standardbrowser festgelegt ist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="-145"/>
        <location line="+149"/>
        <source>The sign-in was not completed in time. Start it again when you are ready.</source>
        <translation>Die Anmeldung wurde nicht rechtzeitig abgeschlossen. Starten Sie sie erneut, sobald Sie bereit sind.</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>The server did not accept the sign-in (it may have expired). Start again.</source>
        <translation>Der Server hat die Anmeldung nicht angenommen (vielleicht ist sie abgelaufen). Beginnen Sie von vorn.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server is busy and turned the sign-in away.</source>
        <translation>Der Server ist ausgelastet und hat die Anmeldung abgewiesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s answer to the sign-in was incomplete. Try again later.</source>
        <translation>Die Antwort des Servers auf die Anmeldung war unvollständig. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Looking up %1…</source>
        <translation>%1 wird gesucht …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Found %1, without single sign-on.</source>
        <translation>%1 gefunden, ohne Single Sign-on.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found %1 with %2 sign-in options.</source>
        <translation>%1 gefunden, mit %2 Anmeldemöglichkeiten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Found %1 with one sign-in option.</source>
        <translation>%1 gefunden, mit einer Anmeldemöglichkeit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Found %1 with single sign-on.</source>
        <translation>%1 gefunden, mit Single Sign-on.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Portico could not read how to sign in to this server. Try again.</source>
        <translation>Portico konnte nicht ermitteln, wie die Anmeldung bei diesem Server funktioniert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This server offers no sign-in method Portico can use. Use another Matrix app, or ask the server&apos;s administrator.</source>
        <translation>Dieser Server bietet keine Anmeldemethode an, die Portico verwenden kann. Verwenden Sie eine andere Matrix-App oder fragen Sie die Administration des Servers.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These sign-in options are from your last visit: Portico could not check them just now. %1</source>
        <translation>Diese Anmeldeoptionen stammen von Ihrem letzten Besuch: Portico konnte sie gerade nicht überprüfen. %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No sign-in is waiting for this link. Start the sign-in again.</source>
        <translation>Für diesen Link steht keine Anmeldung aus. Starten Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+111"/>
        <source>This is not a Portico sign-in link. Copy the whole address from the page your browser shows after you signed in.</source>
        <translation>Dies ist kein Anmeldelink von Portico. Kopieren Sie die vollständige Adresse der Seite, die Ihr Browser nach der Anmeldung anzeigt.</translation>
    </message>
    <message>
        <location line="-108"/>
        <location line="+112"/>
        <source>This link belongs to another sign-in attempt. Use the link from the latest attempt, or start again.</source>
        <translation>Dieser Link gehört zu einem anderen Anmeldeversuch. Verwenden Sie den Link des letzten Versuchs oder beginnen Sie von vorn.</translation>
    </message>
    <message>
        <location line="-105"/>
        <source>This link does not carry a valid sign-in token. Sign in again in the browser.</source>
        <translation>Dieser Link enthält kein gültiges Anmelde-Token. Melden Sie sich im Browser erneut an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Portico could not reach your server to sign you in again. Try again.</source>
        <translation>Portico konnte Ihren Server nicht erreichen, um Sie erneut anzumelden. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You signed in as %1, but this device belongs to %2. Sign in again as %2.</source>
        <translation>Sie haben sich als %1 angemeldet, aber dieses Gerät gehört %2. Melden Sie sich erneut als %2 an.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Portico runs without saving: this session ends when you quit.</source>
        <translation>Portico läuft ohne zu speichern: Diese Sitzung endet, wenn Sie Portico beenden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checking your session with the server…</source>
        <translation>Ihre Sitzung wird beim Server geprüft …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be reached right now. %2 You are still signed in; Portico keeps trying in the background.</source>
        <translation>%1 ist gerade nicht erreichbar. %2 Sie bleiben angemeldet; Portico versucht es im Hintergrund weiter.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server signed you out of %1. Sign in again to continue.</source>
        <translation>Der Server hat Sie von %1 abgemeldet. Melden Sie sich erneut an, um fortzufahren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your session as %1 has ended on the server. Sign in again.</source>
        <translation>Ihre Sitzung als %1 wurde auf dem Server beendet. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 cannot be reached. %2 The device stays signed in on the server until you remove it from another session. Remove %3 from this computer anyway?</source>
        <translation>%1 ist nicht erreichbar. %2 Das Gerät bleibt auf dem Server angemeldet, bis Sie es aus einer anderen Sitzung entfernen. %3 trotzdem von diesem Computer entfernen?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server said: “%1”</source>
        <translation>Der Server meldet: „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sign-in was declined at the server, so you are not signed in. Start again if that was not what you meant.</source>
        <translation>Die Anmeldung wurde beim Server abgelehnt, Sie sind also nicht angemeldet. Beginnen Sie erneut, falls Sie das nicht wollten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server refused to register Portico for signing in.</source>
        <translation>Der Server hat es abgelehnt, Portico für die Anmeldung zu registrieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again later, or contact the server&apos;s administrator.</source>
        <translation>Versuchen Sie es später erneut oder wenden Sie sich an die Administration des Servers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Portico could not open a local port for the browser to return to. Try again.</source>
        <translation>Portico konnte keinen lokalen Port öffnen, zu dem der Browser zurückkehren kann. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server ended the sign-in with an error.</source>
        <translation>Der Server hat die Anmeldung mit einem Fehler beendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server did not accept the sign-in (it may have expired).</source>
        <translation>Der Server hat die Anmeldung nicht angenommen (sie ist vielleicht abgelaufen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start again.</source>
        <translation>Beginnen Sie erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server gave Portico a session that does not work. Try again.</source>
        <translation>Der Server hat Portico eine Sitzung gegeben, die nicht funktioniert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This link comes from another sign-in server than the one Portico sent you to. Start the sign-in again.</source>
        <translation>Dieser Link stammt von einem anderen Anmeldeserver als dem, zu dem Portico Sie geschickt hat. Beginnen Sie die Anmeldung erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This link does not carry a valid sign-in code. Sign in again in the browser.</source>
        <translation>Dieser Link enthält keinen gültigen Anmeldecode. Melden Sie sich im Browser erneut an.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your keychain holds no session for %1: it may be locked. Unlock it and start Portico again; the account is still kept on this computer.</source>
        <translation>Ihr Schlüsselbund enthält keine Sitzung für %1: Vielleicht ist er gesperrt. Entsperren Sie ihn und starten Sie Portico erneut; das Konto bleibt auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No keychain is available, so your session as %1 cannot be used. Start your Secret Service (such as GNOME Keyring or KWallet) and start Portico again; the account is still kept on this computer.</source>
        <translation>Es ist kein Schlüsselbund verfügbar, daher kann Ihre Sitzung als %1 nicht verwendet werden. Starten Sie Ihren Secret Service (etwa GNOME Keyring oder KWallet) und starten Sie Portico erneut; das Konto bleibt auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your keychain is locked, so your session as %1 cannot be used. Unlock it and start Portico again; the account is still kept on this computer.</source>
        <translation>Ihr Schlüsselbund ist gesperrt, daher kann Ihre Sitzung als %1 nicht verwendet werden. Entsperren Sie ihn und starten Sie Portico erneut; das Konto bleibt auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Access to your keychain was refused, so your session as %1 cannot be used. Allow Portico to use it and start Portico again; the account is still kept on this computer.</source>
        <translation>Der Zugriff auf Ihren Schlüsselbund wurde verweigert, daher kann Ihre Sitzung als %1 nicht verwendet werden. Erlauben Sie Portico den Zugriff und starten Sie Portico erneut; das Konto bleibt auf diesem Computer gespeichert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your session as %1 could not be read from the keychain (%2). Start Portico again to retry; the account is still kept on this computer.</source>
        <translation>Ihre Sitzung als %1 konnte nicht aus dem Schlüsselbund gelesen werden (%2). Starten Sie Portico erneut, um es noch einmal zu versuchen; das Konto bleibt auf diesem Computer gespeichert.</translation>
    </message>
</context>
<context>
    <name>Portico::Ui::AuthPrompt</name>
    <message>
        <location filename="../src/ui/authprompt.cpp" line="+120"/>
        <source>%1 or %2</source>
        <translation>%1 oder %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Portico could not open your web browser. Make sure a default browser is set, then try again.</source>
        <translation>Portico konnte Ihren Webbrowser nicht öffnen. Stellen Sie sicher, dass ein Standardbrowser eingerichtet ist, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>Portico::Ui::DeviceListModel</name>
    <message>
        <location filename="../src/ui/devicelistmodel.cpp" line="+81"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a minute ago</source>
        <translation>vor einer Minute</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n minutes ago</source>
        <translation>
            <numerusform>vor %n Minute</numerusform>
            <numerusform>vor %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an hour ago</source>
        <translation>vor einer Stunde</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n hours ago</source>
        <translation>
            <numerusform>vor %n Stunde</numerusform>
            <numerusform>vor %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yesterday</source>
        <translation>gestern</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Last seen %1</source>
        <translation>Zuletzt aktiv %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last seen %1 from %2</source>
        <translation>Zuletzt aktiv %1 von %2</translation>
    </message>
</context>
<context>
    <name>Portico::Ui::DevicesController</name>
    <message>
        <location filename="../src/ui/devicescontroller.cpp" line="+37"/>
        <location line="+38"/>
        <source>%1 was signed out and removed.</source>
        <translation>%1 wurde abgemeldet und entfernt.</translation>
    </message>
    <message numerus="yes">
        <location line="-37"/>
        <source>%n devices were signed out and removed.</source>
        <translation>
            <numerusform>%n Gerät wurde abgemeldet und entfernt.</numerusform>
            <numerusform>%n Geräte wurden abgemeldet und entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Portico could not load your devices. Try again.</source>
        <translation>Portico konnte Ihre Geräte nicht laden. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The device was not renamed. Try again.</source>
        <translation>Das Gerät wurde nicht umbenannt. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Remove one device at a time: your server confirms each removal on its own page.</source>
        <translation>Entfernen Sie ein Gerät nach dem anderen: Ihr Server bestätigt jedes Entfernen auf seiner eigenen Seite.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Confirm the removal of %1 on your server&apos;s page in your browser. The list is updated when you come back.</source>
        <translation>Bestätigen Sie das Entfernen von %1 auf der Seite Ihres Servers in Ihrem Browser. Die Liste wird aktualisiert, wenn Sie zurückkehren.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign out and remove %1? Whoever uses it will have to sign in again.</source>
        <translation>%1 abmelden und entfernen? Wer es benutzt, muss sich neu anmelden.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Sign out and remove %n devices? Whoever uses them will have to sign in again.</source>
        <translation>
            <numerusform>%n Gerät abmelden und entfernen? Wer es benutzt, muss sich neu anmelden.</numerusform>
            <numerusform>%n Geräte abmelden und entfernen? Wer sie benutzt, muss sich neu anmelden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Confirm it&apos;s you to remove %1.</source>
        <translation>Bestätigen Sie, dass Sie es sind, um %1 zu entfernen.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Confirm it&apos;s you to remove %n devices.</source>
        <translation>
            <numerusform>Bestätigen Sie, dass Sie es sind, um %n Gerät zu entfernen.</numerusform>
            <numerusform>Bestätigen Sie, dass Sie es sind, um %n Geräte zu entfernen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Your server&apos;s account page is open in your browser. The list is updated when you come back.</source>
        <translation>Die Kontoseite Ihres Servers ist in Ihrem Browser geöffnet. Die Liste wird aktualisiert, wenn Sie zurückkehren.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Your server offers no account page that Portico can open, so devices cannot be removed from here. Sign them out on the device itself.</source>
        <translation>Ihr Server bietet keine Kontoseite an, die Portico öffnen kann, daher können Geräte hier nicht entfernt werden. Melden Sie sie auf dem Gerät selbst ab.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Portico could not open your web browser. Make sure a default browser is set, then try again.</source>
        <translation>Portico konnte Ihren Webbrowser nicht öffnen. Stellen Sie sicher, dass ein Standardbrowser festgelegt ist, und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>Portico::Uia::AuthSession</name>
    <message>
        <location filename="../src/uia/authsession.cpp" line="+341"/>
        <source>Wrong password. Please try again.</source>
        <translation>Falsches Passwort. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That did not work (%1). Please try again.</source>
        <translation>Das hat nicht geklappt (%1). Bitte versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>Portico::Uia::Failure</name>
    <message>
        <location line="-292"/>
        <source>The server refused this request.</source>
        <translation>Der Server hat diese Anfrage abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The confirmation took too long and the server forgot it. Please start over.</source>
        <translation>Die Bestätigung hat zu lange gedauert und der Server hat sie verworfen. Bitte beginnen Sie neu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server asks for a confirmation Portico cannot complete.</source>
        <translation>Der Server verlangt eine Bestätigung, die Portico nicht durchführen kann.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server asked for a confirmation in a form Portico does not understand.</source>
        <translation>Der Server hat eine Bestätigung in einer Form verlangt, die Portico nicht versteht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The confirmation in the browser was not finished in time. Please start over.</source>
        <translation>Die Bestätigung im Browser wurde nicht rechtzeitig abgeschlossen. Bitte beginnen Sie neu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The session is no longer valid. Please sign in again.</source>
        <translation>Die Sitzung ist nicht mehr gültig. Bitte melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>ProviderButton</name>
    <message>
        <location filename="../qml/ProviderButton.qml" line="+37"/>
        <source>Continue with %1</source>
        <translation>Weiter mit %1</translation>
    </message>
</context>
<context>
    <name>ProvidersPage</name>
    <message>
        <location filename="../qml/ProvidersPage.qml" line="+22"/>
        <source>Choose how to sign in</source>
        <translation>Wählen Sie, wie Sie sich anmelden</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+37"/>
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
        <location filename="../qml/ServerPage.qml" line="+23"/>
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
        <location line="+4"/>
        <source>Server, Matrix ID or address</source>
        <translation>Server, Matrix-ID oder Adresse</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Use %1</source>
        <translation>%1 verwenden</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sign in again as %1</source>
        <translation>Erneut als %1 anmelden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back to %1</source>
        <translation>Zurück zu %1</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
</context>
<context>
    <name>SignedInPage</name>
    <message>
        <location filename="../qml/SignedInPage.qml" line="+60"/>
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
        <location line="+30"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Keep signed in</source>
        <translation>Angemeldet bleiben</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Remove from this computer</source>
        <translation>Von diesem Computer entfernen</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Retry saving</source>
        <translation>Erneut speichern</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Manage account</source>
        <translation>Konto verwalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens your server&apos;s account page in your browser</source>
        <translation>Öffnet die Kontoseite Ihres Servers in Ihrem Browser</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Sign in again as %1</source>
        <translation>Erneut als %1 anmelden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename and remove the devices of this account</source>
        <translation>Die Geräte dieses Kontos umbenennen und entfernen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+28"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
</context>
<context>
    <name>WaitSpinner</name>
    <message>
        <location filename="../qml/WaitSpinner.qml" line="+18"/>
        <source>Working…</source>
        <translation>Bitte warten …</translation>
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
        <location line="+18"/>
        <source>Open the browser again</source>
        <translation>Browser erneut öffnen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Browser did not come back? Paste the address of the page it shows after you signed in:</source>
        <translation>Der Browser ist nicht zurückgekehrt? Fügen Sie die Adresse der Seite ein, die er nach der Anmeldung anzeigt:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>http://127.0.0.1:…/callback?code=…&amp;state=…</source>
        <translation>http://127.0.0.1:…/callback?code=…&amp;state=…</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location filename="../app/commandline.cpp" line="+14"/>
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
        <location filename="../app/providerscommand.cpp" line="+76"/>
        <location filename="../app/signincommand.cpp" line="+49"/>
        <source>Log what Portico does (never any token).</source>
        <translation>Protokollieren, was Portico tut (niemals Tokens).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive the browser&apos;s sign-in result as a dev.portico: link instead of on a loopback port (where listening is not allowed).</source>
        <translation>Das Anmeldeergebnis des Browsers als dev.portico:-Link statt auf einem Loopback-Port empfangen (wo das Lauschen nicht erlaubt ist).</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location filename="../app/signincommand.cpp" line="-5"/>
        <source>A server name, Matrix ID or URL.</source>
        <translation>Ein Servername, eine Matrix-ID oder eine URL.</translation>
    </message>
    <message>
        <location filename="../app/signincommand.cpp" line="-5"/>
        <source>Sign in from a terminal, approving on another device.</source>
        <translation>Im Terminal anmelden und auf einem anderen Gerät bestätigen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Approve the sign-in on another device (the OAuth 2.0 device grant).</source>
        <translation>Die Anmeldung auf einem anderen Gerät bestätigen (OAuth-2.0-Gerätefluss).</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This server does not offer signing in on another device.</source>
        <translation>Dieser Server bietet keine Anmeldung auf einem anderen Gerät an.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open %1 and enter the code %2</source>
        <translation>Öffnen Sie %1 und geben Sie den Code %2 ein</translation>
    </message>
</context>
</TS>
