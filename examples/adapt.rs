use forest_and_trees::sim::{Level, policy, run::sweep};
use std::sync::Arc;
fn main() {
    for f in std::env::args().skip(1) {
        let l = Arc::new(Level::load(std::path::Path::new(&f)).unwrap());
        let shares: Vec<f64> = (0..=20).map(|i| i as f64 / 20.0).collect();
        let s = sweep(&l, 50, &shares);
        let best = s.rows.iter().map(|r| r.mean).fold(f64::MIN, f64::max);
        let (p, m) = policy::tune(&l, 50);
        println!(
            "{f}: best const {:.2} @ {:.2}; adaptive {:.2} {:?}",
            best, s.best_share, m, p
        );
    }
}
