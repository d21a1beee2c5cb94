//! The hosted class on disk, so that a facilitator's computer that fails mid-class resumes
//! it: what is kept, what the host follows to know when to write it again, and which saved
//! class a new hosting takes up (the resume rule).

use crate::class::ClassCode;
use crate::class::clock::{Clock, PAUSE_GRACE, Turn};
use crate::class::room::{Room, Team};
use crate::class::wire::Announcement;
use serde::{Deserialize, Serialize};
use sim::{Decision, Level, Sim};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use web_time::SystemTime;

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

/// Largest class file read: far beyond a class of a hundred teams' weeks.
const MAX_ROOM_BYTES: u64 = 16 * 1024 * 1024;

/// Why a saved class was not taken up; each names the file, and where in it.
#[derive(Debug, thiserror::Error)]
pub enum RoomSaveError {
    #[error("{}: {why}", path.display())]
    Unreadable { path: PathBuf, why: sim::ReadError },
    #[error("{}:{line}:{col}: not a saved class: {why}", path.display())]
    NotAClass {
        path: PathBuf,
        line: usize,
        col: usize,
        why: String,
    },
    #[error("{}: this class {why}", path.display())]
    Model { path: PathBuf, why: sim::OtherModel },
    #[error("{} is of class {saved}", path.display())]
    OtherClass { path: PathBuf, saved: String },
    #[error(transparent)]
    Restore(#[from] RestoreError),
}

/// Why a saved class does not replay on the level at hand.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("{0}")]
    Code(#[from] crate::class::CodeError),
    #[error("the saved class is of another level")]
    OtherLevel,
    #[error("team {team}, week {week}: {why}")]
    Week {
        team: String,
        week: usize,
        why: sim::StepError,
    },
}

impl RoomSave {
    pub fn load(path: &Path) -> Result<RoomSave, RoomSaveError> {
        let bytes = crate::store::disk::read_capped(path, MAX_ROOM_BYTES, "a saved class")
            .map_err(|why| RoomSaveError::Unreadable {
                path: path.to_path_buf(),
                why,
            })?;
        match String::from_utf8(bytes) {
            Ok(text) => RoomSave::parse(&text, path),
            Err(e) => {
                let text = String::from_utf8_lossy(e.as_bytes());
                let (line, col) = sim::line_col(&text, e.utf8_error().valid_up_to());
                Err(RoomSaveError::NotAClass {
                    path: path.to_path_buf(),
                    line,
                    col,
                    why: "the file is not UTF-8 text".into(),
                })
            }
        }
    }

