// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Templates as T
import QtQuick.Layouts
import Portico

// An error, a warning or a notice, shown only while it has text.
T.Pane {
    id: banner

    enum Kind { Error, Warning, Info }
    property int kind: MessageBanner.Error
    property alias text: label.text

    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                            contentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset,
                             contentHeight + topPadding + bottomPadding)
    visible: text.length > 0
    Layout.fillWidth: true
    padding: Theme.spacingM
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    background: Rectangle {
        radius: Theme.radius
        color: banner.kind === MessageBanner.Error ? "#33d32f2f"
             : banner.kind === MessageBanner.Warning ? "#33f9a825" : "#331e88e5"
        border.color: banner.kind === MessageBanner.Error ? "#d32f2f"
                    : banner.kind === MessageBanner.Warning ? "#f9a825" : "#1e88e5"
    }

    TextLabel {
        id: label
        width: parent.width
        wrapMode: Text.Wrap
    }
}
