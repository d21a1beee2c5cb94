//! A team's one-page report: the score and stars, the curves, the split week by week
//! against the best band, the biggest causes, and the standing in the class, as HTML that
//! prints well.

use super::results::ResultFile;
use crate::chart::{Chart, Stroke, escape};
use sim::WeekReport;

/// A team's standing in its class: (rank, teams verified).
pub type Standing = (usize, usize);

impl ResultFile {
    /// A one-page report that prints well: score and stars, the curves, the split week by
    /// week against the best band, the biggest causes, and the standing in the class.
    pub fn html(
        &self,
        band: Option<(f64, f64)>,
        standing: Option<Standing>,
        questions: &[String],
    ) -> String {
        let esc = escape;
        let series = |f: fn(&WeekReport) -> f64| self.weeks.iter().map(f).collect::<Vec<f64>>();
        let metrics = chart(
            &[
                ("morale", "#c0392b", series(|w| w.metrics.morale)),
                ("trust", "#8e44ad", series(|w| w.metrics.trust)),
                ("alignment", "#27ae60", series(|w| w.metrics.alignment)),
                ("on time", "#d68910", series(|w| w.metrics.on_time)),
                ("quality", "#2471a3", series(|w| w.metrics.quality)),
                ("goals", "#17a589", series(|w| w.metrics.goal_progress)),
            ],
            None,
        );
        let split = chart(
            &[("forest share", "#1e8449", series(|w| w.vision_share))],
            band,
        );
        let (gains, losses) = sim::biggest_causes(&self.weeks);
        let list = |cs: &[sim::Cause]| {
            cs.iter()
                .map(|c| format!("<li>{:+.0} {}</li>", c.amount * 100.0, esc(&c.label)))
                .collect::<String>()
        };
        let f = &self.final_;
        let standing = match standing {
            Some((rank, of)) => format!(
                "<p class=\"big\">Rank {rank} of {of} verified teams in {}</p>",
                esc(self.class_code.as_deref().unwrap_or(""))
            ),
            None => String::new(),
        };
        let band_text = band.map_or(String::new(), |(lo, hi)| {
            format!(
                " The shaded band ({:.0}–{:.0}%) is where a steady split does best on this level.",
                lo * 100.0,
                hi * 100.0
            )
        });
        let questions: String = questions
            .iter()
            .map(|q| format!("<li>{}</li>", esc(q)))
            .collect();
        format!(
            r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} — {team}</title>
<style>
body {{ font-family: sans-serif; max-width: 760px; margin: 24px auto; color: #222; }}
h1 {{ margin: 0; font-size: 26px; }} .big {{ font-size: 20px; margin: 6px 0; }}
.cols {{ display: flex; gap: 24px; }} .cols > div {{ flex: 1; }}
svg {{ width: 100%; height: auto; }} ul {{ margin: 4px 0 10px 18px; padding: 0; }}
@media print {{ body {{ margin: 0; }} }}
</style></head><body>
<h1>{title}: {team}</h1>
<p>{code} · seed {seed} · {difficulty} · Forest &amp; Trees {version}</p>
<p class="big"><b>{score:.1} / 100</b> · {stars} of 3 stars</p>
{standing}
<p>On time {ot:.0}% · quality {q:.0}% · goals {g:.0}% · morale {m:.0}% · trust {t:.0}% · alignment {a:.0}% · retention {r:.0}%</p>
<h2>Your team, week by week</h2>
{metrics}
<h2>Your split between the forest and the trees</h2>
{split}
<p>Each point is the share of your week spent on the forest.{band_text}</p>
<div class="cols"><div><h2>What helped most</h2><ul>{gains}</ul></div><div><h2>What cost most</h2><ul>{losses}</ul></div></div>
<h2>To discuss</h2><ul>{questions}</ul>
</body></html>
"#,
            title = esc(&self.level_title),
            team = esc(&self.team),
            code = esc(self.class_code.as_deref().unwrap_or("no class code")),
            seed = self.seed,
            difficulty = self.difficulty.label(),
            version = esc(&self.game_version),
            score = f.outcome,
            stars = self.stars,
            ot = f.on_time * 100.0,
            q = f.quality * 100.0,
            g = f.goal_progress * 100.0,
            m = f.morale * 100.0,
            t = f.trust * 100.0,
            a = f.alignment * 100.0,
            r = f.retention * 100.0,
            gains = list(&gains),
            losses = list(&losses),
        )
    }
}

/// A line chart of 0..1 series over the weeks as inline SVG, with an optional band.
fn chart(series: &[(&str, &str, Vec<f64>)], band: Option<(f64, f64)>) -> String {
    let (w, h) = (700.0, 220.0);
    let n = series.iter().map(|s| s.2.len()).max().unwrap_or(1).max(2);
    let mut c = Chart::new(w, h, (36.0, 110.0, 8.0, 24.0), r#"font-size="11""#)
        .scales((0.0, (n - 1) as f64), (0.0, 1.0));
    if let Some(band) = band {
        c.band(band, true, "#d5f5e3");
    }
    for k in 0..=4 {
        let v = k as f64 / 4.0;
        c.grid_y(v, &format!("{:.0}%", v * 100.0));
    }
    for i in 0..n {
        c.text(
            (c.x(i as f64), h - 8.0),
            r#"text-anchor="middle""#,
            &(i + 1).to_string(),
        );
    }
    for (k, (name, colour, values)) in series.iter().enumerate() {
        let points = values.iter().enumerate().map(|(i, v)| (i as f64, *v));
        c.series(points, Stroke::solid(colour, 2.0));
        let at = (c.right + 8.0, 14.0 + 14.0 * k as f64);
        c.text(at, &format!(r#"fill="{colour}""#), name);
    }
    c.finish()
}
