#!/usr/bin/env python3
"""One browser team at a LAN class, played as a player would: Chromium opens the page the
facilitator's game serves, the team joins with the title's Join (the page names its class and
its host), types its name, answers every card with one choice and ends each week with
Enter until the debrief, then downloads its result file. tests/lan_web.rs starts two of these
beside a desktop host and a desktop team; the same checks as scripts/web_test.py apply (no
console errors, the title names each step).

Usage: scripts/web_team.py URL TEAM FOLDER [CHOICE [REOPEN[:continue]]]
  URL     the page's address on the facilitator's computer (http://HOST:PORT/)
  TEAM    the team's name
  FOLDER  where the downloaded result and screenshots go
  CHOICE  the key that answers every card (1, 2 or 3; default 1)
  REOPEN  a week in which the tab is closed and the page opened again: the team joins again
          (the form remembers its name) and must be back in that week; with ":continue" it
          presses the title's Continue instead, which takes its run back into the class
Runs itself under its own xvfb-run when there is no X display.
"""

import os
import re
import subprocess
import sys
import tempfile
import time

import web_test as w

# The join form's team name field, in a 1280×720 page at scale 1.0.
TEAM_FIELD = (373, 166)
# A point over the debrief's left column, and its "Download the result (.json)" once that
# column is scrolled to its end (a class run's result is saved at once).
LEFT_COLUMN = (200, 400)
DOWNLOAD_JSON = (96, 479)
# A class of a few seconds a week, played by keys: generous for a slow software renderer.
CLASS_SECONDS = 300


def main():
    args = sys.argv[1:]
    if not 3 <= len(args) <= 5 or args[3:4] not in ([], ["1"], ["2"], ["3"]) or not all(
        re.fullmatch(r"\d+(:continue)?", a) for a in args[4:]
    ):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    url, team, folder = args[:3]
    choice = (args[3:4] or ["1"])[0]
    reopen = int(args[4].split(":")[0]) if args[4:] else None
    by_continue = args[4:] and args[4].endswith(":continue")
    w.under_xvfb(*w.SIZE)
    os.makedirs(folder, exist_ok=True)
    w.SHOTS[0] = folder
    profile = tempfile.mkdtemp(prefix="forest-and-trees-team-")
    log = open(os.path.join(folder, "chromium.log"), "w")
    visits = []
    say = lambda what: print(f"browser team {team}: {what}", flush=True)

    def join(what, week, type_name, by_continue=False):
        """Opens the page, joins with J and Enter (or the title's Continue); returns the
        browser, its window, its DevTools and the tab's title in `week`."""
        devtools = w.DevTools(folder)
        visits.append(devtools)
        browser, wid = w.open_page(url, profile, log, devtools, f"team {team}, {what}")
        w.click(*w.BACKGROUND)
        if by_continue:
            w.shoot(os.path.join(folder, "title-continue.png"))
            w.key(wid, "c")
            title = w.wait_title(wid, rf", week {week} of \d+", w.STEP_SECONDS, "C on the title")
            return browser, wid, devtools, title
        w.key(wid, "j")
        w.wait_title(wid, r"Join a class", w.STEP_SECONDS, "J on the title")
        time.sleep(1)
        if type_name:
            w.shoot(os.path.join(folder, "join.png"))
            w.click(*TEAM_FIELD)
            # egui gives the field focus in the frame after the click: a key typed before
            # it is lost (CI once joined as "irch"). A second is many frames, even loaded.
            time.sleep(1)
            subprocess.run(["xdotool", "type", "--delay", "60", team], check=True)
            time.sleep(0.5)
            w.shoot(os.path.join(folder, "join-typed.png"))
        w.key(wid, "Return")
        title = w.wait_title(wid, rf", week {week} of \d+", w.STEP_SECONDS, "Enter on the join form")
        return browser, wid, devtools, title

    try:
        browser, wid, devtools, title = join("joining", 1, True)
        weeks = int(re.search(r"of (\d+)", title).group(1))
        time.sleep(1)
        w.shoot(os.path.join(folder, "play.png"))
        deadline = time.monotonic() + CLASS_SECONDS
        week = 1
        while "Debrief" not in title:
            if time.monotonic() > deadline:
                w.fail(f"the class did not end in {CLASS_SECONDS} s: the tab says “{title}”")
            # A card waits for an answer before the week can end; the class's clock may
            # also hold the week: Enter is pressed again until it turns.
            w.key(wid, choice)
            w.key(wid, "Return")
            time.sleep(0.7)
            title = w.window_title(wid)
            m = re.search(r"week (\d+) of", title)
            if m and int(m.group(1)) != week:
                week = int(m.group(1))
                say(f"week {week} of {weeks}")
                if week == reopen:
                    # The tab closed mid-class: the same browser joins again, its name
                    # remembered, and the host gives the team back its weeks; or it
                    # continues its run, which goes back into the class.
                    w.close(browser, devtools)
                    say(f"the tab closed in week {week}")
                    browser, wid, devtools, title = join(
                        "the tab opened again", week, False, by_continue
                    )
                    reopen = None
        time.sleep(2)
        w.shoot(os.path.join(folder, "debrief.png"))
        # The download buttons are at the foot of the debrief's left column: the wheel
        # scrolls it to its end, where they always land at the same place.
        subprocess.run(["xdotool", "mousemove", *map(str, LEFT_COLUMN)], check=True)
        subprocess.run(["xdotool", "click", "--repeat", "30", "--delay", "30", "5"], check=True)
        time.sleep(1)
        w.shoot(os.path.join(folder, "debrief-end.png"))
        w.click(*DOWNLOAD_JSON)
        w.wait_for(lambda: len(devtools.downloaded) == 1, w.STEP_SECONDS, "the result's download")
        result = w.downloaded(folder, ".json")
        if f'"team": "{team}"' not in result:
            w.fail(f"the downloaded result is not {team}'s: {result[:200]}")
        say("played to the debrief; its result downloaded")
        w.close(browser, devtools)
    finally:
        w.clean_up(visits, log, profile, f"browser team {team}")
    w.fail_on_errors(visits)


if __name__ == "__main__":
    main()
