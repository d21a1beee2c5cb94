//! Settings: volumes, UI scale, window mode and the default speed, saved and applied
//! as soon as they change.

use super::Screen;
use crate::app::player_settings::{PlayerSettings, effective_ui_scale};
use crate::app::ui::style;
use crate::store::settings::{Settings, Speed, WindowMode};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        settings_ui.run_if(in_state(Screen::Settings)),
    );
}

fn settings_ui(
    mut contexts: EguiContexts,
    mut settings: ResMut<PlayerSettings>,
    mut next: ResMut<NextState<Screen>>,
    window: Single<&Window, With<PrimaryWindow>>,
    // The scale being dragged: applied when the slider is let go, not under the pointer.
    mut dragging: Local<Option<f32>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut edited = settings.settings.clone();
    let mut root = style::root(ctx, "settings");
    egui::CentralPanel::default()
        .frame(style::frame().inner_margin(40.0))
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.label(
                    egui::RichText::new("Settings")
                        .size(32.0)
                        .color(style::FOREST)
                        .strong(),
                );
                ui.add_space(16.0);
                egui::Grid::new("settings")
                    .num_columns(2)
                    .spacing([24.0, 14.0])
                    .show(ui, |ui| grid(ui, &mut edited, &window, &mut dragging));
                ui.add_space(16.0);
                if let Some(path) = &settings.path {
                    ui.label(style::muted(format!("Saved in {}", path.display())));
                }
                if let Some(m) = &settings.message {
                    ui.label(egui::RichText::new(m).color(style::WARN));
                }
                ui.label(style::muted(format!(
                    "Saves: {}",
                    crate::store::data_dir().join("saves").display()
                )));
                ui.label(style::muted(format!(
                    "Levels: {} (shipped) and {} (your own)",
                    crate::catalog::levels_dir().display(),
                    crate::catalog::user_levels_dir().display()
                )));
                ui.add_space(16.0);
                if style::menu_button(ui, "Back").clicked() {
                    next.set(Screen::Title);
                }
            });
        });
    // Only a real change is written, so dragging a slider saves once per value.
    if edited != settings.settings {
        settings.settings = edited.clamped();
        settings.persist();
    }
    Ok(())
}

/// Every setting, a row each.
fn grid(ui: &mut egui::Ui, edited: &mut Settings, window: &Window, dragging: &mut Option<f32>) {
    ui.label(style::body("Music volume"));
    ui.add(egui::Slider::new(&mut edited.music_volume, 0.0..=1.0).show_value(true));
    ui.end_row();
    ui.label(style::body("Effects volume"));
    ui.add(egui::Slider::new(&mut edited.effects_volume, 0.0..=1.0).show_value(true));
    ui.end_row();
    ui.label(style::body("Interface scale"));
    ui.vertical(|ui| ui_scale(ui, edited, window, dragging));
    ui.end_row();
    ui.label(style::body("Window"));
    ui.horizontal(|ui| {
        ui.radio_value(&mut edited.window_mode, WindowMode::Windowed, "Windowed");
        ui.radio_value(
            &mut edited.window_mode,
            WindowMode::Fullscreen,
            "Full screen",
        );
    });
    ui.end_row();
    ui.label(style::body("Weeks advance"));
    ui.horizontal(|ui| {
        for s in Speed::ALL {
            ui.radio_value(&mut edited.default_speed, s, s.label());
        }
    });
    ui.end_row();
    ui.label(style::body("Campaign"));
    ui.checkbox(
        &mut edited.unlock_all,
        "Open every level (for facilitators choosing one for a class)",
    );
    ui.end_row();
    ui.label(style::body("Class results folder"));
    ui.add(
        egui::TextEdit::singleline(&mut edited.results_dir)
            .hint_text(
                crate::store::data_dir()
                    .join("results")
                    .display()
                    .to_string(),
            )
            .desired_width(420.0),
    );
    ui.end_row();
}

/// The interface scale: applied when the slider is let go, and said when the window has
/// no room for it.
fn ui_scale(ui: &mut egui::Ui, edited: &mut Settings, window: &Window, dragging: &mut Option<f32>) {
    let mut scale = dragging.unwrap_or(edited.ui_scale);
    let r = ui.add(egui::Slider::new(&mut scale, 0.75..=2.0).step_by(0.05));
    if r.dragged() {
        *dragging = Some(scale);
    } else {
        *dragging = None;
        edited.ui_scale = scale;
    }
    let shown = effective_ui_scale(edited.ui_scale, window.width(), window.height());
    if shown < edited.ui_scale - 1e-3 {
        ui.label(style::muted(format!(
            "Shown at {shown:.2}: this {:.0}x{:.0} window has no room for \
             more; a larger window or screen shows {:.2}",
            window.width(),
            window.height(),
            edited.ui_scale
        )));
    }
}
