//! The player's settings as a resource: loaded at start, saved when changed, and applied
//! at once to the window, the UI scale and the sound.

use crate::store::settings::{Settings, WindowMode};
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, WindowMode as BevyWindowMode};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass};
use std::path::PathBuf;

#[derive(Resource, Clone, Debug)]
pub struct PlayerSettings {
    pub settings: Settings,
    /// Where they are kept; `None` keeps them in memory (tests).
    pub path: Option<PathBuf>,
    /// A problem reading or writing them, shown on the settings screen.
    pub message: Option<String>,
}

impl PlayerSettings {
    pub fn in_memory(settings: Settings) -> Self {
        PlayerSettings {
            settings,
            path: None,
            message: None,
        }
    }

    pub fn load() -> Self {
        let path = crate::store::config_path();
        let (settings, message) = Settings::load(&path);
        PlayerSettings {
            settings,
            path: Some(path),
            message,
        }
    }

    /// Writes the settings; a failure is kept as the message, never a panic.
    pub fn persist(&mut self) {
        if let Some(path) = &self.path {
            self.message = self
                .settings
                .save(path)
                .err()
                .map(|e| crate::store::write_failed(crate::store::Saved::Settings, path, &e));
        }
    }
}

/// The parts that need a window: in `run()`, not in the headless tests.
pub fn window_plugin(app: &mut App) {
    app.add_systems(
        Update,
        apply_window_mode.run_if(resource_changed::<PlayerSettings>),
    )
    .add_systems(EguiPrimaryContextPass, apply_ui_scale);
}

fn apply_window_mode(
    settings: Res<PlayerSettings>,
    mut window: Single<&mut Window, With<PrimaryWindow>>,
) {
    let mode = match settings.settings.window_mode {
        WindowMode::Windowed => BevyWindowMode::Windowed,
        WindowMode::Fullscreen => BevyWindowMode::BorderlessFullscreen(MonitorSelection::Current),
    };
    if window.mode != mode {
        window.mode = mode;
    }
}

/// The smallest interface, in egui points, the play screen's panels fit in side by side.
pub const ROOM_NEEDED: (f32, f32) = (1180.0, 640.0);

/// The interface scale shown: the one asked for, unless the window has too little room
/// for it (a projector's 2.0 on a 1280x720 window would leave 640x360 points, in which the
/// panels overlap); then the largest that leaves the room the play screen needs, never
/// below 0.75. Always a multiple of 0.05: egui rasterises every glyph again for each scale
/// it meets and keeps them all in one atlas until it is nearly full, so a window dragged
/// through every size grew memory by tens of megabytes.
pub fn effective_ui_scale(asked: f32, window_width: f32, window_height: f32) -> f32 {
    let fits = (window_width / ROOM_NEEDED.0).min(window_height / ROOM_NEEDED.1);
    let scale = asked.min(fits).max(asked.min(0.75));
    // A hair over the step counts as the step, so 1.0 stays 1.0 after float rounding.
    ((scale * 20.0 + 1e-3).floor() / 20.0).max(0.75)
}

/// Applied every frame but written only when it changes: a resized window or a new
/// setting takes effect at once.
fn apply_ui_scale(
    settings: Res<PlayerSettings>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut contexts: EguiContexts,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let scale = effective_ui_scale(settings.settings.ui_scale, window.width(), window.height());
    if (ctx.zoom_factor() - scale).abs() > 1e-3 {
        ctx.set_zoom_factor(scale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::effective_ui_scale;

    #[test]
    fn a_large_scale_shrinks_to_what_the_window_has_room_for() {
        // A projector's 2.0 on a 1280x720 window: the panels keep 1180 points across
        // (1280 / 1180 = 1.085, shown at the step below).
        let s = effective_ui_scale(2.0, 1280.0, 720.0);
        assert!((s - 1.05).abs() < 1e-4, "{s}");
        // Full HD has room for more, but not for 2.0.
        let s = effective_ui_scale(2.0, 1920.0, 1080.0);
        assert!((s - 1.6).abs() < 1e-4, "{s}");
        // What fits is shown as asked.
        assert_eq!(effective_ui_scale(1.0, 1280.0, 720.0), 1.0);
        assert_eq!(effective_ui_scale(1.5, 2560.0, 1440.0), 1.5);
        // A tiny window does not shrink text below 0.75.
        assert_eq!(effective_ui_scale(1.0, 640.0, 400.0), 0.75);
    }

    #[test]
    fn a_window_dragged_through_every_size_meets_few_scales() {
        let mut seen = std::collections::BTreeSet::new();
        for w in (400..=2560).step_by(7) {
            for h in (300..=1440).step_by(5) {
                seen.insert((effective_ui_scale(2.0, w as f32, h as f32) * 1000.0).round() as u32);
            }
        }
        // 0.75, 0.80, … 2.00.
        assert!(seen.len() <= 26, "{} scales: {seen:?}", seen.len());
        assert!(seen.iter().all(|s| s % 50 == 0), "{seen:?}");
    }
}
