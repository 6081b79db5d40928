// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Portico

// A Button a screen reader can press. Qt 6.4's Quick Controls offer the "Press" action over
// AT-SPI but do nothing when it is invoked (tst_e2e_accessibility): pressing clicks here.
// The keyboard's focus gets a ring in the highlight colour, plain to see on light and dark.
Button {
    id: control

    // When the ring shows: Tab's focus by default (a click's focus needs none).
    property bool focusRingShown: visualFocus

    implicitHeight: Math.max(Theme.buttonHeight - 8, implicitContentHeight + topPadding + bottomPadding)
    Accessible.onPressAction: clicked()

    // The main action of a page (highlighted) in the highlight colour: Fusion's own highlighted
    // button is hard to tell from the others.
    SystemPalette { id: system }
    palette.button: control.highlighted && control.enabled ? system.highlight : system.button
    palette.buttonText: control.highlighted && control.enabled ? system.highlightedText : system.buttonText

    Rectangle {
        z: 1
        anchors.fill: parent
        anchors.margins: -3
        radius: Theme.radius
        color: "transparent"
        border.width: Theme.focusRingWidth
        border.color: control.palette.highlight
        visible: control.focusRingShown
    }
}