    /// A saved class from its file's text; `path` names it in the errors.
    pub fn parse(text: &str, path: &Path) -> Result<RoomSave, RoomSaveError> {
        let save: RoomSave = ron::from_str(text).map_err(|e| RoomSaveError::NotAClass {
            path: path.to_path_buf(),
            line: e.span.start.line,
            col: e.span.start.col,
            why: e.code.to_string(),
        })?;
        sim::check_model(save.model).map_err(|why| RoomSaveError::Model {
            path: path.to_path_buf(),
            why,
        })?;
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
    pub fn restore(
        save: &RoomSave,
        level: &Level,
        seconds_per_week: u32,
    ) -> Result<Room, RestoreError> {
        let code = ClassCode::parse(&save.code)?;
        let mut room = Room::new(code, level, seconds_per_week);
        if room.code.text() != ClassCode::new(level, code.difficulty, code.seed).text() {
            return Err(RestoreError::OtherLevel);
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
                sim.step(d).map_err(|why| RestoreError::Week {
                    team: name.clone(),
                    week: w + 1,
                    why,
                })?;
            }
            room.teams.push(Team {
                name: name.clone(),
                key: *key,
                sim,
                decisions: decisions.clone(),
                connected: false,
                refused: None,
                freed: false,
            });
        }
        Ok(room)
    }
}

/// The hosted class, kept in its results folder.
pub const ROOM_FILE: &str = "room.ron";

/// A saved class younger than this is resumed; an older one with the same code is another
/// class (codes repeat when a level is run again with the same seed).
const RESUME_HOURS: u64 = 12;

/// The class to host and its folder under `results`: the class saved there if it is this
/// code's and recent (the facilitator's computer failed, or the game was closed), else a
/// new class in a folder of its own. The message says which.
pub fn room_for(
    code: ClassCode,
    level: &sim::Level,
    seconds_per_week: u32,
    results: &Path,
    now: SystemTime,
) -> (Room, Option<String>, PathBuf) {
    let base = format!("lan-{}", code.text().replace('-', "").to_lowercase());
    let folder = |n: u32| {
        results.join(if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        })
    };
    let last = (1..)
        .take_while(|n| crate::store::disk::exists(&folder(*n)))
        .last();
    let Some(last) = last else {
        return (Room::new(code, level, seconds_per_week), None, folder(1));
    };
    let path = folder(last).join(ROOM_FILE);
    let recent = crate::store::disk::modified(&path)
        .and_then(|then| now.duration_since(then).ok())
        .is_some_and(|age| age.as_secs() < RESUME_HOURS * 3600);
    if !recent {
        let fresh = folder(last + 1);
        let said = format!(
            "A new class: the earlier one with this code is kept in {}.",
            folder(last).display()
        );
        return (Room::new(code, level, seconds_per_week), Some(said), fresh);
    }
    let restored = RoomSave::load(&path).and_then(|save| {
        if save.code != code.text() {
            return Err(RoomSaveError::OtherClass {
                path: path.clone(),
                saved: save.code,
            });
        }
        Ok(Room::restore(&save, level, seconds_per_week)?)
    });
    match restored {
        Ok(room) => {
            let said = format!(
                "Resumed this class as it was saved: {} teams, week {} (paused).",
                room.teams.len(),
                room.clock.week
            );
            (room, Some(said), folder(last))
        }
        Err(e) => {
            // Kept, not overwritten: a facilitator may still want what is in it.
            let said = match crate::store::set_aside(&path) {
                Some(aside) => format!(
                    "Started the class afresh: {e} (kept as {})",
                    aside.display()
                ),
                None => format!("Started the class afresh: {e}"),
            };
            (
                Room::new(code, level, seconds_per_week),
                Some(said),
                folder(last),
            )
        }
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
        let e = RoomSave::load(&path).unwrap_err().to_string();
        assert!(e.contains("room.ron:1:"), "{e}");
    }

    #[test]
    fn a_recent_class_is_resumed_and_an_old_one_with_the_same_code_kept_apart() {
        let level = crate::catalog::load_all(
            &crate::catalog::levels_dir(),
            std::path::Path::new("/nonexistent"),
            &[],
        )
        .into_iter()
        .find_map(|e| e.level.ok().filter(|l| l.id == "crunch"))
        .unwrap();
        let code = crate::class::ClassCode::new(&level, sim::Difficulty::Normal, 3);
        let scratch = crate::scratch::Scratch::new("lan-room");
        let results = scratch.join("results");
        let now = SystemTime::now();
        let (mut room, said, first) = room_for(code, &level, 60, &results, now);
        assert_eq!(said, None);
        room.clock.week = 4;
        std::fs::create_dir_all(&first).unwrap();
        room.save().write(&first.join(ROOM_FILE)).unwrap();
        // An hour later: the same class comes back.
        let hour = std::time::Duration::from_secs(3600);
        let (back, said, folder) = room_for(code, &level, 60, &results, now + hour);
        assert_eq!((back.clock.week, folder.clone()), (4, first.clone()));
        assert!(said.unwrap().starts_with("Resumed"));
        // Next week, the same code is another class, in a folder of its own.
        let (fresh, said, folder) = room_for(code, &level, 60, &results, now + hour * 24 * 7);
        assert_eq!(fresh.clock.week, 1);
        assert_ne!(folder, first);
        assert!(said.unwrap().contains("kept in"));
    }
}
