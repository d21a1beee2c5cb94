//! The event deck: when events happen, and what effects do to the team.

use super::level::{Effect, Level, When};
use super::rules::{PeopleBooks, PeopleMetric};
use super::{AttentionChange, Item, State};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// An event a facilitator writes during a class ("the CEO visits"). Announced in a week, it
/// happens the next week in every game that records it, so result files still replay.
/// Effects are bounded by the same rules as a level's (`Effect`'s deserialisers).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomEvent {
    pub title: String,
    pub text: String,
    pub effects: Vec<Effect>,
}

/// Longest title and text of a custom event, and most effects: a projector card, not a level.
pub const CUSTOM_TITLE_MAX: usize = 80;
pub const CUSTOM_TEXT_MAX: usize = 400;
pub const CUSTOM_EFFECTS_MAX: usize = 6;

impl CustomEvent {
    /// Why this event cannot happen in `level`, if it cannot.
    pub fn problem(&self, level: &Level) -> Option<String> {
        let title = self.title.trim();
        if title.is_empty() {
            return Some("a custom event needs a title".into());
        }
        if title.chars().count() > CUSTOM_TITLE_MAX {
            return Some(format!(
                "a custom event's title has at most {CUSTOM_TITLE_MAX} characters"
            ));
        }
        if self.text.chars().count() > CUSTOM_TEXT_MAX {
            return Some(format!(
                "a custom event's text has at most {CUSTOM_TEXT_MAX} characters"
            ));
        }
        if self.effects.len() > CUSTOM_EFFECTS_MAX {
            return Some(format!(
                "a custom event has at most {CUSTOM_EFFECTS_MAX} effects"
            ));
        }
        self.effects.iter().find_map(|e| match e {
            Effect::Trigger(id) | Effect::Risk { event: id, .. }
                if !level.events.iter().any(|d| &d.id == id) =>
            {
                Some(format!(
                    "a custom event triggers \"{id}\", which is not in this level's deck"
                ))
            }
            _ => None,
        })
    }
}

/// Decides at the start which events of the deck happen and when. Two draws per event,
/// always, so one event's settings never shift another's draws.
pub fn draw_schedule(level: &Level, rng: &mut ChaCha8Rng) -> Vec<(u32, usize)> {
    let mut out = Vec::new();
    for (i, e) in level.events.iter().enumerate() {
        let pick: f64 = rng.random();
        let chance: f64 = rng.random();
        let week = match e.when {
            When::Week(w) => w,
            When::Between(a, b) => a + ((pick * (b - a + 1) as f64) as u32).min(b - a),
            When::Triggered => continue,
        };
        if chance < e.chance {
            out.push((week, i));
        }
    }
    out.sort();
    out
}

/// Fatigue a person gains per person-week of overtime they work.
const FATIGUE_PER_OVERTIME: f64 = 1.2;
/// Person-weeks of defects left behind per person-week saved by skipping checks.
const LATENT_PER_CORNER: f64 = 2.0;

/// Applies effects at the start of week `week`. Changes of the people's metrics are booked
/// under `label`;
/// the names of people an effect takes away are added to `left`, so the week's report
/// counts them with those who resign.
pub fn apply(
    state: &mut State,
    level: &Level,
    effects: &[Effect],
    label: &str,
    week: u32,
    people: &mut PeopleBooks,
    left: &mut Vec<String>,
) {
    let sev = level.difficulty.severity();
    for effect in effects {
        match effect {
            Effect::Morale(_)
            | Effect::Trust(_)
            | Effect::Alignment(_)
            | Effect::Stress(_)
            | Effect::Skill(_)
            | Effect::Autonomy(_) => nudge_people(state, effect, sev, label, people),
            Effect::ExtraWork { effort, due_in } => {
                state
                    .items
                    .push(extra_work(level, label, effort * sev, *due_in, week))
            }
            Effect::Overtime(_) | Effect::OwnWork(_) | Effect::CutCorners(_) => {
                extra_output(state, effect, sev)
            }
            Effect::Risk {
                chance,
                event,
                within,
            } => run_risk(state, level, chance * sev, event, *within, week),
            Effect::DeadlineMoves(n) => move_deadlines(state, level, *n, sev, week),
            Effect::KeyPersonLeaves => {
                let seat = key_person(state);
                if let Some(name) =
                    seat.and_then(|s| super::rules::vacate(state, s, week, level.hire_delay))
                {
                    left.push(name);
                }
            }
            // Attention changes start next week: this week's plan is already made.
            Effect::Attention { hours, weeks } => state.attention.push(AttentionChange {
                from: week + 1,
                to: week + weeks,
                hours: hours * sev,
                why: label.to_string(),
            }),
            Effect::Confidence(d) => {
                let d = d * sev;
                state.confidence = (state.confidence + d).clamp(0.0, 1.0);
                if d < 0.0 {
                    state.doubt -= d;
                }
            }
            Effect::Request(effort) => state.items.push(request(level, label, effort * sev, week)),
            Effect::Trigger(id) => {
                if let Some(i) = level.events.iter().position(|e| &e.id == id) {
                    state.schedule.push((week + 1, i));
                    state.schedule.sort();
                }
            }
        }
    }
}

