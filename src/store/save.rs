//! Saves: a run as its level (id and content hash), seed and decisions so far, with the
//! RNG state to check the replay against. Written atomically; a corrupt or foreign save
//! is moved aside with a clear message and never overwritten.

use crate::class::Membership;
use serde::{Deserialize, Serialize};
use sim::{Decision, Difficulty, Level, Sim};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const FORMAT_VERSION: u32 = 1;
/// A save is small; anything larger is not one of ours.
const MAX_SAVE_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SaveFile {
    pub format_version: u32,
    /// The rules the run was played under (absent: the first model).
    #[serde(default = "sim::first_model")]
    pub model: u32,
    pub level_id: String,
    pub level_hash: u64,
    pub seed: u64,
    /// The difficulty chosen for the run (older saves: the level's own).
    #[serde(default)]
    pub difficulty: Option<Difficulty>,
    pub decisions: Vec<Decision>,
    /// The class the run belongs to.
    #[serde(default)]
    pub class: Option<Membership>,
    /// The RNG after the last decision: a replay must arrive at the same state.
    pub rng: sim::Rng,
}

/// Why a save could not be used. The file has been moved aside when `moved_to` is set.
#[derive(Debug, PartialEq, thiserror::Error)]
#[error("{}: {problem}{}", super::disk::shown(path), kept(moved_to))]
pub struct LoadError {
    pub path: PathBuf,
    pub problem: SaveProblem,
    pub moved_to: Option<PathBuf>,
}

fn kept(moved_to: &Option<PathBuf>) -> String {
    moved_to
        .as_ref()
        .map(|to| format!(" (kept as {})", super::disk::shown(to)))
        .unwrap_or_default()
}

/// What is wrong with a save file, in the words the player reads after its name.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SaveProblem {
    #[error("cannot read the save: {0}")]
    Unreadable(String),
    #[error("{0} bytes is too large for a save")]
    TooLarge(u64),
    #[error("the save is not text; it is damaged")]
    NotText,
    #[error("save format {0} is not supported (this game reads format {FORMAT_VERSION})")]
    Format(u32),
    #[error("the save is damaged at line {line}, column {col}: {why}")]
    Damaged {
        line: usize,
        col: usize,
        why: String,
    },
    #[error("this save {0}")]
    Model(sim::OtherModel),
}

impl SaveFile {
    pub fn of(sim: &Sim, decisions: &[Decision]) -> SaveFile {
        SaveFile {
            format_version: FORMAT_VERSION,
            model: sim::MODEL_VERSION,
            level_id: sim.level.id.clone(),
            level_hash: sim.level.content_hash,
            seed: sim.seed,
            difficulty: Some(sim.level.difficulty),
            decisions: decisions.to_vec(),
            class: None,
            rng: sim.state.rng.clone(),
        }
    }

    pub fn with_class(self, class: Option<Membership>) -> SaveFile {
        SaveFile { class, ..self }
    }

    /// Replays the decisions on `level`; refuses another level, another version of it, or
    /// decisions that do not lead to the recorded state.
    pub fn resume(&self, level: &Arc<Level>) -> Result<Sim, ResumeError> {
        if self.level_id != level.id {
            return Err(ResumeError::OtherLevel {
                saved: self.level_id.clone(),
                given: level.id.clone(),
            });
        }
        if self.level_hash != level.content_hash {
            return Err(ResumeError::LevelChanged(level.id.clone()));
        }
        let level = match self.difficulty {
            Some(d) if d != level.difficulty => Arc::new(level.at(d)),
            _ => level.clone(),
        };
        let mut sim = Sim::new(level, self.seed);
        for (i, d) in self.decisions.iter().enumerate() {
            sim.step(d)
                .map_err(|why| ResumeError::Week { week: i + 1, why })?;
        }
        if sim.state.rng != self.rng {
            return Err(ResumeError::Diverged);
        }
        Ok(sim)
    }
}

/// Why a save does not resume on the level at hand.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ResumeError {
    #[error("this save is for level \"{saved}\", not \"{given}\"")]
    OtherLevel { saved: String, given: String },
    #[error("the level \"{0}\" has changed since this save was made")]
    LevelChanged(String),
    #[error("week {week}: {why}")]
    Week { week: usize, why: sim::StepError },
    #[error("the recorded decisions do not lead to the saved state")]
    Diverged,
}

pub fn save(path: &Path, file: &SaveFile) -> std::io::Result<()> {
    super::write_ron(path, file)
}

/// Reads a save. A file that is not a save of this format is moved aside (never
/// overwritten, never deleted) and reported.
pub fn load(path: &Path) -> Result<SaveFile, LoadError> {
    read(path).map_err(|problem| LoadError {
        path: path.to_path_buf(),
        // Only a file that was read and found wrong is moved aside; one that could not be
        // read stays where it is.
        moved_to: if matches!(problem, SaveProblem::Unreadable(_)) {
            None
        } else {
            super::set_aside(path)
        },
        problem,
    })
}

/// Reads a save without moving anything: a pipe, a device or an oversized file is refused
/// before it is read.
pub fn read(path: &Path) -> Result<SaveFile, SaveProblem> {
    let bytes = super::disk::read_capped(path, MAX_SAVE_BYTES, "a save").map_err(|e| match e {
        sim::ReadError::TooLarge { len, .. } => SaveProblem::TooLarge(len),
        e => SaveProblem::Unreadable(e.to_string()),
    })?;
    parse(&bytes)
}

