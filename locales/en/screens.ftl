# The screens around play: title, levels, briefing, debrief, settings, load, compare,
# sandbox and credits.

## Settings

settings-title = Settings
settings-saved-in = Saved in { $path }
settings-saves = Saves: { $path }
settings-browser-storage = In this browser, your settings, progress, saves, results and own levels are kept in the page's storage, on this computer only: clearing the site's data removes them. Open your own level files from the level list; download results from the debrief.
settings-levels = Levels: { $shipped } (shipped) and { $own } (your own)
settings-music = Music volume
settings-effects = Effects volume
settings-scale = Interface scale
settings-scale-capped = Shown at { $shown }: this { $width }x{ $height } window has no room for more; a larger window or screen shows { $asked }
settings-window = Window
settings-windowed = Windowed
settings-fullscreen = Full screen
settings-speed = Weeks advance
settings-campaign = Campaign
settings-unlock-all = Open every level (for facilitators choosing one for a class)
settings-results = Class results folder
settings-language = Language
settings-language-system = As the system says ({ $language })
settings-contrast = Contrast
settings-high-contrast = High contrast: white on black, colours colour-blind players tell apart
settings-motion = Motion
settings-motion-still = Now: still. The camera cuts, moods and leavers show without moving.
settings-motion-moving = Now: moving. The camera glides, moods pulse, leavers drift away.
settings-time = Time for continuous weeks
settings-times = { $times }x

## Title

title-menu = Title menu
title-game = Forest & Trees
title-tagline = Lead the forest. Manage the trees. Every week, split your attention between the two.
title-continue = Continue: { $level } (week { $week } of { $weeks })
title-play = Play a level
title-join = Join a class
title-facilitate = Facilitate a class
title-load = Load a saved game
title-settings = Settings
title-credits = Credits
title-quit = Quit
title-browser-class = In a browser, a class is joined from the page your facilitator's game serves (the address on their screen), and facilitated from the desktop game: a page cannot listen on the network. Close the tab to quit; a level's run is saved in this browser after every week.
title-class-page = This page comes from your facilitator's computer: Join a class takes your team into its class. Close the tab to quit; your run is saved in this browser after every week.
title-class-page-continue = This page comes from your facilitator's computer: Continue takes your team's run back into its class. Close the tab to quit; your run is saved in this browser after every week.

## Level select

select-campaign = Campaign
select-title = Choose a level
select-actions = Level actions
select-briefing = Read the briefing
select-sandbox = Sandbox…
select-open-file = Open a level file…
select-open-failed = The browser did not open its file picker: { $why }
select-open-not-kept = { $file } is listed for now but could not be kept in this browser: { $why }
select-levels-region = Levels
select-chosen = Chosen level
select-locked = Locked: earn a star on "{ $previous }" to open it (or open every level in Settings).
select-levels = Levels ({ $n })
select-no-levels = No level files in { $folder }
select-best = best { $score }
select-broken-entry =
    { $file }
    cannot be loaded
select-entry =
    { $title }
    { $role }{ $source ->
        [user] { " · " }your level
        [opened] { " · " }opened
       *[shipped] { "" }
    }{ $open ->
        [no] { " · " }locked
       *[yes] { "" }
    }
select-facts = { $role } · { $weeks } weeks · { $people } people · { $hours } hours of attention a week
select-best-of = best { $score } / 100 in { $plays ->
        [one] { $plays } play
       *[other] { $plays } plays
    }
select-not-played = Not played yet.
select-stars-at = Stars at { $one } · { $two } · { $three }
select-goals = Goals
select-teaches = What it teaches
select-events = { $events } events and { $dilemmas } dilemmas may come your way.
select-file-problems = This level file has problems:

## Briefing

briefing-advice-frontline = You lead the people who do the work. They need clear tasks, owners and follow-up from you, and still need to know why it matters.
briefing-advice-promoted-expert = You were the best at the work. Doing it yourself is fast today; a team that never learns costs you later.
briefing-advice-middle-manager = You lead leads. You must translate the vision for each team and give them enough structure, without doing their job.
briefing-advice-executive = Your work reaches the floor through layers of managers. The vision must travel; details you pull up stall the people below.
briefing-begin-region = Begin
briefing-begin = Begin week 1
briefing-difficulty = Difficulty
briefing-difficulty-choice = { $difficulty } ({ $key })
briefing-region = Briefing
briefing-facts = { $role } · { $weeks } weeks · { $people } people
briefing-goals = Goals
briefing-teaches = What this level teaches
briefing-how-heading = How a week works
briefing-how = You have { $hours } hours of attention a week. Spread them over six vision activities (the forest) and six execution activities (the trees), then end the week. Each metric shows why it moved: click it.
briefing-difficulty-described = { $difficulty }: { $description }.
briefing-stars = Stars: one at { $one }, two at { $two }, three at { $three } out of 100.
briefing-tutorial = This level guides you step by step: follow the cards on the play screen.

## Debrief

