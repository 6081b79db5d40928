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

    spacing: 16

    Item { Layout.fillHeight: true }

    PageHeading {
        title: page.controller.busy ? qsTr("Signing in…") : qsTr("Continue in your browser")
        subtitle: page.controller.busy
                  ? qsTr("Finishing your sign-in with %1.").arg(page.controller.homeserver)
                  : page.controller.pendingProvider.length > 0
                    ? qsTr("Sign in with %1 in the browser window that opened, then come back here.").arg(page.controller.pendingProvider)
                    : qsTr("Sign in in the browser window that opened, then come back here.")
    }

    BusyIndicator {
        running: page.visible
        Layout.alignment: Qt.AlignHCenter
    }

    RowLayout {
        Layout.fillWidth: true
        enabled: !page.controller.busy
        Button {
            text: qsTr("Open the browser again")
            onClicked: page.controller.reopenBrowser()
        }
        Item { Layout.fillWidth: true }
        Button {
            text: qsTr("Cancel")
            onClicked: page.controller.cancelSignIn()
        }
    }

    Item { Layout.fillHeight: true }

    Shortcut {
        sequence: StandardKey.Cancel
        enabled: page.visible && !page.controller.busy
        onActivated: page.controller.cancelSignIn()
    }
}
