#!/usr/bin/env python3
"""The web build's screens at the sizes and interface scales a class uses, for a person to look
at: a 1280×720 and a 1920×1080 page at interface scales 1.0, 1.5 and 2.0, and a 1280×720 page
on a high-density screen (two device pixels a CSS pixel, as many laptops). Each page starts
with the scale already in the browser's storage, as a player who set it earlier would; the
walk by keys is title, settings, saved games, level list, briefing, play, and week 2 with the
charts open.
Fails on a screen not reached, a blank frame or a console error; the screenshots are the
point (the native layout check, `--smoke-test DIR --layout-check`, judges the same panels by
their rectangles; this shows what a browser makes of them).

Usage: scripts/web_look.py [WEB_FOLDER] [--shots DIR]
  Screenshots go to DIR (default $CARGO_TARGET_DIR/web-look), one folder a page.
"""

import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import web_test  # noqa: E402  (the same server, browser, keys and DevTools pipe)

# (width, height, interface scale, device pixels a CSS pixel)
PAGES = [(1280, 720, s, 1) for s in (1.0, 1.5, 2.0)] + [
    (1920, 1080, s, 1) for s in (1.0, 1.5, 2.0)
] + [(1280, 720, 1.0, 2)]
SCREEN = (1920, 1080)
# Where the page keeps the settings file (store::config_path on the web) and its format.
SETTINGS_KEY = "ft1:.forest-and-trees/settings.ron"


def look(url, page, shots, log):
    width, height, scale, density = page
    name = f"{width}x{height}-x{scale:.1f}" + (f"-dpr{density}" if density != 1 else "")
    folder = os.path.join(shots, name)
    os.makedirs(folder, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="forest-and-trees-look-")
    devtools = web_test.DevTools(tempfile.mkdtemp(prefix="forest-and-trees-look-dl-"))
    # Written before the game starts, in every document of the page (the first one the
    # browser attaches is still about:blank, whose storage is not the page's), unless the
    # player changed it since.
    write = (f"try {{ if (location.protocol.startsWith('http') && "
             f"!localStorage.getItem({SETTINGS_KEY!r})) "
             f"localStorage.setItem({SETTINGS_KEY!r}, '(ui_scale: {scale})') }} catch (e) {{}}")
    devtools.on_attach = [
        ("Page.addScriptToEvaluateOnNewDocument", {"source": write}),
        ("Runtime.evaluate", {"expression": write}),
    ]
    args = web_test.chromium_args(profile, url)
    args = [a for a in args if not a.startswith("--window-size")]
    args.append(f"--window-size={width},{height}")
    if density != 1:
        args.append(f"--force-device-scale-factor={density}")
    browser = devtools.launch(args, log)
    try:
        started = time.monotonic()
        wid = web_test.find_window(browser, started + web_test.START_SECONDS)
        web_test.wait_title(wid, r"^Forest & Trees$", web_test.START_SECONDS, f"{name}: title")
        time.sleep(3)
        # The first gesture, on a spot of background bottom left (in screen pixels).
        web_test.click(8, height * density - 8)
        steps = [
            (None, None, "title"),
            ("s", r"Settings", "settings"),
            ("Escape", r"^Forest & Trees$", None),
            ("l", r"Saved games", "load"),
            ("Escape", r"^Forest & Trees$", None),
            ("Return", r"Choose a level", "levels"),
            ("Return", r"Briefing", "briefing"),
            ("Return", r"week 1 of", "play"),
            # A week played, so the charts have a point to draw.
            ("Return", r"week 2 of", None),
            ("c", r"week 2 of", "play-charts"),
        ]
        for key, title, shot in steps:
            if key:
                web_test.key(wid, key)
                web_test.wait_title(wid, title, web_test.STEP_SECONDS, f"{name}: {key}")
            if shot:
                time.sleep(3)
                path = os.path.join(folder, f"{shot}.png")
                # Only the browser's window: the virtual screen is larger than most pages.
                colours = web_test.shoot(path, (width * density, height * density))
                if colours < 64:
                    web_test.fail(f"{name}: {shot} has {colours} colours: blank")
        web_test.close(browser, devtools)
    finally:
        if browser.poll() is None:
            web_test.close(browser)
        devtools.close()
        shutil.rmtree(profile, ignore_errors=True)
    if devtools.errors:
        web_test.fail(f"{name}: console errors: {devtools.errors[:5]}")
    print(f"web look: {name}: {len(os.listdir(folder))} screens in {folder}")


def main():
    folder, shots = web_test.web_args("web-look")
    web_test.need_tools("mogrify")
    # Large enough for the largest page at two device pixels a CSS pixel.
    web_test.under_xvfb(2 * SCREEN[0], 2 * SCREEN[1])
    shutil.rmtree(shots, ignore_errors=True)
    os.makedirs(shots)
    web_test.SHOTS[0] = shots
    server = web_test.serve(folder)
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    with open(os.path.join(shots, "chromium.log"), "w") as log:
        for page in PAGES:
            look(url, page, shots, log)
    server.shutdown()
    print(f"web look: passed; screenshots in {shots}")


if __name__ == "__main__":
    main()
