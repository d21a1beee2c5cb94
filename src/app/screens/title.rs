//! The title screen: the game, and the levels found on this machine, with their
//! briefings; broken level files are listed with their positioned errors.

use super::Screen;
use crate::catalog::{self, Entry};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

#[derive(Resource)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    pub selected: usize,
}

pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Title), load_catalog)
        .add_systems(
            EguiPrimaryContextPass,
            title_ui.run_if(in_state(Screen::Title).and_then(resource_exists::<Catalog>)),
        );
}

fn load_catalog(mut commands: Commands) {
    let entries = catalog::load_dir(&catalog::levels_dir());
    commands.insert_resource(Catalog {
        entries,
        selected: 0,
    });
}

const FOREST: egui::Color32 = egui::Color32::from_rgb(120, 190, 130);
const TEXT: egui::Color32 = egui::Color32::from_rgb(232, 236, 228);
const MUTED: egui::Color32 = egui::Color32::from_rgb(170, 180, 168);

fn title_ui(
    mut contexts: EguiContexts,
    mut catalog: ResMut<Catalog>,
    keys: Res<ButtonInput<KeyCode>>,
    mut exit: MessageWriter<AppExit>,
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
    let mut root = egui::Ui::new(
        ctx.clone(),
        "title".into(),
        egui::UiBuilder::new().max_rect(ctx.viewport_rect()),
    );
    let panel = egui::Frame::NONE
        .fill(egui::Color32::from_rgb(23, 33, 28))
        .inner_margin(24.0);
    egui::Panel::top("title_header").frame(panel).show(&mut root, |ui| {
        ui.label(egui::RichText::new("Forest & Trees").size(40.0).color(FOREST).strong());
        ui.label(egui::RichText::new("Lead the forest. Manage the trees. Every week, split your attention between the two.").size(18.0).color(TEXT));
    });
    egui::Panel::bottom("title_footer")
        .frame(panel)
        .show(&mut root, |ui| {
            ui.horizontal(|ui| {
                if ui.button(egui::RichText::new("Quit").size(18.0)).clicked()
                    || keys.just_pressed(KeyCode::Escape)
                {
                    exit.write(AppExit::Success);
                }
                ui.label(
                    egui::RichText::new("Up/Down: choose a level · Esc: quit")
                        .size(15.0)
                        .color(MUTED),
                );
            });
        });
    egui::Panel::left("title_levels")
        .frame(panel)
        .exact_size(380.0)
        .show(&mut root, |ui| {
            ui.label(
                egui::RichText::new(format!("Levels ({n})"))
                    .size(22.0)
                    .color(TEXT),
            );
            ui.add_space(8.0);
            if n == 0 {
                ui.label(
                    egui::RichText::new(format!(
                        "No level files in {}",
                        catalog::levels_dir().display()
                    ))
                    .color(egui::Color32::LIGHT_RED),
                );
            }
            let mut clicked = None;
            for (i, e) in catalog.entries.iter().enumerate() {
                let text = match &e.level {
                    Ok(l) => {
                        egui::RichText::new(format!("{}\n{}", l.title, l.role.label())).size(17.0)
                    }
                    Err(_) => egui::RichText::new(format!("{}\ncannot be loaded", file_name(e)))
                        .size(17.0)
                        .color(egui::Color32::LIGHT_RED),
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
        .frame(panel.fill(egui::Color32::from_rgb(30, 42, 36)))
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
                    .color(TEXT)
                    .strong(),
            );
            ui.label(
                egui::RichText::new(format!(
                    "{} · {} weeks · {} people · {:.0} hours of attention a week",
                    l.role.label(),
                    l.weeks,
                    l.team_size(),
                    l.budget
                ))
                .size(17.0)
                .color(FOREST),
            );
            ui.add_space(12.0);
            ui.label(egui::RichText::new(&l.briefing).size(18.0).color(TEXT));
            ui.add_space(12.0);
            ui.label(egui::RichText::new("Goals").size(20.0).color(TEXT));
            for g in &l.goals {
                ui.label(
                    egui::RichText::new(format!("• {}", g.title))
                        .size(17.0)
                        .color(MUTED),
                );
            }
            ui.add_space(12.0);
            ui.label(
                egui::RichText::new(format!(
                    "{} events and {} dilemmas may come your way.",
                    l.events.len(),
                    l.dilemmas.len()
                ))
                .size(16.0)
                .color(MUTED),
            );
        }
        Err(errors) => {
            ui.label(
                egui::RichText::new(file_name(e))
                    .size(26.0)
                    .color(egui::Color32::LIGHT_RED),
            );
            ui.label(
                egui::RichText::new("This level file has problems:")
                    .size(17.0)
                    .color(TEXT),
            );
            for err in errors {
                ui.label(
                    egui::RichText::new(err.to_string())
                        .size(15.0)
                        .monospace()
                        .color(TEXT),
                );
            }
        }
    }
}
