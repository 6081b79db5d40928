// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Portico

// A sign-in with the keyboard alone, in the real window: type the server, Enter, Tab to a
// provider, Enter; then Escape backs out of each page. Nothing is clicked, nothing is focused
// by the test itself.
TestCase {
    id: test
    name: "KeyboardSignIn"
    when: windowShown

    Component {
        id: mainWindow
        Main { controller: testController }
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i])
    }

    function focused(win) {
        return win.activeFocusItem
    }

    // The keys go to the application's focus window. On Wayland the compositor decides which
    // window that is, and it sometimes gave it back to the test runner's own window after Portico's
    // was active, so the typed address went nowhere (tst_qml_wayland, 2 runs in 6): the runner's
    // window is hidden while Portico's is up, leaving the compositor one window to choose.
    function openMain() {
        const win = createTemporaryObject(mainWindow, test)
        verify(win)
        if (Qt.platform.pluginName === "wayland" && test.Window.window && test.Window.window !== win)
            test.Window.window.visible = false
        win.requestActivate()
        tryVerify(() => win.active, 5000, "the window never became active")
        return win
    }
    // Each test starts as the first did: the runner's window shown, then Portico's over it.
    function cleanup() {
        if (Qt.platform.pluginName === "wayland" && test.Window.window)
            test.Window.window.visible = true
    }

    function test_signInWithTheKeyboardAlone() {
        const win = openMain()

        // The server field has the focus from the start.
        tryVerify(() => focused(win) instanceof EntryField, 5000, "focus starts on " + focused(win))
        compare(focused(win).placeholderText, "example.org")
        keyClick(Qt.Key_A, Qt.ControlModifier) // whatever an earlier test left there
        typeText(testServerUrl)
        compare(focused(win).text, testServerUrl)

        // Tab reaches Continue, and comes back round to the field; Enter presses the button.
        keyClick(Qt.Key_Tab)
        verify(focused(win) instanceof PlainButton, "Tab went to " + focused(win))
        compare(focused(win).text, "Continue")
        keyClick(Qt.Key_Tab)
        verify(focused(win) instanceof EntryField, "Tab did not come back to the server field")
        keyClick(Qt.Key_Tab)
        compare(focused(win).text, "Continue")
        keyClick(Qt.Key_Return)
        tryCompare(testController, "page", LoginController.Providers, 15000)

        // The first provider has the focus; Tab moves to the next one; Enter signs in with it.
        tryVerify(() => focused(win) && focused(win).text === "Continue with GitHub", 5000,
                  "the first provider did not get the focus")
        // Delegates after the first are made once the list is laid out (a frame later): a person
        // cannot press Tab sooner, so wait for them rather than race them.
        const list = focused(win).parent.parent
        verify(list instanceof ListView, "the provider is not in a ListView: " + list)
        tryVerify(() => list.itemAtIndex(1) !== null, 5000)
        keyClick(Qt.Key_Tab)
        compare(focused(win).text, "Continue with Company Keycloak")
        keyClick(Qt.Key_Return)
        tryVerify(() => testBrowser.lastUrl.indexOf("/login/sso/redirect/keycloak") > 0, 10000,
                  "the browser was not opened on Keycloak: " + testBrowser.lastUrl)
        // The scripted browser follows the redirects back to Portico's listener.
        tryCompare(testController, "page", LoginController.SignedIn, 20000)
        compare(testController.userId, "@alice:localhost")
    }

    function test_escapeGoesBack() {
        const win = openMain()
        if (testController.page === LoginController.SignedIn) {
            testController.signOut()
            tryCompare(testController, "page", LoginController.Server, 10000)
        }
        tryVerify(() => focused(win) instanceof EntryField, 5000)
        keyClick(Qt.Key_A, Qt.ControlModifier)
        typeText(testServerUrl)
        compare(focused(win).text, testServerUrl, "the typed address did not arrive")
        keyClick(Qt.Key_Return)
        tryCompare(testController, "page", LoginController.Providers, 15000)

        // Escape on the providers: back to the server page, focus on its field.
        keyClick(Qt.Key_Escape)
        tryCompare(testController, "page", LoginController.Server, 5000)
        tryVerify(() => focused(win) instanceof EntryField, 5000)
        compare(focused(win).text, testServerUrl)
    }

    // https typed for the plain-http server on this machine: the page offers its http://
    // address; Tab reaches the offer, Enter fills it in and continues.
    function test_plainHttpServerIsOffered() {
        const win = openMain()
        if (testController.page === LoginController.SignedIn) {
            testController.signOut()
            tryCompare(testController, "page", LoginController.Server, 10000)
        }
        tryVerify(() => focused(win) instanceof EntryField, 5000)
        keyClick(Qt.Key_A, Qt.ControlModifier)
        const typed = testServerUrl.replace("http://", "https://")
        typeText(typed)
        keyClick(Qt.Key_Return)
        tryCompare(testController, "plainHttpOffer", testServerUrl, 15000)
        verify(testController.errorText.indexOf("plain http") >= 0, testController.errorText)
        compare(testController.page, LoginController.Server)

        keyClick(Qt.Key_Tab)
        verify(focused(win) instanceof PlainButton, "Tab went to " + focused(win))
        compare(focused(win).text, "Use " + testServerUrl)
        keyClick(Qt.Key_Return)
        tryCompare(testController, "page", LoginController.Providers, 15000)
        compare(testController.errorText, "")

        // Back on the server page, the field holds the address that worked.
        keyClick(Qt.Key_Escape)
        tryCompare(testController, "page", LoginController.Server, 5000)
        tryVerify(() => focused(win) instanceof EntryField, 5000)
        compare(focused(win).text, testServerUrl)
    }
}
