//! A simple adaptive plan: the player who reads the warnings. It starts at a share and
//! each week moves toward the trees when delivery is at risk and toward the forest when
//! the team loses the goals or its people. "The sweet spot fits the role and the moment":
//! the balance report and `tests/balance.rs` compare it with the best constant share.

use super::run::parallel_map;
use super::{Activity, Decision, Decisions, Family, Level, Plan, Sim};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The knobs of the adaptive plan; a level's best set is found by [`tune`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Adaptive {
    /// Vision share of a week with no warning.
    pub base: f64,
    /// How far a warning moves the share.
    pub step: f64,
    /// Share of a family's hours moved onto the activities a warning names.
    pub lean: f64,
}

/// What the adaptive player reads before a week: the same facts the game's warnings and
/// metrics show.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Reading {
    /// Work on the plate for the next two weeks (late work included) against what the
    /// team produced last week in two weeks: above 1 is a crunch, below 1 a quiet spell.
    pub load: f64,
    /// Quality has slipped.
    pub quality_slipping: bool,
    /// Alignment is low or fell last week.
    pub losing_the_goals: bool,
    /// Trust is low, or someone's stress or morale says they may leave.
    pub people_at_risk: bool,
}

/// Reads the run as it stands before the coming week.
pub fn read(sim: &Sim) -> Reading {
    let week = sim.next_week();
    let due_soon: f64 = sim
        .state
        .items
        .iter()
        .filter(|i| i.finished.is_none() && i.arrives <= week + 1 && i.due <= week + 1)
        .map(|i| i.remaining())
        .sum();
    let history = &sim.state.history;
    let org = &sim.state.org;
    // Before any week is played, the team's capacity is its headcount times its skill.
    let output = history
        .last()
        .map_or_else(
            || org.mean(|p| p.skill) * org.headcount() as f64 * 0.8,
            |r| r.metrics.output,
        )
        .max(0.1);
    let quality_slipping = history.last().is_some_and(|r| r.metrics.quality < 0.85);
    let alignment_now = history.last().map(|r| r.metrics.alignment);
    let alignment_before = history.iter().rev().nth(1).map(|r| r.metrics.alignment);
    let losing_the_goals = match (alignment_now, alignment_before) {
        (Some(now), _) if now < 0.6 => true,
        (Some(now), Some(before)) => now < before - 0.005,
        _ => org.mean(|p| p.alignment) < 0.6,
    };
    let people_at_risk =
        org.mean(|p| p.trust) < 0.5 || org.present().any(|p| p.stress > 0.65 || p.morale < 0.4);
    Reading {
        load: due_soon / (2.0 * output),
        quality_slipping,
        losing_the_goals,
        people_at_risk,
    }
}

impl Adaptive {
    /// The coming week's plan: the share moved by the warnings, and within each family
    /// hours leaning toward the activities the warnings name.
    pub fn plan(&self, r: Reading, budget: f64) -> Plan {
        // Toward the trees in a crunch, toward the forest in a quiet spell.
        let mut share = self.base + self.step * (1.0 - r.load).clamp(-1.0, 1.0);
        // People before pace: a team that is losing trust or the goals gets the forest.
        if r.people_at_risk || r.losing_the_goals {
            share += 0.5 * self.step;
        }
        let crunch = r.load > 1.0;
        let mut plan = Plan::from_share(share.clamp(0.05, 0.95), budget);
        let mut lean_on = Vec::new();
        if crunch {
            lean_on.extend([Activity::PlanWork, Activity::FollowUp]);
        }
        if r.quality_slipping {
            lean_on.push(Activity::ReviewQuality);
        }
        if r.losing_the_goals {
            lean_on.extend([Activity::ShareVision, Activity::SetPriorities]);
        }
        if r.people_at_risk {
            lean_on.push(Activity::BuildTrust);
        }
        for family in [Family::Vision, Family::Execution] {
            let named: Vec<Activity> = lean_on
                .iter()
                .copied()
                .filter(|a| a.family() == family)
                .collect();
            if named.is_empty() {
                continue;
            }
            let total = plan.family_hours(family);
            let moved = total * self.lean;
            for a in Activity::ALL.into_iter().filter(|a| a.family() == family) {
                plan.set(a, plan.get(a) * (1.0 - self.lean));
            }
            for a in &named {
                plan.set(*a, plan.get(*a) + moved / named.len() as f64);
            }
        }
        // Hours to the hundredth, rounded down: readable in a decisions file, within budget.
        plan.hours
            .iter_mut()
            .for_each(|h| *h = (*h * 100.0).floor() / 100.0);
        plan
    }

    /// Plays the level, recording each week's decision (dilemmas take their default).
    pub fn play(&self, level: &Arc<Level>, seed: u64) -> (Sim, Decisions) {
        let mut sim = Sim::new(level.clone(), seed);
        let mut weeks = Vec::new();
        while !sim.is_finished() {
            let decision = Decision {
                plan: self.plan(read(&sim), sim.budget()).fitted(sim.budget()),
                ..Decision::default()
            };
            sim.step(&decision)
                .expect("a plan fitted to the budget always plays");
            weeks.push(decision);
        }
        let decisions = Decisions {
            level: Some(level.id.clone()),
            seed: Some(seed),
            policy: Some(*self),
            weeks,
        };
        (sim, decisions)
    }
}

/// Mean outcome of a policy over seeds 1..=`seeds`.
pub fn mean_outcome(level: &Arc<Level>, seeds: u32, policy: Adaptive) -> f64 {
    let seeds: Vec<u64> = (1..=seeds as u64).collect();
    let outcomes = parallel_map(&seeds, |&s| policy.play(level, s).0.final_result().outcome);
    outcomes.iter().sum::<f64>() / outcomes.len().max(1) as f64
}

/// The adaptive plan with the best mean outcome over seeds 1..=`seeds`, from a small grid
/// of starts and steps; ties keep the first found, so the result is deterministic.
pub fn tune(level: &Arc<Level>, seeds: u32) -> (Adaptive, f64) {
    let mut grid = Vec::new();
    for b in 2..=18 {
        for step in [0.0, 0.1, 0.2, 0.3, 0.4, 0.5] {
            for lean in [0.0, 0.25, 0.5] {
                grid.push(Adaptive {
                    base: b as f64 / 20.0,
                    step,
                    lean,
                });
            }
        }
    }
    let mut best = (grid[0], f64::MIN);
    for p in grid {
        let m = mean_outcome(level, seeds, p);
        if m > best.1 + 1e-9 {
            best = (p, m);
        }
    }
    best
}
