//! A class: the code every team types, the result file each team hands in, and the room a
//! facilitator hosts on the local network.

pub mod clock;
mod code;
pub mod network;
pub mod results;
pub mod room;
pub mod room_save;
pub mod wire;

pub use code::{ClassCode, CodeError};
