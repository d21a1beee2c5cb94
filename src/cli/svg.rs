//! A level's balance chart as a small standalone SVG: outcome by constant vision share
//! (mean with its spread), the best fixed and adaptive plans, the best band and the star thresholds.

use crate::chart::{Chart, Stroke};
use sim::balance::LevelBalance;

const W: f64 = 640.0;
const H: f64 = 360.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 150.0;
const TOP: f64 = 36.0;
const BOTTOM: f64 = 48.0;

pub fn chart(b: &LevelBalance) -> String {
    let rows = &b.sweep.rows;
    let mut lo = rows
        .iter()
        .map(|r| r.mean - r.spread)
        .fold(f64::MAX, f64::min);
    let mut hi = rows
        .iter()
        .map(|r| r.mean + r.spread)
        .fold(f64::MIN, f64::max)
        .max(b.adaptive_outcome.mean);
    if let Some(s) = b.stars {
        lo = lo.min(s.one);
        hi = hi.max(s.three);
    }
    let lo = (lo / 10.0).floor() * 10.0;
    let hi = ((hi / 10.0).ceil() * 10.0).max(lo + 1.0);
    let mut c = Chart::new(
        W,
        H,
        (LEFT, RIGHT, TOP, BOTTOM),
        r#"font-family="sans-serif" font-size="12""#,
    )
    .scales((0.0, 1.0), (lo, hi));
    c.rect((0.0, 0.0), (W, H), "#ffffff");
    c.text(
        (LEFT, 20.0),
        r#"font-size="15" font-weight="bold""#,
        &format!(
            "{} — outcome by constant vision share ({} seeds)",
            b.title, b.seeds
        ),
    );
    // The best band, widened a little so a band of one share still shows.
    let (from, to) = (c.x(b.band.0) - 3.0, c.x(b.band.1) + 3.0);
    c.rect((from, TOP), (to - from, H - TOP - BOTTOM), "#e3f1e3");
    let mut v = lo;
    while v <= hi + 1e-9 {
        c.grid_y(v, &format!("{v:.0}"));
        v += 10.0;
    }
    for i in 0..=10 {
        let share = i as f64 / 10.0;
        c.tick_x(share, &format!("{share:.1}"));
    }
    c.text(
        (c.x(0.5), H - 10.0),
        r#"text-anchor="middle""#,
        "vision share (0 = all trees, 1 = all forest)",
    );
    // Spread around the mean, then the mean.
    let spread: Vec<_> = rows
        .iter()
        .map(|r| (r.share, r.mean + r.spread, r.mean - r.spread))
        .collect();
    c.area(&spread, "#9ab8d8", 0.45);
    c.series(
        rows.iter().map(|r| (r.share, r.mean)),
        Stroke::solid("#1f4e79", 2.5),
    );
    // The adaptive label sits above its line and the star labels below theirs, so close
    // values stay readable.
    let dashed = |colour, dash| Stroke {
        colour,
        width: 1.5,
        dash,
    };
    c.reference(
        b.adaptive_outcome.mean,
        dashed("#b85c00", "6 4"),
        &format!("adaptive plan {:.1}", b.adaptive_outcome.mean),
        -4.0,
    );
    c.reference(
        b.fixed_outcome.mean,
        dashed("#2e7d32", "4 2"),
        &format!("best fixed plan {:.1}", b.fixed_outcome.mean),
        -4.0,
    );
    if let Some(st) = b.stars {
        for (k, t) in [st.one, st.two, st.three].iter().enumerate() {
            let label = format!("{} star{} {t}", k + 1, if k == 0 { "" } else { "s" });
            c.reference(*t, dashed("#666666", "2 3"), &label, 12.0);
        }
    }
    c.finish()
}
