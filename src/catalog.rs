//! Finding and loading the level files a player can pick from.

use sim::{Level, LevelError};
use std::path::{Path, PathBuf};

/// Where a level file was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// `levels/` shipped with the game.
    Shipped,
    /// The player's own levels folder.
    User,
    /// A path given on the command line.
    CommandLine,
}

/// One level file: loaded, or refused with its positioned errors.
#[derive(Clone, Debug)]
pub struct Entry {
    pub path: PathBuf,
    pub source: Source,
    pub level: Result<Level, Vec<LevelError>>,
}

/// The player's own levels: `levels/` in the data folder (beside the saves).
pub fn user_levels_dir() -> PathBuf {
    crate::store::data_dir().join("levels")
}

/// Everything a player can pick: files named on the command line first, then the
/// shipped levels, then the player's own folder. Missing folders give no entries.
pub fn load_all(shipped: &Path, user: &Path, files: &[PathBuf]) -> Vec<Entry> {
    let mut out: Vec<Entry> = files
        .iter()
        .map(|p| Entry {
            path: p.clone(),
            source: Source::CommandLine,
            level: Level::load(p),
        })
        .collect();
    out.extend(load_dir(shipped).into_iter().map(|e| Entry {
        source: Source::Shipped,
        ..e
    }));
    out.extend(load_dir(user).into_iter().map(|e| Entry {
        source: Source::User,
        ..e
    }));
    out
}

/// The shipped levels: `levels/` in the working directory, else beside the executable,
/// else in the source tree the binary was built from.
pub fn levels_dir() -> PathBuf {
    let candidates = [
        Some(PathBuf::from("levels")),
        std::env::current_exe()
            .ok()
            .and_then(|e| e.parent().map(|d| d.join("levels"))),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("levels")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.is_dir())
        .unwrap_or_else(|| PathBuf::from("levels"))
}

/// Every `.ron` file of a folder, in name order; unreadable folders give no entries.
pub fn load_dir(dir: &Path) -> Vec<Entry> {
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect(),
        Err(_) => Vec::new(),
    };
    paths.sort();
    let mut entries: Vec<Entry> = paths
        .into_iter()
        .map(|path| Entry {
            level: Level::load(&path),
            source: Source::Shipped,
            path,
        })
        .collect();
    // The campaign in order, then other levels from the floor up; files that do not load
    // come last.
    entries.sort_by_key(|e| {
        e.level.as_ref().map_or((u32::MAX, u8::MAX), |l| {
            (l.chapter.unwrap_or(u32::MAX - 1), l.role as u8)
        })
    });
    entries
}
