//! The hosted class on disk, so that a facilitator's computer that fails mid-class resumes
//! it: what is kept, and what the host follows to know when to write it again.

use crate::class::ClassCode;
use crate::class::clock::{Clock, PAUSE_GRACE, Turn};
use crate::class::room::{Room, Team};
use crate::class::wire::Announcement;
use serde::{Deserialize, Serialize};
use sim::{Decision, Level, Sim};
use std::collections::BTreeMap;
use std::path::Path;

/// What the host keeps on disk, so that a facilitator's computer that fails mid-class
/// resumes the class: the code, the clock, the announcements and every team's decisions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoomSave {
    /// The rules the teams' weeks were played under (absent: the first model).
    #[serde(default = "sim::first_model")]
    pub model: u32,
    pub code: String,
    pub clock: Clock,
    pub announced: BTreeMap<u32, Announcement>,
    /// (team, seat key, decisions)
    pub teams: Vec<(String, u64, Vec<Decision>)>,
}

impl RoomSave {
    pub fn load(path: &Path) -> Result<RoomSave, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        RoomSave::parse(&text, path)
    }

    /// A saved class from its file's text; `path` names it in the errors.
    pub fn parse(text: &str, path: &Path) -> Result<RoomSave, String> {
        let save: RoomSave = ron::from_str(text).map_err(|e| {
            format!(
                "{}:{}:{}: not a saved class: {}",
                path.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            )
        })?;
        sim::check_model(save.model).map_err(|m| format!("{}: this class {m}", path.display()))?;
        Ok(save)
    }

    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        crate::store::write_ron(path, self)
    }
}

/// What `RoomSave` follows at once, cheap to take every frame: each seat (team, key, weeks
/// played), the announcements and the clock's turn (not its countdown).
#[derive(Clone, Debug, PartialEq)]
pub struct RoomMark {
    seats: Vec<(String, u64, usize)>,
    announced: BTreeMap<u32, Announcement>,
    turn: Turn,
}

impl Room {
    pub fn mark(&self) -> RoomMark {
        RoomMark {
            seats: self
                .teams
                .iter()
                .map(|t| (t.name.clone(), t.key, t.decisions.len()))
                .collect(),
            announced: self.announced.clone(),
            turn: self.clock.turn(),
        }
    }

    pub fn save(&self) -> RoomSave {
        RoomSave {
            model: sim::MODEL_VERSION,
            code: self.code.text(),
            clock: self.clock.clone(),
            announced: self.announced.clone(),
            teams: self
                .teams
                .iter()
                .map(|t| (t.name.clone(), t.key, t.decisions.clone()))
                .collect(),
        }
    }

    /// The class as it was saved, every team replayed; the clock comes back paused. Teams
    /// count as away until they join again.
    pub fn restore(save: &RoomSave, level: &Level, seconds_per_week: u32) -> Result<Room, String> {
        let code = ClassCode::parse(&save.code).map_err(|e| e.to_string())?;
        let mut room = Room::new(code, level, seconds_per_week);
        if room.code.text() != ClassCode::new(level, code.difficulty, code.seed).text() {
            return Err("the saved class is of another level".into());
        }
        room.clock = Clock {
            running: false,
            paused_for: PAUSE_GRACE,
            ..save.clock.clone()
        };
        room.announced = save.announced.clone();
        for (name, key, decisions) in &save.teams {
            let mut sim = Sim::new(room.level.clone(), room.code.seed);
            for (w, d) in decisions.iter().enumerate() {
                sim.step(d)
                    .map_err(|e| format!("team {name}, week {}: {e}", w + 1))?;
            }
            room.teams.push(Team {
                name: name.clone(),
                key: *key,
                sim,
                decisions: decisions.clone(),
                connected: false,
                refused: None,
            });
        }
        Ok(room)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::room::tests::{hello, room, week};

    #[test]
    fn a_saved_class_comes_back_paused_with_every_team_and_announcement() {
        let mut r = room();
        r.clock.running = true;
        r.clock.week = 2;
        hello(&mut r, "North", 7, &[]).unwrap();
        r.submit("North", 1, week(&r, 0.4, 1)).unwrap();
        let id = r.level.events[0].id.clone();
        r.toggle_deck(&id).unwrap();
        r.submit("North", 2, week(&r, 0.5, 2)).unwrap();
        let dir = crate::scratch::Scratch::new("room");
        let path = dir.join("room.ron");
        r.save().write(&path).unwrap();
        let back = Room::restore(&RoomSave::load(&path).unwrap(), &r.file_level, 60).unwrap();
        assert_eq!(back.announced, r.announced);
        assert_eq!(back.clock.week, 2);
        assert!(
            !back.clock.running,
            "a restored class waits for the facilitator"
        );
        let north = back.team("North").unwrap();
        assert_eq!(north.decisions, r.team("North").unwrap().decisions);
        assert_eq!(north.sim.state, r.team("North").unwrap().sim.state);
        assert!(!north.connected);
        // The same game takes its seat back at once.
        let mut back = back;
        assert_eq!(hello(&mut back, "North", 7, &[]).unwrap().len(), 2);
        // A damaged file is named with its line and column.
        std::fs::write(&path, "(code: \"FT\", clock: oops)").unwrap();
        let e = RoomSave::load(&path).unwrap_err();
        assert!(e.contains("room.ron:1:"), "{e}");
    }
}
