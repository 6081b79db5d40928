// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Layouts
import Portico

// A page's title and the sentence under it.
ColumnLayout {
    id: heading
    property alias title: titleLabel.text
    property alias subtitle: subtitleLabel.text
    property int titleSize: 24

    spacing: Theme.spacingXS
    Layout.fillWidth: true

    TextLabel {
        id: titleLabel
        font.pixelSize: heading.titleSize
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.role: Accessible.Heading
    }
    TextLabel {
        id: subtitleLabel
        visible: text.length > 0
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
