//! Settings: volumes, interface scale, window mode, the default speed, contrast, motion
//! and time, saved and applied as soon as they change.

use super::Screen;
use crate::app::access::SystemMotion;
use crate::app::player_settings::{PlayerSettings, effective_ui_scale};
use crate::app::ui::style;
use crate::store::settings::{Motion, Settings, Speed, TIME_SCALES, WindowMode};
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
    system: Res<SystemMotion>,
    // The scale being dragged: applied when the slider is let go, not under the pointer.
    mut dragging: Local<Option<f32>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut edited = settings.settings.clone();
    let mut root = style::root(ctx, "settings");
    egui::CentralPanel::default()
        .frame(style::frame().inner_margin(40.0))
        .show(&mut root, |ui| {
            style::region(ui, "Settings");
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.label(
                    egui::RichText::new("Settings")
                        .size(32.0)
                        .color(style::pal().forest)
                        .strong(),
                );
                ui.add_space(16.0);
                egui::Grid::new("settings")
                    .num_columns(2)
                    .spacing([24.0, 14.0])
                    .show(ui, |ui| {
                        grid(ui, &mut edited, &window, &mut dragging);
                        access_rows(ui, &mut edited, *system);
                    });
                ui.add_space(16.0);
                if let Some(path) = &settings.path {
                    ui.label(style::muted(format!("Saved in {}", path.display())));
                }
                if let Some(m) = &settings.message {
                    ui.label(egui::RichText::new(m).color(style::pal().warn));
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
    // Each control is named by its row's label, for screen readers.
    let name = "Music volume";
    ui.label(style::body(name));
    ui.horizontal(|ui| {
        style::slider(
            ui,
            &mut edited.music_volume,
            0.0..=1.0,
            name,
            ("", 2),
            |s| s,
        )
    });
    ui.end_row();
    let name = "Effects volume";
    ui.label(style::body(name));
    ui.horizontal(|ui| {
        style::slider(
            ui,
            &mut edited.effects_volume,
            0.0..=1.0,
            name,
            ("", 2),
            |s| s,
        )
    });
    ui.end_row();
    let name = "Interface scale";
    ui.label(style::body(name));
    ui.vertical(|ui| ui_scale(ui, edited, window, dragging, name));
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
    let name = ui.label(style::body("Class results folder")).id;
    ui.add(
        egui::TextEdit::singleline(&mut edited.results_dir)
            .hint_text(
                crate::store::data_dir()
                    .join("results")
                    .display()
                    .to_string(),
            )
            .desired_width(420.0),
    )
    .labelled_by(name);
    ui.end_row();
}

/// High contrast, motion and more time.
fn access_rows(ui: &mut egui::Ui, edited: &mut Settings, system: SystemMotion) {
    ui.label(style::body("Contrast"));
    ui.checkbox(
        &mut edited.high_contrast,
        "High contrast: white on black, colours colour-blind players tell apart",
    );
    ui.end_row();
    ui.label(style::body("Motion"));
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            for m in Motion::ALL {
                ui.radio_value(&mut edited.motion, m, m.label());
            }
        });
        let now = if edited.motion.reduced(system.reduce) {
            "Now: still. The camera cuts, moods and leavers show without moving."
        } else {
            "Now: moving. The camera glides, moods pulse, leavers drift away."
        };
        ui.label(style::muted(now));
    });
    ui.end_row();
    ui.label(style::body("Time for continuous weeks"));
    ui.horizontal(|ui| {
        for t in TIME_SCALES {
            ui.radio_value(&mut edited.time_scale, t, format!("{t}x"));
        }
    });
    ui.end_row();
}

/// The interface scale: applied when the slider is let go, and said when the window has
/// no room for it.
fn ui_scale(
    ui: &mut egui::Ui,
    edited: &mut Settings,
    window: &Window,
    dragging: &mut Option<f32>,
    name: &str,
) {
    let mut scale = dragging.unwrap_or(edited.ui_scale);
    let r = ui
        .horizontal(|ui| {
            style::slider(ui, &mut scale, 0.75..=2.0, name, ("", 2), |s| {
                s.step_by(0.05)
            })
        })
        .inner;
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
