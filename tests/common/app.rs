//! The game as a Bevy app on `MinimalPlugins`, for the app and LAN tests: every plugin and
//! message of the game, no window.

use bevy::input::InputPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use forest_and_trees::app::GamePlugin;
use forest_and_trees::app::player_settings::PlayerSettings;
use forest_and_trees::app::screens::Catalog;
use forest_and_trees::app::screens::join::{self, JoinForm};
use forest_and_trees::app::session::{Command, SaveDir, Session};
use forest_and_trees::store::settings::Settings;
use std::path::Path;

pub use super::Scratch;

/// An empty folder of this test's own, removed when the test ends.
pub fn temp_dir(name: &str) -> Scratch {
    Scratch::new(&format!("test-{name}"))
}

/// The game with its saves in `saves`, one frame in.
pub fn app(saves: &Path) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin));
    app.insert_resource(SaveDir(saves.to_path_buf()));
    // Tests never read or write the player's own settings.
    app.insert_resource(PlayerSettings::in_memory(Settings::default()));
    app.add_plugins(GamePlugin);
    // `App::run` would finish the plugins (the LAN messages are built then).
    app.finish();
    app.cleanup();
    app.update();
    app
}

/// Begins the class the join screen's form describes, as its button does.
pub fn join_class(app: &mut App, form: &JoinForm) {
    let catalog = app.world().resource::<Catalog>();
    let data = app.world().resource::<SaveDir>().clone();
    let mut queue = bevy::ecs::world::CommandQueue::default();
    let mut commands = Commands::new(&mut queue, app.world());
    join::start(&mut commands, catalog, &data, form).unwrap();
    queue.apply(app.world_mut());
}

/// Answers every decision card of the coming week with its first choice, as messages.
pub fn answer_cards(app: &mut App) {
    let open: Vec<(String, String)> = session(app)
        .open_dilemmas()
        .iter()
        .map(|d| (d.id.clone(), d.choices[0].id.clone()))
        .collect();
    for (dilemma, choice) in open {
        app.world_mut()
            .write_message(Command::Choose { dilemma, choice });
    }
}

pub fn session(app: &App) -> &Session {
    app.world().resource::<Session>()
}

/// The rows of a class table that a facilitator reads: team, score, stars, verified.
pub fn rows(c: &forest_and_trees::class::results::Comparison) -> Vec<(String, u64, u8, bool)> {
    c.classes
        .iter()
        .flat_map(|(_, g)| g.iter())
        .map(|e| {
            (
                e.file.team.clone(),
                e.file.final_.outcome.to_bits(),
                e.file.stars,
                e.verdict.is_trusted(),
            )
        })
        .collect()
}
