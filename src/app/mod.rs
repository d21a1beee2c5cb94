//! The desktop game: a Bevy app made of plugins, one concern a file. It reads plain
//! data from `crate::sim` and never holds a rule of the model.

mod audio;
pub mod screens;
pub mod session;
pub mod settings;
mod smoke;
pub mod ui;

use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::EguiPlugin;
use std::path::PathBuf;

/// How the binary was asked to start the window.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Drive every screen, save a screenshot of each into this folder, check none is
    /// blank, and quit.
    /// The folder, and optionally the id of the level to play.
    pub smoke_test: Option<(PathBuf, Option<String>)>,
}

/// Everything but the window: screens and their data. Tests add it to `MinimalPlugins`.
pub struct GamePlugin;

impl Plugin for GamePlugin {
    fn build(&self, app: &mut App) {
        if !app.world().contains_resource::<settings::PlayerSettings>() {
            app.insert_resource(settings::PlayerSettings::load());
        }
        app.add_plugins((session::plugin, screens::plugin));
    }
}

pub fn run(options: Options) -> AppExit {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "Forest & Trees".into(),
            resolution: WindowResolution::new(1280, 720),
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .insert_resource(ClearColor(screens::BACKGROUND))
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn(Camera2d);
    });
    if let Some((dir, _)) = &options.smoke_test {
        // A scripted run must not touch the player's own saves or settings.
        app.insert_resource(session::SaveDir(dir.join("data")));
        app.insert_resource(settings::PlayerSettings::in_memory(
            crate::settings::Settings::default(),
        ));
    }
    app.add_plugins((GamePlugin, settings::window_plugin, audio::plugin));
    if let Some((dir, level)) = options.smoke_test {
        app.add_plugins(smoke::plugin(dir, level));
    }
    app.run()
}
