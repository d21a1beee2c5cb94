//! The title screen: continue the last run, pick a level, or quit.

use super::{Catalog, Screen, load};
use crate::app::session::{SaveDir, Session};
use crate::app::ui::style;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// The most recent autosave that still matches its level, found on entering the title.
#[derive(Resource, Default)]
pub struct Continue {
    pub session: Option<Session>,
    /// A save that could not be used, and why.
    pub problem: Option<String>,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Continue>()
        .add_systems(OnEnter(Screen::Title), find_autosave)
        .add_systems(
            EguiPrimaryContextPass,
            title_ui.run_if(in_state(Screen::Title)),
        );
}

fn find_autosave(catalog: Res<Catalog>, dir: Res<SaveDir>, mut found: ResMut<Continue>) {
    *found = Continue::default();
    let mut ids: Vec<&str> = catalog
        .entries
        .iter()
        .filter_map(|e| e.level.as_ref().ok())
        .map(|l| l.id.as_str())
        .collect();
    ids.sort();
    ids.dedup();
    let mut newest: Option<(std::time::SystemTime, Session)> = None;
    for path in ids
        .into_iter()
        .map(|id| dir.autosave(id))
        .filter(|p| p.exists())
    {
        let modified = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .unwrap_or(std::time::UNIX_EPOCH);
        match load::open(&path, &catalog) {
            // A finished run has nothing to continue.
            Ok(s) if s.sim.is_finished() => {}
            Ok(mut s) => {
                s.autosave = Some(path);
                if newest.as_ref().is_none_or(|(t, _)| modified > *t) {
                    newest = Some((modified, s));
                }
            }
            Err(e) => found.problem = Some(e),
        }
    }
    found.session = newest.map(|(_, s)| s);
}

fn title_ui(
    mut contexts: EguiContexts,
    found: Res<Continue>,
    keys: Res<ButtonInput<KeyCode>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = style::root(ctx, "title");
    egui::CentralPanel::default().frame(style::frame()).show(&mut root, |ui| {
      // A small window or a large interface scale can leave the menu taller than the window.
      egui::ScrollArea::vertical().show(ui, |ui| {
        ui.add_space(70.0);
        ui.vertical_centered(|ui| {
            ui.label(egui::RichText::new("Forest & Trees").size(56.0).color(style::FOREST).strong());
            ui.label(style::body("Lead the forest. Manage the trees. Every week, split your attention between the two.").size(19.0));
            ui.add_space(40.0);
            if let Some(s) = &found.session {
                let label = format!("Continue: {} (week {} of {})", s.sim.level.title, s.sim.next_week(), s.sim.level.weeks);
                if style::menu_button(ui, &label).clicked() || keys.just_pressed(KeyCode::KeyC) {
                    commands.insert_resource(s.clone());
                    next.set(Screen::Play);
                }
                ui.add_space(8.0);
            }
            if style::menu_button(ui, "Play a level").clicked() || keys.just_pressed(KeyCode::Enter) {
                next.set(Screen::LevelSelect);
            }
            ui.add_space(8.0);
            if style::menu_button(ui, "Join a class").clicked() || keys.just_pressed(KeyCode::KeyJ) {
                next.set(Screen::Join);
            }
            ui.add_space(8.0);
            if style::menu_button(ui, "Facilitate a class").clicked() || keys.just_pressed(KeyCode::KeyF) {
                next.set(Screen::Facilitate);
            }
            ui.add_space(8.0);
            if style::menu_button(ui, "Load a saved game").clicked() || keys.just_pressed(KeyCode::KeyL) {
                next.set(Screen::Load);
            }
            ui.add_space(8.0);
            if style::menu_button(ui, "Settings").clicked() || keys.just_pressed(KeyCode::KeyS) {
                next.set(Screen::Settings);
            }
            ui.add_space(8.0);
            if style::menu_button(ui, "Credits").clicked() {
                next.set(Screen::Credits);
            }
            ui.add_space(8.0);
            if style::menu_button(ui, "Quit").clicked() || keys.just_pressed(KeyCode::Escape) {
                exit.write(AppExit::Success);
            }
            ui.add_space(24.0);
            let keys_hint = if found.session.is_some() { "C: continue · Enter: play · J: join · F: facilitate · S: settings · Esc: quit" } else { "Enter: play · J: join a class · F: facilitate · S: settings · Esc: quit" };
            ui.label(style::muted(keys_hint));
            if let Some(problem) = &found.problem {
                ui.add_space(16.0);
                ui.label(egui::RichText::new(problem).size(14.0).color(style::WARN));
            }
        });
      });
    });
    Ok(())
}