/// An effect on everyone's morale, trust, alignment, stress, skill or autonomy; the first
/// four are booked under `label`.
fn nudge_people(
    state: &mut State,
    effect: &Effect,
    sev: f64,
    label: &str,
    people: &mut PeopleBooks,
) {
    match effect {
        Effect::Morale(d) => {
            let moved = nudge_all(state, |p| &mut p.morale, d * sev);
            people.add_event(PeopleMetric::Morale, label, moved);
        }
        Effect::Trust(d) => {
            let moved = nudge_all(state, |p| &mut p.trust, d * sev);
            people.add_event(PeopleMetric::Trust, label, moved);
            // A breach is remembered; goodwill is not banked the same way.
            if *d < 0.0 {
                nudge_all(state, |p| &mut p.grievance, -d * sev);
            }
        }
        Effect::Alignment(d) => {
            let moved = nudge_all(state, |p| &mut p.alignment, d * sev);
            people.add_event(PeopleMetric::Alignment, label, moved);
        }
        Effect::Stress(d) => {
            let moved = nudge_all(state, |p| &mut p.stress, d * sev);
            people.add_event(PeopleMetric::Stress, label, moved);
            // Rest (a day off, a lighter week) lets tiredness go as well as stress.
            if *d < 0.0 {
                nudge_all(state, |p| &mut p.fatigue, d * sev);
            }
        }
        Effect::Skill(d) => {
            nudge_all(state, |p| &mut p.skill, d * sev);
        }
        Effect::Autonomy(d) => {
            nudge_all(state, |p| &mut p.autonomy, d * sev);
        }
        _ => unreachable!("not an effect on the people: {effect:?}"),
    }
}

/// Unplanned work of `effort` person-weeks, due `due_in` weeks from `week` (0: an
/// incident, this week).
fn extra_work(level: &Level, label: &str, effort: f64, due_in: u32, week: u32) -> Item {
    let due = (week + due_in).min(level.weeks);
    Item {
        title: label.trim_start_matches("Event: ").to_string(),
        goal: 0,
        effort,
        done: 0.0,
        due,
        arrives: week,
        finished: None,
        urgent: due_in == 0,
        request: false,
        // The player hears of it with the week's report and can break it down
        // next week, if it is not due by then.
        kickoff: Some(week + 1).filter(|k| *k < due),
        false_starts: 0.0,
    }
}

/// A request from above of `effort` person-weeks, landing in `week`.
fn request(level: &Level, label: &str, effort: f64, week: u32) -> Item {
    Item {
        title: label.trim_start_matches("Event: ").to_string(),
        goal: 0,
        effort,
        done: 0.0,
        due: (week + 2).min(level.weeks),
        // The teams take it up next week, once the player has heard of it and
        // could agree its scope.
        arrives: (week + 1).min(level.weeks),
        finished: None,
        urgent: false,
        request: true,
        // Its scope is agreed, not planned: see `Item::negotiable`.
        kickoff: None,
        false_starts: 0.0,
    }
}

/// Output promised for this week beyond the team's hours (overtime, the player's own
/// nights, skipped checks), and what each costs later.
fn extra_output(state: &mut State, effect: &Effect, sev: f64) {
    match effect {
        Effect::Overtime(effort) => {
            state.overtime += effort * sev;
            // Each person carries their share of the extra hours as fatigue.
            let per_head = effort * sev / state.org.capacity_heads().max(0.25);
            nudge_all(state, |p| &mut p.fatigue, FATIGUE_PER_OVERTIME * per_head);
        }
        Effect::OwnWork(effort) => {
            state.overtime += effort * sev;
            state.handover += super::rules::HANDOVER_DEBT * effort * sev;
        }
        Effect::CutCorners(effort) => {
            state.overtime += effort * sev;
            state.hidden_defects += LATENT_PER_CORNER * effort * sev;
        }
        _ => unreachable!("not an effect on this week's output: {effect:?}"),
    }
}

/// Runs a risk of `chance` (already scaled by the severity) that `event` happens in one
/// of the `within` weeks after `week`.
fn run_risk(state: &mut State, level: &Level, chance: f64, event: &str, within: u32, week: u32) {
    // Two draws, always, from the risk stream: whether and when.
    let hit: f64 = state.risk_rng.random();
    let when: f64 = state.risk_rng.random();
    if hit < chance.min(1.0)
        && let Some(i) = level.events.iter().position(|e| e.id == event)
    {
        let w = week + 1 + ((when * within as f64) as u32).min(within - 1);
        state.schedule.push((w, i));
        state.schedule.sort();
    }
}

/// Moves every open item's due week by `n` weeks (scaled by the severity).
fn move_deadlines(state: &mut State, level: &Level, n: i32, sev: f64, week: u32) {
    let n = (n as f64 * sev).round() as i64;
    for item in state
        .items
        .iter_mut()
        .filter(|i| i.finished.is_none() && i.due >= week)
    {
        // Never due before it reaches the team: a date cannot come before the work.
        let earliest = week.max(item.arrives) as i64;
        item.due = (item.due as i64 + n).clamp(earliest, level.weeks as i64) as u32;
    }
}

/// Moves a quantity of everyone present, clamped to 0..1; returns the summed change.
fn nudge_all(
    state: &mut State,
    field: impl Fn(&mut super::org::Person) -> &mut f64,
    d: f64,
) -> f64 {
    let mut moved = 0.0;
    for p in state.org.seats.iter_mut().filter_map(|s| s.person.as_mut()) {
        let v = field(p);
        let new = (*v + d).clamp(0.0, 1.0);
        moved += new - *v;
        *v = new;
    }
    moved
}

/// The marked key person if present, else the most skilled person (first on ties).
fn key_person(state: &State) -> Option<usize> {
    let seats = &state.org.seats;
    seats
        .iter()
        .position(|s| s.person.as_ref().is_some_and(|p| p.key))
        .or_else(|| {
            let mut best: Option<(usize, f64)> = None;
            for (i, s) in seats.iter().enumerate() {
                if let Some(p) = &s.person
                    && best.is_none_or(|(_, k)| p.skill > k)
                {
                    best = Some((i, p.skill));
                }
            }
            best.map(|(i, _)| i)
        })
}
