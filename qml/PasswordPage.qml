// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// For servers that offer a password sign-in (on some, the only one).
ColumnLayout {
    id: page

    required property LoginController controller

    function submit() {
        if (userField.text.trim().length > 0 && passwordField.text.length > 0 && !page.controller.busy)
            page.controller.signInWithPassword(userField.text, passwordField.text)
    }

    spacing: Theme.spacingL

    Item { Layout.fillHeight: true }

    PageHeading {
        title: qsTr("Sign in with a password")
        subtitle: page.controller.homeserver
    }

    MessageBanner {
        kind: MessageBanner.Warning
        text: page.controller.insecure
              ? qsTr("This server uses plain http: your password would cross the network unprotected.")
              : ""
    }

    EntryField {
        id: userField
        text: page.controller.suggestedUser
        placeholderText: qsTr("User name or Matrix ID")
        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
        Layout.fillWidth: true
        Accessible.name: qsTr("User name or Matrix ID")
        onAccepted: passwordField.forceActiveFocus()
    }
    EntryField {
        id: passwordField
        echoMode: TextInput.Password
        placeholderText: qsTr("Password")
        Layout.fillWidth: true
        Accessible.name: qsTr("Password")
        onAccepted: page.submit()
    }

    MessageBanner { text: page.controller.errorText }

    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        AccessibleButton {
            text: qsTr("Back")
            flat: true
            onClicked: page.controller.back()
        }
        BusyIndicator {
            Accessible.name: qsTr("Working…")
            running: page.controller.busy
            visible: running
            Layout.preferredHeight: 32
            Layout.preferredWidth: 32
        }
        Item { Layout.fillWidth: true }
        AccessibleButton {
            text: qsTr("Sign in")
            highlighted: true
            enabled: userField.text.trim().length > 0 && passwordField.text.length > 0 && !page.controller.busy
            onClicked: page.submit()
        }
    }

    Item { Layout.fillHeight: true }

    Shortcut {
        sequence: StandardKey.Cancel
        enabled: page.visible
        onActivated: page.controller.back()
    }

    // The password never outlives the page.
    function entered() { (userField.text.length > 0 ? passwordField : userField).forceActiveFocus() }
    onVisibleChanged: {
        passwordField.clear()
        if (visible)
            entered()
    }
    Component.onCompleted: Qt.callLater(page.entered) // created when shown (Main.qml)
}
