// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Portico

// One identity provider, its name always visible. A registered brand is drawn with its own mark
// in its sign-in button colours (BrandMarks, light or dark as the page); any other provider with
// its icon, or the neutral glyph while that loads, when it fails or when there is none.
AccessibleButton {
    id: button

    // Named apart from the model's roles, so a delegate can declare those as required.
    property string providerName
    property url imageSource
    property string brandId

    // From the application's palette (light or dark, ColorScheme), not the button's own, which
    // AccessibleButton sets.
    SystemPalette { id: system }
    property bool darkPage: system.window.hslLightness < 0.5
    readonly property brandStyle brand: BrandMarks.style(brandId, darkPage)
    readonly property color fill: brand.known ? brand.background : system.button
    readonly property color ink: brand.known ? brand.foreground : system.buttonText
    readonly property color edge: brand.known ? (brand.hasBorder ? brand.border : brand.background)
                                              : system.mid

    implicitHeight: Math.max(Theme.buttonHeight + 4, label.implicitHeight + topPadding + bottomPadding)
    topPadding: Theme.spacingS
    bottomPadding: Theme.spacingS
    leftPadding: Theme.spacingL
    rightPadding: Theme.spacingL
    // Focus from the arrow keys is keyboard focus too, which visualFocus does not count.
    focusRingShown: activeFocus
    Layout.fillWidth: true
    text: qsTr("Continue with %1").arg(providerName)
    Accessible.name: text
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    background: Rectangle {
        radius: Theme.radius
        color: button.fill
        border.width: 1
        border.color: button.edge
        // Hover and press: a veil of the text colour, visible on every brand's colour.
        Rectangle {
            anchors.fill: parent
            radius: parent.radius
            color: button.ink
            opacity: button.down ? 0.18 : button.hovered ? 0.08 : 0
        }
    }

    contentItem: RowLayout {
        spacing: Theme.spacingM

        Item {
            Layout.preferredWidth: 24
            Layout.preferredHeight: 24
            Layout.alignment: Qt.AlignVCenter

            // A registered brand: its mark, in its colour.
            Image {
                anchors.fill: parent
                visible: button.brand.known
                source: button.brand.known ? button.brand.markSource : ""
                sourceSize: Qt.size(24, 24)
            }
            // Anyone else: the provider's icon…
            Image {
                id: icon
                anchors.fill: parent
                visible: !button.brand.known && status === Image.Ready
                source: button.brand.known ? "" : button.imageSource
                sourceSize.width: width * Screen.devicePixelRatio
                sourceSize.height: height * Screen.devicePixelRatio
                fillMode: Image.PreserveAspectFit
                asynchronous: true
                smooth: true
            }
            // …or the neutral glyph, drawn in the button's text colour.
            Image {
                anchors.fill: parent
                visible: !button.brand.known && icon.status !== Image.Ready
                opacity: icon.status === Image.Loading ? 0.4 : 0.8
                source: visible ? BrandMarks.markSource("", button.ink) : ""
                sourceSize: Qt.size(24, 24)
            }
        }
        Label {
            id: label
            text: button.text
            Accessible.ignored: true // the button itself carries this name
            wrapMode: Text.Wrap
            color: button.ink
            font.weight: Font.Medium
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
        }
    }
}
