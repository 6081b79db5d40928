// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// "Confirm it's you": the server's User-Interactive Auth, one stage at a time. It closes by
// itself when the server is satisfied, also after a step done in the browser.
Dialog {
    id: dialog

    required property AuthPrompt prompt

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 32 : 420, 420)
    modal: true
    visible: dialog.prompt.active
    title: qsTr("Confirm it's you")
    closePolicy: Popup.CloseOnEscape
    padding: Theme.spacingXL
    // The page behind is dimmed: this needs an answer first. (Seen missing in some software-
    // rendered screenshots when this opens right after ConfirmDialog closes: not understood yet.)
    Overlay.modal: Rectangle { color: "#99000000" }
    onRejected: dialog.prompt.cancel()

    // The keyboard goes back where it was (the device list) once the dialog is gone.
    property Item returnFocusTo: null
    onAboutToShow: returnFocusTo = parent && parent.Window.window ? parent.Window.window.activeFocusItem : null
    onClosed: {
        if (returnFocusTo && returnFocusTo.visible && returnFocusTo.enabled)
            returnFocusTo.forceActiveFocus(Qt.TabFocusReason)
        returnFocusTo = null
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingM

        Label {
            text: dialog.prompt.reason
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        // Progress across stages, when there is more than one.
        ColumnLayout {
            visible: dialog.prompt.stepCount > 1
            spacing: 4
            Layout.fillWidth: true
            Label {
                text: qsTr("Step %1 of %2").arg(dialog.prompt.stepNumber).arg(dialog.prompt.stepCount)
                opacity: 0.75
            }
            // One segment per stage: done, current, to come.
            RowLayout {
                spacing: 4
                Layout.fillWidth: true
                Accessible.role: Accessible.ProgressBar
                Accessible.name: qsTr("Step %1 of %2").arg(dialog.prompt.stepNumber).arg(dialog.prompt.stepCount)
                Repeater {
                    model: dialog.prompt.stepCount
                    Rectangle {
                        required property int index
                        height: 4
                        radius: 2
                        Layout.fillWidth: true
                        color: index < dialog.prompt.stepNumber ? palette.highlight : palette.mid
                    }
                }
            }
        }

        MessageBanner { text: dialog.prompt.errorText }

        // The password stage.
        ColumnLayout {
            visible: dialog.prompt.mode === AuthPrompt.Password
            spacing: 8
            Layout.fillWidth: true
            Label {
                text: qsTr("Enter the password of %1.").arg(dialog.prompt.userId)
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            EntryField {
                id: passwordField
                echoMode: TextInput.Password
                placeholderText: qsTr("Password")
                Accessible.name: qsTr("Password")
                Layout.fillWidth: true
                onAccepted: confirmPassword.clicked()
            }
        }

        // The terms stage.
        ColumnLayout {
            visible: dialog.prompt.mode === AuthPrompt.Terms
            spacing: 8
            Layout.fillWidth: true
            Label {
                text: qsTr("Read and accept the server's policies to continue:")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Repeater {
                model: dialog.prompt.policies
                // The name is the server's text: shown as plain text, never as markup, so it
                // cannot carry a link of its own; only the checked http(s) URL is opened.
                Label {
                    required property var modelData
                    objectName: "policyLink"
                    text: modelData.name
                    textFormat: Text.PlainText
                    color: palette.link
                    font.underline: true
                    wrapMode: Text.Wrap
                    Layout.maximumWidth: dialog.availableWidth
                    Accessible.role: Accessible.Link
                    Accessible.name: modelData.name
                    Accessible.onPressAction: Qt.openUrlExternally(modelData.url)
                    HoverHandler { cursorShape: Qt.PointingHandCursor }
                    TapHandler { onTapped: Qt.openUrlExternally(modelData.url) }
                }
            }
        }

        // Single sign-on, and every stage Portico does not do itself: the server's page.
        ColumnLayout {
            visible: dialog.prompt.mode === AuthPrompt.Browser
            spacing: 8
            Layout.fillWidth: true
            Label {
                text: dialog.prompt.waitingForBrowser
                      ? qsTr("Finish in your browser. This window continues by itself when you are done.")
                      : dialog.prompt.providerName.length > 0
                      ? qsTr("Your browser will open so that you can confirm with %1.").arg(dialog.prompt.providerName)
                      : dialog.prompt.browserPage === AuthPrompt.IdentityProvider
                      ? qsTr("Your browser will open so that you can confirm with your identity provider.")
                      : qsTr("Your browser will open a page of your server to complete this step.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            RowLayout {
                visible: dialog.prompt.waitingForBrowser
                Layout.fillWidth: true
                BusyIndicator {
                    running: dialog.prompt.waitingForBrowser
                    visible: running
                    Layout.preferredHeight: 28
                    Layout.preferredWidth: 28
                }
                Item { Layout.fillWidth: true }
                AccessibleButton {
                    text: qsTr("Open again")
                    flat: true
                    onClicked: dialog.prompt.openBrowser()
                }
            }
        }

        BusyIndicator {
            visible: dialog.prompt.mode === AuthPrompt.None && dialog.prompt.busy
            running: visible
            Layout.alignment: Qt.AlignHCenter
        }
    }

    header: Label {
        text: dialog.title
        font.pixelSize: 20
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        padding: Theme.spacingXL
        bottomPadding: 0
        Accessible.role: Accessible.Heading
    }

    // One row: Start over on the left; Cancel and the stage's own action on the right, as in
    // ConfirmDialog. A plain row, not a DialogButtonBox: its buttons come and go with the stage,
    // and the box kept room for hidden ones (Cancel was pushed out of the dialog).
    footer: Item {
        implicitHeight: buttonRow.implicitHeight + Theme.spacingXL
        implicitWidth: buttonRow.implicitWidth + 2 * Theme.spacingXL
        RowLayout {
            id: buttonRow
            spacing: Theme.spacingS
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.leftMargin: Theme.spacingXL
            anchors.rightMargin: Theme.spacingXL
            AccessibleButton {
                visible: dialog.prompt.canStartOver
                text: qsTr("Start over")
                onClicked: dialog.prompt.startOver()
            }
            Item { Layout.fillWidth: true }
            AccessibleButton {
                objectName: "cancel"
                text: qsTr("Cancel")
                onClicked: dialog.reject()
            }
            AccessibleButton {
                id: confirmPassword
                visible: dialog.prompt.mode === AuthPrompt.Password
                text: qsTr("Confirm")
                highlighted: true
                enabled: passwordField.text.length > 0 && !dialog.prompt.busy
                onClicked: {
                    dialog.prompt.submitPassword(passwordField.text)
                    passwordField.clear() // never kept longer than needed
                }
            }
            AccessibleButton {
                id: acceptTerms
                visible: dialog.prompt.mode === AuthPrompt.Terms
                text: qsTr("Accept")
                highlighted: true
                enabled: !dialog.prompt.busy
                onClicked: dialog.prompt.acceptTerms()
            }
            AccessibleButton {
                id: openBrowser
                objectName: "openBrowser"
                visible: dialog.prompt.mode === AuthPrompt.Browser && !dialog.prompt.waitingForBrowser
                text: qsTr("Continue in browser")
                highlighted: true
                onClicked: dialog.prompt.openBrowser()
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
            }
            AccessibleButton {
                visible: dialog.prompt.mode === AuthPrompt.Browser && dialog.prompt.waitingForBrowser
                text: qsTr("I'm done")
                highlighted: true
                onClicked: dialog.prompt.browserDone()
            }
        }
    }

    // The control the current stage needs gets the keyboard, and shows it has it.
    Connections {
        target: dialog.prompt
        function onStageShown(stage) {
            if (dialog.prompt.mode === AuthPrompt.Password)
                passwordField.forceActiveFocus(Qt.TabFocusReason)
            else if (dialog.prompt.mode === AuthPrompt.Terms)
                acceptTerms.forceActiveFocus(Qt.TabFocusReason)
            else
                openBrowser.forceActiveFocus(Qt.TabFocusReason)
        }
    }
}
