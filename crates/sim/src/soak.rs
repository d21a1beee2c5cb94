//! Soak: many runs with random plans and random choices, each week checked for what must
//! always hold: every metric finite and within its range, causes that sum to the change,
//! and no run that fails to play. Used by `forest-and-trees soak` and by the tests.

use super::level::{Difficulty, Level, Role};
use super::run::parallel_map;
use super::sandbox::{SandboxSpec, level as sandbox_level};
use super::{Activity, Decision, Metrics, Plan, Sim, WeekReport};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// What a soak found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Soak {
    pub runs: u64,
    pub weeks: u64,
    /// Runs that broke something.
    pub failed: u64,
    /// The first problems found, each naming its level, seed and week.
    pub problems: Vec<String>,
}

/// A plan of random shares of the budget, weighted so that lopsided weeks are common.
fn random_plan(rng: &mut ChaCha8Rng, budget: f64) -> Plan {
    let weights: Vec<f64> = Activity::ALL
        .iter()
        .map(|_| rng.random::<f64>().powi(3))
        .collect();
    let sum = weights.iter().sum::<f64>().max(1e-9);
    let mut plan = Plan::default();
    for (a, w) in Activity::ALL.iter().zip(&weights) {
        plan.set(*a, (w / sum * budget * 100.0).floor() / 100.0);
    }
    plan
}

/// Plays `level` on `seed` with random plans and choices (drawn from `seed` too), and
/// returns what broke, if anything.
pub fn check_run(level: &Arc<Level>, seed: u64) -> Result<u64, String> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed_50a4);
    let mut sim = Sim::new(level.clone(), seed);
    let mut weeks = 0;
    while !sim.is_finished() {
        let plan = random_plan(&mut rng, sim.budget());
        let choices = sim
            .dilemmas_now()
            .iter()
            .map(|d| {
                let c = &d.choices[rng.random_range(0..d.choices.len())];
                (d.id.clone(), c.id.clone())
            })
            .collect();
        let before = sim.metrics();
        let next = sim.next_week();
        let where_ = |week: u32| format!("{}, seed {seed}, week {week}", level.id);
        let week = sim
            .step(&Decision {
                plan,
                choices,
                ..Decision::default()
            })
            .map_err(|e| format!("{}: the week did not play: {e}", where_(next)))?;
        weeks += 1;
        check_week(&where_(week.week), &before, week)?;
    }
    Ok(weeks)
}

/// What must hold of every week played: each metric finite and within its range, and
/// each metric's named causes summing to its change from `before`. `at` names the week.
pub fn check_week(at: &str, before: &Metrics, week: &WeekReport) -> Result<(), String> {
    let m = &week.metrics;
    for (name, v) in [
        ("morale", m.morale),
        ("trust", m.trust),
        ("alignment", m.alignment),
        ("stress", m.stress),
        ("autonomy", m.autonomy),
        ("skill", m.skill),
        ("on time", m.on_time),
        ("quality", m.quality),
        ("delivery", m.delivery),
        ("goal progress", m.goal_progress),
        ("retention", m.retention),
        ("throughput", m.throughput),
        ("confidence", m.confidence),
    ] {
        if !(v.is_finite() && (0.0..=1.0).contains(&v)) {
            return Err(format!("{at}: {name} is {v}"));
        }
    }
    if !(m.output.is_finite() && m.output >= 0.0) {
        return Err(format!("{at}: output is {}", m.output));
    }
    for (name, causes, change) in [
        ("morale", &week.morale_causes, m.morale - before.morale),
        (
            "delivery",
            &week.delivery_causes,
            m.delivery - before.delivery,
        ),
        ("trust", &week.trust_causes, m.trust - before.trust),
        (
            "alignment",
            &week.alignment_causes,
            m.alignment - before.alignment,
        ),
        ("stress", &week.stress_causes, m.stress - before.stress),
        (
            "goal progress",
            &week.goal_causes,
            m.goal_progress - before.goal_progress,
        ),
        (
            "confidence",
            &week.confidence_causes,
            m.confidence - before.confidence,
        ),
    ] {
        let sum: f64 = causes.iter().map(|c| c.amount).sum();
        if (sum - change).abs() > 1e-6 {
            return Err(format!(
                "{at}: {name} causes sum to {sum:.6}, the change is {change:.6}"
            ));
        }
    }
    Ok(())
}

/// A sandbox level of a random role, size, length and difficulty, drawn from `n`.
pub fn generated(n: u64) -> Level {
    let mut rng = ChaCha8Rng::seed_from_u64(n.wrapping_mul(0x9e37_79b9) ^ 0x50a4);
    let role = [
        Role::Frontline,
        Role::PromotedExpert,
        Role::MiddleManager,
        Role::Executive,
    ][rng.random_range(0..4)];
    let (lo, hi) = match role {
        Role::Frontline => (2, 20),
        Role::PromotedExpert => (2, 12),
        Role::MiddleManager => (8, 80),
        Role::Executive => (30, 400),
    };
    let mut level = sandbox_level(&SandboxSpec {
        role,
        team_size: rng.random_range(lo..=hi),
        weeks: rng.random_range(6..=20),
        difficulty: [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard]
            [rng.random_range(0..3)],
    });
    level.id = format!("generated-{n}");
    level
}

/// `runs` random runs spread over `levels` and `generated` sandbox levels, on all cores;
/// at most `keep` problems are listed.
pub fn soak(levels: &[Arc<Level>], generated_levels: u64, runs: u64, keep: usize) -> Soak {
    let mut all: Vec<Arc<Level>> = levels.to_vec();
    all.extend((1..=generated_levels).map(|n| Arc::new(generated(n))));
    if all.is_empty() || runs == 0 {
        return Soak::default();
    }
    let jobs: Vec<(usize, u64)> = (0..runs)
        .map(|r| ((r % all.len() as u64) as usize, 10_000 + r))
        .collect();
    let results = parallel_map(&jobs, |(i, seed)| match check_run(&all[*i], *seed) {
        Ok(weeks) => (weeks, None),
        Err(e) => (0, Some(e)),
    });
    let mut out = Soak {
        runs,
        ..Soak::default()
    };
    for (weeks, problem) in results {
        out.weeks += weeks;
        if let Some(p) = problem {
            out.failed += 1;
            if out.problems.len() < keep {
                out.problems.push(p);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_levels_are_valid_and_cover_every_role() {
        let roles: std::collections::BTreeSet<String> = (1..=40)
            .map(|n| {
                let l = generated(n);
                assert!(l.problems().is_empty(), "{}: {:?}", l.id, l.problems());
                l.role.label().to_string()
            })
            .collect();
        assert_eq!(roles.len(), 4, "{roles:?}");
    }
}
