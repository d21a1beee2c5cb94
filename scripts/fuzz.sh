#!/usr/bin/env bash
# Runs the fuzzers (cargo-fuzz: libFuzzer on the nightly toolchain) over every reader of
# untrusted bytes in src/untrusted.rs, each for SECONDS (default 600). The working corpus
# grows in fuzz/corpus/<target>/ (not committed), starting from fuzz/seeds/<target>/; after
# each run the 80 smallest inputs of the minimised corpus are kept in fuzz/seeds/<target>/,
# which tests/untrusted.rs replays under stable `cargo test`. A crash is saved in
# fuzz/artifacts/<target>/: commit it with its fix, and it stays a test.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET ...]
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(level level_translation decisions result save settings class_code team_messages)
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# Built outside the clone, like the game.
target_dir="${CARGO_TARGET_DIR:-$HOME/.cache/forest-and-trees/target}/fuzz"
for t in "${targets[@]}"; do
  echo "== $t: $seconds s"
  mkdir -p "corpus/$t"
  # -max_len: levels and results are long texts; 64 KiB keeps each run fast.
  cargo +nightly fuzz run -O --target-dir "$target_dir" "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=10
  cargo +nightly fuzz cmin -O --target-dir "$target_dir" "$t" "corpus/$t" -- -max_len=65536 \
    >/dev/null 2>&1 || true
  rm -f "seeds/$t"/kept-*
  # Smallest first; a process substitution, so pipefail does not trip on a closed pipe.
  mapfile -t smallest < <(ls -S -r "corpus/$t")
  for f in "${smallest[@]:0:80}"; do cp "corpus/$t/$f" "seeds/$t/kept-$f"; done
done
