//! Everything the game keeps on disk for the player: saves, progress and settings, and
//! the one way every file of the game is written and every damaged file set aside.
//!
//! The rules, for every file: a write lands whole or not at all (a crash leaves the old
//! file or the new one); a file that cannot be read is renamed beside itself, never
//! deleted and never written over, and the player is told where it went.

pub mod disk;
pub mod kv;
pub mod progress;
pub mod save;
pub mod settings;

use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Damaged files that could not be moved aside (a full browser storage has no room for the
/// copy): they are not written over while the game runs, so the player's old data stays.
static HELD: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

/// Writes `bytes` to `path` so that a crash at any moment leaves either the old file or the
/// new one (`disk::write_atomic`); never over a damaged file that could not be set aside.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if HELD.lock().is_ok_and(|held| held.contains(path)) {
        return Err(std::io::Error::other(
            "a damaged copy there could not be moved aside, so it is not written over",
        ));
    }
    disk::write_atomic(path, bytes)
}

/// What could not be saved, named in the player's language by `write_failed`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    Progress,
    Settings,
    Autosave,
    RunCopy,
    Class,
}

impl Saved {
    /// The selector of the `save-failed` message.
    fn key(self) -> &'static str {
        match self {
            Saved::Progress => "progress",
            Saved::Settings => "settings",
            Saved::Autosave => "autosave",
            Saved::RunCopy => "copy",
            Saved::Class => "class",
        }
    }
}

/// What the player reads when `what` could not be written to `path`: the file, why in
/// plain words, and whether the copy already there is kept (a failed `write_atomic` never
/// touches it). One message with selectors, so each language words it whole.
pub fn write_failed(what: Saved, path: &Path, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let why = match e.kind() {
        // A page's storage is not a disk.
        K::QuotaExceeded if cfg!(target_arch = "wasm32") => "browser-full",
        K::StorageFull | K::QuotaExceeded => "full",
        K::FileTooLarge => "too-large",
        K::PermissionDenied | K::ReadOnlyFilesystem => "denied",
        _ => "other",
    };
    crate::t!(
        "save-failed",
        what = what.key(),
        path = disk::shown(path),
        why = why,
        error = e.to_string(),
        kept = if disk::exists(path) { "yes" } else { "no" },
    )
}

/// `value` as pretty RON, written atomically.
pub fn write_ron<T: Serialize>(path: &Path, value: &T) -> std::io::Result<()> {
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
        .map_err(std::io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

/// Renames a damaged file to `NAME.corrupt`, `NAME.corrupt-2`, … never replacing an
/// earlier copy. None when it could not be moved: it is then left where it is, and held
/// from being written over.
pub fn set_aside(path: &Path) -> Option<PathBuf> {
    let moved = move_aside(path);
    if moved.is_none()
        && let Ok(mut held) = HELD.lock()
    {
        held.insert(path.to_path_buf());
    }
    moved
}

fn move_aside(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    (1..1000)
        .map(|n| {
            path.with_file_name(if n == 1 {
                format!("{name}.corrupt")
            } else {
                format!("{name}.corrupt-{n}")
            })
        })
        .find(|candidate| !disk::exists(candidate))
        .filter(|candidate| disk::rename(path, candidate).is_ok())
}

/// Why a file the game keeps could not be used.
#[derive(Debug)]
pub enum Damage {
    /// It is not what the game wrote: where, and what.
    Parse(ron::error::SpannedError),
    /// It is there but cannot be read (not text, no permission, no storage).
    Read(std::io::Error),
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Damage::Parse(e) => write!(f, "{e}"),
            Damage::Read(e) => write!(f, "cannot be read ({e})"),
        }
    }
}

/// A RON file read with `parse`: a missing file gives the default and no problem; a
/// damaged or unreadable one is set aside and its damage returned with where it was kept
/// ("; kept as PATH"), for the caller to word its message.
pub fn read_or_default<T: Default>(
    path: &Path,
    parse: impl Fn(&str) -> Result<T, ron::error::SpannedError>,
) -> (T, Option<(Damage, String)>) {
    let damage = match disk::read_to_string(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (T::default(), None),
        Err(e) => Damage::Read(e),
        Ok(text) => match parse(&text) {
            Ok(value) => return (value, None),
            Err(e) => Damage::Parse(e),
        },
    };
    let kept = kept_as(set_aside(path).as_deref());
    (T::default(), Some((damage, kept)))
}

