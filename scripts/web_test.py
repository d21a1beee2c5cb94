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

import fcntl
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
# Every browser started, so none outlives the test, whatever step failed.
LAUNCHED = []


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


def shoot(path, size=None):
    """A screenshot of the screen, or of its top-left WIDTH×HEIGHT `size`; its colour count."""
    subprocess.run(["import", "-window", "root", path], check=True)
    if size:
        subprocess.run(["mogrify", "-crop", f"{size[0]}x{size[1]}+0+0", "+repage", path],
                       check=True)
    colours = subprocess.run(
        ["identify", "-format", "%k", path], capture_output=True, text=True, check=True
    ).stdout.strip()
    return int(colours or 0)


def high_fd(fd):
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


class DevTools:
    """The browser's DevTools protocol over a pipe (--remote-debugging-pipe: the browser reads
    commands on fd 3 and writes replies and events on fd 4, each a JSON text ended by a NUL
    byte), for what a player's keys and clicks cannot reach:
    - the page's console errors and uncaught exceptions (Chromium's own log has every console
      message at one level, so an error could not be told from a note there);
    - the operating system's file dialog, answered with `pick` (the page's own button is
      clicked with the mouse; only the dialog is skipped);
    - downloads, kept in `downloads`."""

    def __init__(self, downloads):
        # Above fd 9, so moving the browser's ends to 3 and 4 never lands on one of them.
        self.commands_r, self.commands_w = map(high_fd, os.pipe())
        self.events_r, self.events_w = map(high_fd, os.pipe())
        self.errors = []
        self.next_id = 0
        self.lock = threading.Lock()
        self.downloads = downloads
        self.downloaded = []
        self.pick = []
        # Commands sent to each page as soon as it is attached: (method, params).
        self.on_attach = []

    def launch(self, args, log):
        """Starts the browser with its ends of the pipes as fds 3 and 4: a shell moves them
        there and execs it (bash: dash reads one-digit fds only; no Python code runs between fork and exec, and no order of
        duplications can close one pipe with the other)."""
        r, w = self.commands_r, self.events_w
        browser = subprocess.Popen(
            ["bash", "-c", f'exec "$@" 3<&{r} 4>&{w} {r}<&- {w}>&-', "bash", *args],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "LANG": "en_US.UTF-8"},
            pass_fds=(r, w),
        )
        LAUNCHED.append(browser)
        self.started()
        return browser

    def started(self):
        """In this process, once the browser runs: close its ends, listen, find pages."""
        os.close(self.commands_r)
        os.close(self.events_w)
        threading.Thread(target=self.listen, daemon=True).start()
        self.send("Target.setDiscoverTargets", {"discover": True})
        self.send(
            "Browser.setDownloadBehavior",
            {"behavior": "allow", "downloadPath": self.downloads, "eventsEnabled": True},
        )

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
                    try:
                        self.read(json.loads(raw))
                    except Exception as e:  # noqa: BLE001
                        # A listener that stopped would let errors pass unseen: it fails.
                        self.errors.append(f"DevTools message not understood ({e!r}): {raw[:200]!r}")

    def read(self, message):
        method = message.get("method")
        params = message.get("params", {})
        if "error" in message:
            # A command the browser refused: what the test checks through it is unchecked.
            self.errors.append(f"DevTools refused command {message.get('id')}: {message['error']}")
        if method == "Target.targetCreated" and params["targetInfo"]["type"] == "page":
            target = params["targetInfo"]["targetId"]
            self.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        elif method == "Target.attachedToTarget":
            session = params["sessionId"]
            self.send("Runtime.enable", session=session)
            self.send("Page.enable", session=session)
            self.send("Page.setInterceptFileChooserDialog", {"enabled": True}, session=session)
            for method, params in self.on_attach:
                self.send(method, params, session=session)
        elif method == "Page.fileChooserOpened":
            # The files the test picks, given to the page's file input as the dialog would.
            self.send(
                "DOM.setFileInputFiles",
                {"files": self.pick, "backendNodeId": params["backendNodeId"]},
                session=message.get("sessionId"),
            )
        elif method == "Browser.downloadProgress" and params.get("state") == "completed":
            self.downloaded.append(params["guid"])
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


def wait_for(ready, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.5)
    fail(f"{what}: not seen in {seconds} s")


def downloaded(folder, suffix):
    names = [n for n in os.listdir(folder) if n.endswith(suffix)]
    if not names:
        fail(f"no {suffix} file among the downloads: {os.listdir(folder)}")
    return open(os.path.join(folder, names[0]), errors="replace").read()


