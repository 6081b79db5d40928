// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Layouts
import Portico

// The signed-in account.
ColumnLayout {
    id: page

    required property LoginController controller

    spacing: Theme.spacingL

    Item { Layout.fillHeight: true }

    // Who you are: the face, the name, the Matrix ID.
    RowLayout {
        spacing: Theme.spacingL
        Layout.fillWidth: true
        Avatar {
            profile: page.controller.profile
            size: 64
            Layout.alignment: Qt.AlignVCenter
        }
        ColumnLayout {
            spacing: Theme.spacingXS
            Layout.fillWidth: true
            TextLabel {
                text: page.controller.profile ? page.controller.profile.shownName : page.controller.userId
                font.pixelSize: 24
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.Heading
            }
            TextLabel {
                visible: page.controller.profile !== null
                         && page.controller.profile.shownName !== page.controller.userId
                text: page.controller.userId
                opacity: 0.75
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
            // OAuth accounts: the server's own account page (profile, password, devices), under
            // who you are. Before the main action in the page, so Tab from it does not pass here.
            // What is hidden is not made until it shows (here and below): hidden, it would still
            // cost the first frame its creation (docs/performance.md).
            Loader {
                active: page.controller.devices.canManageAccount
                visible: active
                Layout.leftMargin: item ? -item.padding : 0
                sourceComponent: PlainButton {
                    text: qsTr("Manage account")
                    flat: true
                    Accessible.description: qsTr("Opens your server's account page in your browser")
                    onClicked: page.controller.devices.manageAccount()
                }
            }
        }
    }

    PageHeading {
        title: qsTr("You are signed in")
        subtitle: page.controller.saveFailed
                  ? qsTr("Your session could not be saved: it ends when you quit Portico, unless saving succeeds.")
                  : page.controller.ephemeral
                  ? qsTr("This session is not saved and ends when you quit Portico.")
                  : qsTr("Your session is kept safe in your system keychain.")
        titleSize: 18
    }

    MessageBanner { kind: MessageBanner.Warning; text: page.controller.noticeText }
    MessageBanner { text: page.controller.errorText }

    // Offline is not signed out: say so, and let the user ask again now.
    Loader {
        active: page.controller.sessionStatusText.length > 0
        visible: active
        Layout.fillWidth: true
        sourceComponent: RowLayout {
            spacing: Theme.spacingS
            WaitSpinner {
                running: page.controller.sessionState === AccountListModel.Verifying
                visible: running
                Layout.preferredHeight: 24
                Layout.preferredWidth: 24
            }
            MessageBanner {
                kind: MessageBanner.Info
                text: page.controller.sessionStatusText
            }
            PlainButton {
                visible: page.controller.sessionState === AccountListModel.Offline
                text: qsTr("Retry now")
                onClicked: page.controller.retryVerification()
            }
        }
    }

    GridLayout {
        columns: 2
        columnSpacing: Theme.spacingL
        rowSpacing: Theme.spacingS
        Layout.fillWidth: true

        TextLabel { text: qsTr("Device"); opacity: 0.75 }
        TextLabel { text: page.controller.deviceId; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
        TextLabel { text: qsTr("Server"); opacity: 0.75 }
        TextLabel { text: page.controller.sessionServer; wrapMode: Text.WrapAnywhere; Layout.fillWidth: true }
    }

    // The one main action: the account's devices, or saving it while the keychain refused it.
    Loader {
        id: retrySaving
        active: page.controller.saveFailed
        visible: active
        Layout.fillWidth: true
        sourceComponent: PlainButton {
            text: qsTr("Retry saving")
            highlighted: true
            enabled: !page.controller.busy
            onClicked: page.controller.retrySave()
        }
    }
    Loader {
        active: page.controller.signInAgainUser.length > 0
        visible: active
        Layout.fillWidth: true
        sourceComponent: PlainButton {
            text: qsTr("Sign in again as %1").arg(page.controller.signInAgainUser)
            enabled: !page.controller.busy
            onClicked: page.controller.signInAgain()
        }
    }
    PlainButton {
        id: devicesButton
        text: qsTr("Devices")
        highlighted: !page.controller.saveFailed
        enabled: !page.controller.busy
        Layout.fillWidth: true
        Accessible.description: qsTr("Rename and remove the devices of this account")
        onClicked: page.controller.showDevices()
    }

    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        WaitSpinner {
            running: page.controller.busy
            visible: running
            Layout.preferredHeight: 32
            Layout.preferredWidth: 32
        }
        Item { Layout.fillWidth: true }
        PlainButton {
            text: qsTr("Add account")
            flat: true
            enabled: !page.controller.busy
            onClicked: page.controller.addAccount()
        }
        PlainButton {
            id: signOutButton
            text: qsTr("Sign out")
            flat: true
            enabled: !page.controller.busy
            onClicked: page.controller.signOut()
        }
    }

    // By URL, and only with a second account: a single account's first frame does not even
    // compile the list and its rows (docs/performance.md).
    Loader {
        active: page.controller.accounts.count > 1
        visible: active
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingS
        Component.onCompleted: setSource("AccountList.qml", { controller: page.controller })
    }

    Item { Layout.fillHeight: true }

    // Sign out could not reach the server: removing the account here is the user's call. Made
    // when first asked, not with the page's first frame; kept then, so that it closes as usual.
    // By URL, not an inline component, so that the page's first frame does not compile it either.
    Loader {
        id: signOutDialog
        visible: false // not laid out; the dialog is a popup on the window's overlay
        active: page.controller.signOutQuestion.length > 0
        onLoaded: active = true // no binding any more: stays once made
        Component.onCompleted: setSource("ConfirmDialog.qml", {
            title: qsTr("Sign out"),
            acceptText: qsTr("Remove from this computer"),
            rejectText: qsTr("Keep signed in")
        })
        Binding {
            target: signOutDialog.item
            when: signOutDialog.item !== null
            property: "question"
            value: page.controller.signOutQuestion
        }
        Connections {
            target: signOutDialog.item
            function onAnsweredYes() { page.controller.confirmSignOut() }
            function onAnsweredNo() { page.controller.cancelSignOut() }
        }
    }

    // The keyboard starts on the account's main action: saving it, while the keychain refused it.
    // With a visible focus frame, so that a keyboard user sees what Enter will do.
    function entered() {
        (retrySaving.item ?? devicesButton).forceActiveFocus(Qt.TabFocusReason)
    }
    onVisibleChanged: if (visible) entered()
    Component.onCompleted: Qt.callLater(page.entered) // created when shown (Main.qml)

    // While the controller is busy its buttons are disabled, and the one with the keyboard loses
    // it. Qt gives it back once the button is enabled again, even to Retry saving, which is
    // hidden by then when saving worked. So once the controller is done: a keyboard that is
    // nowhere, on the page's focus scope, on one inside the page (a Loader, whose button was
    // disabled) or on a control of this page that is hidden or disabled goes to the main action
    // (Retry saving, if it failed again). Elsewhere (a popup) it stays.
    function regainFocus() {
        const focused = page.Window.activeFocusItem
        let inPage = false
        for (let item = focused; item && !inPage; item = item.parent)
            inPage = item === page
        let aroundPage = !focused
        for (let item = page.parent; item && !aroundPage; item = item.parent)
            aroundPage = item === focused
        if (aroundPage || (inPage && !(focused.visible && focused.enabled && focused.activeFocusOnTab)))
            page.entered()
    }
    Connections {
        target: page.controller
        function onBusyChanged() {
            if (!page.controller.busy && page.visible)
                Qt.callLater(page.regainFocus)
        }
    }
}
