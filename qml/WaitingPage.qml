// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// Step 3: the user is in the browser.
ColumnLayout {
    id: page

    required property LoginController controller

    spacing: Theme.spacingL

    Item { Layout.fillHeight: true }

    PageHeading {
        title: page.controller.busy ? qsTr("Signing in…") : qsTr("Continue in your browser")
        subtitle: page.controller.busy
                  ? qsTr("Finishing your sign-in with %1.").arg(page.controller.homeserver)
                  : page.controller.pendingProvider.length > 0
                    ? qsTr("Sign in with %1 in the browser window that opened, then come back here.").arg(page.controller.pendingProvider)
                    : qsTr("Sign in in the browser window that opened, then come back here.")
    }

    WaitSpinner {
        Accessible.name: qsTr("Working…")
        running: page.visible
        Layout.alignment: Qt.AlignHCenter
    }

    MessageBanner { text: page.controller.errorText }

    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        enabled: !page.controller.busy
        AccessibleButton {
            text: qsTr("Cancel")
            flat: true
            onClicked: page.controller.cancelSignIn()
        }
        Item { Layout.fillWidth: true }
        AccessibleButton {
            text: qsTr("Open the browser again")
            highlighted: true
            onClicked: page.controller.reopenBrowser()
        }
    }

    // When the browser cannot come back to Portico by itself.
    Label {
        text: qsTr("Browser did not come back? Paste the address of the page it shows after you signed in:")
        wrapMode: Text.Wrap
        opacity: 0.75
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacingXL
    }
    RowLayout {
        spacing: Theme.spacingS
        Layout.fillWidth: true
        enabled: !page.controller.busy
        EntryField {
            id: linkField
            // What the browser's address looks like once the server sent it back.
            placeholderText: page.controller.signInApi === LoginController.OAuth
                             ? qsTr("http://127.0.0.1:…/callback?code=…&state=…")
                             : qsTr("http://127.0.0.1:…/callback/…?loginToken=…")
            Layout.fillWidth: true
            Accessible.name: qsTr("Sign-in link from the browser")
            onAccepted: page.controller.submitCallbackUrl(text)
        }
        AccessibleButton {
            text: qsTr("Use link")
            enabled: linkField.text.trim().length > 0
            onClicked: page.controller.submitCallbackUrl(linkField.text)
        }
    }

    Item { Layout.fillHeight: true }

    onVisibleChanged: linkField.clear()

    Shortcut {
        sequence: StandardKey.Cancel
        enabled: page.visible && !page.controller.busy
        onActivated: page.controller.cancelSignIn()
    }
}
