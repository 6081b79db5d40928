// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Templates as T

// A label in the window's text colour: Quick Controls' Label without its style. The pages shown
// first (the server page, the signed-in page) and what they are made of use Portico's few
// controls on QtQuick.Templates, so that the first frame does not wait for a Quick Controls style
// to load (its plugins and types, bench/notes.md); the pages after them use the style, loaded once
// that frame is up.
T.Label {
    color: palette.windowText
    linkColor: palette.link
}
