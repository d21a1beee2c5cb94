//! Forest & Trees: an organisational simulation game.
pub mod catalog;
pub mod cli;
pub mod sim;
#[cfg(feature = "gui")]
pub mod app;
