#!/usr/bin/env bash
# The game for a browser: builds the wasm32 binary, binds it with wasm-bindgen (the CLI at
# the exact version of the wasm-bindgen crate in Cargo.lock, installed on first use) and
# writes a folder of static files: $CARGO_TARGET_DIR/web. Any web server can serve it.
# Usage: scripts/web.sh build        build the folder
#        scripts/web.sh serve [PORT] build, then serve it on http://127.0.0.1:PORT (8080)
# With WEB_RELEASE=1, the size-optimised profile (web-release) instead of the dev build.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/forest-and-trees/target}"
tools="$HOME/.cache/forest-and-trees/tools"
out="$CARGO_TARGET_DIR/web"

rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown
want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$("$tools/bin/wasm-bindgen" --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "Installing wasm-bindgen-cli $want into $tools"
  # Only the bindgen itself: the default features add the test runner's downloader. The
  # CLI's own lock file names crates some registries lack; then the newest that fit.
  cargo install wasm-bindgen-cli --version "$want" --locked --no-default-features \
      --root "$tools" --bin wasm-bindgen \
    || cargo install wasm-bindgen-cli --version "$want" --no-default-features \
      --root "$tools" --bin wasm-bindgen
fi

start=$(date +%s)
profile=debug
flags=()
bind_flags=()
if [ "${WEB_RELEASE:-0}" = 1 ]; then
  profile=web-release
  flags=(--profile web-release)
  # Function names only make a panic's stack readable; the download is a quarter smaller.
  bind_flags=(--remove-name-section --remove-producers-section)
fi
cargo build --locked --target wasm32-unknown-unknown --bin forest-and-trees "${flags[@]}"
echo "wasm build done in $(( $(date +%s) - start )) s"
rm -rf "$out.tmp"
mkdir -p "$out.tmp"
"$tools/bin/wasm-bindgen" --target web --no-typescript "${bind_flags[@]}" --out-name forest-and-trees \
  --out-dir "$out.tmp" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/$profile/forest-and-trees.wasm"
cp web/index.html web/restart-audio-context.js "$out.tmp/"
# A packed copy beside it: the facilitator's game serves it to a class's browsers that take
# gzip (30 teams fetching the wasm over the room's Wi-Fi). Plain web servers ignore it.
gzip -k -9 "$out.tmp/forest-and-trees_bg.wasm"
# Swapped in whole, so a server never serves half a build.
rm -rf "$out.old"
[ ! -d "$out" ] || mv "$out" "$out.old"
mv "$out.tmp" "$out"
rm -rf "$out.old"
size=$(du -b "$out/forest-and-trees_bg.wasm" | cut -f1)
gz=$(du -b "$out/forest-and-trees_bg.wasm.gz" | cut -f1)
echo "web build in $out: wasm $((size / 1024)) KiB, $((gz / 1024)) KiB gzipped"

if [ "${1:-build}" = serve ]; then
  port="${2:-8080}"
  echo "Serving on http://127.0.0.1:$port"
  exec python3 -m http.server --bind 127.0.0.1 "$port" --directory "$out"
fi
