// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One identity provider: its icon (or a glyph of our own while loading, on failure, or when it
// has none) and its name, always visible. Known brands get their colours.
AccessibleButton {
    id: button

    // Named apart from the model's roles, so a delegate can declare those as required.
    property string providerName
    property url imageSource
    property string brandId

    readonly property var brandColors: ({
        "apple": ["#000000", "#ffffff"],
        "facebook": ["#1877f2", "#ffffff"],
        "github": ["#24292f", "#ffffff"],
        "gitlab": ["#fc6d26", "#ffffff"],
        "google": ["#ffffff", "#1f1f1f"],
        "twitter": ["#1d9bf0", "#ffffff"]
    })
    readonly property var colors: brandColors[brandId]

    implicitHeight: 48
    leftPadding: 12
    rightPadding: 12
    Layout.fillWidth: true
    text: qsTr("Continue with %1").arg(providerName)
    Accessible.name: text
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    background: Rectangle {
        radius: 6
        color: button.colors ? button.colors[0] : button.palette.button
        // Focus from the arrow keys is keyboard focus too, which visualFocus does not count.
        border.width: button.activeFocus ? 2 : 1
        border.color: button.activeFocus ? button.palette.highlight : Qt.darker(color, 1.25)
        opacity: button.down ? 0.8 : 1
    }

    contentItem: RowLayout {
        spacing: 12

        Item {
            Layout.preferredWidth: 24
            Layout.preferredHeight: 24

            Image {
                id: icon
                anchors.fill: parent
                source: button.imageSource
                sourceSize.width: width * Screen.devicePixelRatio
                sourceSize.height: height * Screen.devicePixelRatio
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                smooth: true
                visible: status === Image.Ready
            }
            // Our own glyph: the provider's initial.
            Rectangle {
                anchors.fill: parent
                radius: width / 2
                visible: icon.status !== Image.Ready
                color: button.colors ? button.colors[1] : button.palette.highlight
                opacity: icon.status === Image.Loading ? 0.4 : 1
                Label {
                    anchors.centerIn: parent
                    text: button.providerName.length > 0 ? button.providerName.charAt(0).toUpperCase() : "?"
                    Accessible.ignored: true // decoration: the button's name says who it is
                    color: button.colors ? button.colors[0] : button.palette.highlightedText
                    font.bold: true
                }
            }
        }
        Label {
            text: button.text
            Accessible.ignored: true // the button itself carries this name
            elide: Text.ElideRight
            color: button.colors ? button.colors[1] : button.palette.buttonText
            Layout.fillWidth: true
        }
    }
}
