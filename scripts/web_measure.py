#!/usr/bin/env python3
"""Frame time of the play screen in Chromium against a bare Bevy + egui page (one side panel,
one egui_plot chart) from the same build, side by side in one run: the page's own measure
mode (index.html?measure=FRAMES[&level=ID]), three rounds alternated so a slow moment of the
machine falls on both alike, frame-rate limit and vsync off, frames counted from ten seconds
after the first (src/app/measure.rs says why). Also the time from opening the page to its first
frame, and the median frame beside the mean (a page's frames here are quick or stalled).
Goal: the play screen within 1.25x of the bare page.

Usage: scripts/web_measure.py [FRAMES] [LEVEL_ID] [WEB_FOLDER]
  Build first: WEB_RELEASE=1 scripts/web.sh build (the size-optimised build players get).
"""

import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import web_test  # noqa: E402  (the same server, browser and DevTools pipe)

RESULT = re.compile(r"(bare window|play screen of [\w-]+): first frame after (\d+) ms; "
                    r"(\d+) frames: mean ([\d.]+) ms, p95 ([\d.]+) ms, median ([\d.]+) ms(?:[^\n]*?texture updates)?")


def measure(url, log_path, what):
    """Opens the page until it logs its measure line; returns (first frame ms, mean, p95)."""
    profile = tempfile.mkdtemp(prefix="forest-and-trees-measure-")
    downloads = tempfile.mkdtemp(prefix="forest-and-trees-measure-dl-")
    with open(log_path, "w") as log:
        devtools = web_test.DevTools(downloads)
        browser = devtools.launch(
            web_test.chromium_args(profile, url)
            + ["--disable-frame-rate-limit", "--disable-gpu-vsync"],
            log,
        )
        try:
            deadline = time.monotonic() + 600
            found = None
            while time.monotonic() < deadline and not found and browser.poll() is None:
                time.sleep(1)
                with open(log_path, errors="replace") as text:
                    found = RESULT.search(text.read())
        finally:
            web_test.close(browser)
            devtools.close()
    shutil.rmtree(profile, ignore_errors=True)
    shutil.rmtree(downloads, ignore_errors=True)
    if not found:
        web_test.fail(f"{what}: no measure line (the browser's log: {log_path})")
    if devtools.errors:
        web_test.fail(f"{what}: console errors: {devtools.errors[:5]}")
    first, mean, median = float(found.group(2)), float(found.group(4)), float(found.group(6))
    print(f"web measure: {found.group(0)}")
    return first, mean, median


def main():
    args = sys.argv[1:]
    frames = int(args[0]) if args else 300
    level = args[1] if len(args) > 1 else "fog-of-strategy"
    target = os.environ.get(
        "CARGO_TARGET_DIR", os.path.expanduser("~/.cache/forest-and-trees/target")
    )
    folder = args[2] if len(args) > 2 else os.path.join(target, "web")
    web_test.under_xvfb(*web_test.SIZE)
    server = web_test.serve(folder)
    base = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    logs = tempfile.mkdtemp(prefix="forest-and-trees-measure-logs-")
    bare, play = [], []
    for round in (1, 2, 3):
        bare.append(measure(f"{base}?measure={frames}", f"{logs}/bare-{round}.log", "bare"))
        play.append(measure(f"{base}?measure={frames}&level={level}",
                            f"{logs}/play-{round}.log", "play"))
    server.shutdown()
    avg = lambda rows, i: sum(r[i] for r in rows) / len(rows)  # noqa: E731
    b, p = avg(bare, 1), avg(play, 1)
    bm, pm = avg(bare, 2), avg(play, 2)
    print(f"web measure: mean of 3 rounds: bare {b:.1f} ms, play {p:.1f} ms, ratio {p / b:.2f}; "
          f"median: bare {bm:.1f} ms, play {pm:.1f} ms, ratio {pm / bm:.2f}; "
          f"first frame: bare {avg(bare, 0):.0f} ms, play {avg(play, 0):.0f} ms")


if __name__ == "__main__":
    main()