# Where the play screen draws its End week button in a 1280×720 page at scale 1.0 (the toolbar's
# right-aligned buttons: Menu, Keys, Charts, Turns, then End week).
END_WEEK = (856, 22)
# A spot of bare background, bottom left, on every screen.
BACKGROUND = (8, SIZE[1] - 8)
# The level list's "Open a level file…" (its footer), the debrief's "Save a result file" and
# then "Download the result (.json)" in its place.
OPEN_FILE = (402, 693)
SAVE_RESULT = (111, 467)
DOWNLOAD_JSON = (96, 510)
DOWNLOAD_REPORT = (127, 531)
OWN_LEVEL = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                          "tests", "web", "three-quick-weeks.ron"))


def chromium_args(profile, url):
    """Chromium showing `url` in an app window of SIZE, WebGL2 on SwiftShader, its log on
    stderr and the DevTools protocol on fds 3 and 4."""
    return [
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
    ]


def open_page(url, profile, log, devtools, what):
    """Chromium showing the page in an app window; returns it and its X window, on the title."""
    browser = devtools.launch(chromium_args(profile, url), log)
    started = time.monotonic()
    wid = find_window(browser, started + START_SECONDS)
    # The game names the title screen once its first frame is up: the page said loading.
    wait_title(wid, r"^Forest & Trees$", START_SECONDS, f"the title screen, {what}")
    print(f"web test: page to title in {time.monotonic() - started:.1f} s")
    time.sleep(2)
    return browser, wid


def close(browser, devtools=None):
    """Quits the browser as a person closing it does: DevTools' Browser.close, a normal
    shutdown, in which the browser writes the page's storage to disk. (Ctrl+W sent to the app
    window did not close it here: the test then stopped the browser after 30 s, and a stopped
    browser loses the storage it had not yet written, which once made a continued class run
    start weeks behind.) A browser without DevTools, or that does not quit, is stopped."""
    if devtools:
        devtools.send("Browser.close")
    else:
        browser.terminate()
    try:
        browser.wait(30)
    except subprocess.TimeoutExpired:
        print("web test: the browser did not quit in 30 s: stopped", file=sys.stderr)
        browser.kill()
        browser.wait()


def clean_up(visits, log, profile, who):
    """After the visits, whatever step failed: every browser stopped, the log closed, the
    profile removed (kept with WEB_TEST_KEEP_PROFILE), and each console error said (an error
    often explains a failed step)."""
    for b in LAUNCHED:
        if b.poll() is None:
            close(b)
    log.close()
    if not os.environ.get("WEB_TEST_KEEP_PROFILE"):
        shutil.rmtree(profile, ignore_errors=True)
    for v in visits:
        v.close()
        for e in v.errors:
            print(f"{who}: console: {e}", file=sys.stderr)


def fail_on_errors(visits):
    errors = [e for v in visits for e in v.errors]
    if errors:
        fail("the browser's console has errors:\n  " + "\n  ".join(errors[:20]))


def check_frame(shots, name):
    colours = shoot(os.path.join(shots, name))
    # A blank or single-colour frame has a handful; the play screen has thousands.
    if colours < 64:
        fail(f"{name}: the frame has {colours} colours: blank")
    print(f"web test: {name} has {colours} colours")


def under_xvfb(width, height):
    """Runs this script again under its own virtual X server of WIDTH×HEIGHT when there is
    no display."""
    if os.environ.get("DISPLAY"):
        return
    if not shutil.which("xvfb-run"):
        fail("xvfb-run is not installed (scripts/deps.sh test installs it)")
    os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24",
                           sys.executable] + sys.argv)


def need_tools(*tools):
    for tool in ("chromium", "xdotool", "import", "identify") + tools:
        if not shutil.which(tool):
            fail(f"{tool} is not installed (scripts/deps.sh test installs it)")


def web_args(shots_name):
    """[WEB_FOLDER] [--shots DIR] from the command line: the web build (by default the one
    scripts/web.sh build writes), which must be there, and the screenshots' folder (by default
    SHOTS_NAME beside the build)."""
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
    return folder, shots or os.path.join(target, shots_name)


