//! The campaign's lessons, measured over 50 seeds on every level: a level edit that breaks
//! what its level teaches fails here. The numbers behind these checks are in
//! docs/balance.md (`forest-and-trees balance` writes it).

mod common;

use forest_and_trees::sim::balance::estimated_minutes;
use forest_and_trees::sim::level::{Role, Stars};
use forest_and_trees::sim::policy::Adaptive;
use forest_and_trees::sim::run::{SweepRow, parallel_map, run_constant, run_decisions, sweep};
use forest_and_trees::sim::{Decisions, Level};
use std::sync::{Arc, OnceLock};

const SEEDS: u32 = 50;
/// Points by which the adaptive plan must beat the best constant share, on average, for a
/// level to count as one where the moment matters.
const CLEARLY: f64 = 1.0;

struct Measured {
    level: Arc<Level>,
    /// Shares 0.00, 0.05 … 1.00.
    rows: Vec<SweepRow>,
    peak: f64,
    best_share: f64,
    policy: Adaptive,
    solution: Decisions,
    adaptive_mean: f64,
}

impl Measured {
    /// Shares 0.0, 0.1 … 1.0.
    fn coarse(&self) -> Vec<&SweepRow> {
        self.rows.iter().step_by(2).collect()
    }
    fn stars(&self) -> Stars {
        self.level.stars.expect("campaign levels have stars")
    }
    fn moment_matters(&self) -> bool {
        self.adaptive_mean >= self.peak + CLEARLY
    }
}

fn campaign() -> &'static [Measured] {
    static ALL: OnceLock<Vec<Measured>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut levels: Vec<Arc<Level>> = common::shipped()
            .iter()
            .map(|p| Arc::new(Level::load(p).expect("shipped levels load")))
            .filter(|l| l.chapter.is_some())
            .collect();
        levels.sort_by_key(|l| l.chapter);
        levels.into_iter().map(measure).collect()
    })
}

fn measure(level: Arc<Level>) -> Measured {
    let shares: Vec<f64> = (0..=20).map(|i| i as f64 / 20.0).collect();
    let s = sweep(&level, SEEDS, &shares);
    let peak = s.rows.iter().map(|r| r.mean).fold(f64::MIN, f64::max);
    let path = common::levels_dir()
        .join("solutions")
        .join(format!("{}.ron", level.id));
    let solution = Decisions::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let policy = solution
        .policy
        .unwrap_or_else(|| panic!("{} names no adaptive plan", path.display()));
    let seeds: Vec<u64> = (1..=SEEDS as u64).collect();
    let outcomes = parallel_map(&seeds, |&seed| {
        policy.play(&level, seed).0.final_result().outcome
    });
    Measured {
        adaptive_mean: outcomes.iter().sum::<f64>() / outcomes.len() as f64,
        rows: s.rows,
        peak,
        best_share: s.best_share,
        policy,
        solution,
        level,
    }
}

#[test]
fn the_campaign_has_seven_chapters_with_their_class_material() {
    let all = campaign();
    let chapters: Vec<u32> = all.iter().map(|m| m.level.chapter.unwrap()).collect();
    assert_eq!(chapters, (1..=7).collect::<Vec<_>>());
    for m in all {
        let l = &m.level;
        assert!(l.events.len() >= 8, "{}: {} events", l.id, l.events.len());
        assert!(
            l.dilemmas.len() >= 3,
            "{}: {} dilemmas",
            l.id,
            l.dilemmas.len()
        );
        assert_eq!(l.discussion.len(), 3, "{}: discussion questions", l.id);
        assert!(!l.learning_goals.is_empty(), "{}: learning goals", l.id);
        let minutes = estimated_minutes(l);
        assert!(
            minutes <= 20.0,
            "{}: about {minutes:.0} minutes for a new player",
            l.id
        );
    }
    assert!(
        !all[0].level.tutorial.is_empty(),
        "the first chapter is a tutorial"
    );
}

#[test]
fn every_level_has_a_single_peak_with_both_extremes_well_below() {
    for m in campaign() {
        let means: Vec<f64> = m.coarse().iter().map(|r| r.mean).collect();
        let peak = means.iter().cloned().fold(f64::MIN, f64::max);
        let at = means.iter().position(|v| *v == peak).unwrap();
        let id = &m.level.id;
        for i in 1..=at {
            assert!(
                means[i] >= means[i - 1] - 0.3,
                "{id}: dip before the peak: {means:?}"
            );
        }
        for i in at + 1..means.len() {
            assert!(
                means[i] <= means[i - 1] + 0.3,
                "{id}: second rise: {means:?}"
            );
        }
        assert!(
            means[0] <= 0.8 * m.peak,
            "{id}: all-trees not 20% below: {means:?}"
        );
        assert!(
            means[10] <= 0.8 * m.peak,
            "{id}: all-forest not 20% below: {means:?}"
        );
    }
}

