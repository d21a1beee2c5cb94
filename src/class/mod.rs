//! A class: the code every team types, the result file each team hands in, and the room a
//! facilitator hosts on the local network.

pub mod clock;
mod code;
mod compare;
// The LAN class only: its interface listing comes from a dependency of the desktop game.
#[cfg(feature = "gui")]
pub mod network;
mod report;
pub mod results;
pub mod room;
pub mod room_save;
pub mod seat;
pub mod wire;

pub use code::{ClassCode, CodeError};

use serde::{Deserialize, Serialize};

/// The class a run belongs to: its code and the team's name. Saves keep it as the pair
/// `("FT-…", "team")` it was before it had names, so older saves still load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(String, String)", into = "(String, String)")]
pub struct Membership {
    pub code: String,
    pub team: String,
}

impl From<(String, String)> for Membership {
    fn from((code, team): (String, String)) -> Self {
        Membership { code, team }
    }
}

impl From<Membership> for (String, String) {
    fn from(m: Membership) -> Self {
        (m.code, m.team)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_is_kept_in_saves_as_the_pair_it_always_was() {
        let old = r#"Some(("FT-7K3Q-92XD", "North"))"#;
        let read: Option<Membership> = ron::from_str(old).expect("an older save's class");
        let m = read.expect("a class");
        assert_eq!(
            (m.code.as_str(), m.team.as_str()),
            ("FT-7K3Q-92XD", "North")
        );
        assert_eq!(ron::to_string(&Some(m)).unwrap(), old.replace(", ", ","));
    }
}
