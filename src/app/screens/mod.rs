//! Screens as states; each screen is its own plugin.

pub mod briefing;
pub mod credits;
pub mod debrief;
pub mod load;
pub mod play;
pub mod select;
pub mod settings;
pub mod title;

use crate::app::session::SaveDir;
use crate::catalog::{self, Entry};
use bevy::prelude::*;

/// Window background, behind every screen.
pub const BACKGROUND: Color = Color::srgb(0.09, 0.13, 0.11);

#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Title,
    LevelSelect,
    Briefing,
    Play,
    Debrief,
    Settings,
    Credits,
    Load,
}

/// Level files named on the command line, listed (and selected) first.
#[derive(Resource, Clone, Debug, Default)]
pub struct ExtraLevels(pub Vec<std::path::PathBuf>);

/// The level files found at start, and the one the player has picked.
#[derive(Resource)]
pub struct Catalog {
    pub entries: Vec<Entry>,
    pub selected: usize,
}

impl Catalog {
    pub fn selected_level(&self) -> Option<&crate::sim::Level> {
        self.entries
            .get(self.selected)
            .and_then(|e| e.level.as_ref().ok())
    }
}

pub fn plugin(app: &mut App) {
    // Loaded while the app is built: the first screen's OnEnter runs before any Startup system.
    let files = app
        .world()
        .get_resource::<ExtraLevels>()
        .map(|e| e.0.clone())
        .unwrap_or_default();
    // The player's own levels sit beside their saves (a test's own folder in tests).
    let user = app
        .world()
        .get_resource::<SaveDir>()
        .map_or_else(catalog::user_levels_dir, |d| d.0.join("levels"));
    let entries = catalog::load_all(&catalog::levels_dir(), &user, &files);
    app.insert_resource(Catalog {
        entries,
        selected: 0,
    })
    .init_state::<Screen>()
    .add_plugins((
        title::plugin,
        select::plugin,
        briefing::plugin,
        play::plugin,
        debrief::plugin,
        settings::plugin,
        credits::plugin,
        load::plugin,
    ));
}