#[test]
fn the_best_share_rises_from_the_floor_to_the_top() {
    let best = |roles: &[Role]| -> Vec<(String, f64)> {
        campaign()
            .iter()
            .filter(|m| roles.contains(&m.level.role))
            .map(|m| (m.level.id.clone(), m.best_share))
            .collect()
    };
    let floor = best(&[Role::Frontline, Role::PromotedExpert]);
    let middle = best(&[Role::MiddleManager]);
    let top = best(&[Role::Executive]);
    assert!(!floor.is_empty() && !middle.is_empty() && !top.is_empty());
    let max = |v: &[(String, f64)]| v.iter().map(|x| x.1).fold(f64::MIN, f64::max);
    let min = |v: &[(String, f64)]| v.iter().map(|x| x.1).fold(f64::MAX, f64::min);
    assert!(
        max(&floor) < min(&middle),
        "floor {floor:?}, middle {middle:?}"
    );
    assert!(max(&middle) < min(&top), "middle {middle:?}, top {top:?}");
}

#[test]
fn forest_only_loses_delivery_and_trees_only_loses_people() {
    for m in campaign() {
        let id = &m.level.id;
        let best = &m
            .rows
            .iter()
            .find(|r| r.share == m.best_share)
            .unwrap()
            .mean_final;
        let trees = &m.rows[0].mean_final;
        let forest = &m.rows[20].mean_final;
        let (d, mo) = (best.delivery - forest.delivery, best.morale - forest.morale);
        assert!(
            d > mo,
            "{id}: forest-only lost delivery {d:.3}, morale {mo:.3}"
        );
        let throughput = best.throughput - trees.throughput;
        for (name, loss) in [
            ("alignment", best.alignment - trees.alignment),
            ("morale", best.morale - trees.morale),
        ] {
            assert!(
                loss > throughput,
                "{id}: trees-only lost {name} {loss:.3}, throughput {throughput:.3}"
            );
        }
    }
}

#[test]
fn on_five_levels_the_moment_matters_and_three_stars_need_it() {
    let adapting: Vec<&Measured> = campaign().iter().filter(|m| m.moment_matters()).collect();
    let summary: Vec<String> = campaign()
        .iter()
        .map(|m| format!("{} {:.1}→{:.1}", m.level.id, m.peak, m.adaptive_mean))
        .collect();
    assert!(adapting.len() >= 5, "{summary:?}");
    for m in adapting {
        let three = m.stars().three;
        assert!(
            m.peak < three && three <= m.adaptive_mean,
            "{}: three stars at {three} should lie above the best constant share ({:.1}) and \
             within the adaptive plan's reach ({:.1})",
            m.level.id,
            m.peak,
            m.adaptive_mean
        );
    }
}

#[test]
fn a_balanced_constant_plan_earns_two_stars_and_one_star_is_forgiving() {
    for m in campaign() {
        let s = m.stars();
        assert!(
            s.two <= m.peak,
            "{}: two stars {} > best constant {:.1}",
            m.level.id,
            s.two,
            m.peak
        );
        // One star is within reach of shares well away from the best.
        let reachable = m.coarse().iter().filter(|r| r.mean >= s.one).count();
        assert!(
            reachable >= 5,
            "{}: one star reached by {reachable} of 11 shares",
            m.level.id
        );
    }
}

#[test]
fn the_recorded_solutions_are_current_and_beat_the_constant_shares_on_their_seed() {
    for m in campaign().iter().filter(|m| m.moment_matters()) {
        let id = &m.level.id;
        let seed = m.solution.seed.expect("solutions name their seed");
        let (_, fresh) = m.policy.play(&m.level, seed);
        assert_eq!(
            fresh.weeks, m.solution.weeks,
            "{id}: levels/solutions/{id}.ron is stale; run `forest-and-trees balance`"
        );
        let replayed = run_decisions(&m.level, seed, &m.solution)
            .unwrap_or_else(|e| panic!("{id}: {e}"))
            .final_result()
            .outcome;
        let best_constant = (0..=20)
            .map(|i| {
                run_constant(&m.level, seed, i as f64 / 20.0)
                    .final_result()
                    .outcome
            })
            .fold(f64::MIN, f64::max);
        assert!(
            replayed > best_constant,
            "{id}: the recorded plan scores {replayed:.1}, a constant share {best_constant:.1}"
        );
    }
}

#[test]
fn the_balance_report_shows_the_current_stars() {
    let doc = std::fs::read_to_string(common::levels_dir().join("../docs/balance.md"))
        .expect("docs/balance.md exists; run `forest-and-trees balance`");
    for m in campaign() {
        let s = m.stars();
        let row = doc
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", m.level.title)))
            .unwrap_or_else(|| panic!("{} is missing from docs/balance.md", m.level.title));
        assert!(
            row.contains(&format!("{} / {} / {}", s.one, s.two, s.three)),
            "docs/balance.md is stale for {}: {row}",
            m.level.id
        );
    }
}
