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

pub fn analyse(level: &Arc<Level>, seeds: u32) -> LevelBalance {
    let shares: Vec<f64> = (0..=20).map(|i| i as f64 / 20.0).collect();
    let sw = sweep(level, seeds, &shares);
    let peak = sw.rows.iter().map(|r| r.mean).fold(f64::MIN, f64::max);
    let near: Vec<f64> = sw
        .rows
        .iter()
        .filter(|r| r.mean >= peak - BAND_TOLERANCE)
        .map(|r| r.share)
        .collect();
    let band = (
        near.iter().cloned().fold(1.0, f64::min),
        near.iter().cloned().fold(0.0, f64::max),
    );
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
        sweep: sw,
    }
}
