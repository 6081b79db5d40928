// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Portico

// The keyboard's focus around a button, in the highlight colour: plain to see on light and dark.
Rectangle {
    z: 1
    anchors.fill: parent
    anchors.margins: -3
    radius: Theme.radius
    color: "transparent"
    border.width: Theme.focusRingWidth
    border.color: palette.highlight
}
