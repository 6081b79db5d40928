// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// The one spacing scale, corner radius and column width every page uses.
QtObject {
    // Spacing, from tight (within a control) to loose (between sections).
    readonly property int spacingXS: 4
    readonly property int spacingS: 8
    readonly property int spacingM: 12
    readonly property int spacingL: 16
    readonly property int spacingXL: 24
    readonly property int spacingXXL: 32

    readonly property int radius: 8
    // A line of text that still reads well in a maximised window.
    readonly property int columnWidth: 520
    readonly property int pageMargin: 24
    readonly property int buttonHeight: 44
    readonly property int focusRingWidth: 2
}
