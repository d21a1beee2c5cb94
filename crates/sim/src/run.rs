//! Whole runs: a constant share, a recorded plan, and sweeps over shares and seeds.

use super::{Decision, Decisions, Final, Level, Plan, Sim, StepError};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Plays a whole level spending `share` of each week's budget on the forest.
pub fn run_constant(level: &Arc<Level>, seed: u64, share: f64) -> Sim {
    let mut sim = Sim::new(level.clone(), seed);
    while !sim.is_finished() {
        let decision = Decision {
            plan: Plan::from_share(share, sim.budget()),
            ..Decision::default()
        };
        sim.step(&decision)
            .expect("a default-spread plan always fits its budget");
    }
    sim
}

/// A recorded run failed at a week.
#[derive(Clone, Debug, PartialEq)]
pub struct RunError {
    pub week: u32,
    pub error: String,
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "week {}: {}", self.week, self.error)
    }
}

/// Plays recorded decisions, one per week; the file must cover the whole level.
pub fn run_decisions(
    level: &Arc<Level>,
    seed: u64,
    decisions: &Decisions,
) -> Result<Sim, RunError> {
    if let Some(id) = &decisions.level
        && id != &level.id
    {
        return Err(RunError {
            week: 0,
            error: format!("the decisions are for level \"{id}\", not \"{}\"", level.id),
        });
    }
    if decisions.weeks.len() != level.weeks as usize {
        return Err(RunError {
            week: 0,
            error: format!(
                "the decisions cover {} weeks; the level has {}",
                decisions.weeks.len(),
                level.weeks
            ),
        });
    }
    let mut sim = Sim::new(level.clone(), seed);
    for d in &decisions.weeks {
        let week = sim.next_week();
        sim.step(d).map_err(|e: StepError| RunError {
            week,
            error: e.to_string(),
        })?;
    }
    Ok(sim)
}

/// The shares a sweep tries: 0.0, 0.1, … 1.0.
pub fn standard_shares() -> Vec<f64> {
    (0..=10).map(|i| i as f64 / 10.0).collect()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepRow {
    pub share: f64,
    pub mean: f64,
    /// Standard deviation of the outcome over seeds.
    pub spread: f64,
    pub min: f64,
    pub max: f64,
    /// Means of the final metrics, for the shape tests and the balance report.
    pub mean_final: Final,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sweep {
    pub level: String,
    pub seeds: u32,
    pub rows: Vec<SweepRow>,
    pub best_share: f64,
}

/// Seeds 1..=`seeds` for every share, on all cores. Results do not depend on the
/// number of threads: each run is independent and lands in its own slot.
pub fn sweep(level: &Arc<Level>, seeds: u32, shares: &[f64]) -> Sweep {
    let list: Vec<u64> = (1..=seeds as u64).collect();
    sweep_seeds(level, &list, shares)
}

/// The same over any list of seeds: held-out seeds report what training seeds found.
pub fn sweep_seeds(level: &Arc<Level>, seeds: &[u64], shares: &[f64]) -> Sweep {
    let jobs: Vec<(usize, u64)> = (0..shares.len())
        .flat_map(|s| seeds.iter().map(move |&seed| (s, seed)))
        .collect();
    let results = parallel_map(&jobs, |&(s, seed)| {
        run_constant(level, seed, shares[s]).final_result()
    });
    let rows: Vec<SweepRow> = shares
        .iter()
        .enumerate()
        .map(|(s, &share)| {
            let finals: Vec<&Final> = jobs
                .iter()
                .zip(&results)
                .filter(|((js, _), _)| *js == s)
                .map(|(_, f)| f)
                .collect();
            summarise(share, &finals)
        })
        .collect();
    let best_share = rows
        .iter()
        .fold((f64::MIN, 0.0), |best, r| {
            if r.mean > best.0 {
                (r.mean, r.share)
            } else {
                best
            }
        })
        .1;
    Sweep {
        level: level.id.clone(),
        seeds: seeds.len() as u32,
        rows,
        best_share,
    }
}

fn summarise(share: f64, finals: &[&Final]) -> SweepRow {
    let n = finals.len().max(1) as f64;
    let mean = finals.iter().map(|f| f.outcome).sum::<f64>() / n;
    let var = finals
        .iter()
        .map(|f| (f.outcome - mean).powi(2))
        .sum::<f64>()
        / n;
    let avg = |g: fn(&Final) -> f64| finals.iter().map(|f| g(f)).sum::<f64>() / n;
    SweepRow {
        share,
        mean,
        spread: var.sqrt(),
        min: finals.iter().map(|f| f.outcome).fold(f64::MAX, f64::min),
        max: finals.iter().map(|f| f.outcome).fold(f64::MIN, f64::max),
        mean_final: Final {
            outcome: mean,
            delivery: avg(|f| f.delivery),
            on_time: avg(|f| f.on_time),
            quality: avg(|f| f.quality),
            goal_progress: avg(|f| f.goal_progress),
            morale: avg(|f| f.morale),
            trust: avg(|f| f.trust),
            alignment: avg(|f| f.alignment),
            retention: avg(|f| f.retention),
            throughput: avg(|f| f.throughput),
        },
    }
}

/// Maps `f` over `items` on every core, keeping the input order.
pub fn parallel_map<T: Sync, R: Send + Default + Clone>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    if threads <= 1 {
        // One core, or a browser page, which cannot start a thread: in place.
        return items.iter().map(f).collect();
    }
    let mut out = vec![R::default(); items.len()];
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        for (inputs, outputs) in items.chunks(chunk).zip(out.chunks_mut(chunk)) {
            let f = &f;
            scope.spawn(move || {
                for (i, o) in inputs.iter().zip(outputs.iter_mut()) {
                    *o = f(i);
                }
            });
        }
    });
    out
}
