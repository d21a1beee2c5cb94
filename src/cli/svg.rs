//! A level's balance chart as a small standalone SVG: outcome by constant vision share
//! (mean with its spread), the best fixed and adaptive plans, the best band and the star thresholds.

use sim::balance::LevelBalance;
use std::fmt::Write;

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
    let hi = (hi / 10.0).ceil() * 10.0;
    let x = |share: f64| LEFT + share * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (hi - v) / (hi - lo).max(1.0) * (H - TOP - BOTTOM);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">"##
    );
    let _ = writeln!(s, r##"<rect width="{W}" height="{H}" fill="#ffffff"/>"##);
    let _ = writeln!(
        s,
        r##"<text x="{LEFT}" y="20" font-size="15" font-weight="bold">{} — outcome by constant vision share ({} seeds)</text>"##,
        escape(&b.title),
        b.seeds
    );
    // The best band.
    let _ = writeln!(
        s,
        r##"<rect x="{:.1}" y="{TOP}" width="{:.1}" height="{:.1}" fill="#e3f1e3" stroke="none"/>"##,
        x(b.band.0) - 3.0,
        x(b.band.1) - x(b.band.0) + 6.0,
        H - TOP - BOTTOM
    );
    // Axes and grid.
    let mut v = lo;
    while v <= hi + 1e-9 {
        let _ = writeln!(
            s,
            r##"<line x1="{LEFT}" x2="{:.1}" y1="{:.1}" y2="{:.1}" stroke="#dddddd"/><text x="{:.1}" y="{:.1}" text-anchor="end">{v:.0}</text>"##,
            W - RIGHT,
            y(v),
            y(v),
            LEFT - 6.0,
            y(v) + 4.0
        );
        v += 10.0;
    }
    for i in 0..=10 {
        let share = i as f64 / 10.0;
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle">{share:.1}</text>"##,
            x(share),
            H - BOTTOM + 16.0
        );
    }
    let _ = writeln!(
        s,
        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle">vision share (0 = all trees, 1 = all forest)</text>"##,
        x(0.5),
        H - 10.0
    );
    // Spread around the mean, then the mean.
    let upper: Vec<String> = rows
        .iter()
        .map(|r| format!("{:.1},{:.1}", x(r.share), y(r.mean + r.spread)))
        .collect();
    let lower: Vec<String> = rows
        .iter()
        .rev()
        .map(|r| format!("{:.1},{:.1}", x(r.share), y(r.mean - r.spread)))
        .collect();
    let _ = writeln!(
        s,
        r##"<polygon points="{} {}" fill="#9ab8d8" fill-opacity="0.45" stroke="none"/>"##,
        upper.join(" "),
        lower.join(" ")
    );
    // A path rather than a polyline: some renderers close polylines.
    let mean: Vec<String> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let cmd = if i == 0 { "M" } else { "L" };
            format!("{cmd}{:.1},{:.1}", x(r.share), y(r.mean))
        })
        .collect();
    let _ = writeln!(
        s,
        r##"<path d="{}" fill="none" stroke="#1f4e79" stroke-width="2.5"/>"##,
        mean.join(" ")
    );
    // (line y, colour, dash, label, label offset): the adaptive label sits above its line
    // and the star labels below theirs, so close values stay readable.
    let mut legend = vec![
        (
            y(b.adaptive_outcome.mean),
            "#b85c00",
            "6 4",
            format!("adaptive plan {:.1}", b.adaptive_outcome.mean),
            -4.0,
        ),
        (
            y(b.fixed_outcome.mean),
            "#2e7d32",
            "4 2",
            format!("best fixed plan {:.1}", b.fixed_outcome.mean),
            -4.0,
        ),
    ];
    if let Some(st) = b.stars {
        for (k, t) in [st.one, st.two, st.three].iter().enumerate() {
            legend.push((
                y(*t),
                "#666666",
                "2 3",
                format!("{} star{} {t}", k + 1, if k == 0 { "" } else { "s" }),
                12.0,
            ));
        }
    }
    for (yy, colour, dash, label, dy) in &legend {
        let _ = writeln!(
            s,
            r##"<line x1="{LEFT}" x2="{:.1}" y1="{yy:.1}" y2="{yy:.1}" stroke="{colour}" stroke-width="1.5" stroke-dasharray="{dash}"/><text x="{:.1}" y="{:.1}" fill="{colour}">{}</text>"##,
            W - RIGHT,
            W - RIGHT + 6.0,
            yy + dy,
            escape(label)
        );
    }
    s.push_str("</svg>\n");
    s
}

fn escape(t: &str) -> String {
    t.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
