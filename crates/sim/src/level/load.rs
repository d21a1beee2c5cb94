//! Reading a level: the file's text, parsed and checked, each problem at its line and
//! column.

use super::{Level, fnv1a};
use crate::locate::{line_col, locate};
use std::path::Path;

/// Largest level file read, so no input can exhaust memory.
pub const MAX_FILE_BYTES: usize = 512 * 1024;
/// Problems of one file reported in full; the rest are counted.
pub const MAX_PROBLEMS: usize = 50;

/// A problem in a level file, at a place in it.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl std::error::Error for LevelError {}

impl std::fmt::Display for LevelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.col, self.message
            )
        }
    }
}

impl Level {
    /// Reads and validates a level file; every problem found is returned.
    pub fn load(path: &Path) -> Result<Level, Vec<LevelError>> {
        Level::load_with(path, crate::file::read_capped)
    }

    /// `load`, with the file's bytes read by `read` (`read_capped`'s shape: the game reads
    /// through its storage door, which in a browser is the page's storage).
    pub fn load_with(
        path: &Path,
        read: impl FnOnce(&Path, u64, &'static str) -> Result<Vec<u8>, crate::ReadError>,
    ) -> Result<Level, Vec<LevelError>> {
        let file = path.display().to_string();
        match read(path, MAX_FILE_BYTES as u64, "a level") {
            Ok(bytes) => Level::from_bytes(&bytes, &file),
            Err(e) => Err(vec![LevelError {
                file,
                line: 0,
                col: 0,
                message: e.to_string(),
            }]),
        }
    }

    /// Parses and validates a level file's bytes, as `load` does once they are read (a
    /// browser reads them from its storage or its file picker); `file` names it in messages.
    pub fn from_bytes(bytes: &[u8], file: &str) -> Result<Level, Vec<LevelError>> {
        let src = std::str::from_utf8(bytes).map_err(|e| {
            let (line, col) = line_col(&String::from_utf8_lossy(bytes), e.valid_up_to());
            vec![LevelError {
                file: file.to_string(),
                line,
                col,
                message: "the file is not valid UTF-8 text".into(),
            }]
        })?;
        Level::parse(src, file)
    }

    /// Parses and validates level text; `file` names it in messages.
    pub fn parse(src: &str, file: &str) -> Result<Level, Vec<LevelError>> {
        // What Windows Notepad writes first; it is not part of the level. Columns count
        // from after it, as an editor shows them.
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        let at = |line, col, message: String| LevelError {
            file: file.to_string(),
            line,
            col,
            message,
        };
        if src.len() > MAX_FILE_BYTES {
            return Err(vec![at(
                0,
                0,
                format!("a level may be at most {MAX_FILE_BYTES} bytes"),
            )]);
        }
        if src.trim().is_empty() {
            return Err(vec![at(
                1,
                1,
                "the file is empty; expected a level such as `(id: \"...\", ...)`".into(),
            )]);
        }
        let mut level: Level = ron::Options::default()
            .from_str(src)
            .map_err(|e| vec![at(e.span.start.line, e.span.start.col, e.code.to_string())])?;
        level.content_hash = fnv1a(src.as_bytes());
        let problems = level.check();
        if problems.is_empty() {
            return Ok(level);
        }
        // Each problem is located by reading the file again: the first ones are what an
        // author fixes first, and a file of thousands would take minutes.
        let total = problems.len();
        let mut errors: Vec<LevelError> = problems
            .into_iter()
            .take(MAX_PROBLEMS)
            .map(|(path, message)| {
                let (line, col) = line_col(src, locate(src, &path));
                at(line, col, message)
            })
            .collect();
        if total > MAX_PROBLEMS {
            errors.push(at(
                0,
                0,
                format!(
                    "…and {} more problems; fix these first",
                    total - MAX_PROBLEMS
                ),
            ));
        }
        Err(errors)
    }

    /// The problems `check` finds, in words (for levels made in code, such as the sandbox).
    pub fn problems(&self) -> Vec<String> {
        self.check().into_iter().map(|(_, m)| m).collect()
    }
}
