// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// A label in the window's text colour: Quick Controls' Label without its style. The window and
// the pages shown first (the server page, the signed-in page) are made of plain Qt Quick and
// Portico's few parts on it (this, EntryField, PlainButton, MessageBanner), so that the first
// frame waits neither for a Quick Controls style nor for QtQuick.Templates (their plugins and
// types, bench/notes.md); the pages after them use the style, loaded once that frame is up.
Text {
    color: palette.windowText
    linkColor: palette.link
}
