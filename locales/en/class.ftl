# Running and joining a class: facilitate, projector, join and the class network.

## Facilitate: the facilitator's screen (its footer, the round's setup and the projector)

facilitate-actions = Facilitator actions
facilitate-compare = Compare the class
facilitate-setup = Set up the round
facilitate-projector = Projector
facilitate-seconds-a-week = Seconds a week
facilitate-code-hint = Teams: on the title screen, Join a class, then type this code:
facilitate-round-details = { $level } · { $difficulty } · seed { $seed }
facilitate-level = Level
facilitate-seed = Seed
facilitate-offline = Offline: collect the result files afterwards and compare them (C).
facilitate-host = Host this class on the LAN
facilitate-hosted = Hosted on the LAN
facilitate-find-or-type = Teams press Find on this network, or type:
facilitate-find-or-type-one-of = Teams press Find on this network, or type one of:
facilitate-in-a-browser = Teams with only a browser open: { $addresses }
facilitate-no-address = this computer has no network address yet: connect it to the room's network (port { $port })
facilitate-stop-hosting = Stop hosting
facilitate-announce-heading = Announce an event
facilitate-announce-hosted = It reaches every team's game and happens the week after, alike for all.
facilitate-announce-offline = Teams pick its code in their pause menu; it happens next week for everyone.
facilitate-announced-deck = Announced: it happens in week { $week } for every team.
facilitate-withdrawn = Withdrawn before any team played it.
facilitate-write-own = Write your own event
facilitate-title-hint = Title, e.g. The CEO visits
facilitate-event-title = Event title
facilitate-what-teams-read = What teams read
facilitate-morale = Morale
facilitate-trust = Trust
facilitate-alignment = Alignment
# A slider's unit, shown after its number.
facilitate-points = points
facilitate-unplanned-work = Unplanned work
# A slider's unit, shown after its number.
facilitate-person-weeks = person-weeks
facilitate-announce-all = Announce to every team
facilitate-announced-custom = Announced: "{ $title }" happens in week { $week } for every team.

## Facilitate: the projector

facilitate-discuss = To discuss
facilitate-deck-event = Event E{ $number }: { $title }
# "An event your facilitator announced" is the pause menu's heading in the teams' game.
facilitate-deck-event-how = Teams: Esc for the menu, then "An event your facilitator announced", then E{ $number }
facilitate-custom-event = Event: { $title }
facilitate-week-of = Week { $week } of { $weeks }
facilitate-time-up = time is up
facilitate-pause = Pause
facilitate-start = Start
facilitate-more-time = +{ $seconds } s
facilitate-more-time-hint = Give every team more time in this week
facilitate-best-band = Best band: { $low }–{ $high }% of the week on the forest (best { $best }%)
facilitate-finding-band = Finding the best band…
facilitate-reveal-band = Reveal the best band
facilitate-no-team = No team has joined yet.
facilitate-team = Team
facilitate-link = Link
facilitate-weeks-played = Weeks played
facilitate-delivery = Delivery
facilitate-connected = connected
facilitate-away-seat-free = away, seat free
facilitate-away = away
facilitate-free-seat = free the seat
facilitate-free-seat-hint = Let another computer take this team's seat and weeks
facilitate-played = { $played } of { $weeks }
facilitate-refused = refused { $reason }
