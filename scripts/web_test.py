#!/usr/bin/env python3
"""The web build played in Chromium as a player would: served from a local server, shown in a
browser window under a virtual X server, driven by real key presses and clicks (xdotool).

It follows the game by the tab's title, which the game keeps naming the screen and the week
(app/window_title.rs), and fails on: a page that never starts, a screen not reached, a week
that does not end, a blank frame, sound that does not start at the first gesture, or any error
in the browser's console.

Usage: scripts/web_test.py [WEB_FOLDER] [--shots DIR]
  WEB_FOLDER defaults to $CARGO_TARGET_DIR/web (what scripts/web.sh build writes).
Runs itself under xvfb-run when there is no X display.
"""

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

SIZE = (1280, 720)
# Software WebGL2 under a virtual X server is slow: the dev build takes tens of seconds to
# its first frame.
START_SECONDS = 240
STEP_SECONDS = 90


SHOTS = [None]


def fail(message):
    if SHOTS[0] and os.environ.get("DISPLAY"):
        # What the screen showed when the test gave up.
        subprocess.run(["import", "-window", "root", os.path.join(SHOTS[0], "failed.png")])
        message += f" (the screen then: {SHOTS[0]}/failed.png)"
    print(f"web test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def serve(folder):
    """A local server for the folder, on a free port, in a thread."""
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }

    def log_message(self, *args):
        pass


def window_title(wid):
    out = subprocess.run(["xdotool", "getwindowname", wid], capture_output=True, text=True)
    return out.stdout.strip()


def find_window(browser, deadline):
    """The browser's window, once it has one."""
    while time.monotonic() < deadline:
        if browser.poll() is not None:
            fail(f"Chromium quit at start (exit {browser.returncode})")
        out = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "Forest & Trees"],
            capture_output=True,
            text=True,
        )
        ids = out.stdout.split()
        if ids:
            return ids[0]
        time.sleep(0.5)
    fail("no browser window named Forest & Trees appeared")


def wait_title(wid, pattern, seconds, what):
    deadline = time.monotonic() + seconds
    title = ""
    while time.monotonic() < deadline:
        title = window_title(wid)
        if re.search(pattern, title):
            print(f"web test: {what}: “{title}”")
            return title
        time.sleep(0.25)
    fail(f"{what}: waited {seconds} s for a title matching /{pattern}/; the tab says “{title}”")


def key(wid, name):
    subprocess.run(["xdotool", "key", "--window", wid, name], check=True)


def click(x, y):
    subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)


def shoot(path):
    subprocess.run(["import", "-window", "root", path], check=True)
    colours = subprocess.run(
        ["identify", "-format", "%k", path], capture_output=True, text=True, check=True
    ).stdout.strip()
    return int(colours or 0)


class Console:
    """The page's console errors and uncaught exceptions, read through the DevTools protocol
    over a pipe (--remote-debugging-pipe: the browser reads commands on fd 3 and writes
    replies and events on fd 4, each a JSON text ended by a NUL byte). Chromium's own log has
    every console message at one level, so an error could not be told from a note there."""

    def __init__(self):
        self.commands_r, self.commands_w = os.pipe()
        self.events_r, self.events_w = os.pipe()
        self.errors = []
        self.next_id = 0
        self.lock = threading.Lock()

    def child_fds(self):
        """In the browser's process: its ends of the pipes as fds 3 and 4."""
        os.dup2(self.commands_r, 3)
        os.dup2(self.events_w, 4)

    def started(self):
        """In this process, once the browser runs: close its ends, listen, find pages."""
        os.close(self.commands_r)
        os.close(self.events_w)
        threading.Thread(target=self.listen, daemon=True).start()
        self.send("Target.setDiscoverTargets", {"discover": True})

    def send(self, method, params=None, session=None):
        with self.lock:
            self.next_id += 1
            message = {"id": self.next_id, "method": method, "params": params or {}}
            if session:
                message["sessionId"] = session
            try:
                os.write(self.commands_w, json.dumps(message).encode() + b"\0")
            except OSError:
                pass  # the browser has quit

    def listen(self):
        pending = b""
        with os.fdopen(self.events_r, "rb", buffering=0) as events:
            while chunk := events.read(65536):
                pending += chunk
                *messages, pending = pending.split(b"\0")
                for raw in messages:
                    self.read(json.loads(raw))

    def read(self, message):
        method = message.get("method")
        params = message.get("params", {})
        if method == "Target.targetCreated" and params["targetInfo"]["type"] == "page":
            target = params["targetInfo"]["targetId"]
            self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        elif method == "Target.attachedToTarget":
            self.send("Runtime.enable", session=params["sessionId"])
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            words = [str(a.get("value", a.get("description", ""))) for a in params["args"]]
            self.errors.append("console." + params["type"] + ": " + " ".join(words))
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text", "")
            # Bevy's winit loop takes over the page's frames by throwing: not an error.
            if "Using exceptions for control flow" not in text:
                self.errors.append("uncaught: " + text)

    def close(self):
        os.close(self.commands_w)


# Where the play screen draws its End week button in a 1280×720 page at scale 1.0 (the toolbar's
# right-aligned buttons: Menu, Keys, Charts, Turns, then End week).
END_WEEK = (856, 22)


