# The keys the game answers to (app/keys.rs): each key's name, and what it does, as the
# keys window and each screen's hint line show them ("Enter: play · Esc: quit").

## Key names. A letter or a digit is shown as it is, the same in every language.

keys-name-esc = Esc
keys-name-enter = Enter
keys-name-up = Up
keys-name-down = Down
keys-name-left = Left
keys-name-right = Right
keys-name-space = Space
keys-name-tab = Tab
keys-name-backspace = Backspace
keys-name-wheel = Mouse wheel
keys-name-help = ? or F1

## What a key does, after its name and a colon.

keys-move-focus = next button or field (Shift+Tab: back)
keys-back = back
keys-continue = continue
keys-play = play
keys-join-class = join a class
keys-facilitate = facilitate
keys-load = load
keys-settings = settings
keys-quit = quit
keys-previous-level = previous level
keys-next-level = next level
keys-briefing = briefing
keys-sandbox = sandbox
keys-begin = begin
keys-difficulty = difficulty
keys-choose-activity = choose an activity
keys-hour-less = one hour less (Shift: four)
keys-hour-more = one hour more (Shift: four)
keys-end-week = end the week
keys-keep-plan = keep last week's plan
keys-charts = charts of every metric
keys-clock = start or stop the clock (continuous mode)
keys-switch-view = switch between trees and forest
keys-next-team = large organisations: open the next team
keys-into-team = go into the open team
keys-up-level = back up a level
keys-zoom = zoom in to the trees or out to the forest; the plan follows
keys-answer = answer a decision card
keys-got-it = tutorial card: got it
keys-try-it = tutorial card: try the split it suggests
keys-menu = menu, or close a window
keys-help = this help
keys-people = the team as a list: each person and how they are
keys-again = play this level again
keys-title = title
keys-start-pause = start/pause
keys-next-week = next week
keys-reveal-band = reveal the best band
keys-questions = questions
keys-compare = compare
keys-more-time = 30 seconds more this week
keys-reload = read the folder again
keys-join = join
