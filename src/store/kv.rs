//! Files kept in a key–value store of texts: a browser's `localStorage`. The game's files
//! (saves, progress, settings, results) are all text, so each file is one value under its
//! path, and the file rules of `store` hold there too:
//!
//! - a write lands whole or not at all: the store replaces a value whole, or refuses it
//!   (over its quota) and keeps the old one;
//! - a file is renamed by copying it first and removing the original second, so an
//!   interruption between the two leaves two copies, never none;
//! - bytes that are not UTF-8 are refused before anything is touched.
//!
//! Compiled on every target so the rules are tested natively over `MemKv`; only the
//! browser's store itself (in `disk`) is web-only.

use std::io;
use std::path::{Component, Path, PathBuf};

/// A store of texts by key, as a browser's `localStorage` is.
pub trait Kv {
    fn get(&self, key: &str) -> io::Result<Option<String>>;
    /// Replaces the value whole, or fails and keeps the old one (`QuotaExceeded` when full).
    fn set(&mut self, key: &str, value: &str) -> io::Result<()>;
    fn remove(&mut self, key: &str) -> io::Result<()>;
    fn keys(&self) -> io::Result<Vec<String>>;
    /// Milliseconds since the Unix epoch, to order files by when they were written.
    fn now_ms(&self) -> u64;
}

/// The prefix of a file's text; versioned so a later layout can move old files.
const TEXT: &str = "ft1:";
/// The prefix of a file's time of writing, in milliseconds since the epoch.
const TIME: &str = "ft1-t:";

/// The game's files over a `Kv`.
pub struct Files<K: Kv> {
    pub kv: K,
}

/// A path as a key: its parts joined by `/`, without `.` parts, the same on every target.
fn name(path: &Path) -> String {
    let mut out = String::new();
    for part in path.components() {
        let part = match part {
            Component::Normal(p) => p.to_string_lossy(),
            Component::ParentDir => "..".into(),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => continue,
        };
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(&part);
    }
    out
}

fn text_key(name: &str) -> String {
    format!("{TEXT}{name}")
}

fn time_key(name: &str) -> String {
    format!("{TIME}{name}")
}

fn not_found() -> io::Error {
    io::Error::new(
        io::ErrorKind::NotFound,
        "no such file in this browser's storage",
    )
}

impl<K: Kv> Files<K> {
    pub fn new(kv: K) -> Files<K> {
        Files { kv }
    }

    pub fn read(&self, path: &Path) -> io::Result<String> {
        self.kv.get(&text_key(&name(path)))?.ok_or_else(not_found)
    }

    /// The file's bytes, at most `max` of them, as `sim::read_capped` reads a file.
    pub fn read_capped(
        &self,
        path: &Path,
        max: u64,
        what: &'static str,
    ) -> Result<Vec<u8>, sim::ReadError> {
        match self.read(path) {
            Ok(text) if text.len() as u64 > max => Err(sim::ReadError::TooLarge {
                len: text.len() as u64,
                max,
                what,
            }),
            Ok(text) => Ok(text.into_bytes()),
            Err(_) if self.is_folder(path) => Err(sim::ReadError::Folder),
            Err(e) => Err(e.into()),
        }
    }

