#!/usr/bin/env bash
# Saves under faults, the full count: a writer of the progress, settings, autosave and class
# files SIGKILLed KILLS times (default 1000) at seeded random moments, every file loaded
# with the game's own loader after each kill (tests/faults.rs; CI runs 40). SEED picks
# other moments.
# Usage: scripts/kill-saves.sh [KILLS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/forest-and-trees/target}"
FT_KILLS="${1:-1000}" FT_FAULTS_SEED="${2:-13}" \
  cargo test --test faults a_save_killed_at_any_moment_leaves_every_file_loadable -- --exact --nocapture
