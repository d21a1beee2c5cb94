//! The lessons on levels nobody tuned: 200 generated levels, every role, team sizes across
//! each role's range, random work patterns, complexity and event decks, default scoring,
//! played on held-out seeds. Both extremes must fail and the best split must move toward
//! the forest as the role moves up.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sim::Activity;
use sim::balance::held_out;
use sim::policy::{Adaptive, best_fixed, mean_outcome};
use sim::run::sweep_seeds;
use sim::sandbox::{SandboxSpec, level};
use sim::{Level, Role, Scoring, Team, Work};
use std::sync::Arc;

const PER_ROLE: u64 = 50;
const SEEDS: u32 = 8;

/// People below the player for each role: a floor team, a promoted lead's former peers, a
/// manager of leads, an executive of managers.
fn size_range(role: Role) -> (u32, u32) {
    match role {
        Role::Frontline => (3, 15),
        Role::PromotedExpert => (3, 10),
        Role::MiddleManager => (12, 60),
        Role::Executive => (40, 300),
    }
}

/// A sandbox level of `role` with its work, complexity and deck redrawn from `n`: the same
/// total effort, split anew between steady work and 2–4 milestones placed at random.
fn generated(role: Role, n: u64) -> Level {
    let mut rng = ChaCha8Rng::seed_from_u64(n * 7919 + role as u64);
    let (lo, hi) = size_range(role);
    let spec = SandboxSpec {
        role,
        team_size: rng.random_range(lo..=hi),
        weeks: rng.random_range(8..=16),
        ..SandboxSpec::default()
    };
    let mut l = level(&spec);
    let weeks = l.weeks;
    let total = l.total_effort();
    let steady = rng.random_range(0.3..0.7);
    let milestones = rng.random_range(2..=4u32);
    let weights: Vec<f64> = (0..milestones)
        .map(|_| rng.random_range(0.5..1.5))
        .collect();
    let sum: f64 = weights.iter().sum();
    l.work = vec![Work::Stream {
        title: "Everyday work".into(),
        goal: "steady".into(),
        effort: total * steady / weeks as f64,
        from: 1,
        to: weeks,
    }];
    for (k, w) in weights.iter().enumerate() {
        let due = rng.random_range(2..=weeks);
        let lead = rng.random_range(1..=3u32);
        l.work.push(Work::Item {
            title: format!("Milestone {}", k + 1),
            goal: "project".into(),
            effort: total * (1.0 - steady) * w / sum,
            due,
            from: Some(due.saturating_sub(lead).max(1)),
        });
    }
    l.goals[0].target = total * steady;
    l.goals[1].target = 0.9 * total * (1.0 - steady);
    l.complexity = (l.complexity + rng.random_range(-0.08..0.08)).clamp(0.0, 1.0);
    // A random half of the deck, with its weeks left as drawn from each run's seed.
    let keep: Vec<bool> = l.events.iter().map(|_| rng.random_bool(0.5)).collect();
    let mut i = 0;
    l.events.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    assert_eq!(l.scoring, Scoring::default());
    assert!(l.problems().is_empty(), "{:?}", l.problems());
    l
}

struct Shape {
    role: Role,
    best_share: f64,
    trees_ratio: f64,
    forest_ratio: f64,
    single_peak: bool,
}