    /// Replaces the file whole, or fails and leaves the old one as it was.
    pub fn write_atomic(&mut self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let text = std::str::from_utf8(bytes).map_err(|_| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "a browser's storage keeps text only, and this is not text",
            )
        })?;
        let key = name(path);
        self.kv.set(&text_key(&key), text)?;
        self.stamp(&key, self.kv.now_ms());
        Ok(())
    }

    /// The time is only used to order files: a time that cannot be written (the store
    /// filled up between the two) leaves the file, which is what counts.
    fn stamp(&mut self, key: &str, ms: u64) {
        let _ = self.kv.set(&time_key(key), &ms.to_string());
    }

    pub fn exists(&self, path: &Path) -> bool {
        self.read(path).is_ok() || self.is_folder(path)
    }

    /// A folder exists while a file is in it.
    fn is_folder(&self, path: &Path) -> bool {
        let inside = text_key(&format!("{}/", name(path)));
        self.kv
            .keys()
            .is_ok_and(|keys| keys.iter().any(|k| k.starts_with(&inside)))
    }

    /// Moves the file: the copy is written before the original is removed.
    pub fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        let text = self.read(from)?;
        let (from, to) = (name(from), name(to));
        self.kv.set(&text_key(&to), &text)?;
        let ms = self.modified_ms(&from).unwrap_or_else(|| self.kv.now_ms());
        self.stamp(&to, ms);
        self.drop_file(&from)
    }

    pub fn remove(&mut self, path: &Path) -> io::Result<()> {
        let key = name(path);
        if self.kv.get(&text_key(&key))?.is_none() {
            return Err(not_found());
        }
        self.drop_file(&key)
    }

    /// The text, then its time (a time without its text is never read).
    fn drop_file(&mut self, key: &str) -> io::Result<()> {
        self.kv.remove(&text_key(key))?;
        let _ = self.kv.remove(&time_key(key));
        Ok(())
    }

    /// The files directly in `dir`, by name; `NotFound` when it holds none.
    pub fn list(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let inside = text_key(&format!("{}/", name(dir)));
        let mut names: Vec<String> = self
            .kv
            .keys()?
            .into_iter()
            .filter_map(|k| k.strip_prefix(&inside).map(str::to_string))
            .filter(|rest| !rest.contains('/'))
            .collect();
        if names.is_empty() && !self.is_folder(dir) {
            return Err(not_found());
        }
        names.sort();
        Ok(names.into_iter().map(|n| dir.join(n)).collect())
    }

    fn modified_ms(&self, key: &str) -> Option<u64> {
        self.kv.get(&time_key(key)).ok()??.parse().ok()
    }

    /// When the file was last written.
    pub fn modified(&self, path: &Path) -> Option<web_time::SystemTime> {
        self.read(path).ok()?;
        let ms = self.modified_ms(&name(path))?;
        Some(web_time::UNIX_EPOCH + std::time::Duration::from_millis(ms))
    }
}

/// A `Kv` in memory that can fill up, for tests.
#[cfg(test)]
#[derive(Default)]
pub struct MemKv {
    pub values: std::collections::BTreeMap<String, String>,
    /// The most characters it holds, keys and values, as a browser's quota counts them.
    pub quota: Option<usize>,
    pub clock: std::cell::Cell<u64>,
}

