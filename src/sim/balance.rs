//! A level's balance, measured: the outcome of every constant share over many seeds, the
//! best adaptive plan, and how reachable each star is. The `balance` command writes it to
//! `docs/balance.md`; `tests/balance.rs` checks the lessons it must show.

use super::level::{Level, Role, Stars};
use super::policy::{self, Adaptive};
use super::run::{Sweep, parallel_map, run_constant, sweep};
use serde::Serialize;
use std::sync::Arc;

/// Outcome points within which a share counts as part of the best band.
pub const BAND_TOLERANCE: f64 = 1.0;

#[derive(Clone, Debug, Serialize)]
pub struct LevelBalance {
    pub id: String,
    pub title: String,
    pub role: Role,
    pub seeds: u32,
    /// Shares 0.00, 0.05 … 1.00.
    pub sweep: Sweep,
    /// Mean outcome of the best constant share.
    pub peak: f64,
    pub best_share: f64,
    /// Shares whose mean is within [`BAND_TOLERANCE`] of the peak.
    pub band: (f64, f64),
    pub all_trees: f64,
    pub all_forest: f64,
    pub adaptive: Adaptive,
    pub adaptive_mean: f64,
    pub stars: Option<Stars>,
    /// Share of seeds on which the best constant share earns at least 1, 2, 3 stars.
    pub constant_reach: [f64; 3],
    /// The same for the adaptive plan.
    pub adaptive_reach: [f64; 3],
    /// See [`estimated_minutes`].
    pub minutes: f64,
}

impl LevelBalance {
    /// Points the adaptive plan gains over the best constant share, on average.
    pub fn adaptive_gain(&self) -> f64 {
        self.adaptive_mean - self.peak
    }

    /// Three stars are out of reach of every constant share on average, and within reach
    /// of the adaptive plan: the level teaches "the moment" as well as the role.
    pub fn three_stars_need_adaptation(&self) -> bool {
        self.stars
            .is_some_and(|s| self.peak < s.three && self.adaptive_mean >= s.three)
    }
}

/// Assumptions of the play-time estimate for a player new to a level, in turn mode.
pub const READING_WPM: f64 = 200.0;
pub const SECONDS_PER_WEEK: f64 = 60.0;
pub const SECONDS_PER_DECISION: f64 = 20.0;
pub const DEBRIEF_MINUTES: f64 = 3.0;

/// Minutes a new player needs for the level in turn mode: reading every text the level
/// shows (briefing, goals, tutorial, events weighted by their chance, dilemmas with every
/// choice and hint, discussion), a minute a week to plan and read the result, time to
/// weigh each decision, and the debrief. An estimate from the level's content, not a
/// stopwatch on a real player.
pub fn estimated_minutes(level: &Level) -> f64 {
    let words = |t: &str| t.split_whitespace().count() as f64;
    let mut read = words(&level.briefing);
    read += level.learning_goals.iter().map(|g| words(g)).sum::<f64>();
    read += level.goals.iter().map(|g| words(&g.title)).sum::<f64>();
    read += level
        .tutorial
        .iter()
        .map(|t| words(&t.title) + words(&t.text))
        .sum::<f64>();
    read += level
        .events
        .iter()
        .map(|e| e.chance * (words(&e.title) + words(&e.text)))
        .sum::<f64>();
    read += level
        .dilemmas
        .iter()
        .map(|d| {
            words(&d.title)
                + words(&d.text)
                + d.choices
                    .iter()
                    .map(|c| words(&c.label) + words(&c.hint))
                    .sum::<f64>()
        })
        .sum::<f64>();
    read += level.discussion.iter().map(|q| words(q)).sum::<f64>();
    read / READING_WPM
        + level.weeks as f64 * SECONDS_PER_WEEK / 60.0
        + level.dilemmas.len() as f64 * SECONDS_PER_DECISION / 60.0
        + DEBRIEF_MINUTES
}

pub fn analyse(level: &Arc<Level>, seeds: u32) -> LevelBalance {
    let shares: Vec<f64> = (0..=20).map(|i| i as f64 / 20.0).collect();
    let sw = sweep(level, seeds, &shares);
    let peak = sw.rows.iter().map(|r| r.mean).fold(f64::MIN, f64::max);
    let b = super::whatif::band_of(&sw, BAND_TOLERANCE);
    let band = (b.low, b.high);
    let (adaptive, adaptive_mean) = policy::tune(level, seeds);
    let seed_list: Vec<u64> = (1..=seeds as u64).collect();
    let pairs = parallel_map(&seed_list, |&s| {
        (
            run_constant(level, s, sw.best_share).final_result().outcome,
            adaptive.play(level, s).0.final_result().outcome,
        )
    });
    let reach = |pick: fn(&(f64, f64)) -> f64| -> [f64; 3] {
        let Some(st) = level.stars else {
            return [0.0; 3];
        };
        let mut r = [0.0; 3];
        for (k, slot) in r.iter_mut().enumerate() {
            let hits = pairs
                .iter()
                .filter(|p| st.earned(pick(p)) as usize > k)
                .count();
            *slot = hits as f64 / pairs.len().max(1) as f64;
        }
        r
    };
    LevelBalance {
        id: level.id.clone(),
        title: level.title.clone(),
        role: level.role,
        seeds,
        peak,
        best_share: sw.best_share,
        band,
        all_trees: sw.rows[0].mean,
        all_forest: sw.rows[sw.rows.len() - 1].mean,
        adaptive,
        adaptive_mean,
        stars: level.stars,
        constant_reach: reach(|p| p.0),
        adaptive_reach: reach(|p| p.1),
        minutes: estimated_minutes(level),
        sweep: sw,
    }
}
