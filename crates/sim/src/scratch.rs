//! Scratch folders for tests: each belongs to this process and is removed when dropped, so
//! a test run leaves nothing behind in the system's temporary folder.

use std::path::{Path, PathBuf};

/// The crate's folder, as `cargo test` names it when the test runs. The path baked in at
/// build time is only the fallback: a fresh clone sharing the target folder may run test
/// binaries another clone built, and that clone may be gone.
pub fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
}

pub struct Scratch(PathBuf);

impl Scratch {
    /// An empty folder named after the test and this process.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("ft-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder in the temporary folder");
        Scratch(dir)
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
