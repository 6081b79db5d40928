// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A Button a screen reader can press. Qt 6.4's Quick Controls offer the "Press" action over
// AT-SPI but do nothing when it is invoked (tst_e2e_accessibility): pressing clicks here.
Button {
    Accessible.onPressAction: clicked()
}
