//! Metric curves over the weeks (egui_plot), optionally with an alternative run dashed.

use super::hud::Metric;
use super::style;
use crate::t;
use bevy_egui::egui;
use egui_plot::{Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points};
use sim::WeekReport;

/// A metric (its short name is the legend's) and how to read it from a week; its colour is the palette's curve of
/// the same index and its marker the shape of the same index, so no curve is told by
/// colour alone.
type Curve = (Metric, fn(&WeekReport) -> f64);

const CURVES: [Curve; 9] = [
    (Metric::Morale, |w| w.metrics.morale),
    (Metric::Trust, |w| w.metrics.trust),
    (Metric::Alignment, |w| w.metrics.alignment),
    (Metric::OnTime, |w| w.metrics.on_time),
    (Metric::Quality, |w| w.metrics.quality),
    (Metric::Goals, |w| w.metrics.goal_progress),
    (Metric::Stress, |w| w.metrics.stress),
    (Metric::Delivery, |w| w.metrics.delivery),
    (Metric::Confidence, |w| w.metrics.confidence),
];

const MARKERS: [MarkerShape; 9] = [
    MarkerShape::Circle,
    MarkerShape::Square,
    MarkerShape::Diamond,
    MarkerShape::Up,
    MarkerShape::Down,
    MarkerShape::Cross,
    MarkerShape::Plus,
    MarkerShape::Asterisk,
    MarkerShape::Left,
];

pub fn series(weeks: &[WeekReport], f: impl Fn(&WeekReport) -> f64) -> PlotPoints<'static> {
    weeks
        .iter()
        .map(|w| [w.week as f64, 100.0 * f(w)])
        .collect()
}

/// A tick of the week axis: whole weeks of the run named, none past the `last` week.
fn week_tick(value: f64, last: f64) -> String {
    let week = value.round();
    if (value - week).abs() < 1e-6 && (1.0..=last).contains(&week) {
        format!("{week:.0}")
    } else {
        String::new()
    }
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
        .x_axis_label(t!("chart-week"))
        // The legend's room is no week: its ticks are left unnamed.
        .x_axis_formatter(move |mark, _| week_tick(mark.value, last))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |p| {
            for (i, (metric, f)) in CURVES.into_iter().enumerate() {
                let name = metric.short();
                let color = style::pal().curves[i];
                p.line(Line::new(&name, series(weeks, f)).color(color).width(2.0));
                // The same name: the legend shows and hides line and markers together.
                p.points(
                    Points::new(&name, series(weeks, f))
                        .color(color)
                        .shape(MARKERS[i])
                        .radius(3.5),
                );
                if let Some(alt) = alternative {
                    p.line(
                        // The same name: one legend entry shows and hides both.
                        Line::new(&name, series(alt, f))
                            .color(color)
                            .style(LineStyle::dashed_loose()),
                    );
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::week_tick;

    #[test]
    fn the_week_axis_names_only_weeks_of_the_run() {
        let ticks: Vec<String> = [1.0, 2.0, 2.5, 3.0, 4.0, 0.0]
            .into_iter()
            .map(|v| week_tick(v, 3.0))
            .collect();
        assert_eq!(ticks, ["1", "2", "", "3", "", ""]);
    }
}
