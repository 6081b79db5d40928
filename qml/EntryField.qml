// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// A one-line text field that looks like Fusion's, on plain Qt Quick's TextInput: the first page
// has one, and a field from QtQuick.Templates would load that module before the first frame
// (PlainButton.qml). Every page's fields use it, so that no field looks unlike another.
TextInput {
    id: control

    property string placeholderText
    property color placeholderTextColor: palette.placeholderText

    // Its size is TextInput's own, the text's and the padding (pages lay fields out full width),
    // and at least Fusion's 24 px high: TextInput's implicit size cannot be set, its padding can.
    readonly property real minimumHeightPadding: Math.max(0, (24 - contentHeight) / 2 - 4)
    padding: 4
    topPadding: 4 + minimumHeightPadding
    bottomPadding: 4 + minimumHeightPadding
    clip: true
    activeFocusOnTab: true
    selectByMouse: true

    color: palette.text
    selectionColor: palette.highlight
    selectedTextColor: palette.highlightedText
    verticalAlignment: TextInput.AlignVCenter
    Accessible.description: placeholderText

    // Fusion's outline colours: the window's a shade darker, the highlight's when focused; on a
    // dark window the highlight's a shade lighter, so that the focus stands out as on a light one.
    readonly property color outline: Qt.darker(palette.window, 1.4)
    readonly property color focusedOutline: palette.window.hslLightness < 0.5
                                            ? Qt.lighter(palette.highlight, 1.25)
                                            : Qt.darker(palette.highlight, 1.25)

    Rectangle {
        z: -1
        anchors.fill: parent
        radius: 2
        color: control.palette.base
        border.color: control.activeFocus ? control.focusedOutline : control.outline

        Rectangle {
            x: 1
            y: 1
            width: parent.width - 2
            height: parent.height - 2
            radius: 1.7
            color: "transparent"
            border.color: Qt.rgba(control.focusedOutline.r, control.focusedOutline.g,
                                  control.focusedOutline.b, 40 / 255)
            visible: control.activeFocus
        }
        // Fusion's inner shadow along the top edge.
        Rectangle {
            x: 2
            y: 1
            width: parent.width - 4
            height: 1
            color: Qt.rgba(0, 0, 0, 18 / 255)
        }
    }

    Text {
        id: placeholder
        x: control.leftPadding
        y: control.topPadding
        width: control.width - (control.leftPadding + control.rightPadding)
        height: control.height - (control.topPadding + control.bottomPadding)
        text: control.placeholderText
        font: control.font
        color: control.placeholderTextColor
        verticalAlignment: control.verticalAlignment
        elide: Text.ElideRight
        renderType: control.renderType
        visible: !control.length && !control.preeditText
        Accessible.ignored: true
    }
}
