// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// A server with the OAuth 2.0 API signs people in on its own page: one button for it, and
// one for a new account where the server registers them.
ColumnLayout {
    id: choices

    required property LoginController controller

    spacing: 8

    AccessibleButton {
        id: continueButton
        objectName: "oauthContinue"
        text: qsTr("Continue with %1").arg(choices.controller.serverName)
        highlighted: true
        enabled: !choices.controller.busy
        Layout.fillWidth: true
        onClicked: choices.controller.signInWithOAuth(false)
        Keys.onReturnPressed: clicked()
        Keys.onEnterPressed: clicked()
    }

    AccessibleButton {
        objectName: "oauthCreateAccount"
        visible: choices.controller.canCreateAccount
        text: qsTr("Create account")
        flat: true
        enabled: !choices.controller.busy
        Layout.fillWidth: true
        onClicked: choices.controller.signInWithOAuth(true)
        Keys.onReturnPressed: clicked()
        Keys.onEnterPressed: clicked()
    }

    AccessibleButton {
        objectName: "oauthDeviceGrant"
        visible: choices.controller.deviceGrantAvailable
        text: qsTr("Sign in on another device")
        flat: true
        enabled: !choices.controller.busy
        Layout.fillWidth: true
        onClicked: choices.controller.signInOnAnotherDevice()
    }

    Label {
        text: qsTr("You sign in on %1's own page in your browser, then come back here.")
              .arg(choices.controller.serverName)
        wrapMode: Text.WordWrap
        opacity: 0.75
        Layout.fillWidth: true
    }

    function focusFirst() { continueButton.forceActiveFocus(Qt.TabFocusReason) }
}
