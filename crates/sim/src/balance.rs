//! A level's balance, measured: the outcome of every even split over many seeds, the best
//! fixed plan (one uneven mix of activities, every week), the best adaptive plan (a mix for
//! each moment), each dilemma choice's effect, and how reachable each star is. Plans are
//! searched on training seeds and every figure is reported on held-out seeds. The
//! `balance` command writes it to `docs/balance.md`; `tests/lessons.rs` checks the lessons
//! it must show.

use super::level::{Level, Role, Stars};
use super::policy::{self, Adaptive, Mix};
use super::run::{Sweep, parallel_map, sweep_seeds};
use super::{Decision, Plan, Sim};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Outcome points within which a share counts as part of the best band.
pub const BAND_TOLERANCE: f64 = 1.0;
/// Seeds the plans are searched on.
pub const TRAIN_SEEDS: std::ops::RangeInclusive<u64> = 1..=24;
/// First of the held-out seeds every figure is reported on (1001, 1002, …).
pub const HELD_OUT_FROM: u64 = 1001;

/// The held-out seeds: `n` of them from [`HELD_OUT_FROM`].
pub fn held_out(n: u32) -> Vec<u64> {
    (HELD_OUT_FROM..HELD_OUT_FROM + n as u64).collect()
}

/// A mean over seeds and its standard deviation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Spread {
    pub mean: f64,
    pub sd: f64,
}

impl Spread {
    pub fn of(values: &[f64]) -> Spread {
        let n = values.len().max(1) as f64;
        let mean = values.iter().sum::<f64>() / n;
        let var = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
        Spread {
            mean,
            sd: var.sqrt(),
        }
    }
}

/// One dilemma choice's effect on the outcome against the dilemma's default, played with
/// the best adaptive plan on the held-out seeds.
#[derive(Clone, Debug, Serialize)]
pub struct ChoiceBalance {
    pub dilemma: String,
    pub choice: String,
    pub label: String,
    pub shortcut: bool,
    pub is_default: bool,
    /// Outcome minus the default choice's, seed by seed.
    pub effect: Spread,
}

#[derive(Clone, Debug, Serialize)]
pub struct LevelBalance {
    pub id: String,
    pub title: String,
    pub role: Role,
    /// Held-out seeds every figure is reported on.
    pub seeds: u32,
    /// Even splits 0.00, 0.05 … 1.00 on the held-out seeds.
    pub sweep: Sweep,
    /// The best even split on the training seeds, and its held-out outcome.
    pub best_share: f64,
    pub even: Spread,
    /// Shares whose held-out mean is within [`BAND_TOLERANCE`] of the best even split's.
    pub band: (f64, f64),
    pub all_trees: f64,
    pub all_forest: f64,
    /// The best fixed plan found on the training seeds, and its held-out outcome.
    pub fixed: Mix,
    pub fixed_outcome: Spread,
    /// The best adaptive plan found on the training seeds, and its held-out outcome.
    pub adaptive: Adaptive,
    pub adaptive_outcome: Spread,
    pub choices: Vec<ChoiceBalance>,
    pub stars: Option<Stars>,
    /// Share of held-out seeds on which the best even split earns at least 1, 2, 3 stars.
    pub constant_reach: [f64; 3],
    /// The same for the best fixed plan and the adaptive plan.
    pub fixed_reach: [f64; 3],
    pub adaptive_reach: [f64; 3],
    /// See [`estimated_minutes`].
    pub minutes: f64,
}

impl LevelBalance {
    /// Choices marked as shortcuts that do not lose to their dilemma's best principled
    /// choice, with what they gain over it: a level whose shortcut pays teaches the
    /// opposite of its lesson, so `balance` names them for the level's author.
    pub fn shortcuts_that_pay(&self) -> Vec<(&ChoiceBalance, f64)> {
        let mut out = Vec::new();
        for c in self.choices.iter().filter(|c| c.shortcut) {
            let principled = self
                .choices
                .iter()
                .filter(|o| o.dilemma == c.dilemma && !o.shortcut)
                .map(|o| o.effect.mean)
                .fold(f64::NEG_INFINITY, f64::max);
            if principled.is_finite() && c.effect.mean >= principled {
                out.push((c, c.effect.mean - principled));
            }
        }
        out
    }

    /// The best even split's held-out mean.
    pub fn peak(&self) -> f64 {
        self.even.mean
    }

    /// Points the adaptive plan gains over the best fixed plan, on held-out seeds.
    pub fn adaptive_gain(&self) -> f64 {
        self.adaptive_outcome.mean - self.fixed_outcome.mean
    }

    /// Stars that fit the held-out figures: one star within reach of at least five of the
    /// eleven even splits 0.0, 0.1 … 1.0, two at the best even split, three above the best
    /// fixed plan and within the adaptive plan's reach.
    pub fn suggested_stars(&self) -> Stars {
        let mut coarse: Vec<f64> = self.sweep.rows.iter().step_by(2).map(|r| r.mean).collect();
        coarse.sort_by(|a, b| b.total_cmp(a));
        let fixed = self.fixed_outcome.mean;
        // Three fifths of the way from the fixed plan to the adaptive one: a level's mean
        // moves by a point or two between sets of seeds, and a fixed plan must not reach
        // three stars on a lucky set.
        let between = fixed + 0.6 * self.adaptive_gain().max(0.0);
        let mut three = (between * 2.0).floor() / 2.0;
        if three <= fixed {
            three = ((fixed * 10.0).floor() + 1.0) / 10.0;
        }
        let two = (self.even.mean - 1.0).floor().min(three - 1.0);
        let one = (coarse[4.min(coarse.len() - 1)] - 1.0)
            .floor()
            .min(two - 1.0);
        Stars { one, two, three }
    }

