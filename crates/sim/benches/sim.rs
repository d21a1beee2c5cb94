//! Speed of the simulation core. Goals: a 12-week frontline level in < 200 µs; one week
//! of a 1,000-person executive organisation in < 1 ms; 10,000 runs across the shipped
//! levels in < 10 s on two cores.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use sim::Team;
use sim::run::{run_constant, standard_shares, sweep};
use sim::{Decision, Level, Plan, Sim};
use std::hint::black_box;
use std::sync::Arc;

#[path = "../tests/common/mod.rs"]
mod common;
use common::level;

fn frontline_level(c: &mut Criterion) {
    let l = level("first-week");
    let mut seed = 0;
    c.bench_function("frontline 12-week level, whole", |b| {
        b.iter(|| {
            seed += 1;
            black_box(run_constant(&l, seed, 0.4).final_result())
        })
    });
}

fn executive_week(c: &mut Criterion) {
    // The executive level with 5 managers, 5 leads each and 40 people per lead: 1,030 people.
    let mut big = (*level("fog-of-strategy")).clone();
    if let Team::Generated(g) = &mut big.team {
        g.layers[0].span = 5;
        g.layers[1].span = 5;
        g.layers[2].span = 40;
    }
    assert!(big.team_size() >= 1000);
    let big = Arc::new(big);
    let sim = Sim::new(big, 1);
    let decision = Decision {
        plan: Plan::from_share(0.7, sim.budget()),
        ..Decision::default()
    };
    c.bench_function("executive week, 1,030 people", |b| {
        b.iter_batched(
            || sim.clone(),
            |mut s| black_box(s.step(&decision).map(|r| r.metrics.morale).ok()),
            BatchSize::SmallInput,
        )
    });
}

fn sweep_10k(c: &mut Criterion) {
    let ids = [
        "first-week",
        "the-promotion",
        "the-sandwich",
        "fog-of-strategy",
    ];
    let levels: Vec<Arc<Level>> = ids.iter().map(|id| level(id)).collect();
    // 4 levels × 11 shares × 228 seeds = 10,032 runs.
    let mut g = c.benchmark_group("sweep");
    g.sample_size(10);
    g.bench_function("10,032 runs across the shipped levels", |b| {
        b.iter(|| {
            for l in &levels {
                black_box(sweep(l, 228, &standard_shares()).best_share);
            }
        })
    });
    g.finish();
}

criterion_group!(benches, frontline_level, executive_week, sweep_10k);
criterion_main!(benches);
