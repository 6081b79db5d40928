// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Templates as T

// A one-line text field that looks like Fusion's, on QtQuick.Templates (see TextLabel.qml for
// why): every page's fields use it, so that the first page's does not look unlike the others.
T.TextField {
    id: control

    implicitWidth: implicitBackgroundWidth + leftInset + rightInset
                   || Math.max(contentWidth, placeholder.implicitWidth) + leftPadding + rightPadding
    implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset,
                             contentHeight + topPadding + bottomPadding,
                             placeholder.implicitHeight + topPadding + bottomPadding)
    padding: 4

    color: palette.text
    selectionColor: palette.highlight
    selectedTextColor: palette.highlightedText
    placeholderTextColor: palette.placeholderText
    verticalAlignment: TextInput.AlignVCenter

    // Fusion's outline colours: the window's a shade darker, the highlight's when focused.
    readonly property color outline: Qt.darker(palette.window, 1.4)
    readonly property color focusedOutline: Qt.darker(palette.highlight, 1.25)

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

    background: Rectangle {
        implicitWidth: 120
        implicitHeight: 24
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
}
