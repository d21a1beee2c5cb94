//! Signatures of the model on the shipped levels, as means over seeds: the shapes the
//! game teaches must come out of the rules.

mod common;

use forest_and_trees::sim::run::{Sweep, run_constant, sweep};
use forest_and_trees::sim::{Activity, Decision, Plan, Sim};

const SEEDS: u32 = 20;

fn coarse(id: &str) -> Sweep {
    let shares: Vec<f64> = (0..=10).map(|i| i as f64 / 10.0).collect();
    sweep(&common::level(id), SEEDS, &shares)
}

#[test]
fn outcome_is_single_peaked_with_both_extremes_well_below() {
    for id in common::ROLE_LEVELS {
        let s = coarse(id);
        let means: Vec<f64> = s.rows.iter().map(|r| r.mean).collect();
        let peak = means.iter().cloned().fold(f64::MIN, f64::max);
        let at = means.iter().position(|m| *m == peak).unwrap();
        // Rising to the peak and falling after it; a hair of noise is tolerated.
        for i in 1..=at {
            assert!(
                means[i] >= means[i - 1] - 0.3,
                "{id}: dip before the peak at {i}: {means:?}"
            );
        }
        for i in at + 1..means.len() {
            assert!(
                means[i] <= means[i - 1] + 0.3,
                "{id}: second rise after the peak at {i}: {means:?}"
            );
        }
        assert!(
            means[0] <= 0.8 * peak,
            "{id}: all-trees is not 20% below the peak: {means:?}"
        );
        assert!(
            means[10] <= 0.8 * peak,
            "{id}: all-forest is not 20% below the peak: {means:?}"
        );
    }
}

#[test]
fn the_best_share_rises_with_the_role() {
    let shares: Vec<f64> = (0..=20).map(|i| i as f64 / 20.0).collect();
    let best: Vec<f64> = common::ROLE_LEVELS
        .iter()
        .map(|id| sweep(&common::level(id), SEEDS, &shares).best_share)
        .collect();
    let [frontline, promoted, middle, executive] = [best[0], best[1], best[2], best[3]];
    assert!(
        frontline < middle && promoted < middle,
        "frontline {frontline}, promoted {promoted}, middle {middle}"
    );
    assert!(middle < executive, "middle {middle}, executive {executive}");
}

#[test]
fn forest_only_loses_delivery_and_trees_only_loses_people() {
    for id in common::ROLE_LEVELS {
        let s = coarse(id);
        let best = s
            .rows
            .iter()
            .find(|r| r.share == s.best_share)
            .unwrap()
            .mean_final
            .clone();
        let trees = s.rows[0].mean_final.clone();
        let forest = s.rows[10].mean_final.clone();
        let forest_delivery_loss = best.delivery - forest.delivery;
        let forest_morale_loss = best.morale - forest.morale;
        assert!(
            forest_delivery_loss > forest_morale_loss,
            "{id}: forest-only lost delivery {forest_delivery_loss:.3}, morale {forest_morale_loss:.3}"
        );
        let trees_throughput_loss = best.throughput - trees.throughput;
        for (name, loss) in [
            ("alignment", best.alignment - trees.alignment),
            ("morale", best.morale - trees.morale),
        ] {
            assert!(
                loss > trees_throughput_loss,
                "{id}: trees-only lost {name} {loss:.3}, throughput {trees_throughput_loss:.3}"
            );
        }
    }
}

/// The same hours, either spent doing the work or on delegating and developing.
fn promoted_plan(sim: &Sim, hands_on: bool) -> Decision {
    let budget = sim.budget();
    let mut plan = Plan::from_share(0.4, budget - 16.0);
    if hands_on {
        plan.set(Activity::DoTheWork, 16.0);
    } else {
        plan.set(Activity::Delegate, plan.get(Activity::Delegate) + 8.0);
        plan.set(
            Activity::DevelopPeople,
            plan.get(Activity::DevelopPeople) + 8.0,
        );
    }
    Decision {
        plan,
        ..Decision::default()
    }
}

#[test]
fn doing_the_work_yourself_wins_the_first_two_weeks_and_loses_the_level() {
    let level = common::level("the-promotion");
    let (mut early_hands, mut early_deleg, mut end_hands, mut end_deleg) = (0.0, 0.0, 0.0, 0.0);
    for seed in 1..=SEEDS as u64 {
        for hands_on in [true, false] {
            let mut sim = Sim::new(level.clone(), seed);
            while !sim.is_finished() {
                let d = promoted_plan(&sim, hands_on);
                sim.step(&d).expect("plan fits");
                if sim.state.week <= 2 {
                    // Work produced this week, in person-weeks.
                    *(if hands_on {
                        &mut early_hands
                    } else {
                        &mut early_deleg
                    }) += sim.metrics().output;
                }
            }
            *(if hands_on {
                &mut end_hands
            } else {
                &mut end_deleg
            }) += sim.final_result().outcome;
        }
    }
    assert!(
        early_hands > early_deleg,
        "weeks 1–2 output: hands-on {early_hands:.2}, delegating {early_deleg:.2}"
    );
    assert!(
        end_hands < end_deleg,
        "final outcome: hands-on {end_hands:.1}, delegating {end_deleg:.1}"
    );
}

#[test]
fn each_weeks_causes_sum_to_the_weeks_change() {
    for id in common::ROLE_LEVELS {
        let level = common::level(id);
        for share in [0.0, 0.45, 1.0] {
            for seed in 1..=5 {
                let sim = run_constant(&level, seed, share);
                let start = Sim::new(level.clone(), seed).metrics();
                let mut before = (start.morale, start.delivery);
                for w in &sim.state.history {
                    let morale: f64 = w.morale_causes.iter().map(|c| c.amount).sum();
                    let delivery: f64 = w.delivery_causes.iter().map(|c| c.amount).sum();
                    assert!(
                        (morale - (w.metrics.morale - before.0)).abs() < 1e-9,
                        "{id} week {}: morale causes {morale} vs change {}",
                        w.week,
                        w.metrics.morale - before.0
                    );
                    assert!(
                        (delivery - (w.metrics.delivery - before.1)).abs() < 1e-9,
                        "{id} week {}: delivery causes {delivery} vs change {}",
                        w.week,
                        w.metrics.delivery - before.1
                    );
                    before = (w.metrics.morale, w.metrics.delivery);
                }
            }
        }
    }
}
