//! Forest & Trees: an organisational simulation game.
#[cfg(feature = "gui")]
pub mod app;
pub mod catalog;
pub mod class;
pub mod cli;
pub mod progress;
pub mod results;
pub mod room;
pub mod save;
pub mod settings;
pub mod sim;
pub mod synth;
pub mod untrusted;

#[cfg(test)]
mod scratch;
