//! The one door to the files the game keeps for the player: saves, progress, settings,
//! results and a class's save. On the desktop they are files; in a browser they are texts
//! in the page's `localStorage` (`kv`), under the same paths and the same rules.

use std::io;
use std::path::{Path, PathBuf};
use web_time::SystemTime;

/// The file's bytes, at most `max` of them; `what` names the kind of file in the error.
pub fn read_capped(path: &Path, max: u64, what: &'static str) -> Result<Vec<u8>, sim::ReadError> {
    imp::read_capped(path, max, what)
}

/// The whole text of a small file the game wrote itself (settings, progress, a seat key).
pub fn read_to_string(path: &Path) -> io::Result<String> {
    imp::read_to_string(path)
}

/// Writes `bytes` to `path` so that a crash at any moment leaves either the old file or
/// the new one. A write that fails leaves the old file as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    imp::write_atomic(path, bytes)
}

pub fn exists(path: &Path) -> bool {
    imp::exists(path)
}

/// Moves a file; never leaves it nowhere.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    imp::rename(from, to)
}

/// The entries directly in `dir`, in no particular order.
pub fn list(dir: &Path) -> io::Result<Vec<PathBuf>> {
    imp::list(dir)
}

/// When the file was last written.
pub fn modified(path: &Path) -> Option<SystemTime> {
    imp::modified(path)
}

/// Where a file is, as the player reads it: its path on the desktop; in a browser, the
/// path inside the page's storage and that it is there.
pub fn shown(path: &Path) -> String {
    imp::shown(path)
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;
    use std::io::Write;

    pub fn read_capped(
        path: &Path,
        max: u64,
        what: &'static str,
    ) -> Result<Vec<u8>, sim::ReadError> {
        sim::read_capped(path, max, what)
    }

    pub fn read_to_string(path: &Path) -> io::Result<String> {
        std::fs::read_to_string(path)
    }

    /// Write a temporary file beside it, flush it to disk, rename it over the file, then
    /// flush the folder so the rename survives a power cut. A failed write removes its
    /// temporary file.
    pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let name = path
            .file_name()
            .map_or_else(|| "save".into(), |n| n.to_string_lossy().into_owned());
        // One name per file: a temporary file left by a crash is replaced by the next
        // write, never one more beside it.
        let tmp = dir.join(format!(".{name}.tmp"));
        let written = write_synced(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
        if let Err(e) = written {
            // A partial temporary file would keep a full disk full.
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
        // Make the rename itself durable where the platform allows it.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    /// `bytes` in a new file at `path`, on the disk before this returns.
    fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut f = std::fs::File::create(path)?;
        f.write_all(bytes)?;
        f.sync_all()
    }

    pub fn exists(path: &Path) -> bool {
        path.exists()
    }

    pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }

    pub fn list(dir: &Path) -> io::Result<Vec<PathBuf>> {
        Ok(std::fs::read_dir(dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect())
    }

    pub fn modified(path: &Path) -> Option<SystemTime> {
        std::fs::metadata(path).and_then(|m| m.modified()).ok()
    }

    pub fn shown(path: &Path) -> String {
        path.display().to_string()
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use crate::store::kv::{Files, Kv};
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;

    /// The page's `localStorage`; absent when the browser keeps none for the page (some
    /// private windows, or storage turned off).
    struct LocalStorage(Option<web_sys::Storage>);

    fn js(e: wasm_bindgen::JsValue) -> io::Error {
        match e.dyn_ref::<web_sys::DomException>() {
            Some(d) if d.name() == "QuotaExceededError" => io::Error::new(
                io::ErrorKind::QuotaExceeded,
                "the browser's storage for this page is full",
            ),
            Some(d) => io::Error::other(format!("{}: {}", d.name(), d.message())),
            None => io::Error::other(format!("{e:?}")),
        }
    }

    impl LocalStorage {
        fn get(&self) -> io::Result<&web_sys::Storage> {
            self.0.as_ref().ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::Unsupported,
                    "this browser keeps no storage for the page (a private window, or storage turned off)",
                )
            })
        }
    }

    impl Kv for LocalStorage {
        fn get(&self, key: &str) -> io::Result<Option<String>> {
            self.get()?.get_item(key).map_err(js)
        }
        fn set(&mut self, key: &str, value: &str) -> io::Result<()> {
            self.get()?.set_item(key, value).map_err(js)
        }
        fn remove(&mut self, key: &str) -> io::Result<()> {
            self.get()?.remove_item(key).map_err(js)
        }
        fn keys(&self) -> io::Result<Vec<String>> {
            let s = self.get()?;
            let n = s.length().map_err(js)?;
            Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
        }
        fn now_ms(&self) -> u64 {
            SystemTime::now()
                .duration_since(web_time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64)
        }
    }

    thread_local! {
        // A page has one thread.
        static FILES: RefCell<Files<LocalStorage>> = RefCell::new(Files::new(LocalStorage(
            web_sys::window().and_then(|w| w.local_storage().ok().flatten()),
        )));
    }

    fn with<T>(f: impl FnOnce(&mut Files<LocalStorage>) -> T) -> T {
        FILES.with(|files| f(&mut files.borrow_mut()))
    }

    pub fn read_capped(
        path: &Path,
        max: u64,
        what: &'static str,
    ) -> Result<Vec<u8>, sim::ReadError> {
        with(|f| f.read_capped(path, max, what))
    }
    pub fn read_to_string(path: &Path) -> io::Result<String> {
        with(|f| f.read(path))
    }
    pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
        with(|f| f.write_atomic(path, bytes))
    }
    pub fn exists(path: &Path) -> bool {
        with(|f| f.exists(path))
    }
    pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
        with(|f| f.rename(from, to))
    }
    pub fn list(dir: &Path) -> io::Result<Vec<PathBuf>> {
        with(|f| f.list(dir))
    }
    pub fn modified(path: &Path) -> Option<SystemTime> {
        with(|f| f.modified(path))
    }
    pub fn shown(path: &Path) -> String {
        crate::t!("storage-in-browser", path = path.display().to_string())
    }
}
