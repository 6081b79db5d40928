// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Portico

// A push button on plain Qt Quick, for the pages shown first (the server page, the signed-in
// page): a button from QtQuick.Templates would load and register that module's hundred types
// before the first frame, ~2.5 ms of a start (bench/notes.md). It looks and acts as
// AccessibleButton does (ButtonFace, FocusRing): Space or Enter (Main.qml) presses it, and so does
// a screen reader's Press action. A click does not take the keyboard's focus, so the ring shows
// only for focus from the keyboard (Tab, or a page putting it there as Tab would).
Item {
    id: control

    property string text
    property bool highlighted
    property bool flat
    readonly property bool hovered: mouse.containsMouse
    readonly property bool down: mouse.pressed || spaceHeld
    property bool spaceHeld: false
    // Between the face's edge and the text, as AccessibleButton's.
    readonly property int padding: 4
    signal clicked()

    implicitWidth: Math.max(face.implicitWidth, label.implicitWidth + 2 * padding)
    implicitHeight: Math.max(face.implicitHeight, label.implicitHeight + 2 * padding)
    activeFocusOnTab: true
    opacity: enabled ? 1 : 0.5

    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.focusable: true
    Accessible.onPressAction: control.clicked()

    Keys.onPressed: event => {
        if (event.key === Qt.Key_Space && !event.isAutoRepeat) {
            control.spaceHeld = true
            event.accepted = true
        }
    }
    Keys.onReleased: event => {
        if (event.key === Qt.Key_Space && !event.isAutoRepeat && control.spaceHeld) {
            control.spaceHeld = false
            event.accepted = true
            control.clicked()
        }
    }
    onActiveFocusChanged: if (!activeFocus) spaceHeld = false

    ButtonFace {
        id: face
        anchors.fill: parent
        highlighted: control.highlighted
        flat: control.flat
        down: control.down
        hovered: control.hovered
    }
    Text {
        id: label
        anchors.fill: parent
        anchors.margins: control.padding
        text: control.text
        color: face.ink
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        Accessible.ignored: true
    }
    MouseArea {
        id: mouse
        anchors.fill: parent
        hoverEnabled: true
        onClicked: control.clicked()
    }
    FocusRing { visible: control.activeFocus }
}
