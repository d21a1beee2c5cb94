#!/usr/bin/env bash
# Frame time of the play screen on the largest level against a bare Bevy + egui window
# (one side panel, one egui_plot chart), in the same run, release build, under Xvfb with
# Mesa's software Vulkan, no vsync. Goal: play screen within 1.25x of the bare window.
# Usage: scripts/measure-frames.sh [FRAMES] [LEVEL_ID]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh test
frames="${1:-300}"
level="${2:-fog-of-strategy}"
cargo build --release --locked
bin="$CARGO_TARGET_DIR/release/forest-and-trees"
export WGPU_BACKEND="${WGPU_BACKEND:-vulkan}"
run() { xvfb-run -a -s "-screen 0 1280x720x24" "$bin" --measure-frames "$frames" "$@" 2>/dev/null | tail -n 1; }
# Alternate the two, so a slow moment of the machine falls on both alike.
for round in 1 2 3; do
  run | tee -a /tmp/ft-frames-bare.txt
  run --measure-level "$level" | tee -a /tmp/ft-frames-play.txt
done
mean() { grep -o 'mean [0-9.]*' "$1" | tail -n 3 | awk '{s+=$2} END {printf "%.1f", s/NR}'; }
bare=$(mean /tmp/ft-frames-bare.txt); play=$(mean /tmp/ft-frames-play.txt)
echo "mean of 3 rounds: bare ${bare} ms, play ${play} ms, ratio $(awk -v a="$play" -v b="$bare" 'BEGIN {printf "%.2f", a/b}')"
rm -f /tmp/ft-frames-bare.txt /tmp/ft-frames-play.txt
