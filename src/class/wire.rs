//! What a class says over the network, as plain data: the class state every team is told,
//! a team's messages to the host and the host's to a team. They travel as JSON: the game's
//! records skip empty fields, which replicon's compact encoding cannot tell from the next
//! field, and JSON keeps every float exact (`float_roundtrip`), so the host replays the very
//! same plans.

use crate::class::clock::Clock;
use serde::{Deserialize, Serialize};
use sim::{CustomEvent, Decision};
use std::collections::BTreeMap;

/// What the facilitator announced in one week: it happens the week after, in every game.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Announcement {
    /// Deck events, by id.
    pub deck: Vec<String>,
    pub custom: Vec<CustomEvent>,
}

impl Announcement {
    pub fn is_empty(&self) -> bool {
        self.deck.is_empty() && self.custom.is_empty()
    }
}

/// What every team is told: the class, its clock, and the announcements so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClassState {
    pub clock: Clock,
    /// Week announced in → what was announced.
    pub announced: BTreeMap<u32, Announcement>,
}

impl ClassState {
    /// The decision's announcements for `week`, as the host will check them.
    pub fn stamp(&self, week: u32, decision: &mut Decision) {
        let a = self.announced.get(&week).cloned().unwrap_or_default();
        decision.inject = a.deck;
        decision.custom = a.custom;
    }
}

/// A team's messages to the host.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TeamMsg {
    /// Sent on every (re)connection, with every week the team has played so far.
    Hello {
        version: String,
        code: String,
        team: String,
        /// Chosen once per run by the team's game: the same team coming back after a drop
        /// may take its seat again while the host still thinks it is connected.
        key: u64,
        played: Vec<Decision>,
    },
    /// The team ended a week.
    Played { week: u32, decision: Decision },
}

/// The host's messages to a team.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum HostMsg {
    /// The team's seat: the weeks the host accepted, to resume from, and the class.
    Welcome {
        team: String,
        record: Vec<Decision>,
        class: ClassState,
    },
    /// The team cannot join this class; the reason is shown to the players.
    Refused(String),
    /// A week the host could not accept; the team resumes from the host's record and the
    /// class as it is now.
    Rejected {
        week: u32,
        reason: String,
        record: Vec<Decision>,
        class: ClassState,
    },
    /// The clock or the announcements changed (also sent now and then).
    Class(ClassState),
}

impl TeamMsg {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a team message serialises")
    }
}

impl HostMsg {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a host message serialises")
    }

    pub fn from_json(text: &str) -> Result<HostMsg, serde_json::Error> {
        serde_json::from_str(text)
    }
}
