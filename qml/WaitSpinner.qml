// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// The spinner of the long waits (the browser, another device): twelve spokes that step round
// ten times a second. A smooth BusyIndicator redraws at the display's rate, which costs more
// than 2 % of a core with the software renderer for minutes on end; stepping is the classic
// look of such spinners and costs a sixth of that.
Item {
    id: spinner

    property bool running: true
    property int step: 0

    implicitWidth: 48
    implicitHeight: 48
    Accessible.role: Accessible.Animation
    Accessible.name: qsTr("Working…")

    Timer {
        interval: 100
        repeat: true
        running: spinner.running && spinner.visible
        onTriggered: spinner.step = (spinner.step + 1) % 12
    }

    // The spokes exist while the spinner is shown: the first pages carry a hidden one each
    // (for a lookup, a check), which would otherwise make its twelve before the first frame.
    Repeater {
        model: spinner.visible ? 12 : 0
        Rectangle {
            required property int index
            x: (spinner.width - width) / 2
            y: spinner.height * 0.05
            width: Math.max(3, spinner.width / 12)
            height: spinner.height * 0.28
            radius: width / 2
            color: spinner.palette.windowText
            // How many steps ago the head passed this spoke: the head is darkest, its tail fades.
            readonly property int age: (12 + spinner.step - index) % 12
            opacity: spinner.running ? Math.max(0.15, 1 - age / 8) : 0.25
            transform: Rotation {
                origin.x: width / 2
                origin.y: spinner.height / 2 - spinner.height * 0.05
                angle: index * 30
            }
        }
    }
}
