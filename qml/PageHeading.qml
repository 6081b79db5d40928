// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A page's title and the sentence under it.
ColumnLayout {
    property alias title: titleLabel.text
    property alias subtitle: subtitleLabel.text

    spacing: 6
    Layout.fillWidth: true

    Label {
        id: titleLabel
        font.pixelSize: 24
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.role: Accessible.Heading
    }
    Label {
        id: subtitleLabel
        visible: text.length > 0
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
