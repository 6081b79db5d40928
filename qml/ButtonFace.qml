// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Portico

// How Portico's buttons look, in light and dark: the page's main action (highlighted) solid in
// the highlight colour (Fusion's own highlighted button was hard to tell from the others, and its
// light gradient left white text faint), flat ones with a hover veil, the rest framed. The face of
// both AccessibleButton and PlainButton.
Rectangle {
    id: face

    property bool highlighted
    property bool flat
    property bool down
    property bool hovered
    // The label's colour on this face.
    readonly property color ink: highlighted ? "#ffffff" : system.buttonText

    SystemPalette { id: system }
    implicitWidth: 80
    implicitHeight: Theme.buttonHeight - 8
    radius: Theme.radius - 2
    color: highlighted ? Qt.darker(system.highlight, down ? 1.5 : hovered ? 1.2 : 1.3)
                       : flat ? "transparent" : system.button
    border.width: flat || highlighted ? 0 : 1
    border.color: system.mid
    Rectangle {
        anchors.fill: parent
        radius: parent.radius
        color: Qt.rgba(system.buttonText.r, system.buttonText.g, system.buttonText.b,
                       face.down ? 0.16 : face.hovered ? 0.08 : 0)
        visible: !face.highlighted
    }
}
