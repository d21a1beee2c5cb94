//! Screens as states; each screen is its own plugin.

pub mod briefing;
pub mod compare;
pub mod credits;
pub mod debrief;
pub mod facilitate;
pub mod join;
pub mod load;
pub mod play;
pub mod sandbox;
pub mod select;
pub mod settings;
pub mod title;

use crate::app::session::SaveDir;
use crate::catalog::{self, Entry};
use crate::store::progress::Progress;
use bevy::prelude::*;

/// Where Esc leads from each screen that is left by it alone. The title, the play screen,
/// the debrief and the projector answer to Esc themselves.
const BACK: [(Screen, Screen); 8] = [
    (Screen::LevelSelect, Screen::Title),
    (Screen::Briefing, Screen::LevelSelect),
    (Screen::Sandbox, Screen::LevelSelect),
    (Screen::Settings, Screen::Title),
    (Screen::Credits, Screen::Title),
    (Screen::Load, Screen::Title),
    (Screen::Join, Screen::Title),
    (Screen::Compare, Screen::Facilitate),
];

/// Esc leaves the screen, in `Update`: it works (and is tested) without the UI.
fn back(
    keys: Res<ButtonInput<KeyCode>>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if !crate::app::keys::BACK.pressed(&keys) {
        return;
    }
    if let Some((_, to)) = BACK.iter().find(|(from, _)| from == screen.get()) {
        next.set(*to);
    }
}

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
    Sandbox,
    Join,
    Facilitate,
    Compare,
}

/// The campaign record: best scores and stars, kept beside the saves.
#[derive(Resource, Clone, Debug)]
pub struct CampaignProgress {
    pub progress: Progress,
    pub path: std::path::PathBuf,
    /// A problem reading or writing the record, shown to the player.
    pub message: Option<String>,
}

impl CampaignProgress {
    pub fn load(data_dir: &std::path::Path) -> Self {
        let path = Progress::path(data_dir);
        let (progress, message) = Progress::load(&path);
        CampaignProgress {
            progress,
            path,
            message,
        }
    }

    /// Records a finished run and writes the record; returns true on a new best.
    pub fn record(&mut self, level: &sim::Level, score: f64) -> bool {
        let better = self.progress.record(level, score);
        self.message = (self.progress.save(&self.path).err())
            .map(|e| crate::store::write_failed(crate::store::Saved::Progress, &self.path, &e));
        better
    }
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
    /// Lists a level the player opened and selects it; a file of the same name opened
    /// again replaces the earlier one.
    pub fn add_opened(&mut self, entry: Entry) {
        match self.entries.iter().position(|e| e.path == entry.path) {
            Some(i) => {
                self.entries[i] = entry;
                self.selected = i;
            }
            None => {
                self.entries.push(entry);
                self.selected = self.entries.len() - 1;
            }
        }
    }

    pub fn selected_level(&self) -> Option<&sim::Level> {
        self.entries
            .get(self.selected)
            .and_then(|e| e.level.as_ref().ok())
    }

    /// The shipped campaign's levels, in any order.
    pub fn campaign(&self) -> Vec<&sim::Level> {
        self.entries
            .iter()
            .filter(|e| e.source == catalog::Source::Shipped)
            .filter_map(|e| e.level.as_ref().ok())
            .filter(|l| l.chapter.is_some())
            .collect()
    }

    /// Whether a listed level may be played now: shipped campaign chapters open in order,
    /// everything else is always open.
    pub fn is_unlocked(&self, index: usize, progress: &Progress, unlock_all: bool) -> bool {
        let Some(e) = self.entries.get(index) else {
            return false;
        };
        match (&e.level, e.source) {
            (Ok(l), catalog::Source::Shipped) if !unlock_all => {
                progress.is_unlocked(l, &self.campaign())
            }
            _ => true,
        }
    }
}

pub fn plugin(app: &mut App) {
    // Loaded while the app is built: the first screen's OnEnter runs before any Startup system.
    #[cfg(not(target_arch = "wasm32"))]
    let entries = {
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
        catalog::load_all(&catalog::levels_dir(), &user, &files)
    };
    // A browser page plays the levels built in, and the player's own levels it keeps in
    // its storage (each opened once through the file picker).
    #[cfg(target_arch = "wasm32")]
    let entries = {
        let mut entries = catalog::load_bundled();
        entries.extend(catalog::load_user(&catalog::user_levels_dir()));
        entries
    };
    let data = app
        .world()
        .get_resource::<SaveDir>()
        .map_or_else(crate::store::data_dir, |d| d.0.clone());
    app.insert_resource(CampaignProgress::load(&data));
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
        sandbox::plugin,
        join::plugin,
        facilitate::plugin,
        compare::plugin,
    ))
    .add_systems(Update, back.in_set(crate::app::AppSystems::RecordInput));
}
