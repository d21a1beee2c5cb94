#!/usr/bin/env bash
# Re-shoots the README's screenshots and docs/screenshots/levels/ from the smoke run, under
# Xvfb at 1280x720 with Mesa's software Vulkan: the title, class and compare screens from
# First Week's run, and every level's play screen (week 4), forest view and debrief.
# Usage: scripts/screenshots.sh [LEVEL_ID ...]   (default: every shipped level)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh test
cargo build --locked
bin="$CARGO_TARGET_DIR/debug/forest-and-trees"
export WGPU_BACKEND="${WGPU_BACKEND:-vulkan}"
levels=("$@")
if [ ${#levels[@]} -eq 0 ]; then
  for f in levels/*.ron; do levels+=("$(basename "$f" .ron)"); done
fi
out=docs/screenshots
for id in "${levels[@]}"; do
  tmp=$(mktemp -d)
  xvfb-run -a -s "-screen 0 1280x720x24" "$bin" --smoke-test "$tmp" --smoke-level "$id" >"$tmp/log" 2>&1 \
    || { echo "$id: the smoke run failed, see $tmp/log"; exit 1; }
  cp "$tmp/play-week-4.png" "$out/levels/$id-play.png"
  cp "$tmp/play-forest.png" "$out/levels/$id-forest.png"
  cp "$tmp/debrief.png" "$out/levels/$id-debrief.png"
  if [ "$id" = first-week ]; then
    for name in title facilitate facilitate-lan level-select briefing play-week-1 play-week-4 play-forest debrief compare; do
      cp "$tmp/$name.png" "$out/$name.png"
    done
  fi
  rm -rf "$tmp"
  echo "$id: re-shot"
done