fn shape(l: Level) -> Shape {
    let role = l.role;
    let shares: Vec<f64> = (0..=10).map(|i| i as f64 / 10.0).collect();
    let s = sweep_seeds(&Arc::new(l), &held_out(SEEDS), &shares);
    let means: Vec<f64> = s.rows.iter().map(|r| r.mean).collect();
    let peak = means.iter().cloned().fold(f64::MIN, f64::max);
    let at = means.iter().position(|v| *v == peak).unwrap();
    // One peak: no rise of more than a point after it, no fall of more than a point before.
    let single_peak = (1..=at).all(|i| means[i] >= means[i - 1] - 1.0)
        && (at + 1..means.len()).all(|i| means[i] <= means[i - 1] + 1.0);
    Shape {
        role,
        best_share: s.best_share,
        trees_ratio: means[0] / peak,
        forest_ratio: means[10] / peak,
        single_peak,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

#[test]
fn on_generated_levels_both_extremes_fail_and_the_best_split_rises_with_the_role() {
    let roles = [
        Role::Frontline,
        Role::PromotedExpert,
        Role::MiddleManager,
        Role::Executive,
    ];
    let jobs: Vec<(Role, u64)> = roles
        .iter()
        .flat_map(|r| (1..=PER_ROLE).map(move |n| (*r, n)))
        .collect();
    let shapes: Vec<Shape> = jobs.iter().map(|(r, n)| shape(generated(*r, *n))).collect();
    let n = shapes.len() as f64;
    let both = shapes
        .iter()
        .filter(|s| s.trees_ratio <= 0.8 && s.forest_ratio <= 0.8)
        .count() as f64;
    let peaked = shapes.iter().filter(|s| s.single_peak).count() as f64;
    let worst = |f: fn(&Shape) -> f64| shapes.iter().map(f).fold(f64::MIN, f64::max);
    assert!(
        both / n >= 0.95,
        "both extremes 20% below the peak on {both} of {n} levels (worst all-trees {:.2}, \
         all-forest {:.2} of the peak)",
        worst(|s| s.trees_ratio),
        worst(|s| s.forest_ratio)
    );
    assert!(
        peaked / n >= 0.95,
        "single-peaked on {peaked} of {n} levels"
    );
    let best = |r: Role| {
        median(
            shapes
                .iter()
                .filter(|s| s.role == r)
                .map(|s| s.best_share)
                .collect(),
        )
    };
    let (f, p, m, e) = (
        best(Role::Frontline),
        best(Role::PromotedExpert),
        best(Role::MiddleManager),
        best(Role::Executive),
    );
    eprintln!(
        "both extremes 20% below on {both} of {n}; single-peaked on {peaked}; median best \
         shares {f} / {p} / {m} / {e}"
    );
    assert!(
        f < p && p <= m && m < e,
        "median best shares: frontline {f}, promoted {p}, middle {m}, executive {e}"
    );
}

/// Hours of the best fixed plan that direct (plan, follow up, review) against all the
/// hours that direct or support (delegate, one-to-ones, develop), and its held-out mean.
fn best_style(l: Level) -> (f64, f64) {
    let l = Arc::new(l);
    let (mix, _) = best_fixed(&l, &(1..=16).collect::<Vec<u64>>(), 0.45);
    let sum = |acts: &[Activity]| acts.iter().map(|a| mix.0.get(*a)).sum::<f64>();
    let direct = sum(&[
        Activity::PlanWork,
        Activity::FollowUp,
        Activity::ReviewQuality,
    ]);
    let support = sum(&[
        Activity::Delegate,
        Activity::BuildTrust,
        Activity::DevelopPeople,
    ]);
    let mean = mean_outcome(&l, &held_out(40), &Adaptive::fixed(mix));
    (direct / (direct + support), mean)
}

#[test]
fn a_readier_team_needs_less_direction_and_does_better_at_its_own_best_plan() {
    for role in [Role::Frontline, Role::PromotedExpert] {
        let team = |skill, autonomy| {
            let mut l = level(&SandboxSpec {
                role,
                team_size: 8,
                ..SandboxSpec::default()
            });
            let Team::Generated(g) = &mut l.team else {
                unreachable!("the sandbox generates its team")
            };
            let floor = g.layers.last_mut().expect("a team has a layer");
            floor.skill = skill;
            floor.autonomy = autonomy;
            l
        };
        let (green_style, green) = best_style(team((0.3, 0.45), (0.05, 0.2)));
        let (ready_style, ready) = best_style(team((0.75, 0.9), (0.7, 0.85)));
        eprintln!(
            "{role:?}: direction {green_style:.2} -> {ready_style:.2}, best {green:.1} -> \
             {ready:.1}"
        );
        assert!(
            ready_style < green_style - 0.15,
            "{role:?}: direction is {green_style:.2} of the style hours for a green team, \
             {ready_style:.2} for a ready one"
        );
        assert!(
            ready > green + 10.0,
            "{role:?}: a ready team scores {ready:.1} at its best plan, a green one {green:.1}"
        );
    }
}
