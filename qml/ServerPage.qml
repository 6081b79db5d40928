// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Layouts
import Portico

// Step 1: where to sign in.
ColumnLayout {
    id: page

    required property LoginController controller

    function submit() {
        if (serverField.text.trim().length > 0 && !page.controller.busy)
            page.controller.discover(serverField.text)
    }

    spacing: Theme.spacingL

    Item { Layout.fillHeight: true }

    PageHeading {
        title: qsTr("Sign in to Matrix")
        subtitle: qsTr("Enter your server (example.org), your Matrix ID (@you:example.org) or the server's address.")
    }

    EntryField {
        id: serverField
        focus: true
        text: page.controller.serverText
        placeholderText: qsTr("example.org")
        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        Accessible.name: qsTr("Server, Matrix ID or address")
        onAccepted: page.submit()
        onTextEdited: page.controller.serverTextEdited(text)
    }

    RowLayout {
        spacing: Theme.spacingS
        visible: status.text.length > 0 || page.controller.busy
        Layout.fillWidth: true
        WaitSpinner {
            running: page.controller.busy
            visible: running
            Layout.preferredHeight: 24
            Layout.preferredWidth: 24
        }
        TextLabel {
            id: status
            text: page.controller.errorText.length === 0 ? page.controller.lookupStatus : ""
            opacity: 0.75
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
    }

    MessageBanner { text: page.controller.errorText }

    // A server on this machine speaks plain http where https was tried: offer its address.
    AccessibleButton {
        visible: page.controller.plainHttpOffer.length > 0
        text: qsTr("Use %1").arg(page.controller.plainHttpOffer)
        highlighted: true
        enabled: !page.controller.busy
        Layout.fillWidth: true
        onClicked: page.controller.usePlainHttpOffer()
    }

    // The one main action.
    AccessibleButton {
        text: qsTr("Continue")
        highlighted: page.controller.signInAgainUser.length === 0
                     && page.controller.plainHttpOffer.length === 0
        enabled: serverField.text.trim().length > 0 && !page.controller.busy
        Layout.fillWidth: true
        onClicked: page.submit()
    }

    AccessibleButton {
        visible: page.controller.signInAgainUser.length > 0
        text: qsTr("Sign in again as %1").arg(page.controller.signInAgainUser)
        highlighted: true
        Layout.fillWidth: true
        enabled: !page.controller.busy
        onClicked: page.controller.signInAgain()
    }
    MessageBanner { kind: MessageBanner.Info; text: page.controller.noticeText }

    AccessibleButton {
        // Adding an account: the one signed in stays, and this leads back to it.
        visible: page.controller.accounts.count > 0
        text: qsTr("Back to %1").arg(page.controller.userId)
        flat: true
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: page.width
        onClicked: page.controller.back()
    }

    Item { Layout.fillHeight: true }

    function entered() { serverField.forceActiveFocus(Qt.TabFocusReason) }
    onVisibleChanged: if (visible) entered()
    // Main.qml creates pages when they are shown: arrive as if it had just become visible.
    Component.onCompleted: Qt.callLater(page.entered)
}
