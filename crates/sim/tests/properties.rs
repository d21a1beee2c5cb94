//! Property tests of the model: on generated levels of every role and size, any plan
//! within the budget and any choices keep every metric finite and within its range every
//! week, and every metric's causes sum to its change. proptest shrinks a failure to the
//! smallest level and plans that still break.

use proptest::prelude::*;
use sim::sandbox::{MAX_TEAM, MIN_TEAM, SandboxSpec, level};
use sim::{Activity, Decision, Difficulty, Plan, Role, Sim};
use std::sync::Arc;

/// A level of any role, team size, length and difficulty the sandbox can make.
fn spec() -> impl Strategy<Value = SandboxSpec> {
    let role = prop_oneof![
        Just(Role::Frontline),
        Just(Role::PromotedExpert),
        Just(Role::MiddleManager),
        Just(Role::Executive),
    ];
    let difficulty = prop_oneof![
        Just(Difficulty::Easy),
        Just(Difficulty::Normal),
        Just(Difficulty::Hard),
    ];
    (role, MIN_TEAM..=MAX_TEAM, 6u32..=20, difficulty).prop_map(
        |(role, team_size, weeks, difficulty)| SandboxSpec {
            role,
            team_size,
            weeks,
            difficulty,
        },
    )
}

/// Each week: a weight per activity (zeros and lopsided weeks included), the share of the
/// budget planned at all, and a pick for each decision.
type Week = (Vec<f64>, f64, u8);

fn weeks() -> impl Strategy<Value = Vec<Week>> {
    let weight = prop_oneof![Just(0.0), 0.0f64..=1.0, Just(1.0)];
    let planned = prop_oneof![Just(1.0), 0.0f64..=1.0];
    prop::collection::vec(
        (
            prop::collection::vec(weight, Activity::ALL.len()),
            planned,
            any::<u8>(),
        ),
        20,
    )
}

/// The hours of `weights`, scaled to `planned` of `budget`: never over it.
fn plan(weights: &[f64], planned: f64, budget: f64) -> Plan {
    let sum: f64 = weights.iter().sum();
    let mut plan = Plan::default();
    if sum > 0.0 {
        for (a, w) in Activity::ALL.iter().zip(weights) {
            plan.set(*a, (w / sum * planned * budget * 100.0).floor() / 100.0);
        }
    }
    plan
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_plan_and_any_choice_keep_every_week_in_range_and_explained(
        spec in spec(),
        seed in 1u64..1_000_000,
        weeks in weeks(),
    ) {
        let level = Arc::new(level(&spec));
        let mut sim = Sim::new(level.clone(), seed);
        for (weights, planned, pick) in weeks.iter().take(level.weeks as usize) {
            let choices = sim
                .dilemmas_now()
                .iter()
                .map(|d| {
                    let c = &d.choices[*pick as usize % d.choices.len()];
                    (d.id.clone(), c.id.clone())
                })
                .collect();
            let before = sim.metrics();
            let decision = Decision {
                plan: plan(weights, *planned, sim.budget()),
                choices,
                ..Decision::default()
            };
            let at = format!("{spec:?}, seed {seed}, week {}", sim.next_week());
            let week = sim.step(&decision).map_err(|e| TestCaseError::fail(format!("{at}: {e}")))?;
            sim::soak::check_week(&at, &before, week).map_err(TestCaseError::fail)?;
        }
        prop_assert!(sim.is_finished(), "the level did not end after its weeks");
        let fin = sim.final_result();
        prop_assert!(fin.outcome.is_finite() && (0.0..=100.0).contains(&fin.outcome));
    }
}
