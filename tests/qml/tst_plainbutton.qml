// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Window
import QtTest
import Portico

// The first pages' button, on plain Qt Quick: a click, Space and a screen reader's Press press it;
// disabled, nothing does; Tab reaches it and its ring shows only then; hover and press show.
TestCase {
    id: test
    name: "PlainButton"
    when: windowShown

    Component {
        id: windowComponent
        Window {
            property alias button: button
            property alias field: field
            width: 300
            height: 120
            visible: true
            Column {
                spacing: 8
                width: parent.width
                EntryField { id: field; width: parent.width; focus: true }
                PlainButton { id: button; width: parent.width; text: "Continue" }
            }
        }
    }

    SignalSpy { id: clicks; signalName: "clicked" }

    function openWindow() {
        const window = createTemporaryObject(windowComponent, test)
        window.requestActivate()
        tryVerify(() => window.active, 5000, "the window never became active")
        waitForRendering(window.contentItem) // laid out: the button below the field
        clicks.clear()
        clicks.target = window.button
        return window
    }

    function ring(button) {
        for (let i = 0; i < button.children.length; ++i)
            if (button.children[i] instanceof FocusRing)
                return button.children[i]
        return null
    }

    function test_clickPresses() {
        const window = openWindow()
        mouseClick(window.button)
        compare(clicks.count, 1)
        // A click does not take the keyboard: the field keeps it, and no ring shows.
        verify(window.field.activeFocus)
        verify(!ring(window.button).visible)
    }

    function test_spaceAndTabFromTheKeyboard() {
        const window = openWindow()
        keyClick(Qt.Key_Tab)
        verify(window.button.activeFocus, "Tab did not reach the button")
        verify(ring(window.button).visible, "no focus ring for the keyboard's focus")
        keyPress(Qt.Key_Space)
        verify(window.button.down, "not drawn pressed while Space is down")
        compare(clicks.count, 0) // pressed on release, as Qt's buttons are
        keyRelease(Qt.Key_Space)
        compare(clicks.count, 1)
        verify(!window.button.down)
    }

    function test_screenReaderPress() {
        const window = openWindow()
        compare(window.button.Accessible.role, Accessible.Button)
        compare(window.button.Accessible.name, "Continue")
        window.button.Accessible.pressAction()
        compare(clicks.count, 1)
    }

    function test_disabledIgnoresEverything() {
        const window = openWindow()
        window.button.enabled = false
        mouseClick(window.button)
        keyClick(Qt.Key_Tab)
        verify(!window.button.activeFocus, "a disabled button took the keyboard")
        keyClick(Qt.Key_Space)
        compare(clicks.count, 0)
        compare(window.button.opacity, 0.5)
    }

    function test_hoverAndPressShow() {
        const window = openWindow()
        mouseMove(window.button, 10, 10)
        tryVerify(() => window.button.hovered, 2000, "hover not seen")
        mousePress(window.button)
        verify(window.button.down)
        mouseRelease(window.button)
        verify(!window.button.down)
        compare(clicks.count, 1)
    }
}
