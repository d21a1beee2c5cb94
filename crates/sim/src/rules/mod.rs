//! The weekly rules of the model. Each lever traces to the seed text; none of them
//! reads the vision share, so the best balance comes out of the rules, not into them.
//!
//! In one week: the deck's events and the week's dilemma choices land; the plan's hours
//! become signals with diminishing returns; vision flows down the layers (decaying
//! through each manager), structure comes from the player for direct reports and from
//! their own lead further down; the team produces, defects are made and caught; then
//! each person's morale, trust, alignment, stress, autonomy and skill drift toward
//! targets made of named causes, and some people leave.
//!
//! `week` plays those phases in order; each phase has a module of its own.

mod books;
mod confidence;
mod deck;
mod delivery;
mod flow;
mod kickoff;
mod people;
mod quality;
mod signals;
mod week;
mod work;

#[cfg(test)]
mod testing;

pub use books::{PeopleBooks, PeopleMetric};
pub use confidence::{scrutiny_hours, starting_confidence};
pub use kickoff::{false_start_share, kick_off_hours};
pub use people::{MORALE_LABELS, MORALE_TERM_COUNT, PRESSURE_CAUSE, vacate};
pub use week::play_week;
pub use work::{HANDOVER_DEBT, LEAD_CAPACITY};

use super::level::{Level, Work};
use super::report::Metrics;
use super::{Item, Sim};

/// How much of the usual time an expert's planning and reviewing take: a player who knows
/// the work breaks it down and checks it faster (0.6 is the level default, an ordinary
/// supervisor's craft), which leaves the promoted expert more of the week for the forest.
fn knows_the_work(craft: f64) -> f64 {
    (1.0 - CRAFT_SPEEDS_UP * (craft - 0.6)).clamp(0.6, 1.3)
}
const CRAFT_SPEEDS_UP: f64 = 0.8;

fn sat(hours: f64, k: f64) -> f64 {
    1.0 - libm::exp(-hours.max(0.0) / k)
}

/// Work items of the level at the start.
pub fn initial_items(level: &Level) -> Vec<Item> {
    let goal_of = |id: &str| level.goals.iter().position(|g| g.id == id).unwrap_or(0);
    let mut items = Vec::new();
    for w in &level.work {
        match w {
            Work::Item {
                title,
                goal,
                effort,
                due,
                from,
            } => items.push(Item {
                title: title.clone(),
                goal: goal_of(goal),
                effort: *effort,
                done: 0.0,
                due: *due,
                arrives: from.unwrap_or(1),
                finished: None,
                urgent: false,
                request: false,
                // Work on the plate from the start is broken down in the first week.
                kickoff: Some(from.unwrap_or(1).max(1)).filter(|k| k < due),
                false_starts: 0.0,
            }),
            Work::Stream {
                title,
                goal,
                effort,
                from,
                to,
            } => {
                for week in *from..=*to {
                    items.push(Item {
                        title: format!("{title} (week {week})"),
                        goal: goal_of(goal),
                        effort: *effort,
                        done: 0.0,
                        due: week,
                        // Next week's tickets cannot be answered today.
                        arrives: week,
                        finished: None,
                        urgent: false,
                        request: false,
                        // Routine: the same tickets every week need no breaking down.
                        kickoff: None,
                        false_starts: 0.0,
                    });
                }
            }
        }
    }
    // Work is done in due order; the sort is stable so equal dates keep file order.
    items.sort_by_key(|i| i.due);
    items
}

/// Work due in an average week of the level, in person-weeks (at least a little, so a
/// level of streams only or of one item still has a scale).
fn typical_demand(level: &Level) -> f64 {
    (level.total_effort() / level.weeks.max(1) as f64).max(0.1)
}

/// Progress on the level's goals, each capped at its target, and the targets' sum.
fn goals_done(level: &Level, progress: &[f64]) -> (f64, f64) {
    let done = level
        .goals
        .iter()
        .zip(progress)
        .map(|(g, p)| p.min(g.target))
        .sum();
    (done, level.goals.iter().map(|g| g.target).sum())
}

/// Team-level readings of the current state.
pub fn measure(sim: &Sim, output: f64, demand: f64) -> Metrics {
    let st = &sim.state;
    let org = &st.org;
    let (goal_done, goal_target) = goals_done(&sim.level, &st.goal_progress);
    let due_so_far: f64 = st
        .items
        .iter()
        .filter(|i| i.due <= st.week)
        .map(|i| i.effort)
        .sum();
    Metrics {
        morale: org.mean(|p| p.morale),
        trust: org.mean(|p| p.trust),
        alignment: org.mean(|p| p.alignment),
        stress: org.mean(|p| p.stress),
        autonomy: org.mean(|p| p.autonomy),
        skill: org.mean(|p| p.skill),
        on_time: st.on_time,
        quality: st.quality,
        delivery: 0.5 * (st.on_time + st.quality),
        goal_progress: if goal_target > 0.0 {
            goal_done / goal_target
        } else {
            0.0
        },
        retention: if st.initial_headcount > 0 {
            (1.0 - st.leavers as f64 / st.initial_headcount as f64).max(0.0)
        } else {
            1.0
        },
        throughput: if due_so_far > 0.0 {
            (st.produced / due_so_far).min(1.0)
        } else {
            1.0
        },
        headcount: org.headcount(),
        output,
        demand,
        confidence: st.confidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_hours_help_less_and_less() {
        let gains: Vec<f64> = (0..4)
            .map(|i| sat(4.0 * (i + 1) as f64, 4.0) - sat(4.0 * i as f64, 4.0))
            .collect();
        assert!(gains.windows(2).all(|w| w[1] < w[0]), "{gains:?}");
        assert_eq!(sat(0.0, 4.0), 0.0);
    }
}