/// "; kept as PATH" for a message about a file set aside, or nothing if it was not.
fn kept_as(aside: Option<&Path>) -> String {
    aside.map_or(String::new(), |p| format!("; kept as {}", disk::shown(p)))
}

/// Where saves live: `$FOREST_AND_TREES_DATA` when set (tests, portable installs), else
/// the platform's data folder.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("FOREST_AND_TREES_DATA") {
        return PathBuf::from(dir);
    }
    project_dirs()
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".forest-and-trees"))
}

/// `$FOREST_AND_TREES_CONFIG` when set, else the platform's config folder.
pub fn config_path() -> PathBuf {
    if let Some(dir) = std::env::var_os("FOREST_AND_TREES_CONFIG") {
        return PathBuf::from(dir).join("settings.ron");
    }
    project_dirs()
        .map(|d| d.config_dir().join("settings.ron"))
        .unwrap_or_else(|| PathBuf::from(".forest-and-trees/settings.ron"))
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("org", "Forest and Trees", "forest-and-trees")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_file_is_set_aside_without_replacing_an_earlier_copy() {
        let dir = crate::scratch::Scratch::new("store-aside");
        let path = dir.join("settings.ron");
        std::fs::write(&path, "first").unwrap();
        assert_eq!(set_aside(&path), Some(dir.join("settings.ron.corrupt")));
        std::fs::write(&path, "second").unwrap();
        assert_eq!(set_aside(&path), Some(dir.join("settings.ron.corrupt-2")));
        let first = std::fs::read_to_string(dir.join("settings.ron.corrupt")).unwrap();
        assert_eq!(first, "first", "the first damaged copy is still there");
        assert!(!path.exists());
    }

    #[test]
    fn a_damaged_file_that_cannot_be_moved_aside_is_not_written_over() {
        let dir = crate::scratch::Scratch::new("store-held");
        // A name so long that no `.corrupt` name beside it is allowed.
        let path = dir.join(format!("{}.ron", "p".repeat(246)));
        std::fs::write(&path, "(levels: oops").unwrap();
        let (progress, problem) = read_or_default(&path, progress::Progress::parse);
        assert_eq!(progress.levels.len(), 0);
        let (damage, kept) = problem.unwrap();
        assert!(matches!(damage, Damage::Parse(_)) && kept.is_empty());
        let e = write_atomic(&path, b"(levels: {})").unwrap_err();
        assert!(e.to_string().contains("not written over"), "{e}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "(levels: oops");
    }

    #[test]
    fn a_file_that_is_not_text_is_set_aside_not_taken_for_missing() {
        let dir = crate::scratch::Scratch::new("store-not-text");
        let path = dir.join("settings.ron");
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        let (_, problem) = read_or_default(&path, settings::Settings::parse);
        let (damage, kept) = problem.unwrap();
        assert!(matches!(damage, Damage::Read(_)), "{damage}");
        assert!(kept.contains("settings.ron.corrupt"), "{kept}");
        assert!(!path.exists());
    }

    #[test]
    fn a_write_replaces_the_file_whole_and_leaves_no_temporary_file() {
        let dir = crate::scratch::Scratch::new("store-write");
        let path = dir.join("deep/progress.ron");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.join("deep"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("progress.ron")]);
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file_and_says_what_is_kept() {
        let dir = crate::scratch::Scratch::new("store-failed");
        // A folder where the file should be: the rename over it fails after the
        // temporary file was written in full.
        let path = dir.join("settings.ron");
        std::fs::create_dir_all(path.join("inside")).unwrap();
        let e = write_atomic(&path, b"new").unwrap_err();
        assert!(
            !dir.join(".settings.ron.tmp").exists(),
            "the temporary file is gone"
        );
        assert!(path.join("inside").is_dir(), "what was there is untouched");
        let said = write_failed(Saved::Settings, &path, &e);
        assert!(
            said.starts_with("Could not save your settings to "),
            "{said}"
        );
        assert!(said.contains("settings.ron") && said.ends_with("The previous copy is kept."));
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let said = write_failed(Saved::Autosave, &dir.join("none.ron"), &full);
        assert!(
            said.contains("the disk is full. Nothing was saved."),
            "{said}"
        );
    }
}
