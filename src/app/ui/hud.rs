//! The metrics HUD: each team metric, its change this week, and a button for its causes.

use super::style;
use crate::t;
use bevy_egui::egui::{self, RichText};
use sim::{Metrics, WeekReport};

/// The metrics a player can ask "why?" about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Metric {
    Morale,
    Trust,
    Alignment,
    OnTime,
    Quality,
    Delivery,
    Goals,
    Stress,
    /// The confidence of whoever the player answers to.
    Confidence,
}

impl Metric {
    pub const ALL: [Metric; 9] = [
        Metric::Morale,
        Metric::Trust,
        Metric::Alignment,
        Metric::Stress,
        Metric::OnTime,
        Metric::Quality,
        Metric::Delivery,
        Metric::Goals,
        Metric::Confidence,
    ];

    /// The metric's name, as the HUD shows it, in the language in use.
    pub fn label(self) -> String {
        match self {
            Metric::Morale => t!("metric-morale"),
            Metric::Trust => t!("metric-trust"),
            Metric::Alignment => t!("metric-alignment"),
            Metric::OnTime => t!("metric-on-time"),
            Metric::Quality => t!("metric-quality"),
            Metric::Delivery => t!("metric-delivery"),
            Metric::Goals => t!("metric-goals"),
            Metric::Stress => t!("metric-stress"),
            Metric::Confidence => t!("metric-confidence"),
        }
    }

    /// The metric's short name in lower case, as a chart's legend or a list of changes
    /// shows it, in the language in use.
    pub fn short(self) -> String {
        match self {
            Metric::Morale => t!("metric-short-morale"),
            Metric::Trust => t!("metric-short-trust"),
            Metric::Alignment => t!("metric-short-alignment"),
            Metric::OnTime => t!("metric-short-on-time"),
            Metric::Quality => t!("metric-short-quality"),
            Metric::Delivery => t!("metric-short-delivery"),
            Metric::Goals => t!("metric-short-goals"),
            Metric::Stress => t!("metric-short-stress"),
            Metric::Confidence => t!("metric-short-confidence"),
        }
    }

    pub fn read(self, m: &Metrics) -> f64 {
        match self {
            Metric::Morale => m.morale,
            Metric::Trust => m.trust,
            Metric::Alignment => m.alignment,
            Metric::OnTime => m.on_time,
            Metric::Quality => m.quality,
            Metric::Delivery => m.delivery,
            Metric::Goals => m.goal_progress,
            Metric::Stress => m.stress,
            Metric::Confidence => m.confidence,
        }
    }

    pub fn higher_is_better(self) -> bool {
        self != Metric::Stress
    }
}

/// Draws the HUD; returns the metric whose causes the player asked for.
pub fn show(
    ui: &mut egui::Ui,
    now: &Metrics,
    before: Option<&Metrics>,
    history: &[WeekReport],
) -> Option<Metric> {
    let mut asked = None;
    ui.label(style::heading(t!("hud-your-team")));
    egui::Grid::new("hud")
        .num_columns(4)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for metric in Metric::ALL {
                let value = metric.read(now);
                ui.label(
                    RichText::new(metric.label())
                        .size(16.0)
                        .color(style::pal().text),
                );
                ui.label(
                    RichText::new(format!("{:.0}%", value * 100.0))
                        .size(16.0)
                        .color(style::pal().text)
                        .strong(),
                );
                match before {
                    Some(b) => style::trend(ui, value - metric.read(b), metric.higher_is_better()),
                    None => ui.label(style::muted("–")),
                };
                if ui
                    .small_button(t!("hud-why"))
                    .on_hover_text(t!("hud-why-hover", metric = metric.label().to_lowercase()))
                    .clicked()
                {
                    asked = Some(metric);
                }
                ui.end_row();
            }
        });
    ui.label(style::muted(t!(
        "hud-team-size",
        people = now.headcount,
        left = history.iter().map(|w| w.left.len()).sum::<usize>(),
        retention = sim::retention_text(now.retention)
    )));
    asked
}
