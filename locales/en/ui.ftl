# Panels shared by the play screen and others: plan, team, metrics, causes, charts, log,
# dilemmas, tutorial cards.

## Metrics (hud.rs): names as the HUD shows them, and short names for legends and lists.

metric-morale = Morale
metric-trust = Trust
metric-alignment = Alignment
metric-on-time = On time
metric-quality = Quality
metric-delivery = Delivery
metric-goals = Goal progress
metric-stress = Stress
metric-confidence = Confidence above
metric-short-morale = morale
metric-short-trust = trust
metric-short-alignment = alignment
metric-short-on-time = on time
metric-short-quality = quality
metric-short-delivery = delivery
metric-short-goals = goals
metric-short-stress = stress
metric-short-confidence = confidence above

## The metrics HUD (hud.rs)

hud-your-team = Your team
hud-why = why?
# $metric: a metric's name in lower case.
hud-why-hover = What moved { $metric } this week and before
hud-team-size = { $people } people · { $left } left · retention { $retention }

## Why a metric moved (causes.rs). $metric: the metric's name in lower case; $points: a
## signed number such as +1.5.

causes-nothing-yet = Nothing has happened yet: end the first week to see what moves your team.
causes-this-week = Week { $week }: { $metric } moved { $points } points
causes-over-run = Over { $weeks ->
        [one] { $weeks } week
       *[other] { $weeks } weeks
    }: { $metric } moved { $points } points. What happened, in points (the weekly settling and capacity arithmetic left out):

## Charts (charts.rs)

chart-week = week

## A decision card (dilemma.rs)

dilemma-kicker = A decision
dilemma-likely = Likely: { $hint }
dilemma-the-default-note = the default: the others' likely changes are against this one
dilemma-the-default = the default
dilemma-against = this week, against "{ $choice }":
dilemma-hidden = Hard: what each choice does stays hidden until the week is played.
# $n: how many choices the card offers (2 or 3).
dilemma-keys = { $n ->
        [2] Press 1 or 2 to choose.
       *[other] Press 1 or 2 or 3 to choose.
    }

## The event log and warnings (log.rs)

log-title = Log
log-filter-all = All
log-filter-events = Events
log-filter-choices = Choices
log-filter-people = People
log-nothing-yet = Nothing yet.
log-no-warnings = No warnings.
log-line = Week { $week } · { $kind }: { $text }
log-kind-event = event
log-kind-choice = choice
log-kind-kick-off = kick-off
log-kind-scope = scope
log-kind-left = left
log-kind-joined = joined
log-scope = { $weeks } person-weeks of requests from above agreed away
log-left = { $name } left the team
log-joined = { $name } joined
log-kick-off = "{ $title }" { $planned }% broken down in { $hours } h of planning: { $lost } person-weeks of false starts
log-warn-quality = Quality will keep slipping while review time stays at zero
log-warn-alignment = The team is losing sight of the goals: alignment is low
log-risk-morale = { $name }'s morale is low ({ $value }%): a { $chance }% chance a week that they leave
log-risk-stress = { $name }'s stress is high ({ $value }%): a { $chance }% chance a week that they leave
log-risk-fatigue = { $name } is worn out from overtime: fatigue ({ $value }%): a { $chance }% chance a week that they leave
log-risk-more = …and { $n } more people at risk of leaving
log-late-one = "{ $title }" is already late
log-late-many = { $n } work items are already late, e.g. "{ $title }"
# $late: log-late-one or log-late-many; $plan, $priorities: the activities' names.
log-late-pressed = { $late }: late work adds to stress until you re-plan it ({ $plan }, with { $priorities } saying what waits)
log-arrives = "{ $title }" arrives in week { $arrives }, due in week { $due }: { $effort } person-weeks
log-due = "{ $title }" is due in week { $due } with { $effort } person-weeks to go
log-break-one = Break "{ $title }" down this week: about { $hours } h of planning, priorities and assigning, or up to { $share }% more work goes to false starts
log-break-many = Break "{ $title }" and { $more } more down this week: about { $hours } h of planning, priorities and assigning, or up to { $share }% more work goes to false starts

## The week's plan (plan.rs)

plan-title = This week's attention
plan-all-trees = All trees
plan-even = Even
plan-all-forest = All forest
plan-share-hover = { $percent }% of the hours on vision, spread evenly
plan-hours = { $used } of { $budget } h planned · { $left } h left
plan-idle = { $hours } h not planned: they do nothing this week
# $why: what took (or gave) the hours, from the level or the simulation.
plan-lost = −{ $hours } h { $why }
plan-gained = +{ $hours } h { $why }
plan-this-week = This week: { $changes }
plan-forest = The forest: vision
plan-trees = The trees: execution
plan-family = { $family } · { $hours } h
plan-slider-hover = { $effect } — at most { $room } h now
plan-likely = Likely this week, in points
plan-balance = forest { $forest }%  ·  trees { $trees }%

## Shared widgets (style.rs)

style-stars = { $earned } of 3 stars

## The team (team.rs)

team-mood-good = doing well
team-mood-uneasy = uneasy
team-mood-low = at risk
team-person-head = { $name } — { $mood }
team-person-skills = skill { $skill }% · morale { $morale }% · trust { $trust }%
team-person-strain = alignment { $alignment }% · stress { $stress }% · autonomy { $autonomy }%
team-person-strain-fatigue = alignment { $alignment }% · stress { $stress }% · autonomy { $autonomy }% · fatigue { $fatigue }%
# $pushes: the largest pushes on morale, such as "+1.2 Recognition, -0.5 Overtime".
team-person-why = morale last week: { $pushes }
team-col-person = Person
team-col-reports-to = Reports to
team-col-mood = Mood
team-col-morale = Morale
team-col-trust = Trust
team-col-stress = Stress
team-empty-seat = an empty seat
team-you = you
team-hire-in = hire in week { $week }
team-hire-arriving = hire arriving
team-vacant = vacant
team-work = Work
team-late-since = late since week { $week }
team-due = due week { $week }
team-arrives = arrives week { $arrives }, due week { $due }
team-work-item = { $title } · { $when } · { $done }% done
team-group-tooltip = { $count } people — { $mood } · { $at_risk } at risk of leaving · aligned { $aligned }%
    Click to open the team
team-vision-reach = How far the vision has reached: alignment
team-layer-floor = the floor
team-layer-direct = your direct reports
team-layer = layer { $depth }
team-layer-hover = Mean alignment of this layer with the goals
team-coming = Coming up
team-nothing-due = Nothing more is due in this level.
team-coming-item = { $title } · { $when } · { $effort } person-weeks
team-coming-break = { $title } · { $when } · { $effort } person-weeks · break it down this week
team-coming-asked = { $title } · { $when } · { $effort } person-weeks · asked from above

## The guide card (tutorial.rs)

tutorial-title = Guide
tutorial-step = Step { $step } of { $of }
tutorial-try-forest = Try it (T): everything on the forest
tutorial-try-trees = Try it (T): everything on the trees
tutorial-try-share = Try it (T): { $percent }% on the forest
tutorial-got-it = Got it (G)

## The team drawn in the world (view/draw.rs): short captions under the tokens.

view-you = You
view-empty-seat = empty seat
view-hire-in = hire in week { $week }
view-at-risk = { $n } at risk
