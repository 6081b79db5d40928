// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Layouts
import Portico

// Step 1: where to sign in.
ColumnLayout {
    id: page

    required property LoginController controller
    // What the lookup is doing, while no error is shown.
    readonly property string status: page.controller.errorText.length === 0
                                     ? page.controller.lookupStatus : ""

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

    // What is hidden is not made until it shows (here and below): hidden, it would still cost the
    // first frame its creation (docs/performance.md).
    Loader {
        active: page.status.length > 0 || page.controller.busy
        visible: active
        Layout.fillWidth: true
        sourceComponent: RowLayout {
            spacing: Theme.spacingS
            WaitSpinner {
                running: page.controller.busy
                visible: running
                Layout.preferredHeight: 24
                Layout.preferredWidth: 24
            }
            TextLabel {
                text: page.status
                opacity: 0.75
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
        }
    }

    MessageBanner { text: page.controller.errorText }

    // A server on this machine speaks plain http where https was tried: offer its address.
    Loader {
        active: page.controller.plainHttpOffer.length > 0
        visible: active
        Layout.fillWidth: true
        sourceComponent: PlainButton {
            text: qsTr("Use %1").arg(page.controller.plainHttpOffer)
            highlighted: true
            enabled: !page.controller.busy
            onClicked: page.controller.usePlainHttpOffer()
        }
    }

    // The one main action.
    PlainButton {
        text: qsTr("Continue")
        highlighted: page.controller.signInAgainUser.length === 0
                     && page.controller.plainHttpOffer.length === 0
        enabled: serverField.text.trim().length > 0 && !page.controller.busy
        Layout.fillWidth: true
        onClicked: page.submit()
    }

    Loader {
        active: page.controller.signInAgainUser.length > 0
        visible: active
        Layout.fillWidth: true
        sourceComponent: PlainButton {
            text: qsTr("Sign in again as %1").arg(page.controller.signInAgainUser)
            highlighted: true
            enabled: !page.controller.busy
            onClicked: page.controller.signInAgain()
        }
    }
    MessageBanner { kind: MessageBanner.Info; text: page.controller.noticeText }

    Loader {
        // Adding an account: the one signed in stays, and this leads back to it.
        active: page.controller.accounts.count > 0
        visible: active
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: page.width
        sourceComponent: PlainButton {
            text: qsTr("Back to %1").arg(page.controller.userId)
            flat: true
            onClicked: page.controller.back()
        }
    }

    Item { Layout.fillHeight: true }

    function entered() { serverField.forceActiveFocus(Qt.TabFocusReason) }
    onVisibleChanged: if (visible) entered()
    // Main.qml creates pages when they are shown: arrive as if it had just become visible.
    Component.onCompleted: Qt.callLater(page.entered)
}
