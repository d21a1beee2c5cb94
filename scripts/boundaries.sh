#!/usr/bin/env bash
# The model crate (crates/sim) must build without the engine or the UI: fails if Bevy,
# egui, winit or wgpu enter its dependency tree, or if it depends on the game.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=$(cargo tree --locked -p sim -e normal,build --prefix none --format '{p}')
if bad=$(grep -Ei '^(bevy|egui|epaint|winit|wgpu|forest-and-trees)[ _-]' <<<"$tree"); then
  echo "crates/sim must not depend on these:" >&2
  sort -u <<<"$bad" >&2
  exit 1
fi
echo "crates/sim: $(sort -u <<<"$tree" | wc -l) crates in its tree, none of them the engine, the UI or the game"
