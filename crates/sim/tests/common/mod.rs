//! The shipped levels, for the model's tests and (included by path) the game's.
#![allow(dead_code)]

#[path = "../../src/scratch.rs"]
mod scratch;
#[allow(unused_imports)]
pub use scratch::Scratch;

use sim::Level;
use std::path::PathBuf;
use std::sync::Arc;

/// `levels/` at the top of the repository, found from whichever crate's tests run.
pub fn levels_dir() -> PathBuf {
    let mut dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    while !dir.join("levels").is_dir() && dir.pop() {}
    dir.join("levels")
}

pub fn level(id: &str) -> Arc<Level> {
    let path = levels_dir().join(format!("{id}.ron"));
    Arc::new(
        Level::load(&path).unwrap_or_else(|e| panic!("{} does not load: {e:?}", path.display())),
    )
}

/// Every shipped level file.
pub fn shipped() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(levels_dir())
        .expect("levels/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// The four role levels of the simulation core, frontline first.
pub const ROLE_LEVELS: [&str; 4] = [
    "first-week",
    "the-promotion",
    "the-sandwich",
    "fog-of-strategy",
];
