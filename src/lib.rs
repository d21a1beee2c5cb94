//! Forest & Trees: an organisational simulation game.
#[cfg(feature = "gui")]
pub mod app;
pub mod catalog;
pub mod chart;
pub mod class;
pub mod cli;
pub mod i18n;
pub mod store;
pub mod synth;
pub mod untrusted;

#[cfg(test)]
#[path = "../crates/sim/src/scratch.rs"]
mod scratch;
