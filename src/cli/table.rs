//! Plain-text tables for the terminal.

use sim::run::Sweep;
use sim::{Final, Level, WeekReport};
use std::fmt::Write;

fn pct(v: f64) -> String {
    format!("{:>4.0}%", v * 100.0)
}

pub fn weeks(level: &Level, seed: u64, weeks: &[WeekReport], fin: &Final) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} — {} ({}), seed {seed}",
        level.title,
        level.role.label(),
        level.id
    );
    let _ = writeln!(
        s,
        "week vision morale  trust  align on-time quality  goals people  what happened"
    );
    for w in weeks {
        let m = &w.metrics;
        let mut happened: Vec<String> = w.events.clone();
        happened.extend(w.choices.iter().map(|(d, c)| format!("{d}: {c}")));
        happened.extend(w.left.iter().map(|n| format!("{n} left")));
        happened.extend(w.joined.iter().map(|n| format!("{n} joined")));
        let _ = writeln!(
            s,
            "{:>4} {} {} {} {} {} {} {} {:>6}  {}",
            w.week,
            pct(w.vision_share),
            pct(m.morale),
            pct(m.trust),
            pct(m.alignment),
            pct(m.on_time),
            pct(m.quality),
            pct(m.goal_progress),
            m.headcount,
            happened.join("; ")
        );
    }
    let _ = writeln!(
        s,
        "outcome {:.1}/100 — delivery {:.0}% — {}",
        fin.outcome,
        fin.delivery * 100.0,
        fin.summary()
    );
    s
}

pub fn sweep(level: &Level, sweep: &Sweep) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} — {}: outcome by constant vision share over {} seeds",
        level.title,
        level.role.label(),
        sweep.seeds
    );
    let _ = writeln!(
        s,
        "share   mean  spread    min    max on-time quality  goals morale  trust  align retain"
    );
    for r in &sweep.rows {
        let _ = writeln!(
            s,
            " {:.1}  {:>5.1}  {:>6.1}  {:>5.1}  {:>5.1}   {}   {}  {}  {}  {}  {}  {}{}",
            r.share,
            r.mean,
            r.spread,
            r.min,
            r.max,
            pct(r.mean_final.on_time),
            pct(r.mean_final.quality),
            pct(r.mean_final.goal_progress),
            pct(r.mean_final.morale),
            pct(r.mean_final.trust),
            pct(r.mean_final.alignment),
            pct(r.mean_final.retention),
            if (r.share - sweep.best_share).abs() < 1e-9 {
                "  ← best"
            } else {
                ""
            }
        );
    }
    let _ = writeln!(s, "best share: {:.1}", sweep.best_share);
    s
}
