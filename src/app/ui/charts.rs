//! Metric curves over the weeks (egui_plot), optionally with an alternative run dashed.

use super::style;
use bevy_egui::egui;
use egui_plot::{Legend, Line, LineStyle, Plot, PlotPoints};
use sim::WeekReport;

/// A metric's name, how to read it from a week, and its colour.
type Curve = (&'static str, fn(&WeekReport) -> f64, egui::Color32);

const CURVES: [Curve; 9] = [
    (
        "morale",
        |w| w.metrics.morale,
        egui::Color32::from_rgb(230, 130, 200),
    ),
    (
        "trust",
        |w| w.metrics.trust,
        egui::Color32::from_rgb(150, 150, 240),
    ),
    ("alignment", |w| w.metrics.alignment, style::FOREST),
    ("on time", |w| w.metrics.on_time, style::TREES),
    (
        "quality",
        |w| w.metrics.quality,
        egui::Color32::from_rgb(240, 230, 140),
    ),
    (
        "goals",
        |w| w.metrics.goal_progress,
        egui::Color32::LIGHT_BLUE,
    ),
    ("stress", |w| w.metrics.stress, style::BAD),
    (
        "delivery",
        |w| w.metrics.delivery,
        egui::Color32::from_rgb(200, 140, 60),
    ),
    (
        "confidence above",
        |w| w.metrics.confidence,
        egui::Color32::from_rgb(190, 190, 190),
    ),
];

pub fn series(weeks: &[WeekReport], f: impl Fn(&WeekReport) -> f64) -> PlotPoints<'static> {
    weeks
        .iter()
        .map(|w| [w.week as f64, 100.0 * f(w)])
        .collect()
}

/// Every metric in percent by week; `alternative` is drawn dashed in the same colours.
pub fn metrics(
    ui: &mut egui::Ui,
    weeks: &[WeekReport],
    alternative: Option<&[WeekReport]>,
    height: f32,
) {
    // Room right of the last week for the legend, so it never covers a line.
    let last = weeks
        .iter()
        .chain(alternative.unwrap_or_default())
        .map(|w| w.week)
        .max()
        .unwrap_or(1) as f64;
    Plot::new("metrics")
        .legend(Legend::default().position(egui_plot::Corner::RightTop))
        .include_x(1.0)
        .include_x(last + 0.35 * last.max(4.0))
        .height(height)
        .include_y(0.0)
        .include_y(100.0)
        .x_axis_label("week")
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |p| {
            for (name, f, color) in CURVES {
                p.line(Line::new(name, series(weeks, f)).color(color).width(2.0));
                if let Some(alt) = alternative {
                    p.line(
                        // The same name: one legend entry shows and hides both.
                        Line::new(name, series(alt, f))
                            .color(color)
                            .style(LineStyle::dashed_loose()),
                    );
                }
            }
        });
}
