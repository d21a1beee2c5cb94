//! Credits: who made what, and the licences of the fonts built into the game.

use super::Screen;
use crate::app::ui::style;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// The game's credits, kept in the repository beside the assets they describe.
const CREDITS: &str = include_str!("../../../assets/CREDITS.md");

pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        credits_ui.run_if(in_state(Screen::Credits)),
    );
}

fn credits_ui(
    mut contexts: EguiContexts,
    keys: Res<ButtonInput<KeyCode>>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = style::root(ctx, "credits");
    egui::CentralPanel::default()
        .frame(style::frame().inner_margin(40.0))
        .show(&mut root, |ui| {
            ui.label(
                egui::RichText::new("Credits")
                    .size(32.0)
                    .color(style::FOREST)
                    .strong(),
            );
            ui.add_space(10.0);
            egui::ScrollArea::vertical()
                .max_height(ui.available_height() - 60.0)
                .show(ui, |ui| {
                    for line in CREDITS.lines().filter(|l| !l.starts_with("| ---")) {
                        // The Markdown table reads fine as plain rows with its pipes turned into dots.
                        let text = line
                            .trim_start_matches('#')
                            .trim()
                            .trim_matches('|')
                            .replace(" | ", "  ·  ");
                        let heading = line.starts_with('#');
                        ui.label(if heading {
                            style::heading(text)
                        } else {
                            style::body(text)
                        });
                    }
                });
            if style::menu_button(ui, "Back").clicked() || keys.just_pressed(KeyCode::Escape) {
                next.set(Screen::Title);
            }
        });
    Ok(())
}
