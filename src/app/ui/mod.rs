//! egui pieces of the screens, each a plain function of what it shows, so that panels
//! can be tested and reused.

pub mod causes;
pub mod charts;
pub mod dilemma;
pub mod hud;
pub mod log;
pub mod plan;
pub mod style;
pub mod team;
pub mod theme;
pub mod tutorial;
