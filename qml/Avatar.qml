// SPDX-FileCopyrightText: 2026 Portico contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import Portico

// A face: the account's avatar, or its initial on a coloured disc while there is none (no
// avatar, still loading, refused). Decoration: the name next to it is what is read out.
Item {
    id: avatar

    property AccountProfile profile
    property int size: 40

    implicitWidth: size
    implicitHeight: size
    Accessible.ignored: true

    Rectangle {
        anchors.fill: parent
        radius: width / 2
        color: avatar.profile ? avatar.profile.colour : avatar.palette.mid
        visible: face.status !== Image.Ready
        Text {
            anchors.centerIn: parent
            text: avatar.profile ? avatar.profile.initial : "?"
            color: "white"
            font.pixelSize: avatar.size * 0.45
            font.weight: Font.DemiBold
            Accessible.ignored: true
        }
    }
    // Round already: AvatarProvider cuts the face out of its square.
    Image {
        id: face
        anchors.fill: parent
        source: avatar.profile ? avatar.profile.avatarSource : ""
        sourceSize: Qt.size(avatar.size, avatar.size)
        smooth: true
        visible: status === Image.Ready
    }
}
