// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// Where the sign-in happens, at the top of a page: the server's host and its full address.
RowLayout {
    id: badge

    property string name
    property string address

    spacing: Theme.spacingM
    Layout.fillWidth: true

    Rectangle {
        Layout.preferredWidth: 40
        Layout.preferredHeight: 40
        radius: Theme.radius
        color: badge.palette.highlight
        Accessible.ignored: true
        Image {
            anchors.centerIn: parent
            source: BrandMarks.markSource("", badge.palette.highlightedText)
            sourceSize: Qt.size(24, 24)
        }
    }
    ColumnLayout {
        spacing: 0
        Layout.fillWidth: true
        Label {
            text: badge.name
            font.weight: Font.DemiBold
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
        Label {
            visible: badge.address.length > 0 && badge.address !== badge.name
            text: badge.address
            opacity: 0.75
            font.pointSize: Qt.application.font.pointSize * 0.9
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
    }
}
