//! Finding and loading the level files a player can pick from.

use crate::sim::{Level, LevelError};
use std::path::{Path, PathBuf};

/// One level file: loaded, or refused with its positioned errors.
#[derive(Clone, Debug)]
pub struct Entry {
    pub path: PathBuf,
    pub level: Result<Level, Vec<LevelError>>,
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
            path,
        })
        .collect();
    // The organisation from the floor up; files that do not load come last.
    entries.sort_by_key(|e| e.level.as_ref().map_or(u8::MAX, |l| l.role as u8));
    entries
}
