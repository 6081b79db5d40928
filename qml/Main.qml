// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

ApplicationWindow {
    id: window

    required property LoginController controller

    width: 480
    height: 640
    minimumWidth: 360
    minimumHeight: 480
    visible: true
    title: qsTr("Portico")

    function pressFocusedButton(event) {
        const item = window.activeFocusItem
        if (item && typeof item.clicked === "function" && item.enabled)
            item.clicked()
        else
            event.accepted = false
    }

    StackLayout {
        anchors.fill: parent
        anchors.margins: 24
        currentIndex: window.controller.page

        // Enter presses the focused button, as Space does (Qt Quick's buttons take only Space).
        Keys.onReturnPressed: event => window.pressFocusedButton(event)
        Keys.onEnterPressed: event => window.pressFocusedButton(event)

        ServerPage { controller: window.controller }
        ProvidersPage { controller: window.controller }
        WaitingPage { controller: window.controller }
        SignedInPage { controller: window.controller }
        PasswordPage { controller: window.controller }
        DevicesPage { controller: window.controller }
    }
}
