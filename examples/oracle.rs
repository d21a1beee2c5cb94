use forest_and_trees::sim::{Decision, Level, Plan, Sim, run::parallel_map};
use std::sync::Arc;
fn play(l: &Arc<Level>, seed: u64, shares: &[f64]) -> f64 {
    let mut sim = Sim::new(l.clone(), seed);
    while !sim.is_finished() {
        let s = shares[sim.state.week as usize];
        sim.step(&Decision {
            plan: Plan::from_share(s, sim.budget()),
            ..Default::default()
        })
        .unwrap();
    }
    sim.final_result().outcome
}
fn mean(l: &Arc<Level>, shares: &[f64]) -> f64 {
    let seeds: Vec<u64> = (1..=20).collect();
    parallel_map(&seeds, |&s| play(l, s, shares))
        .iter()
        .sum::<f64>()
        / 20.0
}
fn main() {
    for f in std::env::args().skip(1) {
        let l = Arc::new(Level::load(std::path::Path::new(&f)).unwrap());
        let n = l.weeks as usize;
        let mut best = (f64::MIN, 0.0);
        for i in 0..=20 {
            let s = i as f64 / 20.0;
            let m = mean(&l, &vec![s; n]);
            if m > best.0 {
                best = (m, s);
            }
        }
        let mut sh = vec![best.1; n];
        let mut cur = best.0;
        for _round in 0..4 {
            for w in 0..n {
                for i in 0..=20 {
                    let mut t = sh.clone();
                    t[w] = i as f64 / 20.0;
                    let m = mean(&l, &t);
                    if m > cur + 1e-9 {
                        cur = m;
                        sh = t;
                    }
                }
            }
        }
        println!(
            "{f}: const {:.2}@{:.2} oracle {:.2} {:?}",
            best.0, best.1, cur, sh
        );
    }
}
