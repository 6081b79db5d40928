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
    gnome-keyring dbus libglib2.0-bin libqrencode-dev
)
# What the test suite needs on top: a display, a private keyring, a real browser, and the
# validators and Debian tools the packaging tests use, and xdotool for keyboard-driven tests.
PORTICO_TEST_PACKAGES=(xvfb xauth chromium clang-format git weston qt6-wayland
    desktop-file-utils appstream dpkg-dev file xdotool at-spi2-core python3-pyatspi
    python3-venv nodejs)

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

# The real homeserver and identity providers the tests/synapse layer runs against, pinned. Each is
# installed once into the build folder and reused while its pinned version matches.
PORTICO_SYNAPSE_VERSION=1.163.2
PORTICO_OIDC_PROVIDER_VERSION=9.13.3

# Installs matrix-synapse[oidc] into $1/synapse-venv (a virtual environment) unless it is there already.
portico_ensure_synapse() {
    local venv=$1/synapse-venv
    local stamp=$venv/.portico-synapse-$PORTICO_SYNAPSE_VERSION
    [ -f "$stamp" ] && return 0
    command -v python3 >/dev/null || { echo "Synapse needs python3: install python3 and python3-venv" >&2; return 1; }
    echo "Installing matrix-synapse[oidc]==$PORTICO_SYNAPSE_VERSION into $venv"
    rm -rf "$venv"
    python3 -m venv "$venv" || { echo "Cannot create a virtual environment: install python3-venv" >&2; return 1; }
    "$venv/bin/pip" install -q --upgrade pip
    "$venv/bin/pip" install -q "matrix-synapse[oidc]==$PORTICO_SYNAPSE_VERSION" || {
        echo "Cannot install matrix-synapse from PyPI: the real-Synapse tests need it (check the network)" >&2
        return 1
    }
    touch "$stamp"
}

# Installs the npm package oidc-provider into $1/oidc-provider unless it is there already: the
# identity providers of tests/synapse and the authorisation server of tests/oidc.
portico_ensure_oidc_provider() {
    local dir=$1/oidc-provider
    local stamp=$dir/.portico-oidc-provider-$PORTICO_OIDC_PROVIDER_VERSION
    [ -f "$stamp" ] && return 0
    # Debian's nodejs comes without npm; NodeSource's brings its own (and conflicts with Debian's).
    command -v npm >/dev/null || portico_ensure_packages npm
    command -v npm >/dev/null || { echo "The identity providers need Node.js and npm: install nodejs and npm" >&2; return 1; }
    echo "Installing oidc-provider@$PORTICO_OIDC_PROVIDER_VERSION into $dir"
    rm -rf "$dir"
    mkdir -p "$dir"
    (cd "$dir" && echo '{"private": true}' >package.json &&
        npm install --silent --no-audit --no-fund --save-exact "oidc-provider@$PORTICO_OIDC_PROVIDER_VERSION") || {
        echo "Cannot install oidc-provider from npm: the real-Synapse and oidc-provider tests need it (check the network)" >&2
        return 1
    }
    touch "$stamp"
}
