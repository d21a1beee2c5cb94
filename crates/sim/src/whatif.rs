//! Counterfactuals: what a plan would likely do this week, what would have happened with
//! another split from some week on, and the band of splits that does best.

use super::run::{RunError, Sweep, sweep};
use super::{Decision, Level, Plan, Sim, WeekReport};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The coming week played with `plan` on a copy whose luck is redrawn: what is likely,
/// not what will happen.
pub fn preview(sim: &Sim, plan: &Plan) -> Option<WeekReport> {
    preview_choices(sim, plan, &BTreeMap::new())
}

/// The same, with dilemma choices made (the others take their default).
pub fn preview_choices(
    sim: &Sim,
    plan: &Plan,
    choices: &BTreeMap<String, String>,
) -> Option<WeekReport> {
    let mut copy = sim.clone();
    copy.state.rng =
        ChaCha8Rng::seed_from_u64(sim.seed.rotate_left(17) ^ u64::from(sim.state.week));
    let plan = plan.fitted(copy.budget());
    copy.step(&Decision {
        plan,
        choices: choices.clone(),
        inject: Vec::new(),
        custom: Vec::new(),
    })
    .ok()
    .cloned()
}

/// A choice id and its likely change of morale, trust, delivery and alignment this week.
pub type ChoiceEffect = (String, [f64; 4]);

/// What each choice of a dilemma would likely do this week, against the level's own
/// default choice.
pub fn choice_effects(
    sim: &Sim,
    plan: &Plan,
    dilemma: &str,
    made: &BTreeMap<String, String>,
) -> Vec<ChoiceEffect> {
    let Some(d) = sim.level.dilemmas.iter().find(|d| d.id == dilemma) else {
        return Vec::new();
    };
    let outcome = |choice: &str| {
        let mut all = made.clone();
        all.insert(dilemma.to_string(), choice.to_string());
        preview_choices(sim, plan, &all).map(|r| {
            let m = r.metrics;
            [m.morale, m.trust, m.delivery, m.alignment]
        })
    };
    let Some(base) = outcome(&d.choices[d.default.min(d.choices.len() - 1)].id) else {
        return Vec::new();
    };
    d.choices
        .iter()
        .filter_map(|c| {
            let v = outcome(&c.id)?;
            Some((c.id.clone(), std::array::from_fn(|i| v[i] - base[i])))
        })
        .collect()
}

/// The real decisions up to `from_week - 1`, then a constant `share` (the default spread)
/// to the end, keeping the recorded dilemma choices.
pub fn what_if(
    level: &Arc<Level>,
    seed: u64,
    decisions: &[Decision],
    from_week: u32,
    share: f64,
) -> Result<Sim, RunError> {
    let mut sim = Sim::new(level.clone(), seed);
    while !sim.is_finished() {
        let week = sim.next_week();
        let recorded = decisions.get(week as usize - 1);
        let decision = match recorded {
            Some(d) if week < from_week => d.clone(),
            _ => Decision {
                plan: Plan::from_share(share, sim.budget()),
                choices: recorded.map(|d| d.choices.clone()).unwrap_or_default(),
                inject: recorded.map(|d| d.inject.clone()).unwrap_or_default(),
                custom: recorded.map(|d| d.custom.clone()).unwrap_or_default(),
            },
        };
        sim.step(&decision).map_err(|e| RunError {
            week,
            error: e.to_string(),
        })?;
    }
    Ok(sim)
}

/// The best constant share and the band of shares within `tolerance` outcome points of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub best: f64,
    pub low: f64,
    pub high: f64,
}

/// The band of shares 0.00, 0.05 … 1.00, over seeds 1..=`seeds`.
pub fn best_band(level: &Arc<Level>, seeds: u32, tolerance: f64) -> Band {
    let shares: Vec<f64> = (0..=20).map(|i| i as f64 / 20.0).collect();
    band_of(&sweep(level, seeds, &shares), tolerance)
}

/// The best share of a sweep and the shares within `tolerance` points of its mean.
pub fn band_of(s: &Sweep, tolerance: f64) -> Band {
    let top = s.rows.iter().map(|r| r.mean).fold(f64::MIN, f64::max);
    let near: Vec<f64> = s
        .rows
        .iter()
        .filter(|r| r.mean >= top - tolerance)
        .map(|r| r.share)
        .collect();
    Band {
        best: s.best_share,
        low: near.iter().cloned().fold(1.0, f64::min),
        high: near.iter().cloned().fold(0.0, f64::max),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::run_constant;

    fn level() -> Arc<Level> {
        crate::shipped_level("first-week")
    }

    #[test]
    fn a_what_if_from_week_one_is_the_constant_run() {
        let l = level();
        let a = what_if(&l, 4, &[], 1, 0.3).unwrap();
        let b = run_constant(&l, 4, 0.3);
        assert_eq!(a.state, b.state);
    }

    #[test]
    fn a_what_if_keeps_the_real_weeks_before_it() {
        let l = level();
        let real = run_constant(&l, 4, 0.9);
        let decisions: Vec<Decision> = real
            .state
            .history
            .iter()
            .map(|w| Decision {
                plan: w.plan,
                ..Decision::default()
            })
            .collect();
        let alt = what_if(&l, 4, &decisions, 6, 0.4).unwrap();
        assert_eq!(alt.state.history[..5], real.state.history[..5]);
        assert_ne!(alt.state.history[5], real.state.history[5]);
    }

    #[test]
    fn the_preview_does_not_change_the_run() {
        let l = level();
        let sim = Sim::new(l, 2);
        let before = sim.state.clone();
        let p = preview(&sim, &Plan::from_share(0.4, sim.budget())).unwrap();
        assert_eq!(p.week, 1);
        assert_eq!(sim.state, before);
    }

    #[test]
    fn choice_effects_tell_a_values_choice_apart() {
        let l = crate::shipped_level("values-under-pressure");
        let mut sim = Sim::new(l, 5);
        let plan = Plan::from_share(0.4, sim.budget());
        while sim.next_week() < 3 {
            sim.step(&Decision {
                plan,
                ..Decision::default()
            })
            .unwrap();
        }
        let effects = choice_effects(&sim, &plan, "high-performer", &BTreeMap::new());
        let trust = |id: &str| effects.iter().find(|(c, _)| c == id).unwrap().1[1];
        // Tolerating the bully costs trust against confronting him (the default).
        assert!(trust("tolerate") < -0.01, "{effects:?}");
        assert!(trust("confront").abs() < 1e-12);
    }

    #[test]
    fn the_band_leaves_out_both_extremes_and_sits_lower_for_the_frontline() {
        let front = best_band(&level(), 10, 1.0);
        assert!(front.low > 0.0 && front.high < 1.0, "{front:?}");
        let exec = best_band(&crate::shipped_level("fog-of-strategy"), 10, 1.0);
        assert!(exec.low > 0.0 && exec.high < 1.0, "{exec:?}");
        assert!(front.best < exec.best, "{front:?} {exec:?}");
    }
}