#[cfg(test)]
impl Kv for MemKv {
    fn get(&self, key: &str) -> io::Result<Option<String>> {
        Ok(self.values.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> io::Result<()> {
        let others: usize = self
            .values
            .iter()
            .filter(|(k, _)| *k != key)
            .map(|(k, v)| k.len() + v.len())
            .sum();
        if self
            .quota
            .is_some_and(|q| others + key.len() + value.len() > q)
        {
            return Err(io::Error::new(
                io::ErrorKind::QuotaExceeded,
                "the browser's storage for this page is full",
            ));
        }
        self.values.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> io::Result<()> {
        self.values.remove(key);
        Ok(())
    }
    fn keys(&self) -> io::Result<Vec<String>> {
        Ok(self.values.keys().cloned().collect())
    }
    fn now_ms(&self) -> u64 {
        self.clock.set(self.clock.get() + 1000);
        self.clock.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Files<MemKv> {
        Files::new(MemKv::default())
    }

    #[test]
    fn a_file_written_is_read_back_and_listed_in_its_folder_only() {
        let mut f = files();
        let save = Path::new("data/saves/crunch.ron");
        f.write_atomic(save, b"(week: 3)").unwrap();
        f.write_atomic(Path::new("data/saves/deeper/x.ron"), b"x")
            .unwrap();
        f.write_atomic(Path::new("data/progress.ron"), b"p")
            .unwrap();
        assert_eq!(f.read(save).unwrap(), "(week: 3)");
        assert_eq!(
            f.list(Path::new("data/saves")).unwrap(),
            vec![PathBuf::from("data/saves/crunch.ron")]
        );
        assert!(f.exists(Path::new("data/saves")) && f.exists(save));
        assert!(!f.exists(Path::new("data/saves/other.ron")));
        assert_eq!(
            f.list(Path::new("data/results")).unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        assert!(matches!(
            f.read_capped(Path::new("data/saves"), 100, "a save"),
            Err(sim::ReadError::Folder)
        ));
    }

    #[test]
    fn the_later_write_is_the_newer_file() {
        let mut f = files();
        let (a, b) = (Path::new("saves/a.ron"), Path::new("saves/b.ron"));
        f.write_atomic(a, b"1").unwrap();
        f.write_atomic(b, b"2").unwrap();
        assert!(f.modified(b) > f.modified(a));
        f.write_atomic(a, b"3").unwrap();
        assert!(f.modified(a) > f.modified(b));
        assert_eq!(f.modified(Path::new("saves/none.ron")), None);
    }

    #[test]
    fn a_write_over_the_quota_keeps_the_old_file_and_says_full() {
        let mut f = files();
        let path = Path::new("data/progress.ron");
        f.write_atomic(path, b"old").unwrap();
        f.kv.quota = Some(100);
        let e = f.write_atomic(path, &[b'x'; 200]).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::QuotaExceeded);
        assert_eq!(f.read(path).unwrap(), "old");
        // Worded by its kind, not by the error's own text.
        let said = crate::store::write_failed(crate::store::Saved::Progress, path, &e);
        assert!(said.contains(": the disk is full."), "{said}");
    }

    #[test]
    fn bytes_that_are_not_text_are_refused_and_change_nothing() {
        let mut f = files();
        let path = Path::new("results/a.json");
        f.write_atomic(path, b"{}").unwrap();
        let e = f.write_atomic(path, &[0xff, 0xfe, 0]).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert_eq!(f.read(path).unwrap(), "{}");
    }

    #[test]
    fn a_rename_that_cannot_copy_leaves_the_original() {
        let mut f = files();
        let (from, to) = (Path::new("s.ron"), Path::new("s.ron.corrupt"));
        f.write_atomic(from, b"damaged text").unwrap();
        let when = f.modified(from);
        f.kv.quota = Some(40);
        assert!(f.rename(from, to).is_err());
        assert_eq!(f.read(from).unwrap(), "damaged text");
        assert!(!f.exists(to));
        f.kv.quota = None;
        f.rename(from, to).unwrap();
        assert!(!f.exists(from));
        assert_eq!(f.read(to).unwrap(), "damaged text");
        assert_eq!(f.modified(to), when, "a moved file keeps its time");
    }

    #[test]
    fn a_file_over_the_cap_is_not_read() {
        let mut f = files();
        let path = Path::new("saves/big.ron");
        f.write_atomic(path, &[b'a'; 50]).unwrap();
        assert!(matches!(
            f.read_capped(path, 10, "a save"),
            Err(sim::ReadError::TooLarge {
                len: 50,
                max: 10,
                ..
            })
        ));
        assert_eq!(f.read_capped(path, 50, "a save").unwrap().len(), 50);
    }

    #[test]
    fn paths_name_the_same_file_however_they_are_spelt() {
        let mut f = files();
        f.write_atomic(Path::new("./data//x.ron"), b"1").unwrap();
        assert_eq!(f.read(Path::new("data/x.ron")).unwrap(), "1");
        f.remove(Path::new("data/./x.ron")).unwrap();
        assert!(f.kv.values.is_empty(), "the time went with the text");
    }
}
