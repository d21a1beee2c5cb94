//! Helpers shared by the integration tests.
#![allow(dead_code)]

#[cfg(feature = "gui")]
pub mod app;

#[path = "../../src/scratch.rs"]
mod scratch;
pub use scratch::Scratch;

use forest_and_trees::sim::Level;
use std::path::PathBuf;
use std::sync::Arc;

pub fn levels_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("levels")
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
