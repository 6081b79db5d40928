// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Templates as T
import Portico

// A Button a screen reader can press. Qt 6.4's Quick Controls offer the "Press" action over
// AT-SPI but do nothing when it is invoked (tst_e2e_accessibility): pressing clicks here.
// The keyboard's focus gets a ring in the highlight colour, plain to see on light and dark.
// On QtQuick.Templates with Fusion's sizes, for the pages after the first two, which have
// PlainButton (it says why), in the same look.
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

    // One look with PlainButton, the first pages' button (ButtonFace.qml).
    SystemPalette { id: system }
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
    background: ButtonFace {
        highlighted: control.highlighted
        flat: control.flat
        down: control.down
        hovered: control.hovered
    }

    FocusRing { visible: control.focusRingShown }
}
