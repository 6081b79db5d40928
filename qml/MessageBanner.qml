// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Layouts
import Portico

// An error, a warning or a notice, shown only while it has text. Plain Qt Quick, as the first
// pages are (TextLabel.qml).
Rectangle {
    id: banner

    enum Kind { Error, Warning, Info }
    property int kind: MessageBanner.Error
    property alias text: label.text
    readonly property int padding: Theme.spacingM

    implicitWidth: label.implicitWidth + 2 * padding
    implicitHeight: label.implicitHeight + 2 * padding
    visible: text.length > 0
    Layout.fillWidth: true
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    radius: Theme.radius
    color: kind === MessageBanner.Error ? "#33d32f2f"
         : kind === MessageBanner.Warning ? "#33f9a825" : "#331e88e5"
    border.color: kind === MessageBanner.Error ? "#d32f2f"
                : kind === MessageBanner.Warning ? "#f9a825" : "#1e88e5"

    TextLabel {
        id: label
        x: banner.padding
        y: banner.padding
        width: banner.width - 2 * banner.padding
        wrapMode: Text.Wrap
    }
}