debrief-result-not-written = Could not write the result to { $folder }: { $why }
debrief-report-not-written = Could not write the report beside { $file }: { $why }
debrief-what-next = What next
debrief-your-score = Your score
debrief-discuss = To discuss
debrief-week-by-week = Week by week
debrief-again = Play this level again
debrief-another = Choose another level
debrief-title-screen = Title
debrief-heading = { $level } — debrief
debrief-score = { $score } / 100
debrief-new-best = New best!
debrief-next-star = { $short } more points for the next star (at { $next }).
debrief-helped = What helped most
debrief-cost = What cost most
debrief-cause = { $points } points  { $cause }
debrief-shortcuts = Shortcuts you took
debrief-shortcut = Week { $week }: { $shortcut }
debrief-shortcuts-hint = The level marks these choices as shortcuts. Play it again without them to see what they saved and what they cost.
debrief-what-if = What if?
debrief-what-if-hint = Replay from a week with another split, same luck, same choices.
debrief-from-week = from week
debrief-on-vision = on vision
debrief-play-it-out = Play it out
debrief-what-if-result = From week { $week } at { $share }% vision: { $score } / 100, { $change } points against your { $yours }
debrief-result-file = Result file
debrief-saved = Saved for your facilitator: { $path }
debrief-saved-with-report = Saved for your facilitator: { $path } (a printable report is beside it, .html)
debrief-save-result = Save a result file (JSON and CSV)
debrief-kept-in-browser = Kept in this browser. Download the files for your facilitator:
debrief-download-json = Download the result (.json)
debrief-download-csv = Download the table (.csv)
debrief-download-report = Download the printable report (.html)
debrief-download-failed = The download did not start: { $why }
debrief-download-desktop = the desktop game writes the files into the results folder instead
debrief-team-curves = Your team, week by week (dashed: the what-if)
debrief-split-band = Your split on vision each week, against the level's best band ({ $low }–{ $high }%, best { $best }%)
debrief-split-finding = Your split on vision each week (finding the level's best band…)
debrief-plot-band = best band
debrief-plot-best = best constant share
debrief-plot-split = your vision share

## Load

load-slot-finished = { $level }: a finished run; play the level again from the start
load-slot-changed = { $level } has changed since this save
load-slot-not-installed = level "{ $level }" is not installed
load-slot-damaged = damaged
load-not-installed = { $file }: level "{ $level }" is not installed
load-cannot-resume = { $file }: { $why }
load-slot-summary = { $level } · after week { $week } of { $weeks }
load-region = Saved games
load-title = Load a saved game
load-from = From { $folder }
load-no-saves = No saves yet. Every week of a level is saved as you play; "Save a copy" in the pause menu keeps more.
load-load = Load
load-try = Try
load-try-hint = Tries to load it; a damaged save is then kept aside
load-cannot-load = cannot be loaded: { $why }
load-finished = { $file }: this run is finished; play the level again from the start

## Credits

credits-title = Credits

## Sandbox

sandbox-actions = Sandbox actions
sandbox-play = Play the sandbox
sandbox-level = Sandbox level
sandbox-title = Sandbox
sandbox-intro = A level with no story, made from your choices. Runs here are not saved or scored.
sandbox-facts = { $role } · { $people } people in { $layers ->
        [one] { $layers } layer
       *[other] { $layers } layers
    } · { $weeks } weeks · { $hours } hours a week
sandbox-role = Your role
sandbox-people = People below you
sandbox-weeks = Weeks
sandbox-seed = Seed
sandbox-difficulty = Difficulty

## Compare

compare-folder-region = Class results folder
compare-title = Compare the class
compare-folder = Results folder
compare-read-again = Read again
compare-actions = Compare actions
compare-table = Class table
compare-no-results = No result files in this folder yet.
compare-heading = { $code } — { $level } — { $n ->
        [one] { $n } team
       *[other] { $n } teams
    }
compare-rank = rank
compare-team = team
compare-score = score
compare-stars = stars
compare-verified = verified
compare-verified-yes = yes
compare-verified-no = NO: { $why }
compare-verified-cannot = cannot: { $why }
compare-split = Each team's share of the week on the forest
compare-top-bottom = Top against bottom
compare-difference = { $metric }: { $points } points
compare-discuss = To discuss
compare-apart = Listed apart:
compare-apart-class = { $code }: { $n } file(s)

## Join a class

join-no-team = type your team's name
join-no-answer = No computer on this network answered for this class: type the address shown on the projector.
join-cannot-search = Cannot search this network: { $why }
join-found = Found the class at { $address }.
join-title = Join a class
join-intro = Type the code your facilitator gives you. Every team with the same code plays the same run: the same people, events and decisions, week for week.
join-code = Class code
join-team = Team name
join-host = Facilitator's computer
join-host-hint = LAN class only, e.g. 192.168.1.20
join-looking = Looking...
join-find = Find on this network
join-find-hint = Asks the computers of this network which one hosts this class code
join-from-page = This page came from your facilitator's computer: your game joins the class there.
join-level = { $level } · { $role } · { $difficulty }
join-lan = Joins the class hosted at { $address }: its clock and events reach your game.
join-offline = Offline: your result file is collected at the end.
join-join = Join the class
join-begin = Begin week 1
join-type-team = Type your team's name to begin.

## The window's title (the browser tab's in a page)
window-title = Forest & Trees{ $screen ->
    [level-select] {" — "}Choose a level
    [briefing] {" — "}Briefing
    [debrief] {" — "}Debrief
    [settings] {" — "}Settings
    [credits] {" — "}Credits
    [load] {" — "}Saved games
    [sandbox] {" — "}Sandbox
    [join] {" — "}Join a class
    [facilitate] {" — "}Facilitate a class
    [compare] {" — "}Compare results
   *[title] {""}
}
window-title-play = Forest & Trees — { $level }, week { $week } of { $weeks }
