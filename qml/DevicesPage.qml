// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// The signed-in account's devices: rename them, sign them out and remove them (on an OAuth
// account, on the server's own page in the browser).
ColumnLayout {
    id: page

    required property LoginController controller
    readonly property DevicesController devices: controller.devices
    // Device IDs ticked for removing several at once.
    property var selected: []

    function toggle(deviceId, on) {
        const rest = page.selected.filter(id => id !== deviceId)
        page.selected = on ? rest.concat([deviceId]) : rest
    }

    spacing: Theme.spacingM

    PageHeading {
        title: qsTr("Your devices")
        subtitle: page.devices.removesInBrowser
                  ? qsTr("Where %1 is signed in. Your server removes devices on its own page, in your browser.").arg(page.controller.userId)
                  : qsTr("Where %1 is signed in.").arg(page.controller.userId)
    }

    MessageBanner { text: page.devices.errorText }
    MessageBanner { kind: MessageBanner.Info; text: page.devices.noticeText }

    ListView {
        id: list
        focus: true
        clip: true
        spacing: 4
        model: page.devices.devices
        keyNavigationEnabled: true
        Layout.fillWidth: true
        Layout.fillHeight: list.count > 1
        Layout.preferredHeight: contentHeight
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Devices")
        // The first other device is where a keyboard user most likely wants to act.
        onCountChanged: currentIndex = count > 1 ? 1 : 0
        Keys.onDeletePressed: {
            if (currentItem && !currentItem.isThisDevice)
                page.devices.askDelete([currentItem.deviceId])
        }

        delegate: DeviceRow {
            id: deviceRow
            width: ListView.view.width
            checked: page.selected.indexOf(deviceRow.deviceId) >= 0
            current: ListView.isCurrentItem
            // The server's page removes one device at a time.
            selectable: !page.devices.removesInBrowser
            removesInBrowser: page.devices.removesInBrowser
            onSelectionToggled: on => page.toggle(deviceRow.deviceId, on)
            onRenameRequested: name => page.devices.rename(deviceRow.deviceId, name)
            onRemoveRequested: page.devices.askDelete([deviceRow.deviceId])
            onClicked: list.currentIndex = deviceRow.index
        }
    }

    // Nothing but this device: say so rather than leave the list to speak for itself.
    Label {
        visible: !page.devices.busy && list.count <= 1 && page.devices.errorText.length === 0
        text: list.count === 0 ? qsTr("No devices to show.")
                               : qsTr("No other device is signed in to this account.")
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        opacity: 0.75
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: list.count <= 1 }

    // Removing signs the devices out: the user says so first, in a dialog over the dimmed page.
    ConfirmDialog {
        title: qsTr("Remove devices")
        question: page.devices.deleteQuestion
        acceptText: qsTr("Sign out and remove")
        onAnsweredYes: page.devices.confirmDelete()
        onAnsweredNo: page.devices.cancelDelete()
    }

    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        AccessibleButton {
            text: qsTr("Back")
            flat: true
            onClicked: page.controller.back()
        }
        BusyIndicator {
            running: page.devices.busy
            visible: running
            Layout.preferredHeight: 32
            Layout.preferredWidth: 32
        }
        Item { Layout.fillWidth: true }
        AccessibleButton {
            text: qsTr("Remove %n selected", "", page.selected.length)
            visible: page.selected.length > 0
            onClicked: page.devices.askDelete(page.selected)
        }
        AccessibleButton {
            visible: page.devices.canManageAccount
            text: qsTr("Manage account")
            flat: true
            Accessible.description: qsTr("Opens your server's account page in your browser")
            onClicked: page.devices.manageAccount()
        }
        AccessibleButton {
            text: qsTr("Refresh")
            enabled: !page.devices.busy
            onClicked: page.devices.refresh()
        }
    }

    Connections {
        target: page.devices
        function onDeleted() { page.selected = [] }
        function onSessionChanged() { page.selected = [] }
    }
    // Back from the browser (the server's account page): the controller loads the list again.
    Connections {
        target: page.Window.window
        function onActiveChanged() {
            if (page.visible && page.Window.active)
                page.devices.windowActivated()
        }
    }

    AuthDialog { prompt: page.devices.prompt }

    // "Last seen 5 minutes ago" stays true while the page is on screen (a minute timer, stopped
    // while the page is hidden).
    Binding {
        target: page.devices.devices
        property: "shown"
        value: page.visible
    }
    Component.onDestruction: page.devices.devices.shown = false // a Binding does not restore then

    // Arriving on the page puts the keyboard in the list (arrows choose, Delete removes).
    function entered() { list.forceActiveFocus(Qt.TabFocusReason) }
    onVisibleChanged: if (visible) entered()
    Component.onCompleted: Qt.callLater(page.entered) // created when shown (Main.qml)
}
