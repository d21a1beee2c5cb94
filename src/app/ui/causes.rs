//! "Why is morale falling?": a metric's causes this week, largest first, and over the run.

use super::hud::Metric;
use super::style;
use crate::t;
use bevy_egui::egui::{self, RichText};
use sim::is_accounting;
use sim::{Cause, WeekReport};

/// The causes of a metric in one week (on-time and quality are the parts of delivery).
pub fn of_week(metric: Metric, week: &WeekReport) -> Vec<Cause> {
    // The simulation's own labels (its language), not shown here.
    let prefix = match metric {
        Metric::OnTime => Some("On time: "),  // i18n: not words
        Metric::Quality => Some("Quality: "), // i18n: not words
        _ => None,
    };
    let list = match metric {
        Metric::Morale => &week.morale_causes,
        Metric::Confidence => &week.confidence_causes,
        Metric::Trust => &week.trust_causes,
        Metric::Alignment => &week.alignment_causes,
        Metric::Stress => &week.stress_causes,
        Metric::Goals => &week.goal_causes,
        Metric::OnTime | Metric::Quality | Metric::Delivery => &week.delivery_causes,
    };
    list.iter()
        .filter(|c| prefix.is_none_or(|p| c.label.starts_with(p)))
        // On-time and quality each make half of delivery: show them in their own units.
        .map(|c| Cause {
            label: c.label.clone(),
            amount: if prefix.is_some() {
                c.amount * 2.0
            } else {
                c.amount
            },
        })
        .collect()
}

/// Adds up each cause over the whole run, largest first.
pub fn over_run(metric: Metric, weeks: &[WeekReport]) -> Vec<Cause> {
    let mut total: Vec<Cause> = Vec::new();
    for w in weeks {
        for c in of_week(metric, w) {
            match total.iter_mut().find(|t| t.label == c.label) {
                Some(t) => t.amount += c.amount,
                None => total.push(c),
            }
        }
    }
    total.sort_by(|a, b| b.amount.abs().total_cmp(&a.amount.abs()));
    total
}

pub fn show(ui: &mut egui::Ui, metric: Metric, weeks: &[WeekReport]) {
    let Some(last) = weeks.last() else {
        ui.label(style::body(t!("causes-nothing-yet")));
        return;
    };
    let mut this_week = of_week(metric, last);
    let sum_of = |m: Metric, w: &WeekReport| of_week(m, w).iter().map(|c| c.amount).sum::<f64>();
    this_week.sort_by(|a, b| b.amount.abs().total_cmp(&a.amount.abs()));
    let sum: f64 = this_week.iter().map(|c| c.amount).sum();
    ui.label(style::body(t!(
        "causes-this-week",
        week = last.week,
        metric = metric.label().to_lowercase(),
        points = format!("{:+.1}", sum * 100.0)
    )));
    bars(ui, &this_week, 8);
    ui.add_space(8.0);
    let first = weeks
        .first()
        .map_or(0.0, |w| metric.read(&w.metrics) - sum_of(metric, w));
    let moved = metric.read(&last.metrics) - first;
    ui.label(style::body(t!(
        "causes-over-run",
        weeks = weeks.len(),
        metric = metric.label().to_lowercase(),
        points = format!("{:+.1}", moved * 100.0)
    )));
    let happened: Vec<Cause> = over_run(metric, weeks)
        .into_iter()
        .filter(|c| !is_accounting(&c.label))
        .collect();
    bars(ui, &happened, 6);
}

fn bars(ui: &mut egui::Ui, causes: &[Cause], max: usize) {
    let biggest = causes.iter().map(|c| c.amount.abs()).fold(1e-9, f64::max);
    for c in causes.iter().filter(|c| c.amount.abs() >= 0.0005).take(max) {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(110.0, 14.0), egui::Sense::hover());
            let w = rect.width() * (c.amount.abs() / biggest) as f32;
            let color = if c.amount >= 0.0 {
                style::pal().good
            } else {
                style::pal().bad
            };
            let bar = if c.amount >= 0.0 {
                egui::Rect::from_min_size(rect.center_top(), egui::vec2(w / 2.0, rect.height()))
            } else {
                egui::Rect::from_min_size(
                    egui::pos2(rect.center().x - w / 2.0, rect.top()),
                    egui::vec2(w / 2.0, rect.height()),
                )
            };
            ui.painter().rect_filled(bar, 2.0, color);
            ui.label(
                RichText::new(format!("{:+.1}", c.amount * 100.0))
                    .size(14.0)
                    .color(color)
                    .monospace(),
            );
            ui.label(
                RichText::new(crate::i18n::text(&c.label))
                    .size(14.0)
                    .color(style::pal().text),
            );
        });
    }
}
