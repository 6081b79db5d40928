// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// Step 2: one button per identity provider, in the server's order.
ColumnLayout {
    id: page

    required property LoginController controller

    spacing: Theme.spacingL

    ServerBadge {
        name: page.controller.serverName
        address: page.controller.homeserver
    }

    PageHeading {
        title: qsTr("Choose how to sign in")
    }

    MessageBanner {
        kind: MessageBanner.Warning
        text: page.controller.insecure
              ? qsTr("This server uses plain http: your sign-in is not protected on the network.")
              : ""
    }
    MessageBanner { text: page.controller.errorText }
    MessageBanner { kind: MessageBanner.Info; text: page.controller.noticeText }

    // Many providers: filter them as you type; Down moves into the list.
    EntryField {
        id: search
        visible: page.controller.providers.count > 8
        placeholderText: qsTr("Search %1 providers").arg(page.controller.providers.count)
        Layout.fillWidth: true
        Accessible.name: qsTr("Search providers")
        onTextChanged: page.controller.filteredProviders.filterText = text
        Keys.onDownPressed: {
            list.currentIndex = 0
            list.forceActiveFocus()
        }
        Keys.onReturnPressed: if (list.count === 1) list.itemAtIndex(0).clicked()
    }

    Label {
        visible: search.visible && list.count === 0
        text: qsTr("No provider matches “%1”.").arg(search.text)
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    OAuthChoices {
        id: oauthChoices
        visible: page.controller.signInApi === LoginController.OAuth
        controller: page.controller
        Layout.fillWidth: true
    }
    Item { visible: oauthChoices.visible; Layout.fillHeight: true }

    ListView {
        id: list
        visible: !oauthChoices.visible
        clip: true
        spacing: Theme.spacingS
        // Room for the focus ring of the first and last buttons.
        topMargin: 4
        bottomMargin: 4
        leftMargin: 4
        rightMargin: 4
        model: page.controller.filteredProviders
        reuseItems: true
        cacheBuffer: 200
        highlightMoveDuration: 120
        Keys.onUpPressed: event => {
            if (currentIndex === 0 && search.visible)
                search.forceActiveFocus()
            else
                event.accepted = false
        }
        focus: true
        keyNavigationEnabled: true
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Identity providers")
        Layout.fillWidth: true
        Layout.fillHeight: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        delegate: ProviderButton {
            required property string idpId
            required property string name
            required property url iconSource
            required property string brand
            providerName: name
            imageSource: iconSource
            brandId: brand
            width: ListView.view.width - 8
            focus: ListView.isCurrentItem
            onClicked: page.controller.signIn(idpId)
            Keys.onReturnPressed: clicked()
            Keys.onEnterPressed: clicked()
        }

        footer: ProviderButton {
            visible: page.controller.genericSso
            height: visible ? implicitHeight : 0
            width: ListView.view.width - 8
            providerName: qsTr("single sign-on")
            text: qsTr("Continue with single sign-on")
            onClicked: page.controller.signIn("")
        }
    }

    RowLayout {
        Layout.fillWidth: true
        AccessibleButton {
            text: qsTr("Use another server")
            flat: true
            onClicked: page.controller.back()
        }
        Item { Layout.fillWidth: true }
        AccessibleButton {
            visible: page.controller.passwordAvailable
            text: qsTr("Use a password instead")
            flat: true
            onClicked: page.controller.usePassword()
        }
    }

    // Keyboard users land on the search field, or on the first provider.
    Component.onCompleted: Qt.callLater(page.entered) // created when shown (Main.qml)
    onVisibleChanged: if (visible) entered()
    function entered() {
        if (oauthChoices.visible)
            return oauthChoices.focusFirst()
        list.currentIndex = 0
        if (search.visible)
            search.forceActiveFocus(Qt.TabFocusReason)
        else
            list.forceActiveFocus(Qt.TabFocusReason)
    }

    // Escape empties the search first, then goes back.
    Shortcut {
        sequence: StandardKey.Cancel
        enabled: page.visible && !page.controller.busy
        onActivated: {
            if (search.visible && search.text.length > 0)
                search.clear()
            else
                page.controller.back()
        }
    }
}
