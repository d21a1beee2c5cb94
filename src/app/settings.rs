//! The player's settings as a resource: loaded at start, saved when changed, and applied
//! at once to the window, the UI scale and the sound.

use crate::settings::{self, Settings, WindowMode};
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
        let path = settings::config_path();
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
                .map(|e| format!("Could not save settings to {}: {e}", path.display()));
        }
    }
}

/// The parts that need a window: in `run()`, not in the headless tests.
pub fn window_plugin(app: &mut App) {
    app.add_systems(
        Update,
        apply_window_mode.run_if(resource_changed::<PlayerSettings>),
    )
    .add_systems(
        EguiPrimaryContextPass,
        apply_ui_scale.run_if(resource_changed::<PlayerSettings>),
    );
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

fn apply_ui_scale(settings: Res<PlayerSettings>, mut contexts: EguiContexts) -> Result {
    contexts
        .ctx_mut()?
        .set_zoom_factor(settings.settings.ui_scale);
    Ok(())
}
