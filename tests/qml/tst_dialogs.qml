// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Window
import QtTest
import Portico

// ConfirmDialog (sign-out and device removal questions) and Avatar, in a real window.
TestCase {
    id: test
    name: "Dialogs"
    when: windowShown

    Component {
        id: windowComponent
        ApplicationWindow {
            id: window
            width: 480
            height: 480
            visible: true
            property alias dialog: dialog
            property alias before: before
            property int yes: 0
            property int no: 0
            property string question: ""
            Button { id: before; text: "Before"; focus: true }
            ConfirmDialog {
                id: dialog
                title: "Sign out"
                question: window.question
                acceptText: "Remove"
                onAnsweredYes: { ++window.yes; window.question = "" }
                onAnsweredNo: { ++window.no; window.question = "" }
            }
        }
    }

    function openWindow() {
        const win = createTemporaryObject(windowComponent, test)
        verify(win)
        win.requestActivate()
        tryVerify(() => win.active, 5000)
        win.before.forceActiveFocus()
        return win
    }

    function test_modalCentredAndDimmed() {
        const win = openWindow()
        win.question = "The server cannot be reached. Remove the account from this computer?"
        tryVerify(() => win.dialog.opened, 5000)
        verify(win.dialog.modal)
        verify(win.dialog.dim)
        compare(win.dialog.x + win.dialog.width / 2, win.width / 2)
        fuzzyCompare(win.dialog.y + win.dialog.height / 2, win.height / 2, 1)
        // The answer that goes on has the keyboard.
        tryVerify(() => win.activeFocusItem && win.activeFocusItem.text === "Remove", 5000,
                  "focus is on " + win.activeFocusItem)
    }

    function test_enterAnswersYesAndFocusComesBack() {
        const win = openWindow()
        win.question = "Remove?"
        tryVerify(() => win.activeFocusItem && win.activeFocusItem.text === "Remove", 5000)
        keyClick(Qt.Key_Return)
        compare(win.yes, 1)
        compare(win.no, 0)
        tryVerify(() => !win.dialog.visible, 5000)
        tryCompare(win, "activeFocusItem", win.before, 5000)
    }

    function test_escapeAnswersNo() {
        const win = openWindow()
        win.question = "Remove?"
        tryVerify(() => win.activeFocusItem && win.activeFocusItem.text === "Remove", 5000)
        keyClick(Qt.Key_Escape)
        compare(win.no, 1)
        compare(win.yes, 0)
        tryVerify(() => !win.dialog.visible, 5000)
        tryCompare(win, "activeFocusItem", win.before, 5000)
    }

    Component {
        id: avatarComponent
        Window {
            property alias avatar: avatar
            width: 100
            height: 100
            visible: true
            Avatar { id: avatar; size: 40 }
        }
    }

    function test_avatarWithoutAFaceShowsTheInitial() {
        const win = createTemporaryObject(avatarComponent, test)
        verify(win)
        win.avatar.profile = testController.profiles.profile("@zoe:example.org/DEVICE")
        const avatar = win.avatar
        tryVerify(() => avatar.visible, 5000)
        const disc = avatar.children[0]
        verify(disc.visible)
        compare(disc.children[0].text, "Z")
        compare(disc.color, avatar.profile.colour)
        // No account at all: a neutral disc with a question mark.
        const nobody = createTemporaryObject(avatarComponent, test)
        compare(nobody.avatar.children[0].children[0].text, "?")
    }
}
