// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls.Fusion
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

    // Only the page shown exists: start-up builds one page, not all of them (docs/performance.md).
    // Pages keep what must survive (typed text, providers) in the controller.
    StackLayout {
        anchors.fill: parent
        anchors.margins: 24
        currentIndex: window.controller.page

        // Enter presses the focused button, as Space does (Qt Quick's buttons take only Space).
        Keys.onReturnPressed: event => window.pressFocusedButton(event)
        Keys.onEnterPressed: event => window.pressFocusedButton(event)

        Loader {
            active: window.controller.page === LoginController.Server
            focus: active
            sourceComponent: ServerPage { controller: window.controller }
        }
        Loader {
            active: window.controller.page === LoginController.Providers
            focus: active
            sourceComponent: ProvidersPage { controller: window.controller }
        }
        Loader {
            active: window.controller.page === LoginController.Waiting
            focus: active
            sourceComponent: WaitingPage { controller: window.controller }
        }
        Loader {
            active: window.controller.page === LoginController.SignedIn
            focus: active
            sourceComponent: SignedInPage { controller: window.controller }
        }
        Loader {
            active: window.controller.page === LoginController.Password
            focus: active
            sourceComponent: PasswordPage { controller: window.controller }
        }
        Loader {
            active: window.controller.page === LoginController.Devices
            focus: active
            sourceComponent: DevicesPage { controller: window.controller }
        }
    }
}