def main():
    folder, shots = web_args("web-test")
    under_xvfb(*SIZE)
    need_tools()

    server = serve(folder)
    url = f"http://127.0.0.1:{server.server_address[1]}/index.html"
    profile = tempfile.mkdtemp(prefix="forest-and-trees-chromium-")
    # Replaced by each run, beside the build it tested.
    os.makedirs(shots, exist_ok=True)
    SHOTS[0] = shots
    downloads = os.path.join(shots, "downloads")
    shutil.rmtree(downloads, ignore_errors=True)
    os.makedirs(downloads)
    log_path = os.path.join(shots, "chromium.log")
    log = open(log_path, "w")
    visits = []

    def visit(what):
        devtools = DevTools(downloads)
        visits.append(devtools)
        browser, wid = open_page(url, profile, log, devtools, what)
        # A click on the background: the first gesture (the sound starts) and the focus.
        click(*BACKGROUND)
        return browser, wid, devtools

    browser = None
    try:
        # 1. A first week by keyboard, a second by mouse.
        browser, wid, devtools = visit("the first visit")
        key(wid, "Return")  # Play
        wait_title(wid, r"Choose a level", STEP_SECONDS, "Enter on the title")
        key(wid, "Return")  # the first level
        wait_title(wid, r"Briefing", STEP_SECONDS, "Enter on the level list")
        key(wid, "Return")  # begin week 1
        wait_title(wid, r"First Week, week 1 of \d+", STEP_SECONDS, "Enter on the briefing")
        time.sleep(2)
        check_frame(shots, "web-play-week-1.png")
        key(wid, "Return")  # end week 1
        wait_title(wid, r", week 2 of \d+", STEP_SECONDS, "Enter on the play screen")
        time.sleep(2)
        check_frame(shots, "web-play-week-2.png")
        click(*END_WEEK)
        wait_title(wid, r", week 3 of \d+", STEP_SECONDS, f"a click on End week at {END_WEEK}")
        # 2. The page closed and opened again: the run was kept in the browser's storage.
        close(browser, devtools)
        browser, wid, devtools = visit("the page opened again")
        key(wid, "c")  # Continue
        wait_title(wid, r"First Week, week 3 of \d+", STEP_SECONDS, "C on the title")
        time.sleep(2)
        check_frame(shots, "web-play-continued.png")
        close(browser, devtools)
        # 3. A level file of the player's own, opened by the level list's button, played to
        # its debrief, and its result downloaded.
        browser, wid, devtools = visit("a third visit")
        key(wid, "Return")
        wait_title(wid, r"Choose a level", STEP_SECONDS, "Enter on the title")
        devtools.pick = [OWN_LEVEL]
        time.sleep(1)
        click(*OPEN_FILE)
        # The picked file is read and listed within a frame or two; Enter then opens the
        # selected level, and the play screen's title says whether it was the opened one.
        time.sleep(3)
        key(wid, "Return")
        wait_title(wid, r"Briefing", STEP_SECONDS, "Enter on the opened level")
        key(wid, "Return")
        wait_title(wid, r"Three Quick Weeks, week 1 of 3", STEP_SECONDS, "the opened level")
        for week in (2, 3):
            key(wid, "Return")
            wait_title(wid, rf"week {week} of 3", STEP_SECONDS, f"Enter in week {week - 1}")
        key(wid, "Return")
        wait_title(wid, r"Debrief", STEP_SECONDS, "the last week's Enter")
        time.sleep(2)
        click(*SAVE_RESULT)
        time.sleep(2)
        check_frame(shots, "web-debrief-saved.png")
        click(*DOWNLOAD_JSON)
        wait_for(lambda: len(devtools.downloaded) == 1, STEP_SECONDS, "the result's download")
        result = downloaded(downloads, ".json")
        if '"level_id": "three-quick-weeks"' not in result:
            fail(f"the downloaded result is not the opened level's: {result[:200]}")
        # The report's button shows once the debrief's best band is computed: clicked until
        # the download comes.
        deadline = time.monotonic() + STEP_SECONDS
        while len(devtools.downloaded) < 2 and time.monotonic() < deadline:
            click(*DOWNLOAD_REPORT)
            time.sleep(3)
        wait_for(lambda: len(devtools.downloaded) == 2, 10, "the report's download")
        report = downloaded(downloads, ".html")
        if "Three Quick Weeks" not in report:
            fail(f"the downloaded report is not the opened level's: {report[:200]}")
        print("web test: the result and the report downloaded are the opened level's")
        close(browser, devtools)
        # 4. The opened level is still listed on the next visit (the last in the list).
        browser, wid, devtools = visit("a fourth visit")
        key(wid, "Return")
        wait_title(wid, r"Choose a level", STEP_SECONDS, "Enter on the title")
        key(wid, "Up")
        key(wid, "Return")
        wait_title(wid, r"Briefing", STEP_SECONDS, "Enter on the last level")
        key(wid, "Return")
        wait_title(wid, r"Three Quick Weeks, week 1 of 3", STEP_SECONDS, "the level kept")
    finally:
        server.shutdown()
        clean_up(visits, log, profile, "web test")
    fail_on_errors(visits)
    # The sound's state changes are logged by restart-audio-context.js (a console note).
    notes = open(log_path, errors="replace").read()
    if "Sound: running" not in notes:
        fail("the sound did not start at the first gesture (no “Sound: running” in the console)")
    print(f"web test: passed; screenshots and the browser's log in {shots}")


if __name__ == "__main__":
    main()
