#!/usr/bin/env bash
# Lists functions longer than LIMIT lines (default 100) and files longer than FILE_LIMIT
# (default 600) under src/ and crates/*/src, tests excluded: the sizes the codebase keeps to.
# A function is measured from its `fn` line to the closing brace at the same indent.
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${1:-100}"
file_limit="${2:-600}"
files=$(find src crates/*/src -name '*.rs' | sort)
awk -v limit="$limit" '
  FNR == 1 { depth_fn = ""; in_tests = 0 }
  /^#\[cfg\(test\)\]/ { in_tests = 1 }
  !in_tests && depth_fn == "" && match($0, /^ *(pub(\([a-z]+\))? )?(const )?(async )?fn [a-z_0-9]+/) {
    indent = match($0, /[^ ]/) - 1
    name = $0; sub(/^ */, "", name); sub(/\(.*/, "", name)
    start = FNR; depth_fn = indent
    if ($0 ~ /;$/ || $0 ~ /\}$/ && $0 ~ /\{/) { depth_fn = "" }
    next
  }
  depth_fn != "" {
    if (match($0, /^ *\}/) && (match($0, /[^ ]/) - 1) == depth_fn) {
      len = FNR - start + 1
      if (len > limit) printf "%5d  %s:%d  %s\n", len, FILENAME, start, name
      depth_fn = ""
    }
  }
' $files | sort -rn
for f in $files; do
  n=$(wc -l < "$f")
  if [ "$n" -gt "$file_limit" ]; then printf "%5d  %s (file)\n" "$n" "$f"; fi
done
