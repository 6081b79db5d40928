// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// The signed-in account.
ColumnLayout {
    id: page

    required property LoginController controller

    spacing: 16

    Item { Layout.fillHeight: true }

    PageHeading {
        title: qsTr("You are signed in")
        subtitle: page.controller.saveFailed
                  ? qsTr("Your session could not be saved: it ends when you quit Portico, unless saving succeeds.")
                  : page.controller.ephemeral
                  ? qsTr("This session is not saved and ends when you quit Portico.")
                  : qsTr("Your session is kept safe in your system keychain.")
    }

    MessageBanner { kind: MessageBanner.Warning; text: page.controller.noticeText }
    MessageBanner { text: page.controller.errorText }

    GridLayout {
        columns: 2
        columnSpacing: 16
        rowSpacing: 8
        Layout.fillWidth: true

        Label { text: qsTr("Matrix ID"); opacity: 0.75 }
        Label { text: page.controller.userId; font.bold: true; elide: Text.ElideMiddle; Layout.fillWidth: true }
        Label { text: qsTr("Device"); opacity: 0.75 }
        Label { text: page.controller.deviceId; elide: Text.ElideMiddle; Layout.fillWidth: true }
        Label { text: qsTr("Server"); opacity: 0.75 }
        Label { text: page.controller.sessionServer; elide: Text.ElideMiddle; Layout.fillWidth: true }
    }

    RowLayout {
        Layout.fillWidth: true
        BusyIndicator {
            Accessible.name: qsTr("Working…")
            running: page.controller.busy
            visible: running
            Layout.preferredHeight: 32
            Layout.preferredWidth: 32
        }
        Item { Layout.fillWidth: true }
        Button {
            visible: page.controller.saveFailed
            text: qsTr("Retry saving")
            highlighted: true
            enabled: !page.controller.busy
            onClicked: page.controller.retrySave()
        }
        Button {
            text: qsTr("Sign out")
            enabled: !page.controller.busy
            onClicked: page.controller.signOut()
        }
    }

    Item { Layout.fillHeight: true }
}
