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

    spacing: 16

    PageHeading {
        title: qsTr("Choose how to sign in")
        subtitle: page.controller.homeserver
    }

    MessageBanner {
        kind: MessageBanner.Warning
        text: page.controller.insecure
              ? qsTr("This server uses plain http: your sign-in is not protected on the network.")
              : ""
    }
    MessageBanner { text: page.controller.errorText }
    MessageBanner { kind: MessageBanner.Info; text: page.controller.noticeText }

    ListView {
        id: list
        clip: true
        spacing: 8
        model: page.controller.providers
        focus: true
        keyNavigationEnabled: true
        Layout.fillWidth: true
        Layout.fillHeight: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        delegate: ProviderButton {
            required property string idpId
            required property string name
            required property url iconUrl
            required property string brand
            providerName: name
            iconSource: iconUrl
            brandId: brand
            width: ListView.view.width
            focus: ListView.isCurrentItem
            onClicked: page.controller.signIn(idpId)
        }

        footer: ProviderButton {
            visible: page.controller.genericSso
            height: visible ? implicitHeight : 0
            width: ListView.view.width
            providerName: qsTr("single sign-on")
            text: qsTr("Continue with single sign-on")
            onClicked: page.controller.signIn("")
        }
    }

    Button {
        text: qsTr("Use another server")
        flat: true
        onClicked: page.controller.back()
    }
}
