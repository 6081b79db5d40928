# SPDX-FileCopyrightText: 2026 Portico contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by scripts/run, scripts/test and friends: installing what is missing, and building.

PORTICO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# What building and running Portico needs on Debian 12.
PORTICO_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev libgl-dev qt6-svg-dev
    qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates
    qml6-module-qtquick-layouts qml6-module-qtquick-window qml6-module-qttest
    gnome-keyring dbus libglib2.0-bin
)
# What the test suite needs on top: a display, a private keyring, a real browser, and the
# validators and Debian tools the packaging tests use, and xdotool for keyboard-driven tests.
PORTICO_TEST_PACKAGES=(xvfb xauth chromium clang-format git weston qt6-wayland
    desktop-file-utils appstream dpkg-dev file xdotool at-spi2-core python3-pyatspi)

# Qt 6's lupdate, which Debian keeps out of PATH.
portico_lupdate() {
    local tool
    for tool in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)"; do
        [ -x "$tool" ] && { echo "$tool"; return 0; }
    done
    echo "lupdate (Qt 6) not found: install qt6-l10n-tools" >&2
    return 1
}

portico_sudo() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are not installed yet, and nothing else.
portico_ensure_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}"
    portico_sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -q
    portico_sudo env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q \
        --no-install-recommends "${missing[@]}"
}

# Configures and builds into $1 with the extra CMake arguments that follow.
portico_build() {
    local dir=$1
    shift
    local generator=()
    [ -f "$dir/CMakeCache.txt" ] || generator=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo)
    cmake -S "$PORTICO_ROOT" -B "$dir" "${generator[@]}" "$@" >/dev/null
    cmake --build "$dir" --parallel "$(nproc)"
}
