// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// One device of the account: its name (editable), ID and last use.
ItemDelegate {
    id: row

    required property int index
    required property string deviceId
    required property string displayName
    required property string lastSeen
    required property string lastSeenExact
    required property bool isThisDevice
    property bool current: false
    property bool selectable: true
    property bool removesInBrowser: false
    property bool editing: false

    signal selectionToggled(bool on)
    signal renameRequested(string name)
    signal removeRequested()

    highlighted: row.current
    Accessible.name: row.isThisDevice ? qsTr("%1, this device").arg(row.displayName) : row.displayName
    Accessible.description: row.lastSeen

    contentItem: RowLayout {
        spacing: Theme.spacingS
        CheckBox {
            visible: !row.isThisDevice && row.selectable
            checked: row.checked
            onToggled: row.selectionToggled(checked)
            // Pressed or toggled by a screen reader: as a click would (see AccessibleButton.qml).
            function activate() { toggle(); toggled() }
            Accessible.onPressAction: activate()
            Accessible.onToggleAction: activate()
            Accessible.name: qsTr("Select %1").arg(row.displayName)
        }
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            RowLayout {
                visible: !row.editing
                spacing: Theme.spacingS
                Label {
                    text: row.displayName
                    font.bold: true
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    visible: row.isThisDevice
                    text: qsTr("This device")
                    color: palette.highlightedText
                    leftPadding: Theme.spacingS
                    rightPadding: Theme.spacingS
                    topPadding: 2
                    bottomPadding: 2
                    font.pointSize: Qt.application.font.pointSize * 0.9
                    background: Rectangle { color: palette.highlight; radius: height / 2 }
                    Layout.alignment: Qt.AlignTop
                }
            }
            EntryField {
                id: nameField
                visible: row.editing
                text: row.displayName
                Layout.fillWidth: true
                Accessible.name: qsTr("New name for %1").arg(row.deviceId)
                onAccepted: { row.renameRequested(text); row.editing = false }
                Keys.onEscapePressed: row.editing = false
            }
            // IDs have no spaces: broken anywhere rather than cut off.
            Label {
                text: row.deviceId
                opacity: 0.75
                font.family: "monospace"
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
            // "5 minutes ago"; the exact time on hover.
            Label {
                id: seen
                visible: row.lastSeen.length > 0
                text: row.lastSeen
                opacity: 0.75
                font.pointSize: Qt.application.font.pointSize * 0.9
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                HoverHandler { id: seenHover }
                ToolTip.visible: seenHover.hovered && row.lastSeenExact.length > 0
                ToolTip.text: row.lastSeenExact
                ToolTip.delay: 500
            }
        }
        AccessibleButton {
            text: row.editing ? qsTr("Save") : qsTr("Rename")
            flat: true
            Accessible.name: row.editing ? qsTr("Save the name") : qsTr("Rename %1").arg(row.displayName)
            onClicked: {
                if (row.editing) {
                    row.renameRequested(nameField.text)
                    row.editing = false
                } else {
                    row.editing = true
                    nameField.forceActiveFocus()
                    nameField.selectAll()
                }
            }
        }
        AccessibleButton {
            visible: !row.isThisDevice
            text: qsTr("Remove")
            flat: true
            Accessible.name: qsTr("Remove %1").arg(row.displayName)
            Accessible.description: row.removesInBrowser ? qsTr("Opens your server's page to confirm") : ""
            onClicked: row.removeRequested()
        }
    }
}
