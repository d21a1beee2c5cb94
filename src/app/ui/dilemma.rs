//! A dilemma card: the situation, two or three choices, and a hint of each consequence.

use super::hud::Metric;
use super::style;
use crate::i18n;
use crate::t;
use bevy_egui::egui::{self, RichText};
use sim::DilemmaSpec;

/// How much the card tells of each choice's consequence, by difficulty.
pub enum Foresight<'a> {
    /// The hint, and the likely change this week against the default choice:
    /// (choice id, [morale, trust, delivery, alignment]).
    Effects(&'a [sim::whatif::ChoiceEffect]),
    /// The hint only.
    Hints,
    /// Nothing until the week is played.
    Hidden,
}

/// Shows the card as a modal; returns the chosen choice id. `key` is a number key the
/// player pressed (1-based), so the card can be answered without a mouse.
pub fn show(
    ctx: &egui::Context,
    dilemma: &DilemmaSpec,
    key: Option<usize>,
    foresight: Foresight,
) -> Option<String> {
    let mut chosen = key
        .and_then(|k| dilemma.choices.get(k.checked_sub(1)?))
        .map(|c| c.id.clone());
    egui::Modal::new(egui::Id::new(("dilemma", &dilemma.id))).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.label(
            RichText::new(t!("dilemma-kicker"))
                .size(14.0)
                .color(style::pal().trees),
        );
        ui.label(
            RichText::new(i18n::text(&dilemma.title))
                .size(24.0)
                .color(style::pal().text)
                .strong(),
        );
        ui.add_space(6.0);
        ui.label(style::body(i18n::text(&dilemma.text)).size(17.0));
        ui.add_space(10.0);
        for (i, c) in dilemma.choices.iter().enumerate() {
            let text = RichText::new(format!("{}. {}", i + 1, i18n::text(&c.label))).size(17.0);
            if ui
                .add_sized([540.0, 34.0], egui::Button::new(text))
                .clicked()
            {
                chosen = Some(c.id.clone());
            }
            match &foresight {
                Foresight::Hidden => {}
                Foresight::Hints => {
                    ui.label(style::muted(t!(
                        "dilemma-likely",
                        hint = i18n::text(&c.hint)
                    )));
                }
                Foresight::Effects(all) => {
                    ui.label(style::muted(t!(
                        "dilemma-likely",
                        hint = i18n::text(&c.hint)
                    )));
                    let default = dilemma
                        .choices
                        .get(dilemma.default)
                        .map(|d| i18n::text(&d.label));
                    if i == dilemma.default {
                        ui.label(style::muted(t!("dilemma-the-default-note")));
                    } else if let Some((_, v)) = all.iter().find(|(id, _)| *id == c.id) {
                        ui.horizontal_wrapped(|ui| {
                            let default = default.unwrap_or_else(|| t!("dilemma-the-default"));
                            ui.label(style::muted(t!("dilemma-against", choice = default)));
                            for (metric, change) in [
                                Metric::Morale,
                                Metric::Trust,
                                Metric::Delivery,
                                Metric::Alignment,
                            ]
                            .iter()
                            .zip(v)
                            {
                                ui.label(style::muted(metric.short()));
                                ui.label(style::delta(*change, true));
                            }
                        });
                    }
                }
            }
            ui.add_space(6.0);
        }
        if matches!(foresight, Foresight::Hidden) {
            ui.label(style::muted(t!("dilemma-hidden")));
        }
        // A level offers two or three choices (the level check refuses others).
        ui.label(style::muted(t!("dilemma-keys", n = dilemma.choices.len())));
    });
    chosen
}