/// Reads a save's bytes: the save, or why it is not one this game can resume.
pub fn parse(bytes: &[u8]) -> Result<SaveFile, SaveProblem> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(SaveProblem::NotText);
    };
    #[derive(Deserialize)]
    struct Version {
        format_version: u32,
    }
    // Read the version alone first, so a newer format is named as such, not as damage.
    let version = ron::Options::default()
        .from_str::<Version>(text)
        .ok()
        .map(|v| v.format_version);
    match version {
        Some(v) if v != FORMAT_VERSION => return Err(SaveProblem::Format(v)),
        _ => {}
    }
    let save = ron::Options::default()
        .from_str::<SaveFile>(text)
        .map_err(|e| SaveProblem::Damaged {
            line: e.span.start.line,
            col: e.span.start.col,
            why: e.code.to_string(),
        })?;
    sim::check_model(save.model).map_err(SaveProblem::Model)?;
    Ok(save)
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::Plan;

    fn temp(name: &str) -> crate::scratch::Scratch {
        crate::scratch::Scratch::new(&format!("save-{name}"))
    }

    fn level() -> Arc<Level> {
        let path = crate::scratch::manifest_dir().join("levels/first-week.ron");
        Arc::new(Level::load(&path).unwrap())
    }

    fn played(weeks: usize) -> (Sim, Vec<Decision>) {
        let mut sim = Sim::new(level(), 9);
        let mut decisions = Vec::new();
        for _ in 0..weeks {
            let d = Decision {
                plan: Plan::from_share(0.4, sim.budget()),
                ..Decision::default()
            };
            sim.step(&d).unwrap();
            decisions.push(d);
        }
        (sim, decisions)
    }

    #[test]
    fn a_save_resumes_the_identical_run() {
        let dir = temp("roundtrip");
        let (sim, decisions) = played(4);
        let path = dir.join("slot.ron");
        save(&path, &SaveFile::of(&sim, &decisions)).unwrap();
        let resumed = load(&path).unwrap().resume(&level()).unwrap();
        assert_eq!(resumed.state, sim.state);
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn a_corrupt_save_is_refused_and_kept_aside() {
        let dir = temp("corrupt");
        let path = dir.join("slot.ron");
        std::fs::write(
            &path,
            "(format_version: 1, level_id: \"first-week\", seed: ",
        )
        .unwrap();
        let err = load(&path).unwrap_err();
        assert!(
            err.problem.to_string().contains("damaged at line 1"),
            "{err}"
        );
        let kept = err.moved_to.clone().expect("moved aside");
        assert!(kept.exists() && !path.exists());
        // A second bad save does not replace the first one kept aside.
        std::fs::write(&path, "garbage").unwrap();
        let second = load(&path).unwrap_err().moved_to.unwrap();
        assert_ne!(second, kept);
        assert!(kept.exists() && second.exists());
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn a_save_from_another_version_of_the_level_is_refused() {
        let (sim, decisions) = played(2);
        let mut file = SaveFile::of(&sim, &decisions);
        file.level_hash ^= 1;
        assert!(
            file.resume(&level())
                .unwrap_err()
                .to_string()
                .contains("changed")
        );
        let mut file = SaveFile::of(&sim, &decisions);
        file.decisions.pop();
        assert!(
            file.resume(&level())
                .unwrap_err()
                .to_string()
                .contains("do not lead")
        );
    }

    #[test]
    fn a_newer_format_is_named_not_called_damage() {
        let dir = temp("version");
        let path = dir.join("slot.ron");
        std::fs::write(&path, "(format_version: 99, other: 1)").unwrap();
        assert!(
            load(&path)
                .unwrap_err()
                .problem
                .to_string()
                .contains("format 99")
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn a_save_played_under_older_rules_is_refused_and_kept() {
        let dir = temp("model");
        let path = dir.join("slot.ron");
        let (sim, decisions) = played(2);
        let mut file = SaveFile::of(&sim, &decisions);
        file.model = 1;
        save(&path, &file).unwrap();
        let err = load(&path).unwrap_err();
        assert!(err.problem.to_string().contains("model version 1"), "{err}");
        let current = format!("model version {}", sim::MODEL_VERSION);
        assert!(err.problem.to_string().contains(&current), "{err}");
        // The old save is set aside, not lost.
        let kept = err.moved_to.expect("moved aside");
        assert!(std::fs::read_to_string(kept).unwrap().contains("model: 1"));
        // A save written before versions were recorded is the first model's.
        let text = ron::to_string(&SaveFile::of(&sim, &decisions)).unwrap();
        let old = text.replace(&format!("model:{},", sim::MODEL_VERSION), "");
        assert_ne!(old, text);
        std::fs::write(&path, old).unwrap();
        assert!(
            load(&path)
                .unwrap_err()
                .problem
                .to_string()
                .contains("model version 1")
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn an_interrupted_write_leaves_the_previous_save_loadable() {
        let dir = temp("atomic");
        let path = dir.join("slot.ron");
        let (sim, decisions) = played(2);
        save(&path, &SaveFile::of(&sim, &decisions)).unwrap();
        // A crash after the temporary file was written but before the rename.
        std::fs::write(
            dir.join(".slot.ron.tmp"),
            "(format_version: 1, level_id: \"first",
        )
        .unwrap();
        assert_eq!(load(&path).unwrap().decisions.len(), 2);
        // The next save simply replaces the leftover temporary file.
        save(&path, &SaveFile::of(&sim, &decisions)).unwrap();
        assert!(load(&path).is_ok());
        std::fs::remove_dir_all(dir).ok();
    }
}
