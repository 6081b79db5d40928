// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Window
import QtTest
import Portico

// The provider buttons: a registered brand in its own colours with its mark, light and dark;
// anyone else in the palette's colours with the neutral glyph while its icon is missing or broken;
// long names wrap instead of being cut off.
TestCase {
    id: test
    name: "ProviderButton"
    when: windowShown
    width: 400
    height: 400

    // In a window of its own: what is not in a shown window is not visible either.
    Component {
        id: windowComponent
        Window {
            property alias button: button
            width: 360
            height: 200
            visible: true
            ProviderButton { id: button; width: 300 }
        }
    }

    function make(props) {
        const win = createTemporaryObject(windowComponent, test)
        verify(win)
        for (const key in props)
            win.button[key] = props[key]
        tryVerify(() => win.button.visible, 5000)
        return win.button
    }

    // The Image children of the button's icon slot, by what they show.
    function images(button) {
        const slot = button.contentItem.children[0]
        const found = []
        for (let i = 0; i < slot.children.length; ++i)
            found.push(slot.children[i])
        return found
    }
    function shown(button) {
        return images(button).filter(image => image.visible)
    }

    function test_registeredBrandUsesItsColoursAndMark() {
        const button = make({ providerName: "GitHub", brandId: "github" })
        // The page is light (Fusion's default palette): GitHub's dark button.
        verify(!button.darkPage)
        compare(button.fill, Qt.color("#181717"))
        compare(button.ink, Qt.color("#ffffff"))
        compare(button.background.color, Qt.color("#181717"))
        const marks = shown(button)
        compare(marks.length, 1)
        verify(marks[0].source.toString().startsWith("image://brandmark/github/"), marks[0].source)
        tryCompare(marks[0], "status", Image.Ready)
        compare(button.text, "Continue with GitHub")
    }

    function test_darkPageGetsTheBrandsDarkButton() {
        const button = make({ providerName: "GitHub", brandId: "github" })
        button.darkPage = true // as on a dark desktop
        verify(button.darkPage)
        compare(button.fill, Qt.color("#ffffff"))
        compare(button.ink, Qt.color("#181717"))
        const google = make({ providerName: "Google", brandId: "google" })
        google.darkPage = true
        compare(google.fill, Qt.color("#131314"))
        compare(google.edge, Qt.color("#8e918f"))
    }

    function test_unknownBrandGetsThePaletteAndTheNeutralGlyph() {
        const button = make({ providerName: "Company Keycloak", brandId: "" })
        compare(button.fill, button.palette.button)
        compare(button.ink, button.palette.buttonText)
        compare(button.background.color, button.palette.button)
        const glyphs = shown(button)
        compare(glyphs.length, 1)
        verify(glyphs[0].source.toString().startsWith("image://brandmark/neutral/"), glyphs[0].source)
        tryCompare(glyphs[0], "status", Image.Ready)
    }

    function test_aBrokenIconFallsBackToTheNeutralGlyph() {
        const button = make({ providerName: "Broken", imageSource: "file:///nonexistent/icon.png" })
        const icon = images(button)[1]
        tryCompare(icon, "status", Image.Error)
        const glyphs = shown(button)
        compare(glyphs.length, 1)
        verify(glyphs[0].source.toString().startsWith("image://brandmark/neutral/"))
    }

    function test_longNamesWrap() {
        const shortName = make({ providerName: "A" })
        const longName = make({ providerName: "The University of Somewhere Far Away, Faculty of Very Long Names" })
        verify(longName.implicitHeight > shortName.implicitHeight,
               longName.implicitHeight + " is not taller than " + shortName.implicitHeight)
        const label = longName.contentItem.children[1]
        verify(label.lineCount > 1)
        verify(!label.truncated)
    }
}
