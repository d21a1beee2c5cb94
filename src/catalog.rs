//! Finding and loading the level files a player can pick from, with the translations
//! beside them (`<stem>.<language>.ftl`).

use crate::i18n::Lang;
use crate::i18n::level::{self as translation, Translations};
use crate::store::disk;
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

/// Reads a level file and the translations beside it (through the storage door: in a
/// browser, the player's own levels are kept in its storage).
pub fn load_entry(path: &Path, source: Source) -> Entry {
    let level = Level::load_with(path, disk::read_capped);
    entry(path.to_path_buf(), source, level, |l| {
        translation::load_beside(l, path)
    })
}

/// A level read, with its translations (read by `translations` for a level that loaded)
/// registered for the texts' lookup and their problems logged.
fn entry(
    path: PathBuf,
    source: Source,
    level: Result<Level, Vec<LevelError>>,
    translations: impl FnOnce(&Level) -> Translations,
) -> Entry {
    let translations = match &level {
        Ok(l) => {
            let t = translations(l);
            translation::register(&t);
            log_problems(&t);
            t
        }
        Err(_) => Translations::default(),
    };
    Entry {
        path,
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

/// A level file the player opened (in a browser, through its file picker), named `name`
/// as the player's computer names it. A level that loads is kept among the player's own
/// levels in `user_dir`, so it is there next time; one that does not is listed with its
/// positioned errors and not kept. The message says why a good level could not be kept.
pub fn open_file(user_dir: &Path, picked_name: &str, bytes: Vec<u8>) -> (Entry, Option<String>) {
    // Only the file's own name: a picked file's name never chooses a folder. Kept as
    // `.ron`, the only files a levels folder lists.
    let stem = Path::new(picked_name)
        .file_stem()
        .map_or_else(|| "level".into(), |n| n.to_string_lossy().into_owned());
    let name = format!("{stem}.ron");
    let path = user_dir.join(&name);
    // Errors name the file as the player's computer does.
    let picked = Path::new(picked_name)
        .file_name()
        .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
    let level = Level::from_bytes(&bytes, &picked);
    let problem = match &level {
        Ok(_) => disk::write_atomic(&path, &bytes).err().map(|e| {
            crate::t!(
                "select-open-not-kept",
                file = name.clone(),
                why = e.to_string()
            )
        }),
        Err(_) => None,
    };
    (
        entry(path, Source::User, level, |_| Translations::default()),
        problem,
    )
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
    out.extend(load_user(user));
    out
}

/// The player's own levels in `dir` (a folder, or in a browser its storage).
pub fn load_user(dir: &Path) -> Vec<Entry> {
    load_dir(dir)
        .into_iter()
        .map(|e| Entry {
            source: Source::User,
            ..e
        })
        .collect()
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

/// The shipped levels and their Spanish, built into the binary for a browser page, which
/// has no folder to read: (file name, level, Spanish translation). A test keeps it equal
/// to `levels/`.
pub const BUNDLED: [(&str, &str, &str); 7] = [
    (
        "crunch.ron",
        include_str!("../levels/crunch.ron"),
        include_str!("../levels/crunch.es.ftl"),
    ),
    (
        "first-week.ron",
        include_str!("../levels/first-week.ron"),
        include_str!("../levels/first-week.es.ftl"),
    ),
    (
        "fog-of-strategy.ron",
        include_str!("../levels/fog-of-strategy.ron"),
        include_str!("../levels/fog-of-strategy.es.ftl"),
    ),
    (
        "the-promotion.ron",
        include_str!("../levels/the-promotion.ron"),
        include_str!("../levels/the-promotion.es.ftl"),
    ),
    (
        "the-sandwich.ron",
        include_str!("../levels/the-sandwich.ron"),
        include_str!("../levels/the-sandwich.es.ftl"),
    ),
    (
        "turnaround.ron",
        include_str!("../levels/turnaround.ron"),
        include_str!("../levels/turnaround.es.ftl"),
    ),
    (
        "values-under-pressure.ron",
        include_str!("../levels/values-under-pressure.ron"),
        include_str!("../levels/values-under-pressure.es.ftl"),
    ),
];

/// The built-in levels, as [`load_dir`] lists the shipped folder.
pub fn load_bundled() -> Vec<Entry> {
    let mut entries: Vec<Entry> = BUNDLED
        .iter()
        .map(|(name, text, spanish)| {
            let path = Path::new("levels").join(name);
            let level = Level::parse(text, &path.display().to_string());
            let file = translation::path_for(&path, Lang::Es).display().to_string();
            entry(path, Source::Shipped, level, |l| Translations {
                files: vec![translation::parse(l, Lang::Es, spanish, &file)],
                ignored: Vec::new(),
            })
        })
        .collect();
    in_campaign_order(&mut entries);
    entries
}

/// Every `.ron` file of a folder, in name order; unreadable folders give no entries.
pub fn load_dir(dir: &Path) -> Vec<Entry> {
    let mut paths: Vec<PathBuf> = disk::list(dir)
        .unwrap_or_default()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    let mut entries: Vec<Entry> = paths
        .into_iter()
        .map(|path| load_entry(&path, Source::Shipped))
        .collect();
    in_campaign_order(&mut entries);
    entries
}

/// The campaign in order, then other levels from the floor up; files that do not load
/// come last.
fn in_campaign_order(entries: &mut [Entry]) {
    entries.sort_by_key(|e| {
        e.level.as_ref().map_or((u32::MAX, u8::MAX), |l| {
            (l.chapter.unwrap_or(u32::MAX - 1), l.role as u8)
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opened_level_is_kept_among_the_players_own_and_a_broken_one_is_not() {
        let dir = crate::scratch::Scratch::new("catalog-open");
        let (_, text, _) = BUNDLED[0];
        let (e, problem) = open_file(&dir, "/elsewhere/mine.ron", text.as_bytes().to_vec());
        assert!(e.level.is_ok() && problem.is_none());
        assert_eq!(e.path, dir.join("mine.ron"), "only the file's name is used");
        let again = load_dir(&dir);
        assert_eq!(again.len(), 1, "it is listed next time");
        assert_eq!(again[0].level.as_ref().unwrap().id, e.level.unwrap().id);

        let broken = text.replacen("weeks:", "weeks: \"twelve\", was:", 1);
        let (e, problem) = open_file(&dir, "broken.ron", broken.into_bytes());
        let errors = e.level.unwrap_err();
        assert!(problem.is_none());
        assert_eq!(errors[0].file, "broken.ron", "{errors:?}");
        assert!(
            errors[0].line > 0,
            "the error is placed in the file: {errors:?}"
        );
        assert_eq!(load_dir(&dir).len(), 1, "a broken file is not kept");

        let (e, _) = open_file(&dir, "mine.txt", text.as_bytes().to_vec());
        assert_eq!(
            e.path,
            dir.join("mine.ron"),
            "kept as a level file, listed again"
        );

        let (e, _) = open_file(&dir, "latin1.ron", vec![b'(', 0xe9, b')']);
        let errors = e.level.unwrap_err();
        assert_eq!((errors[0].line, errors[0].col), (1, 2), "{errors:?}");
    }

    #[test]
    fn the_built_in_levels_are_the_shipped_folder_file_for_file() {
        let folder = levels_dir();
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".ron"))
            .collect();
        names.sort();
        let built_in: Vec<&str> = BUNDLED.iter().map(|(n, ..)| *n).collect();
        assert_eq!(built_in, names, "add the level to catalog::BUNDLED");
        for (name, text, spanish) in BUNDLED {
            let on_disk = std::fs::read_to_string(folder.join(name)).unwrap();
            assert_eq!(text, on_disk, "{name}");
            let es = translation::path_for(&folder.join(name), Lang::Es);
            assert_eq!(spanish, std::fs::read_to_string(es).unwrap(), "{name}");
        }
        let from_disk = load_dir(&folder);
        let built = load_bundled();
        let ids = |e: &[Entry]| -> Vec<String> {
            e.iter()
                .map(|e| e.level.as_ref().map(|l| l.id.clone()).unwrap())
                .collect()
        };
        assert_eq!(
            ids(&built),
            ids(&from_disk),
            "the same levels in the same order"
        );
        assert!(built.iter().all(|e| e.translations.lines().is_empty()));
    }
}
