//! Finding and loading the level files a player can pick from, with the translations
//! beside them (`<stem>.<language>.ftl`).

use crate::i18n::level::{self as translation, Translations};
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
    /// The level's translations, registered for the texts' lookup; a broken one never
    /// stops the level (its problems are logged, those parts show in English).
    pub translations: Translations,
}

/// Reads a level file and the translations beside it.
pub fn load_entry(path: &Path, source: Source) -> Entry {
    let level = Level::load(path);
    let translations = match &level {
        Ok(l) => {
            let t = translation::load_beside(l, path);
            translation::register(&t);
            log_problems(&t);
            t
        }
        Err(_) => Translations::default(),
    };
    Entry {
        path: path.to_path_buf(),
        source,
        level,
        translations,
    }
}

/// A translation's problems in the game's log, as warnings (the command line's
/// `validate` prints them itself).
pub fn log_problems(translations: &Translations) {
    #[cfg(feature = "gui")]
    for line in translations.lines() {
        bevy::log::warn!("{line}");
    }
    #[cfg(not(feature = "gui"))]
    let _ = translations;
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
        .map(|p| load_entry(p, Source::CommandLine))
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
        .map(|path| load_entry(&path, Source::Shipped))
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
