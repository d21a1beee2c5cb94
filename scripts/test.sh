#!/usr/bin/env bash
# Runs every test, including the real window under Xvfb. Installs what it needs on Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh test
# Mesa's lavapipe: the only backend built in with the trimmed Bevy features.
export WGPU_BACKEND="${WGPU_BACKEND:-vulkan}"
exec xvfb-run -a -s "-screen 0 1280x720x24" cargo test --locked "$@"
