//! A dilemma card: the situation, two or three choices, and a hint of each consequence.

use super::style;
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
            RichText::new("A decision")
                .size(14.0)
                .color(style::pal().trees),
        );
        ui.label(
            RichText::new(&dilemma.title)
                .size(24.0)
                .color(style::pal().text)
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
            match &foresight {
                Foresight::Hidden => {}
                Foresight::Hints => {
                    ui.label(style::muted(format!("Likely: {}", c.hint)));
                }
                Foresight::Effects(all) => {
                    ui.label(style::muted(format!("Likely: {}", c.hint)));
                    let default = dilemma
                        .choices
                        .get(dilemma.default)
                        .map(|d| d.label.as_str());
                    if i == dilemma.default {
                        ui.label(style::muted(
                            "the default: the others' likely changes are against this one",
                        ));
                    } else if let Some((_, v)) = all.iter().find(|(id, _)| *id == c.id) {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(style::muted(format!(
                                "this week, against \"{}\":",
                                default.unwrap_or("the default")
                            )));
                            for (name, change) in
                                ["morale", "trust", "delivery", "alignment"].iter().zip(v)
                            {
                                ui.label(style::muted(*name));
                                ui.label(style::delta(*change, true));
                            }
                        });
                    }
                }
            }
            ui.add_space(6.0);
        }
        if matches!(foresight, Foresight::Hidden) {
            ui.label(style::muted(
                "Hard: what each choice does stays hidden until the week is played.",
            ));
        }
        let keys: Vec<String> = (1..=dilemma.choices.len()).map(|k| k.to_string()).collect();
        ui.label(style::muted(format!(
            "Press {} to choose.",
            keys.join(" or ")
        )));
    });
    chosen
}
