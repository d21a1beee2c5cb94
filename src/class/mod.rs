//! A class: the code every team types, the result file each team hands in, and the room a
//! facilitator hosts on the local network.

mod code;
mod compare;
mod report;
pub mod results;
pub mod room;

pub use code::{ClassCode, CodeError};
