#!/usr/bin/env python3
"""Sets each level's stars to what `forest-and-trees balance` printed as fitting.

Usage: forest-and-trees balance --seeds 100 | tee balance.txt; scripts/apply-stars.py balance.txt
"""
import re
import sys

fit = re.compile(r"^(\S+)\s.*stars fit \(([\d.]+), ([\d.]+), ([\d.]+)\)")
for line in open(sys.argv[1]):
    m = fit.match(line)
    if not m:
        continue
    level, one, two, three = m.groups()
    path = f"levels/{level}.ron"
    text = open(path).read()
    new, n = re.subn(
        r"stars: \(one: [\d.]+, two: [\d.]+, three: [\d.]+\)",
        f"stars: (one: {float(one):.1f}, two: {float(two):.1f}, three: {float(three):.1f})",
        text,
    )
    if n != 1:
        sys.exit(f"{path}: expected one stars line, found {n}")
    open(path, "w").write(new)
    print(f"{path}: {one} / {two} / {three}")
