// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Layouts
import Portico

// The window on plain Qt Quick, coloured as Fusion colours it (see TextLabel.qml for why).
Window {
    id: window

    required property LoginController controller

    width: 520
    height: 680
    minimumWidth: 360
    minimumHeight: 480
    visible: true
    color: palette.window
    title: qsTr("Portico")

    function pressFocusedButton(event) {
        const item = window.activeFocusItem
        if (item && typeof item.clicked === "function" && item.enabled)
            item.clicked()
        else
            event.accepted = false
    }

    // The pages other than the first are loaded by URL, so start-up does not even compile them;
    // once the first frame is up, app/main.cpp calls this to compile them in the background, so
    // that showing one later does not wait for it (docs/performance.md).
    property var pagesAhead: [] // held, so that the compiled pages stay in the engine's cache
    function compilePagesAhead() {
        if (window.pagesAhead.length > 0)
            return
        const ahead = []
        for (let i = 0; i < pages.children.length; ++i) {
            const source = pages.children[i].source.toString()
            if (source.length > 0)
                ahead.push(Qt.createComponent(source, Component.Asynchronous))
        }
        window.pagesAhead = ahead
    }

    // Only the page shown exists: start-up builds one page, not all of them (docs/performance.md).
    // Pages keep what must survive (typed text, providers) in the controller.
    // One centred column, as wide as reads well, on every page.
    StackLayout {
        id: pages
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.topMargin: Theme.pageMargin
        anchors.bottomMargin: Theme.pageMargin
        width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.columnWidth)
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
            Component.onCompleted: setSource("ProvidersPage.qml", { controller: window.controller })
        }
        Loader {
            active: window.controller.page === LoginController.Waiting
            focus: active
            Component.onCompleted: setSource("WaitingPage.qml", { controller: window.controller })
        }
        Loader {
            active: window.controller.page === LoginController.SignedIn
            focus: active
            Component.onCompleted: setSource("SignedInPage.qml", { controller: window.controller })
        }
        Loader {
            active: window.controller.page === LoginController.Password
            focus: active
            Component.onCompleted: setSource("PasswordPage.qml", { controller: window.controller })
        }
        Loader {
            active: window.controller.page === LoginController.Devices
            focus: active
            Component.onCompleted: setSource("DevicesPage.qml", { controller: window.controller })
        }
        Loader {
            active: window.controller.page === LoginController.DeviceGrant
            focus: active
            Component.onCompleted: setSource("DeviceGrantPage.qml", { controller: window.controller })
        }
    }
}
