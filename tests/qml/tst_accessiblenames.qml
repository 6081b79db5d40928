// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Templates as T
import QtTest
import Portico

// Every button a person can see has a name a screen reader reads out (and a button that showed
// only an icon would need one, and a tooltip): on the server page, the providers, the signed-in
// page and the devices page of the real window.
TestCase {
    id: test
    name: "AccessibleNames"
    when: windowShown

    Component {
        id: mainWindow
        Main { controller: testController }
    }

    // The visible buttons under `item`: Quick Controls' and the first pages' (PlainButton).
    function buttons(item, found) {
        if (!item.visible)
            return found
        if (item instanceof T.AbstractButton || item instanceof PlainButton)
            found.push(item)
        for (let i = 0; i < item.children.length; ++i)
            buttons(item.children[i], found)
        return found
    }

    function checkNames(win, page) {
        tryVerify(() => buttons(win.contentItem, []).length > 0, 5000, "no buttons on the " + page + " page")
        const found = buttons(win.contentItem, [])
        for (const button of found) {
            // What a screen reader reads: the accessible name, else the button's text.
            const name = button.Accessible.name || button.text
            verify(name && name.trim().length > 0,
                   "a button without an accessible name on the " + page + " page: " + button
                   + " (text \"" + button.text + "\")")
            // A button that shows no text (an icon only) explains itself when pointed at.
            const hasIcon = button.icon && (button.icon.name.length > 0 || button.icon.source.toString().length > 0)
            if (hasIcon && (button.display === T.AbstractButton.IconOnly || button.text.length === 0))
                verify(button.ToolTip.text.length > 0,
                       "an icon-only button without a tooltip on the " + page + " page: " + name)
        }
    }

    function test_everyButtonHasAName() {
        const win = createTemporaryObject(mainWindow, test)
        verify(win)
        win.requestActivate()
        tryVerify(() => win.visible && win.active, 5000, "the window never became active")
        if (testController.page === LoginController.SignedIn) {
            testController.signOut()
            tryCompare(testController, "page", LoginController.Server, 10000)
        }
        tryCompare(testController, "page", LoginController.Server, 5000)
        checkNames(win, "server")

        testController.discover(testServerUrl)
        tryCompare(testController, "page", LoginController.Providers, 15000)
        waitForRendering(win.contentItem)
        checkNames(win, "providers")

        testController.signIn("github")
        tryCompare(testController, "page", LoginController.SignedIn, 20000)
        waitForRendering(win.contentItem)
        checkNames(win, "signed-in")

        testController.showDevices()
        tryCompare(testController, "page", LoginController.Devices, 15000)
        tryVerify(() => testController.devices.devices.count > 0, 15000)
        waitForRendering(win.contentItem)
        checkNames(win, "devices")
        // "Last seen …" is kept up to date while the page is shown, and only then.
        tryVerify(() => testController.devices.devices.shown, 5000)

        // Back to where the other tests start.
        testController.back()
        tryCompare(testController, "page", LoginController.SignedIn, 10000)
        tryVerify(() => !testController.devices.devices.shown, 5000, "the devices page is gone, its minute timer not")
        testController.signOut()
        tryVerify(() => testController.page === LoginController.Providers
                  || testController.page === LoginController.Server, 10000)
        if (testController.page === LoginController.Providers)
            testController.back()
        tryCompare(testController, "page", LoginController.Server, 10000)
    }
}
