//! The metrics HUD: each team metric, its change this week, and a button for its causes.

use super::style;
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

    pub fn label(self) -> &'static str {
        match self {
            Metric::Morale => "Morale",
            Metric::Trust => "Trust",
            Metric::Alignment => "Alignment",
            Metric::OnTime => "On time",
            Metric::Quality => "Quality",
            Metric::Delivery => "Delivery",
            Metric::Goals => "Goal progress",
            Metric::Stress => "Stress",
            Metric::Confidence => "Confidence above",
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
    ui.label(style::heading("Your team"));
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
                    .small_button("why?")
                    .on_hover_text(format!(
                        "What moved {} this week and before",
                        metric.label().to_lowercase()
                    ))
                    .clicked()
                {
                    asked = Some(metric);
                }
                ui.end_row();
            }
        });
    ui.label(style::muted(format!(
        "{} people · {} left · retention {}",
        now.headcount,
        history.iter().map(|w| w.left.len()).sum::<usize>(),
        sim::retention_text(now.retention)
    )));
    asked
}
