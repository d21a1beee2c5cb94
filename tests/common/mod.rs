//! Helpers shared by the integration tests.
#![allow(dead_code)]

#[cfg(feature = "gui")]
pub mod app;

#[path = "../../crates/sim/tests/common/mod.rs"]
mod levels;
#[allow(unused_imports)]
pub use levels::{ROLE_LEVELS, Scratch, level, levels_dir, shipped};
