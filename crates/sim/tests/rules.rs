//! Signatures of the model's mechanisms on the shipped levels. The shapes over vision
//! shares on every campaign level are checked in tests/lessons.rs.

mod common;

use sim::run::run_constant;
use sim::{Activity, Cause, Decision, Metrics, Plan, Sim, WeekReport};

const SEEDS: u32 = 20;

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
    type Pick = fn(&WeekReport) -> (&Vec<Cause>, fn(&Metrics) -> f64);
    let books: [(&str, Pick); 6] = [
        ("morale", |w| (&w.morale_causes, |m| m.morale)),
        ("delivery", |w| (&w.delivery_causes, |m| m.delivery)),
        ("trust", |w| (&w.trust_causes, |m| m.trust)),
        ("alignment", |w| (&w.alignment_causes, |m| m.alignment)),
        ("stress", |w| (&w.stress_causes, |m| m.stress)),
        ("goal progress", |w| (&w.goal_causes, |m| m.goal_progress)),
    ];
    for id in common::ROLE_LEVELS {
        let level = common::level(id);
        for share in [0.0, 0.45, 1.0] {
            for seed in 1..=5 {
                let sim = run_constant(&level, seed, share);
                let mut before = Sim::new(level.clone(), seed).metrics();
                for w in &sim.state.history {
                    for (name, pick) in books {
                        let (causes, read) = pick(w);
                        let sum: f64 = causes.iter().map(|c| c.amount).sum();
                        let change = read(&w.metrics) - read(&before);
                        assert!(
                            (sum - change).abs() < 1e-9,
                            "{id} week {}: {name} causes {sum} vs change {change}",
                            w.week
                        );
                    }
                    before = w.metrics.clone();
                }
            }
        }
    }
}

/// "Why did trust fall?" names the say-do gap when the vision is all a boss gives while
/// the dates slip, and names one-to-ones as what builds it when they are held.
#[test]
fn trust_names_the_say_do_gap_of_an_all_forest_boss() {
    let level = common::level("crunch");
    let over_run = |sim: &Sim, label: &str| -> f64 {
        sim.state
            .history
            .iter()
            .flat_map(|w| &w.trust_causes)
            .filter(|c| c.label.starts_with(label))
            .map(|c| c.amount)
            .sum()
    };
    for seed in 3001..=3010 {
        let forest = run_constant(&level, seed, 1.0);
        let even = run_constant(&level, seed, 0.45);
        let gap = over_run(&forest, "Say-do gap");
        assert!(gap < -0.01, "seed {seed}: say-do gap {gap}");
        assert!(
            gap < over_run(&even, "Say-do gap"),
            "seed {seed}: the gap costs an all-forest boss more than a balanced one"
        );
        assert!(over_run(&forest, "One-to-ones") > 0.0, "seed {seed}");
    }
}

/// Every reading the player sees stays a share, whatever the plan and the choices: random
/// plans within the budget and random choices, on every shipped level and on a level built
/// to fail (Crunch with most of its work faulty and nobody skilled).
#[test]
fn random_plans_and_choices_keep_every_metric_finite_and_within_its_range() {
    use sim::Level;
    use sim::soak;
    use std::sync::Arc;

    let mut levels: Vec<Arc<Level>> = common::shipped()
        .iter()
        .map(|p| Arc::new(Level::load(p).expect("a shipped level loads")))
        .collect();
    let crunch = std::fs::read_to_string(common::levels_dir().join("crunch.ron")).unwrap();
    let mut harsh = crunch.replacen("defect_rate: 0.22", "defect_rate: 0.6", 1);
    for skill in ["0.75", "0.6", "0.55", "0.5", "0.45", "0.65", "0.7", "0.4"] {
        harsh = harsh.replace(&format!("skill: {skill},"), "skill: 0.0,");
    }
    assert_ne!(harsh, crunch);
    levels.push(Arc::new(
        Level::parse(&harsh, "harsh.ron").expect("the harsh level parses"),
    ));

    for level in &levels {
        for seed in 5000..5012 {
            if let Err(e) = soak::check_run(level, seed) {
                panic!("{e}");
            }
        }
    }
}
