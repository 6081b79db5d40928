// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Window
import QtTest
import Portico

// The spinner of the long waits: it steps while running and shown, the spokes fade behind the
// head, and it stands still (drawing nothing new) when stopped or hidden.
TestCase {
    id: test
    name: "WaitSpinner"
    when: windowShown

    Component {
        id: windowComponent
        Window {
            property alias spinner: spinner
            width: 100
            height: 100
            visible: true
            WaitSpinner { id: spinner }
        }
    }

    function test_stepsOnlyWhileRunningAndShown() {
        const window = createTemporaryObject(windowComponent, test)
        const spinner = window.spinner
        const first = spinner.step
        tryVerify(() => spinner.step !== first, 2000, "it steps while running")
        // Ten steps a second, not one per frame: a second brings about ten, never sixty.
        const before = spinner.step
        let steps = 0
        const counter = () => ++steps
        spinner.stepChanged.connect(counter)
        wait(1000) // an observation window, counting steps: not a synchronisation
        spinner.stepChanged.disconnect(counter)
        verify(steps >= 5 && steps <= 12, "steps in a second: " + steps)

        spinner.running = false
        const stopped = spinner.step
        wait(300)
        compare(spinner.step, stopped, "a stopped spinner stands still")
        spinner.running = true
        spinner.visible = false
        const hidden = spinner.step
        wait(300)
        compare(spinner.step, hidden, "a hidden spinner stands still")
    }

    function spokesOf(spinner) {
        const spokes = []
        for (let i = 0; i < spinner.children.length; ++i)
            if (spinner.children[i].age !== undefined)
                spokes.push(spinner.children[i])
        return spokes
    }

    function test_spokesOnlyWhileShown() {
        const window = createTemporaryObject(windowComponent, test)
        const spinner = window.spinner
        compare(spokesOf(spinner).length, 12)
        spinner.visible = false
        compare(spokesOf(spinner).length, 0, "a hidden spinner keeps no spokes")
        spinner.visible = true
        compare(spokesOf(spinner).length, 12, "shown again, it has its spokes back")
    }

    function test_theHeadIsDarkest() {
        const window = createTemporaryObject(windowComponent, test)
        const spinner = window.spinner
        spinner.running = false
        spinner.running = true
        spinner.step = 3
        const spokes = spokesOf(spinner)
        compare(spokes.length, 12)
        for (const spoke of spokes)
            verify(spoke.opacity <= spokes[3].opacity, "spoke " + spoke.index)
        verify(spokes[2].opacity > spokes[9].opacity, "the tail fades")
    }
}
