//! A dilemma card: the situation, two or three choices, and a hint of each consequence.

use super::style;
use crate::sim::level::DilemmaSpec;
use bevy_egui::egui::{self, RichText};

/// Shows the card as a modal; returns the chosen choice id. `key` is a number key the
/// player pressed (1-based), so the card can be answered without a mouse.
pub fn show(ctx: &egui::Context, dilemma: &DilemmaSpec, key: Option<usize>) -> Option<String> {
    let mut chosen = key
        .and_then(|k| dilemma.choices.get(k.checked_sub(1)?))
        .map(|c| c.id.clone());
    egui::Modal::new(egui::Id::new(("dilemma", &dilemma.id))).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.label(RichText::new("A decision").size(14.0).color(style::TREES));
        ui.label(
            RichText::new(&dilemma.title)
                .size(24.0)
                .color(style::TEXT)
                .strong(),
        );
        ui.add_space(6.0);
        ui.label(style::body(&dilemma.text).size(17.0));
        ui.add_space(10.0);
        for (i, c) in dilemma.choices.iter().enumerate() {
            let text = RichText::new(format!("{}. {}", i + 1, c.label)).size(17.0);
            if ui
                .add_sized([540.0, 34.0], egui::Button::new(text))
                .clicked()
            {
                chosen = Some(c.id.clone());
            }
            ui.label(style::muted(format!("Likely: {}", c.hint)));
            ui.add_space(6.0);
        }
        let keys: Vec<String> = (1..=dilemma.choices.len()).map(|k| k.to_string()).collect();
        ui.label(style::muted(format!(
            "Press {} to choose.",
            keys.join(" or ")
        )));
    });
    chosen
}
