// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>

namespace Portico::Ui {

// QR codes through libqrencode (Debian's libqrencode4: a well-kept encoder, not ours to
// write): error correction M, with the four-module quiet zone scanners need.

// Black modules on white, `scale` pixels each; a null image when `text` cannot be encoded.
QImage qrImage(const QString &text, int scale = 6);
// The same as a data: URL (PNG) that a QML Image shows; empty when it cannot be encoded.
QString qrDataUrl(const QString &text, int scale = 6);
// For a terminal: two module rows per text line in half-block characters, the light modules
// drawn and the dark ones left to the (usually dark) background. Empty when it cannot be
// encoded.
QString qrText(const QString &text);

} // namespace Portico::Ui
