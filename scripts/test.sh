#!/usr/bin/env bash
# Runs every test, including the real window under Xvfb and the web build in Chromium.
# Installs what it needs on Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh test
# Mesa's lavapipe: the only backend built in with the trimmed Bevy features.
export WGPU_BACKEND="${WGPU_BACKEND:-vulkan}"
xvfb-run -a -s "-screen 0 1280x720x24" cargo test --locked "$@"
# The game in a browser: built for the web, then played in Chromium (scripts/web_test.py).
# Left out when a filter or flag was given to cargo test.
if [ $# -eq 0 ]; then
  scripts/web.sh build
  scripts/web_test.py
  # A class with two browser teams and a desktop team, hosted by the desktop game: the test
  # starts a Chromium (under its own Xvfb) for each browser team.
  FOREST_AND_TREES_WEB="${CARGO_TARGET_DIR:-$HOME/.cache/forest-and-trees/target}/web" \
    cargo test --locked --test lan_web -- --ignored
fi
