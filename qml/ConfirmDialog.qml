// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// A question that needs an answer before anything else: modal, centred over the dimmed page.
// Open while `question` has text. Enter presses the focused button (the answer that goes on, at
// first), Escape is the cautious answer; the keyboard goes back where it was afterwards.
Dialog {
    id: dialog

    property string question
    property string acceptText
    property string rejectText: qsTr("Cancel")

    signal answeredYes()
    signal answeredNo()

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.pageMargin : 420, 420)
    modal: true
    visible: dialog.question.length > 0
    closePolicy: Popup.CloseOnEscape
    padding: Theme.spacingXL
    Overlay.modal: Rectangle { color: "#99000000" }

    // Where the keyboard was, to give it back.
    property Item returnFocusTo: null
    onAboutToShow: {
        returnFocusTo = parent && parent.Window.window ? parent.Window.window.activeFocusItem : null
        Qt.callLater(() => yesButton.forceActiveFocus(Qt.TabFocusReason))
    }
    onClosed: {
        if (returnFocusTo && returnFocusTo.visible && returnFocusTo.enabled)
            returnFocusTo.forceActiveFocus(Qt.TabFocusReason)
        returnFocusTo = null
    }
    // Escape, or the window closing it: the cautious answer, unless one was given.
    onRejected: if (dialog.question.length > 0) dialog.answeredNo()

    contentItem: ColumnLayout {
        spacing: Theme.spacingXL
        Label {
            text: dialog.title
            visible: text.length > 0
            font.pixelSize: 20
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
        }
        Label {
            text: dialog.question
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            spacing: Theme.spacingS
            Layout.fillWidth: true
            Item { Layout.fillWidth: true }
            AccessibleButton {
                text: dialog.rejectText
                onClicked: dialog.answeredNo()
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
            }
            AccessibleButton {
                id: yesButton
                text: dialog.acceptText
                highlighted: true
                onClicked: dialog.answeredYes()
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
            }
        }
    }
    header: null
    footer: null
}