    /// Three stars lie above the best fixed plan and within the adaptive plan's reach.
    pub fn three_stars_need_adaptation(&self) -> bool {
        self.stars.is_some_and(|s| {
            self.fixed_outcome.mean < s.three && self.adaptive_outcome.mean >= s.three
        })
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

/// Plays the level with `policy`, making `choice` in the dilemma `dilemma`; every other
/// dilemma takes its default.
pub fn play_choice(
    level: &Arc<Level>,
    seed: u64,
    policy: &Adaptive,
    dilemma: &str,
    choice: &str,
) -> f64 {
    let mut sim = Sim::new(level.clone(), seed);
    while !sim.is_finished() {
        let mut choices = BTreeMap::new();
        if sim.dilemmas_now().iter().any(|d| d.id == dilemma) {
            choices.insert(dilemma.to_string(), choice.to_string());
        }
        let plan: Plan = policy
            .plan(policy::read(&sim), sim.budget())
            .fitted(sim.budget());
        sim.step(&Decision {
            plan,
            choices,
            ..Decision::default()
        })
        .expect("a fitted plan and a listed choice always play");
    }
    sim.final_result().outcome
}

/// Every choice of every dilemma against its default, seed by seed.
pub fn choice_effects(level: &Arc<Level>, seeds: &[u64], policy: &Adaptive) -> Vec<ChoiceBalance> {
    let mut out = Vec::new();
    for d in &level.dilemmas {
        let default = &d.choices[d.default].id;
        let base = parallel_map(seeds, |&s| play_choice(level, s, policy, &d.id, default));
        for (i, c) in d.choices.iter().enumerate() {
            let outcomes = parallel_map(seeds, |&s| play_choice(level, s, policy, &d.id, &c.id));
            let diffs: Vec<f64> = outcomes.iter().zip(&base).map(|(o, b)| o - b).collect();
            out.push(ChoiceBalance {
                dilemma: d.id.clone(),
                choice: c.id.clone(),
                label: c.label.clone(),
                shortcut: c.shortcut,
                is_default: i == d.default,
                effect: Spread::of(&diffs),
            });
        }
    }
    out
}

/// Measures a level: plans searched on [`TRAIN_SEEDS`], everything reported on `seeds`
/// held-out seeds.
pub fn analyse(level: &Arc<Level>, seeds: u32) -> LevelBalance {
    let train: Vec<u64> = TRAIN_SEEDS.collect();
    let test = held_out(seeds);
    let shares: Vec<f64> = (0..=20).map(|i| i as f64 / 20.0).collect();
    let trained = sweep_seeds(level, &train, &shares);
    let best_share = trained.best_share;
    let sw = sweep_seeds(level, &test, &shares);
    let row = |share: f64| {
        sw.rows
            .iter()
            .find(|r| (r.share - share).abs() < 1e-9)
            .expect("the sweep has every share")
    };
    let b = super::whatif::band_of(&sw, BAND_TOLERANCE);
    let (fixed, _) = policy::best_fixed(level, &train, best_share);
    let (adaptive, _) = policy::best_adaptive(level, &train, fixed);
    let fixed_policy = Adaptive::fixed(fixed);
    let even_policy = Adaptive::fixed(Mix::even(best_share));
    let triples = parallel_map(&test, |&s| {
        let play = |p: &Adaptive| p.play(level, s).0.final_result().outcome;
        [play(&even_policy), play(&fixed_policy), play(&adaptive)]
    });
    let column = |k: usize| -> Vec<f64> { triples.iter().map(|t| t[k]).collect() };
    let reach = |values: &[f64]| -> [f64; 3] {
        let Some(st) = level.stars else {
            return [0.0; 3];
        };
        std::array::from_fn(|k| {
            let hits = values
                .iter()
                .filter(|v| st.earned(**v) as usize > k)
                .count();
            hits as f64 / values.len().max(1) as f64
        })
    };
    LevelBalance {
        id: level.id.clone(),
        title: level.title.clone(),
        role: level.role,
        seeds,
        best_share,
        even: Spread::of(&column(0)),
        band: (b.low, b.high),
        all_trees: row(0.0).mean,
        all_forest: row(1.0).mean,
        fixed,
        fixed_outcome: Spread::of(&column(1)),
        adaptive_outcome: Spread::of(&column(2)),
        choices: choice_effects(level, &test, &adaptive),
        adaptive,
        stars: level.stars,
        constant_reach: reach(&column(0)),
        fixed_reach: reach(&column(1)),
        adaptive_reach: reach(&column(2)),
        minutes: estimated_minutes(level),
        sweep: sw,
    }
}
