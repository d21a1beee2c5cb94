//! Settings: volumes, interface scale, window mode, the default speed, language, contrast,
//! motion and time, saved and applied as soon as they change.

use super::Screen;
use crate::app::access::{SystemLang, SystemMotion};
use crate::app::platform::Platform;
use crate::app::player_settings::{PlayerSettings, effective_ui_scale};
use crate::app::ui::style;
use crate::i18n::Lang;
use crate::store::settings::{Motion, Settings, Speed, TIME_SCALES, WindowMode};
use crate::t;
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
    // What the system says, and what the platform offers.
    (system, lang, platform): (Res<SystemMotion>, Res<SystemLang>, Res<Platform>),
    // The scale being dragged: applied when the slider is let go, not under the pointer.
    mut dragging: Local<Option<f32>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut edited = settings.settings.clone();
    let mut root = style::root(ctx, "settings");
    egui::CentralPanel::default()
        .frame(style::frame().inner_margin(40.0))
        .show(&mut root, |ui| {
            style::region(ui, &t!("settings-title"));
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.label(
                    egui::RichText::new(t!("settings-title"))
                        .size(32.0)
                        .color(style::pal().forest)
                        .strong(),
                );
                ui.add_space(16.0);
                egui::Grid::new("settings")
                    .num_columns(2)
                    .spacing([24.0, 14.0])
                    .show(ui, |ui| {
                        grid(ui, &mut edited, &window, &mut dragging, *platform);
                        access_rows(ui, &mut edited, *system, *lang);
                    });
                ui.add_space(16.0);
                if platform.keeps_files_in_browser() {
                    // A page's storage has no folders to show.
                    ui.label(style::muted(t!("settings-browser-storage")));
                } else {
                    if let Some(path) = &settings.path {
                        ui.label(style::muted(t!(
                            "settings-saved-in",
                            path = path.display().to_string()
                        )));
                    }
                    ui.label(style::muted(t!(
                        "settings-saves",
                        path = crate::store::data_dir().join("saves").display().to_string()
                    )));
                    ui.label(style::muted(t!(
                        "settings-levels",
                        shipped = crate::catalog::levels_dir().display().to_string(),
                        own = crate::catalog::user_levels_dir().display().to_string()
                    )));
                }
                if let Some(m) = &settings.message {
                    ui.label(egui::RichText::new(m).color(style::pal().warn));
                }
                ui.add_space(16.0);
                if style::menu_button(ui, &t!("back")).clicked() {
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
fn grid(
    ui: &mut egui::Ui,
    edited: &mut Settings,
    window: &Window,
    dragging: &mut Option<f32>,
    platform: Platform,
) {
    // Each control is named by its row's label, for screen readers.
    let name = &t!("settings-music");
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
    let name = &t!("settings-effects");
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
    let name = &t!("settings-scale");
    ui.label(style::body(name));
    ui.vertical(|ui| ui_scale(ui, edited, window, dragging, name));
    ui.end_row();
    // A page is as large as its tab; the browser's own full screen (F11) makes it larger.
    if platform.sets_window_mode() {
        ui.label(style::body(t!("settings-window")));
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut edited.window_mode,
                WindowMode::Windowed,
                t!("settings-windowed"),
            );
            ui.radio_value(
                &mut edited.window_mode,
                WindowMode::Fullscreen,
                t!("settings-fullscreen"),
            );
        });
        ui.end_row();
    }
    ui.label(style::body(t!("settings-speed")));
    ui.horizontal(|ui| {
        for s in Speed::ALL {
            ui.radio_value(&mut edited.default_speed, s, crate::i18n::tr(s.label_id()));
        }
    });
    ui.end_row();
    ui.label(style::body(t!("settings-campaign")));
    ui.checkbox(&mut edited.unlock_all, t!("settings-unlock-all"));
    ui.end_row();
    // In a page, results are downloaded from the debrief: no folder to choose.
    if platform.keeps_files_in_browser() {
        return;
    }
    let name = ui.label(style::body(t!("settings-results"))).id;
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
fn access_rows(ui: &mut egui::Ui, edited: &mut Settings, system: SystemMotion, lang: SystemLang) {
    let name = ui.label(style::body(t!("settings-language"))).id;
    let shown = |l: Option<Lang>| match l {
        Some(l) => l.name().to_string(),
        None => t!("settings-language-system", language = lang.0.name()),
    };
    egui::ComboBox::from_id_salt("language")
        .selected_text(shown(edited.language))
        .show_ui(ui, |ui| {
            for l in std::iter::once(None).chain(Lang::ALL.map(Some)) {
                ui.selectable_value(&mut edited.language, l, shown(l));
            }
        })
        .response
        .labelled_by(name);
    ui.end_row();
    ui.label(style::body(t!("settings-contrast")));
    ui.checkbox(&mut edited.high_contrast, t!("settings-high-contrast"));
    ui.end_row();
    ui.label(style::body(t!("settings-motion")));
    ui.vertical(|ui| {
        ui.horizontal(|ui| {
            for m in Motion::ALL {
                ui.radio_value(&mut edited.motion, m, crate::i18n::tr(m.label_id()));
            }
        });
        let now = if edited.motion.reduced(system.reduce) {
            t!("settings-motion-still")
        } else {
            t!("settings-motion-moving")
        };
        ui.label(style::muted(now));
    });
    ui.end_row();
    ui.label(style::body(t!("settings-time")));
    ui.horizontal(|ui| {
        for t in TIME_SCALES {
            ui.radio_value(
                &mut edited.time_scale,
                t,
                t!("settings-times", times = format!("{t}")),
            );
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
        ui.label(style::muted(t!(
            "settings-scale-capped",
            shown = format!("{shown:.2}"),
            width = format!("{:.0}", window.width()),
            height = format!("{:.0}", window.height()),
            asked = format!("{:.2}", edited.ui_scale)
        )));
    }
}
