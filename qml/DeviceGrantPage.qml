// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// The OAuth device grant: the user approves on a phone (the QR code) or another computer
// (the address and the code), and this page waits until the server says so.
ColumnLayout {
    id: page

    required property LoginController controller

    spacing: 16

    Item { Layout.fillHeight: true }

    PageHeading {
        title: page.controller.busy ? qsTr("Signing in…") : qsTr("Sign in on another device")
        subtitle: qsTr("Scan the code with your phone, or open the address on another device and enter the code there.")
    }

    Rectangle {
        // The QR code keeps its white quiet zone in dark colours too.
        color: "white"
        radius: 4
        implicitWidth: 216
        implicitHeight: 216
        Layout.alignment: Qt.AlignHCenter
        visible: page.controller.deviceQrCode.length > 0
        Image {
            anchors.centerIn: parent
            width: 200
            height: 200
            source: page.controller.deviceQrCode
            smooth: false
            fillMode: Image.PreserveAspectFit
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("QR code of %1").arg(page.controller.deviceVerificationUri)
        }
    }

    Label {
        text: page.controller.deviceVerificationUri
        font.bold: true
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WrapAnywhere
        Layout.fillWidth: true
    }

    Label {
        objectName: "deviceUserCode"
        text: page.controller.deviceUserCode
        font.pixelSize: 28
        font.letterSpacing: 4
        font.family: "monospace"
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
        Accessible.name: qsTr("Code: %1").arg(page.controller.deviceUserCode.split("").join(" "))
    }

    WaitSpinner {
        Accessible.name: qsTr("Waiting for your approval…")
        running: page.visible
        Layout.alignment: Qt.AlignHCenter
    }

    MessageBanner { text: page.controller.errorText }

    AccessibleButton {
        id: cancel
        text: qsTr("Cancel")
        Layout.alignment: Qt.AlignRight
        onClicked: page.controller.cancelSignIn()
    }

    Item { Layout.fillHeight: true }

    Component.onCompleted: cancel.forceActiveFocus(Qt.TabFocusReason)

    Shortcut {
        sequence: StandardKey.Cancel
        enabled: page.visible
        onActivated: page.controller.cancelSignIn()
    }
}
