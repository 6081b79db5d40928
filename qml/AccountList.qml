// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// The accounts signed in on this computer; choosing one shows it.
ColumnLayout {
    id: list

    required property LoginController controller

    spacing: 4
    visible: list.controller.accounts.count > 1
    Layout.fillWidth: true

    Label {
        text: qsTr("Accounts on this computer")
        font.bold: true
        Accessible.role: Accessible.Heading
    }

    Repeater {
        model: list.controller.accounts

        ItemDelegate {
            id: row

            required property string key
            required property string userId
            required property string server
            required property int state
            required property bool current

            Layout.fillWidth: true
            highlighted: row.current
            text: row.userId
            Accessible.name: row.current ? qsTr("%1, shown").arg(row.userId) : row.userId
            Accessible.description: row.server
            onClicked: list.controller.switchAccount(row.key)
            Accessible.onPressAction: clicked() // see AccessibleButton.qml

            contentItem: RowLayout {
                spacing: 10
                Rectangle {
                    // Green: checked with the server; amber: not reachable right now.
                    width: 10
                    height: 10
                    radius: 5
                    color: row.state === AccountListModel.Verified ? "#2e7d32"
                         : row.state === AccountListModel.Offline ? "#f9a825" : "#9e9e9e"
                    Layout.alignment: Qt.AlignVCenter
                }
                Label {
                    text: row.userId
                    font.bold: row.current
                    elide: Text.ElideMiddle
                    Layout.fillWidth: true
                }
                Label {
                    text: row.server
                    opacity: 0.75
                    elide: Text.ElideRight
                }
            }
        }
    }
}
