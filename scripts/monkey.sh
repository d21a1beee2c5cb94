#!/usr/bin/env bash
# The GUI monkey under Xvfb: random keys, clicks, drags, wheel turns and resizes from SEED
# for SECONDS (default: seed 1, 600 s), in a scratch folder. Prints the screens reached and
# resident memory; exits non-zero on a panic or when memory grew more than 10% after the
# first quarter. The same seed feeds the same inputs frame by frame, so a failure replays.
# Usage: scripts/monkey.sh [SEED] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh test
export WGPU_BACKEND="${WGPU_BACKEND:-vulkan}"
cargo build --locked
exec xvfb-run -a -s "-screen 0 1920x1080x24" \
  "$CARGO_TARGET_DIR/debug/forest-and-trees" --monkey "${1:-1}" --monkey-seconds "${2:-600}"
