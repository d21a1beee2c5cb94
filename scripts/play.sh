#!/usr/bin/env bash
# Starts the game. Installs what it needs on Debian first.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh play
exec cargo run --locked -- "$@"
