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

    spacing: Theme.spacingXS
    visible: list.controller.accounts.count > 1
    Layout.fillWidth: true

    Label {
        text: qsTr("Accounts on this computer")
        font.bold: true
        Accessible.role: Accessible.Heading
        Layout.bottomMargin: Theme.spacingXS
    }

    Repeater {
        // No rows while hidden (one account): the signed-in page's first frame builds none.
        model: list.controller.accounts.count > 1 ? list.controller.accounts : null

        ItemDelegate {
            id: row

            required property string key
            required property string userId
            required property string server
            required property int state
            required property bool current
            readonly property AccountProfile profile: list.controller.profiles.profile(row.key)

            Layout.fillWidth: true
            highlighted: row.current
            text: row.profile.shownName
            Accessible.name: row.current ? qsTr("%1, shown").arg(row.profile.shownName) : row.profile.shownName
            Accessible.description: row.userId
            onClicked: list.controller.switchAccount(row.key)
            Accessible.onPressAction: clicked() // see AccessibleButton.qml

            contentItem: RowLayout {
                spacing: Theme.spacingM
                Item {
                    implicitWidth: 36
                    implicitHeight: 36
                    Layout.alignment: Qt.AlignVCenter
                    Avatar {
                        anchors.fill: parent
                        profile: row.profile
                        size: 36
                    }
                    // Green: checked with the server; amber: not reachable right now.
                    Rectangle {
                        width: 12
                        height: 12
                        radius: 6
                        anchors.right: parent.right
                        anchors.bottom: parent.bottom
                        border.width: 2
                        border.color: row.palette.window
                        color: row.state === AccountListModel.Verified ? "#2e7d32"
                             : row.state === AccountListModel.Offline ? "#f9a825" : "#9e9e9e"
                    }
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Label {
                        text: row.profile.shownName
                        font.bold: row.current
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: row.userId
                        opacity: 0.75
                        elide: Text.ElideMiddle
                        font.pointSize: Qt.application.font.pointSize * 0.9
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
