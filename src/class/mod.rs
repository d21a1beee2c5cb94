//! A class: the code every team types, the result file each team hands in, and the room a
//! facilitator hosts on the local network.

mod code;
pub mod results;
pub mod room;

pub use code::{ClassCode, CodeError};
