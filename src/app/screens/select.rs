//! Level select: every level found, its role, length, team and briefing; broken level
//! files are listed with their positioned errors.

use super::{Catalog, Screen};
use crate::app::ui::style;
use crate::catalog::{Entry, Source};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        select_ui.run_if(in_state(Screen::LevelSelect)),
    );
}

fn select_ui(
    mut contexts: EguiContexts,
    mut catalog: ResMut<Catalog>,
    keys: Res<ButtonInput<KeyCode>>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let n = catalog.entries.len();
    if n > 0 {
        if keys.just_pressed(KeyCode::ArrowDown) {
            catalog.selected = (catalog.selected + 1) % n;
        }
        if keys.just_pressed(KeyCode::ArrowUp) {
            catalog.selected = (catalog.selected + n - 1) % n;
        }
    }
    let playable = catalog.selected_level().is_some();
    let mut root = style::root(ctx, "select");
    egui::Panel::top("select_header")
        .frame(style::frame())
        .show(&mut root, |ui| {
            ui.label(
                egui::RichText::new("Choose a level")
                    .size(32.0)
                    .color(style::FOREST)
                    .strong(),
            );
        });
    egui::Panel::bottom("select_footer")
        .frame(style::frame())
        .show(&mut root, |ui| {
            ui.horizontal(|ui| {
                if ui.button(egui::RichText::new("Back").size(18.0)).clicked()
                    || keys.just_pressed(KeyCode::Escape)
                {
                    next.set(Screen::Title);
                }
                let start = ui.add_enabled(
                    playable,
                    egui::Button::new(egui::RichText::new("Read the briefing").size(18.0)),
                );
                if start.clicked() || (playable && keys.just_pressed(KeyCode::Enter)) {
                    next.set(Screen::Briefing);
                }
                ui.label(style::muted(
                    "Up/Down: choose · Enter: briefing · Esc: back",
                ));
            });
        });
    egui::Panel::left("select_levels")
        .frame(style::frame())
        .exact_size(360.0)
        .show(&mut root, |ui| {
            ui.label(style::heading(format!("Levels ({n})")));
            ui.add_space(8.0);
            if n == 0 {
                ui.label(
                    egui::RichText::new(format!(
                        "No level files in {}",
                        crate::catalog::levels_dir().display()
                    ))
                    .color(style::BAD),
                );
            }
            let mut clicked = None;
            for (i, e) in catalog.entries.iter().enumerate() {
                let text = match &e.level {
                    Ok(l) => {
                        let from = match e.source {
                            Source::Shipped => String::new(),
                            Source::User => " · your level".into(),
                            Source::CommandLine => " · opened".into(),
                        };
                        egui::RichText::new(format!("{}\n{}{from}", l.title, l.role.label()))
                            .size(17.0)
                    }
                    Err(_) => egui::RichText::new(format!("{}\ncannot be loaded", file_name(e)))
                        .size(17.0)
                        .color(style::BAD),
                };
                if ui.selectable_label(catalog.selected == i, text).clicked() {
                    clicked = Some(i);
                }
                ui.add_space(4.0);
            }
            if let Some(i) = clicked {
                catalog.selected = i;
            }
        });
    egui::CentralPanel::default()
        .frame(style::frame())
        .show(&mut root, |ui| {
            if let Some(e) = catalog.entries.get(catalog.selected) {
                level_details(ui, e);
            }
        });
    Ok(())
}

fn file_name(e: &Entry) -> String {
    e.path.file_name().map_or_else(
        || e.path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    )
}

fn level_details(ui: &mut egui::Ui, e: &Entry) {
    match &e.level {
        Ok(l) => {
            ui.label(
                egui::RichText::new(&l.title)
                    .size(30.0)
                    .color(style::TEXT)
                    .strong(),
            );
            ui.label(
                egui::RichText::new(format!(
                    "{} · {} weeks · {} people · {:.0} hours of attention a week · {:?}",
                    l.role.label(),
                    l.weeks,
                    l.team_size(),
                    l.budget,
                    l.difficulty
                ))
                .size(17.0)
                .color(style::FOREST),
            );
            ui.add_space(12.0);
            ui.label(
                egui::RichText::new(&l.briefing)
                    .size(18.0)
                    .color(style::TEXT),
            );
            ui.add_space(12.0);
            ui.label(style::heading("Goals").size(20.0));
            for g in &l.goals {
                ui.label(
                    egui::RichText::new(format!("• {}", g.title))
                        .size(17.0)
                        .color(style::MUTED),
                );
            }
            ui.add_space(12.0);
            ui.label(
                style::muted(format!(
                    "{} events and {} dilemmas may come your way.",
                    l.events.len(),
                    l.dilemmas.len()
                ))
                .size(16.0),
            );
        }
        Err(errors) => {
            ui.label(
                egui::RichText::new(file_name(e))
                    .size(26.0)
                    .color(style::BAD),
            );
            ui.label(style::body("This level file has problems:"));
            for err in errors {
                ui.label(
                    egui::RichText::new(err.to_string())
                        .size(15.0)
                        .monospace()
                        .color(style::TEXT),
                );
            }
        }
    }
}
