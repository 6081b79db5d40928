// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Templates as T
import Portico

// A Button a screen reader can press. Qt 6.4's Quick Controls offer the "Press" action over
// AT-SPI but do nothing when it is invoked (tst_e2e_accessibility): pressing clicks here.
// The keyboard's focus gets a ring in the highlight colour, plain to see on light and dark.
// On QtQuick.Templates with Fusion's sizes and Portico's own look (see TextLabel.qml for why).
T.Button {
    id: control

    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                            implicitContentWidth + leftPadding + rightPadding)
    padding: 4
    spacing: 6

    // When the ring shows: Tab's focus by default (a click's focus needs none).
    property bool focusRingShown: visualFocus

    implicitHeight: Math.max(Theme.buttonHeight - 8, implicitContentHeight + topPadding + bottomPadding)
    Accessible.onPressAction: clicked()

    // One look in light and dark: the page's main action (highlighted) solid in the highlight
    // colour (Fusion's own highlighted button was hard to tell from the others, and its light
    // gradient left white text faint), flat ones with a hover veil, the rest framed.
    SystemPalette { id: system }
    readonly property color veil: Qt.rgba(system.buttonText.r, system.buttonText.g, system.buttonText.b,
                                          control.down ? 0.16 : control.hovered ? 0.08 : 0)
    palette.buttonText: control.highlighted ? "#ffffff" : system.buttonText
    contentItem: Text {
        text: control.text
        font: control.font
        color: control.palette.buttonText
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        Accessible.ignored: true
    }
    opacity: enabled ? 1 : 0.5
    background: Rectangle {
        implicitWidth: 80
        implicitHeight: Theme.buttonHeight - 8
        radius: Theme.radius - 2
        color: control.highlighted
               ? Qt.darker(system.highlight, control.down ? 1.5 : control.hovered ? 1.2 : 1.3)
               : control.flat ? "transparent" : system.button
        border.width: control.flat || control.highlighted ? 0 : 1
        border.color: system.mid
        Rectangle {
            anchors.fill: parent
            radius: parent.radius
            color: control.veil
            visible: !control.highlighted
        }
    }

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
