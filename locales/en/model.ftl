# The model's words: names of causes, activities, roles and difficulties, and the
# sandbox's level. The model and the files it writes keep the English; the game shows
# each text through `i18n::text`, which finds it here by its id: `model-` and its words
# in lower case joined by hyphens. In English each value is exactly the model's text.

## Causes of the dates and of quality

# Shown after "On time: " and "Quality: " with their first letter in lower case.
model-settling-toward-recent-weeks = Settling toward recent weeks
model-capacity-against-this-week-s-work = Capacity against this week's work
model-false-starts-deliverables-nobody-broke-down-when-they-landed = False starts: deliverables nobody broke down when they landed
model-requests-from-above-you-negotiated-away = Requests from above you negotiated away
model-late-work-from-earlier-weeks = Late work from earlier weeks
model-empty-seats = Empty seats
model-low-morale = Low morale
model-exhaustion = Exhaustion
model-fatigue-from-overtime = Fatigue from overtime
model-unclear-tasks-too-little-planning-and-assigning = Unclear tasks: too little planning and assigning
model-blocked-between-teams = Blocked between teams
model-waiting-for-your-decisions = Waiting for your decisions
model-rework-of-defects = Rework of defects
model-learning-what-you-built-alone = Learning what you built alone
model-your-own-work = Your own work
model-extra-hours-and-skipped-checks = Extra hours and skipped checks
model-effort-on-the-wrong-items-work-not-yet-due = Effort on the wrong items: work not yet due
model-spare-effort-went-to-later-work = Spare effort went to later work
model-everyday-defects = Everyday defects
model-details-neglected-unclear-tasks = Details neglected: unclear tasks
model-tired-people-make-mistakes = Tired people make mistakes
model-skill = Skill
model-processes = Processes
model-reviews-caught-defects = Reviews caught defects
model-defects-from-skipped-checks-surfaced = Defects from skipped checks surfaced
model-none-left-to-spoil-all-of-the-week-s-work-was-faulty = None left to spoil: all of the week's work was faulty

## Causes of morale, trust, alignment and stress

model-settling-toward-neutral = Settling toward neutral
model-meaning-work-tied-to-the-vision = Meaning: work tied to the vision
model-culture-and-values = Culture and values
model-trust-in-leadership = Trust in leadership
model-clear-tasks = Clear tasks
model-growth-and-development = Growth and development
model-micromanagement = Micromanagement
model-stress = Stress
model-fatigue-overtime-not-yet-recovered = Fatigue: overtime not yet recovered
model-boss-takes-over-the-work = Boss takes over the work
model-one-to-ones = One-to-ones
model-the-vision-they-hear = The vision they hear
model-clear-directions = Clear directions
model-say-do-gap-vision-told-while-delivery-slips = Say-do gap: vision told while delivery slips
model-remembered-breaches = Remembered breaches
model-decisions-left-waiting-on-you = Decisions left waiting on you
model-fading-where-no-vision-reaches = Fading where no vision reaches
model-settling-toward-calm = Settling toward calm
model-work-due-against-what-the-team-can-make = Work due against what the team can make
model-late-work-re-planned-what-waits-is-agreed = Late work re-planned: what waits is agreed
model-unclear-tasks = Unclear tasks
model-work-blocked-between-teams = Work blocked between teams
model-people-leaving-and-joining = People leaving and joining

## Causes of the confidence above and of the goals

model-events-and-choices-this-week = Events and choices this week
model-dates-they-see-kept = Dates they see kept
model-goals-on-pace = Goals on pace
model-doubts-they-remember = Doubts they remember
model-settling = Settling
model-work-done-on-the-goals = Work done on the goals
model-work-not-aligned-with-the-goals = Work not aligned with the goals
model-faulty-work-moves-no-goal = Faulty work moves no goal
model-false-starts-move-no-goal = False starts move no goal
model-past-a-goal-already-reached = Past a goal already reached

## Hours taken from the week

# The difficulty's share of the week.
model-difficulty = Difficulty

## Activities: names, and what each does (shown after the name, in lower case)

model-share-the-vision = Share the vision
model-set-priorities = Set priorities
model-shape-culture-and-values = Shape culture and values
model-build-trust-one-to-ones = Build trust (one-to-ones)
model-develop-people = Develop people
model-resolve-cross-team-complexity = Resolve cross-team complexity
model-plan-and-break-down-work = Plan and break down work
model-assign-and-delegate = Assign and delegate
model-follow-up-hold-to-account = Follow up, hold to account
model-review-details-and-quality = Review details and quality
model-fix-processes = Fix processes
model-do-the-work-yourself = Do the work yourself
model-raises-alignment-reaches-deeper-layers-through-your-managers = raises alignment; reaches deeper layers through your managers
model-points-effort-at-the-goals-says-what-waits-of-late-work-and-of-requests-from-above = points effort at the goals; says what waits, of late work and of requests from above
model-lifts-morale-and-trust-across-the-organisation = lifts morale and trust across the organisation
model-raises-your-direct-reports-trust-so-your-message-lands = raises your direct reports' trust, so your message lands
model-grows-skill-and-autonomy-over-the-weeks = grows skill and autonomy over the weeks
model-unblocks-work-stuck-between-teams-most-around-milestones-lowers-stress = unblocks work stuck between teams, most around milestones; lowers stress
model-gives-tasks-clarity-so-less-effort-is-wasted-takes-the-decisions-only-you-can-make-re-plans-late-work = gives tasks clarity, so less effort is wasted; takes the decisions only you can make; re-plans late work
model-gives-tasks-clarity-and-owners-grows-ownership-in-those-skilled-enough = gives tasks clarity and owners; grows ownership in those skilled enough
model-keeps-dates-and-takes-pending-decisions-too-much-feels-like-micromanagement = keeps dates and takes pending decisions; too much feels like micromanagement
model-catches-defects-before-they-escape-too-much-is-control = catches defects before they escape; too much is control
model-lowers-the-defect-rate-for-good-slowly = lowers the defect rate for good, slowly
model-puts-out-an-incident-fastest-as-a-habit-it-costs-the-team-its-ownership = puts out an incident fastest; as a habit it costs the team its ownership

