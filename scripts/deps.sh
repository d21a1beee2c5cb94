#!/usr/bin/env bash
# Installs the Debian packages the game needs, only those missing.
# Usage: scripts/deps.sh play|test
set -euo pipefail

packages=(pkg-config libasound2-dev libudev-dev libxkbcommon-dev libx11-dev mesa-vulkan-drivers libvulkan1)
if [ "${1:-play}" = test ]; then
  # The window smoke test runs under a virtual X server with Mesa's software Vulkan; the
  # browser test drives Chromium there with real keys and clicks and photographs the screen.
  packages+=(xvfb xauth chromium xdotool imagemagick python3)
fi
command -v cc >/dev/null 2>&1 || packages+=(gcc libc6-dev)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Builds live outside the clone so a fresh clone reuses them; never cleaned by scripts.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/forest-and-trees/target}"
