# The play screen: toolbar, plan, team, metrics, log, world and overlays.

## The week's banner

play-banner = Week { $week } done · morale { $morale }%{ $morale_change } · delivery { $delivery }%{ $delivery_change }

## Top bar

play-toolbar-week = { $role } · week { $week } of { $weeks } · { $hours } h this week
play-menu = Menu (Esc)
play-keys = Keys (?)
play-charts = Charts (C)
play-scrutiny = Status reports for { $above } take { $hours } h of this week: their confidence in you is { $confidence }%
play-announced-next-week = Announced for next week: { $events }
play-speed-name = Weeks advance
play-clock-left = { $seconds } s
play-end-week = End week (Enter)
play-not-yet = Not yet: { $why }
play-keep-plan = Keep last plan (K)
play-class-seated = Class { $code } at { $host }
play-class-joining = Joining the class at { $host }...
play-class-lost = Not connected to { $host } ({ $why }): trying again; you can keep planning
play-class-refused = Your facilitator's computer refused: { $why }
play-class-over = time is up: finish your weeks
play-class-waiting = waiting for your facilitator to start
play-class-paused = class week { $week } of { $weeks }, paused
play-class-opens = class week { $week } of { $weeks } · your week { $mine } opens in { $time }
play-class-left = class week { $week } of { $weeks } · { $time } left
play-class-announced = Announced, happens next week: { $events }

## Panels and the team view

play-region-toolbar = Toolbar
play-region-team = Your team
play-region-week = Your week
play-region-metrics = Metrics
play-region-log = Log
play-hard-hidden = Hard: what the plan does stays hidden until the week is played.
play-view-trees = Trees: people and work
play-view-forest = Forest: goals and vision
play-view-hint = Z: switch · wheel: 5% of the week a notch
play-view-hint-more = Zooming is deciding: each notch of the mouse wheel over the team moves 5% of the week's hours toward the trees (in) or the forest (out), keeping your mix within each family, and the view follows.
play-inside-team = Inside the team of { $name }
play-inside-empty-seat = Inside the team of an empty seat
play-back-direct-reports = Back to your direct reports
play-empty-seat = An empty seat
play-empty-seat-hire = An empty seat: a hire arrives in week { $week }
play-goal-hover = { $goal }: { $percent }% reached ({ $done } of { $target } aligned person-weeks)
play-you-hover = You: { $hours } hours this week, { $forest }% on the forest

## Windows over the play screen

play-why-title = Why did { $metric } move?
play-charts-title = Your team, week by week
play-charts-none = No week has ended yet: each line starts when you end week 1.
play-people-title = Your team, person by person
play-keys-title = Keys

## Pause menu

play-paused = Paused
play-paused-saved = Your run is saved after every week.
play-resume = Resume
play-save-copy = Save a copy
play-restart-confirm = Start this level again? The new run replaces this one's autosave: "Save a copy" first keeps it.
play-restart-yes = Yes, restart
play-restart-no = No
play-restart = Restart this level
play-back-title = Back to the title
play-announce-heading = An event your facilitator announced
play-announce-hint = Pick the code on the projector: it happens next week, in every team's game alike.