## Roles, and who the player answers to (inside sentences, in lower case)

model-frontline-supervisor = Frontline supervisor
model-promoted-expert = Promoted expert
model-middle-manager = Middle manager
model-executive = Executive
model-your-manager = your manager
model-your-director = your director
model-the-board = the board

## Difficulties, and what the player is told of each (after the name and a colon)

model-easy = Easy
model-normal = Normal
model-hard = Hard
model-10-more-hours-steadier-weeks-milder-events-each-plan-and-each-choice-shows-its-likely-effect-before-you-commit = 10% more hours, steadier weeks, milder events; each plan and each choice shows its likely effect before you commit
model-the-level-as-written-choices-show-a-hint-the-plan-a-preview-of-the-week = the level as written: choices show a hint, the plan a preview of the week
model-10-fewer-hours-noisier-weeks-harsher-events-effects-stay-hidden-until-the-week-is-played = 10% fewer hours, noisier weeks, harsher events; effects stay hidden until the week is played

## The sandbox's level (crates/sim/src/sandbox.rs): it has no level file to translate beside

model-a-team-with-no-story-steady-weekly-work-and-a-project-in-three-milestones-with-the-events-and-dilemmas-any-team-meets-try-a-balance-then-another = A team with no story: steady weekly work and a project in three milestones, with the events and dilemmas any team meets. Try a balance, then another.
model-find-the-balance-that-fits-this-role-then-see-how-it-moves-when-the-project-lands = Find the balance that fits this role, then see how it moves when the project lands.
model-the-everyday-work-gets-done = The everyday work gets done
model-the-project-ships = The project ships
model-everyday-work = Everyday work
model-a-system-outage = A system outage
model-work-piles-up-for-a-day = Work piles up for a day.
model-a-customer-says-thank-you = A customer says thank you
model-the-team-reads-it-aloud = The team reads it aloud.
model-a-request-from-above = A request from above
model-a-report-nobody-planned-for = A report nobody planned for.
model-the-scope-grows = The scope grows
model-the-project-gains-a-feature = The project gains a feature.
model-rumours-of-change = Rumours of change
model-people-wonder-what-is-coming = People wonder what is coming.
model-illness-goes-round = Illness goes round
model-some-people-are-off-for-days = Some people are off for days.
model-the-strategy-shifts = The strategy shifts
model-the-goals-are-reworded-from-above = The goals are reworded from above.
model-a-key-person-resigns = A key person resigns
model-a-rival-made-an-offer = A rival made an offer.
model-behind-on-the-milestone = Behind on the milestone
model-the-milestone-is-slipping-the-team-could-work-the-weekend = The milestone is slipping. The team could work the weekend.
model-ask-for-a-weekend = Ask for a weekend
model-the-work-moves-stress-rises = the work moves; stress rises
model-protect-the-weekend = Protect the weekend
model-nothing-extra-the-team-notices = nothing extra; the team notices
model-a-shortcut = A shortcut
model-skipping-the-checks-would-save-days = Skipping the checks would save days.
model-take-it = Take it
model-time-saved-now-defects-nobody-checked-surface-in-the-weeks-after = time saved now; defects nobody checked surface in the weeks after
model-keep-the-checks = Keep the checks
model-no-time-saved-values-hold = no time saved; values hold
model-who-presents-the-results = Who presents the results?
model-your-director-wants-a-demo = Your director wants a demo.
model-present-it-yourself = Present it yourself
model-visibility-for-you = visibility for you
model-let-the-team-present = Let the team present
model-they-grow-an-hour-of-your-coaching = they grow; an hour of your coaching

## Texts the model builds from other texts. Each argument is itself shown through `i18n::text`.

# $title: an event's title, from the level or a facilitator.
model-pattern-event = Event: { $title }
# $label: a dilemma choice's label, from the level.
model-pattern-choice = Choice: { $label }
# $cause: a cause of the dates above, its first letter in lower case.
model-pattern-on-time = On time: { $cause }
# $cause: a cause of quality above, its first letter in lower case.
model-pattern-quality = Quality: { $cause }
# $cause: a cause of morale, as it is shown alone.
model-pattern-morale = Morale: { $cause }
# $cause: a cause of the dates or quality, as it is shown alone.
model-pattern-delivery = Delivery: { $cause }
# One week's share of a stream of work. $title: the stream's title; $week: a number.
model-pattern-week = { $title } (week { $week })
# Hours taken when the confidence above runs low. $above: who the player answers to, as above.
model-pattern-status-reports = Status reports for { $above }
# The sandbox level's title. $role: a role, as above.
model-pattern-sandbox = Sandbox: { $role }
# A deliverable of the sandbox level. $n: 1, 2 or 3.
model-pattern-milestone = Project milestone { $n }
# The final metrics in one line. Each argument a whole number, $retention a percentage with its sign (99.5%).
model-pattern-summary = on time { $on_time }% · quality { $quality }% · goals { $goals }% · morale { $morale }% · trust { $trust }% · alignment { $alignment }% · retention { $retention }