def open_page(url, profile, log, console, what):
    """Chromium showing the page in an app window; returns it and its X window, on the title."""
    browser = subprocess.Popen(
        [
            "chromium",
            "--no-sandbox",
            # No bar across the page warning about --no-sandbox.
            "--test-type",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-features=Translate",
            f"--user-data-dir={profile}",
            # WebGL2 in software: SwiftShader, asked for by name.
            "--enable-unsafe-swiftshader",
            "--use-angle=swiftshader",
            "--lang=en-US",
            "--window-position=0,0",
            f"--window-size={SIZE[0]},{SIZE[1]}",
            "--enable-logging=stderr",
            "--v=0",
            "--remote-debugging-pipe",
            f"--app={url}",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "LANG": "en_US.UTF-8"},
        pass_fds=(3, 4),
        preexec_fn=console.child_fds,
    )
    console.started()
    started = time.monotonic()
    wid = find_window(browser, started + START_SECONDS)
    # The game names the title screen once its first frame is up: the page said loading.
    wait_title(wid, r"^Forest & Trees$", START_SECONDS, f"the title screen, {what}")
    print(f"web test: page to title in {time.monotonic() - started:.1f} s")
    time.sleep(2)
    return browser, wid


def close(browser, wid=None):
    """Closes the page as a player does (Ctrl+W), so the browser writes its storage to disk on
    the way out; a browser that does not quit is stopped."""
    if wid:
        subprocess.run(["xdotool", "key", "--window", wid, "ctrl+w"])
    else:
        browser.terminate()
    try:
        browser.wait(30)
    except subprocess.TimeoutExpired:
        browser.kill()
        browser.wait()


def check_frame(shots, name):
    colours = shoot(os.path.join(shots, name))
    # A blank or single-colour frame has a handful; the play screen has thousands.
    if colours < 64:
        fail(f"{name}: the frame has {colours} colours: blank")
    print(f"web test: {name} has {colours} colours")


def main():
    args = sys.argv[1:]
    shots = None
    if "--shots" in args:
        i = args.index("--shots")
        if i + 1 >= len(args):
            fail("--shots needs a folder")
        shots = args[i + 1]
        del args[i : i + 2]
    target = os.environ.get(
        "CARGO_TARGET_DIR", os.path.expanduser("~/.cache/forest-and-trees/target")
    )
    folder = args[0] if args else os.path.join(target, "web")
    if not os.path.isfile(os.path.join(folder, "index.html")):
        fail(f"{folder}: no web build there (run scripts/web.sh build)")
    if not os.environ.get("DISPLAY"):
        size = f"{SIZE[0]}x{SIZE[1]}x24"
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", f"-screen 0 {size}", sys.executable]
                  + sys.argv)
    for tool in ("chromium", "xdotool", "import", "identify"):
        if not shutil.which(tool):
            fail(f"{tool} is not installed (scripts/deps.sh web installs it)")

    server = serve(folder)
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    profile = tempfile.mkdtemp(prefix="forest-and-trees-chromium-")
    shots = shots or tempfile.mkdtemp(prefix="forest-and-trees-web-shots-")
    os.makedirs(shots, exist_ok=True)
    SHOTS[0] = shots
    log_path = os.path.join(shots, "chromium.log")
    log = open(log_path, "w")
    browser = None
    consoles = []
    try:
        console = Console()
        consoles.append(console)
        browser, wid = open_page(url, profile, log, console, "the first visit")
        # A click on the background: the first gesture (the sound starts) and the focus.
        click(8, SIZE[1] - 8)
        key(wid, "Return")  # Play
        wait_title(wid, r"Choose a level", STEP_SECONDS, "Enter on the title")
        key(wid, "Return")  # the first level
        wait_title(wid, r"Briefing", STEP_SECONDS, "Enter on the level list")
        key(wid, "Return")  # begin week 1
        wait_title(wid, r", week 1 of \d+", STEP_SECONDS, "Enter on the briefing")
        time.sleep(2)
        check_frame(shots, "web-play-week-1.png")
        key(wid, "Return")  # end week 1
        wait_title(wid, r", week 2 of \d+", STEP_SECONDS, "Enter on the play screen")
        time.sleep(2)
        check_frame(shots, "web-play-week-2.png")
        click(*END_WEEK)
        wait_title(wid, r", week 3 of \d+", STEP_SECONDS, f"a click on End week at {END_WEEK}")
        # The page closed and opened again: the run was kept in the browser's storage.
        close(browser, wid)
        console = Console()
        consoles.append(console)
        browser, wid = open_page(url, profile, log, console, "the page opened again")
        click(8, SIZE[1] - 8)
        key(wid, "c")  # Continue
        wait_title(wid, r", week 3 of \d+", STEP_SECONDS, "C on the title (continue the run)")
        time.sleep(2)
        check_frame(shots, "web-play-continued.png")
    finally:
        if browser:
            close(browser)
        log.close()
        server.shutdown()
        if not os.environ.get("WEB_TEST_KEEP_PROFILE"):
            shutil.rmtree(profile, ignore_errors=True)
        for c in consoles:
            c.close()
            # Said even when a step failed: an error often explains it.
            for e in c.errors:
                print(f"web test: console: {e}", file=sys.stderr)

    errors = [e for c in consoles for e in c.errors]
    if errors:
        fail("the browser's console has errors:\n  " + "\n  ".join(errors[:20]))
    # The sound's state changes are logged by restart-audio-context.js (a console note).
    notes = open(log_path, errors="replace").read()
    if "Sound: running" not in notes:
        fail("the sound did not start at the first gesture (no “Sound: running” in the console)")
    print(f"web test: passed; screenshots and the browser's log in {shots}")


if __name__ == "__main__":
    main()
