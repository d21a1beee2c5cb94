//! Levels and runs the rules' tests share.

use super::flow::{Flow, flow_down};
use super::signals::{Hours, read_hours};
use crate::activity::Plan;
use crate::level::Level;
use crate::report::{Cause, WeekReport};
use crate::{Decision, Sim};
use std::sync::Arc;

/// A manager with two reports, under the player, and one direct individual contributor.
pub fn small_level(extra: &str) -> Arc<Level> {
    small_level_making(extra, 1.5)
}

/// The same team with `effort` person-weeks of its stream due every week.
pub fn small_level_making(extra: &str, effort: f64) -> Arc<Level> {
    let src = format!(
        r#"(id: "unit", title: "Unit", briefing: "", role: MiddleManager, weeks: 8, budget: 40.0, {extra}
        team: People([
            (name: "Lead", skill: 0.7, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.6, reports: [
                (name: "A", skill: 0.6, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3),
                (name: "B", skill: 0.6, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3),
            ]),
            (name: "C", skill: 0.6, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3),
        ]),
        goals: [(id: "g", title: "G", target: 10.0)],
        work: [Stream(title: "w", goal: "g", effort: {effort}, from: 1, to: 8)])"#
    );
    Arc::new(Level::parse(&src, "unit.ron").expect("unit level parses"))
}

pub fn play(level: &Arc<Level>, plan: Plan, weeks: u32) -> Sim {
    let mut sim = Sim::new(level.clone(), 5);
    for _ in 0..weeks {
        sim.step(&Decision {
            plan,
            ..Decision::default()
        })
        .expect("plan fits");
    }
    sim
}

/// Plays the plans in turn, one a week.
pub fn play_weeks(level: &Arc<Level>, plans: &[Plan]) -> Sim {
    let mut sim = Sim::new(level.clone(), 5);
    for plan in plans {
        sim.step(&Decision {
            plan: *plan,
            ..Decision::default()
        })
        .expect("plan fits");
    }
    sim
}

/// The small level with one event in week 2 (or none), played at an even split.
pub fn with_event(effects: &str, seed: u64) -> Sim {
    with_event_in(effects, seed, 2)
}

/// The small level played at a share of 0.4, with `effects` landing in `week`.
pub fn with_event_in(effects: &str, seed: u64, week: u32) -> Sim {
    let extra = if effects.is_empty() {
        String::new()
    } else {
        format!(
            r#"events: [(id: "e", title: "E", text: "", when: Week({week}), effects: [{effects}]),
               (id: "later", title: "Later", text: "", when: Triggered, effects: [Morale(-0.1)])],"#
        )
    };
    let level = small_level(&extra);
    let mut sim = Sim::new(level, seed);
    while !sim.is_finished() {
        sim.step(&Decision {
            plan: Plan::from_share(0.4, 40.0),
            ..Decision::default()
        })
        .unwrap();
    }
    sim
}

pub fn outputs(sim: &Sim) -> Vec<f64> {
    sim.state.history.iter().map(|w| w.metrics.output).collect()
}

/// The week-by-week sum of one named cause over a run.
pub fn cause_over_run(sim: &Sim, causes: fn(&WeekReport) -> &Vec<Cause>, label: &str) -> f64 {
    sim.state
        .history
        .iter()
        .flat_map(|w| causes(w).iter())
        .filter(|c| c.label.starts_with(label))
        .map(|c| c.amount)
        .sum()
}

/// The sum of a list of causes.
pub fn total(causes: &[Cause]) -> f64 {
    causes.iter().map(|c| c.amount).sum()
}

/// Plays the coming week's phases up to the flow down the layers (no events land).
pub(super) fn through_flow(sim: &mut Sim, plan: &Plan) -> (u32, Hours, Vec<Flow>) {
    let week = sim.next_week();
    let level = sim.level.clone();
    let hours = read_hours(&mut sim.state, &level, plan, week);
    let flow = flow_down(&sim.state.org, &hours.sg, hours.knots);
    (week, hours, flow)
}
