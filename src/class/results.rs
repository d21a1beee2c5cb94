//! A team's result file: everything a facilitator needs to compare teams and to trust the
//! numbers — the class code, every week's plan, choices, metrics and causes, and the final
//! score — as JSON, with the weekly metrics as CSV beside it. `replay` re-simulates the
//! recorded decisions and says whether the file is exactly reproduced.

use crate::store::disk;
use serde::{Deserialize, Serialize};
use sim::{Decision, Decisions, Difficulty, Final, Sim, WeekReport};
use std::path::{Path, PathBuf};

pub use super::compare::{
    Comparison, Entry, FolderError, Verdict, biggest_differences, compare, rank, rank_in, replay,
    verify,
};
pub use super::report::Standing;

pub const FORMAT: u32 = 1;
const MAX_RESULT_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultFile {
    pub format: u32,
    /// The rules the run was played under (absent: the first model).
    #[serde(default = "sim::first_model")]
    pub model: u32,
    pub game_version: String,
    /// The class code the run was started from, if any.
    pub class_code: Option<String>,
    pub team: String,
    pub level_id: String,
    pub level_title: String,
    pub level_hash: u64,
    pub seed: u64,
    pub difficulty: Difficulty,
    pub weeks: Vec<WeekReport>,
    #[serde(rename = "final")]
    pub final_: Final,
    pub stars: u8,
}

impl ResultFile {
    pub fn of(sim: &Sim, team: &str, class_code: Option<&str>) -> ResultFile {
        let fin = sim.final_result();
        ResultFile {
            format: FORMAT,
            model: sim::MODEL_VERSION,
            game_version: env!("CARGO_PKG_VERSION").into(),
            class_code: class_code.map(str::to_string),
            team: team.trim().to_string(),
            level_id: sim.level.id.clone(),
            level_title: sim.level.title.clone(),
            level_hash: sim.level.content_hash,
            seed: sim.seed,
            difficulty: sim.level.difficulty,
            weeks: sim.state.history.clone(),
            stars: sim.level.stars.map_or(0, |s| s.earned(fin.outcome)),
            final_: fin,
        }
    }

    /// The decisions the team made, week by week.
    pub fn decisions(&self) -> Decisions {
        Decisions {
            level: Some(self.level_id.clone()),
            seed: Some(self.seed),
            policy: None,
            fixed: None,
            weeks: self
                .weeks
                .iter()
                .map(|w| Decision {
                    plan: w.plan,
                    choices: w.choices.iter().cloned().collect(),
                    inject: w.injected.clone(),
                    custom: w.custom.clone(),
                })
                .collect(),
        }
    }

    /// A file name for the team: letters, digits and dashes.
    pub fn file_stem(&self) -> String {
        let team: String = self
            .team
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let team = team.trim_matches('-');
        let team = if team.is_empty() { "team" } else { team };
        let code = self
            .class_code
            .as_deref()
            .unwrap_or("solo")
            .replace('-', "");
        format!("{}-{}-{team}", self.level_id, code.to_lowercase())
    }

    /// Writes `NAME.json` and `NAME.csv` into `dir`, never replacing a file already there.
    pub fn write(&self, dir: &Path) -> std::io::Result<PathBuf> {
        let stem = self.file_stem();
        let path = (1..)
            .map(|n| {
                dir.join(if n == 1 {
                    format!("{stem}.json")
                } else {
                    format!("{stem}-{n}.json")
                })
            })
            .find(|p| !disk::exists(p) && !disk::exists(&p.with_extension("csv")))
            .expect("an unused name");
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        crate::store::write_atomic(&path, json.as_bytes())?;
        crate::store::write_atomic(&path.with_extension("csv"), self.csv().as_bytes())?;
        Ok(path)
    }

    /// Writes the one-page report beside the result file (`NAME.html`).
    pub fn write_report(
        &self,
        json: &Path,
        band: Option<(f64, f64)>,
        standing: Option<Standing>,
        questions: &[String],
    ) -> std::io::Result<PathBuf> {
        let path = json.with_extension("html");
        crate::store::write_atomic(&path, self.html(band, standing, questions).as_bytes())?;
        Ok(path)
    }

    /// The weekly metrics, one row a week.
    pub fn csv(&self) -> String {
        let rows = self.weeks.iter().map(|w| {
            let m = &w.metrics;
            let mut row = vec![
                self.team.clone(),
                self.class_code.clone().unwrap_or_default(),
                self.level_id.clone(),
                w.week.to_string(),
            ];
            row.extend(
                [
                    w.vision_share,
                    m.morale,
                    m.trust,
                    m.alignment,
                    m.stress,
                    m.on_time,
                    m.quality,
                    m.delivery,
                    m.goal_progress,
                    m.retention,
                ]
                .map(|v| format!("{v:.4}")),
            );
            row.push(m.headcount.to_string());
            row
        });
        csv_text(
            &[
                "team",
                "class_code",
                "level",
                "week",
                "vision_share",
                "morale",
                "trust",
                "alignment",
                "stress",
                "on_time",
                "quality",
                "delivery",
                "goal_progress",
                "retention",
                "headcount",
            ],
            rows,
        )
    }

    pub fn load(path: &Path) -> Result<ResultFile, ResultError> {
        let bytes = disk::read_capped(path, MAX_RESULT_BYTES, "a result file").map_err(|why| {
            ResultError::Unreadable {
                path: path.display().to_string(),
                why: why.to_string(),
            }
        })?;
        ResultFile::parse(&bytes, path)
    }

    /// Reads a result file's bytes; `path` names it in the errors.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<ResultFile, ResultError> {
        let name = || path.display().to_string();
        let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
            let (line, col) = sim::line_col(
                &String::from_utf8_lossy(e.as_bytes()),
                e.utf8_error().valid_up_to(),
            );
            ResultError::NotText {
                path: name(),
                line,
                col,
            }
        })?;
        let file: ResultFile =
            serde_json::from_str(&text).map_err(|e| ResultError::NotAResult {
                path: name(),
                line: e.line(),
                col: e.column(),
                why: e.to_string(),
            })?;
        if file.format != FORMAT {
            return Err(ResultError::Format {
                path: name(),
                found: file.format,
            });
        }
        sim::check_model(file.model).map_err(|why| ResultError::Model { path: name(), why })?;
        Ok(file)
    }
}

/// Why a file is not a result this game can read; each names the file, and where in it.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ResultError {
    #[error("{path}: {why}")]
    Unreadable { path: String, why: String },
    #[error("{path}:{line}:{col}: the file is not UTF-8 text")]
    NotText {
        path: String,
        line: usize,
        col: usize,
    },
    #[error("{path}:{line}:{col}: not a result file: {why}")]
    NotAResult {
        path: String,
        line: usize,
        col: usize,
        why: String,
    },
    #[error("{path}: result format {found} is not supported (this game reads format {FORMAT})")]
    Format { path: String, found: u32 },
    #[error("{path}: this result {why}")]
    Model { path: String, why: sim::OtherModel },
}

/// A header and its rows as CSV text, every field quoted where it must be.
pub fn csv_text(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail, and every row has the header's length.
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(&row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::Level;
    use std::sync::Arc;

    fn level() -> Level {
        Level::load(&crate::scratch::manifest_dir().join("levels/the-promotion.ron")).unwrap()
    }

    fn played(share: f64, seed: u64) -> Sim {
        sim::run::run_constant(&Arc::new(level()), seed, share)
    }

    /// The class code of the test level's run with `seed`.
    fn code_for(seed: u64) -> String {
        let l = level();
        crate::class::ClassCode::new(&l, l.difficulty, seed).text()
    }

    #[test]
    fn a_result_filed_under_another_class_or_title_is_not_reproduced() {
        let file = ResultFile::of(&played(0.4, 7), "North", Some(&code_for(7)));
        assert_eq!(replay(&file, &level()), Verdict::Reproduced);
        let moved = |f: &dyn Fn(&mut ResultFile)| {
            let mut copy = file.clone();
            f(&mut copy);
            replay(&copy, &level())
        };
        for verdict in [
            moved(&|r| r.class_code = Some(code_for(8))),
            moved(&|r| r.class_code = Some("FT-AAAA-BBBB".into())),
            moved(&|r| r.level_title = "Another level".into()),
        ] {
            assert!(matches!(verdict, Verdict::Mismatch(_)), "{verdict:?}");
        }
        // Without a code it replays, and compare lists it apart from every class.
        assert_eq!(moved(&|r| r.class_code = None), Verdict::Reproduced);
    }

    #[test]
    fn a_written_result_replays_exactly_and_an_edit_is_caught() {
        let dir = crate::scratch::Scratch::new("results");
        let file = ResultFile::of(&played(0.4, 7), "Team Ø, \"north\"", Some(&code_for(7)));
        let path = file.write(&dir).unwrap();
        assert!(path.with_extension("csv").exists());
        let csv = std::fs::read_to_string(path.with_extension("csv")).unwrap();
        assert_eq!(csv.lines().count(), 1 + level().weeks as usize);
        assert!(csv.contains("\"Team Ø, \"\"north\"\"\""), "{csv}");
        let back = ResultFile::load(&path).unwrap();
        assert_eq!(back, file);
        assert_eq!(replay(&back, &level()), Verdict::Reproduced);
        // A second write never replaces the first.
        let again = file.write(&dir).unwrap();
        assert_ne!(again, path);

        let text = std::fs::read_to_string(&path).unwrap();
        let outcome = format!("\"outcome\": {}", file.final_.outcome);
        assert!(text.contains(&outcome));
        std::fs::write(&path, text.replace(&outcome, "\"outcome\": 99.0")).unwrap();
        let edited = ResultFile::load(&path).unwrap();
        assert!(matches!(replay(&edited, &level()), Verdict::Mismatch(_)));
    }

    #[test]
    fn a_result_played_under_older_rules_is_refused_by_name() {
        let dir = crate::scratch::Scratch::new("results-model");
        let file = ResultFile::of(&played(0.4, 7), "North", None);
        let path = file.write(&dir).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let field = format!("\"model\": {},", sim::MODEL_VERSION);
        let old = text.replacen(&field, "", 1);
        assert_ne!(old, text);
        std::fs::write(&path, old).unwrap();
        let err = ResultFile::load(&path).unwrap_err().to_string();
        assert!(err.contains("model version 1"), "{err}");
    }

    #[test]
    fn compare_ranks_verified_teams_and_keeps_other_classes_apart() {
        let dir = crate::scratch::Scratch::new("compare");
        let one = code_for(3);
        for (team, share, seed) in [("A", 0.45, 3), ("B", 0.05, 3), ("C", 0.9, 3), ("D", 0.4, 5)] {
            ResultFile::of(&played(share, seed), team, Some(&code_for(seed)))
                .write(&dir)
                .unwrap();
        }
        std::fs::write(dir.join("notes.json"), "{\"hello\": 1}").unwrap();
        let c = compare(&dir, &[level()]).unwrap();
        assert_eq!(c.classes.len(), 2);
        let (code, teams) = &c.classes[0];
        assert_eq!(code, &one);
        let names: Vec<&str> = teams.iter().map(|e| e.file.team.as_str()).collect();
        assert_eq!(names[0], "A", "the balanced team leads: {names:?}");
        assert!(teams.iter().all(|e| e.verdict.is_trusted()));
        assert_eq!(c.unreadable.len(), 1);
        assert!(c.unreadable[0].contains("notes.json"));
        assert!(!biggest_differences(teams).is_empty());
    }

    #[test]
    fn an_edited_result_is_never_ranked_among_verified_teams() {
        let dir = crate::scratch::Scratch::new("edited");
        for (team, share) in [("Honest", 0.45), ("Forger", 0.05)] {
            ResultFile::of(&played(share, 3), team, Some(&code_for(3)))
                .write(&dir)
                .unwrap();
        }
        // The forger's file claims a score no plan reaches.
        let forged = dir.join(format!(
            "{}.json",
            ResultFile::of(&played(0.05, 3), "Forger", Some(&code_for(3))).file_stem()
        ));
        let text = std::fs::read_to_string(&forged).unwrap();
        let text = text.replacen("\"outcome\": ", "\"outcome\": 99.0, \"was\": ", 1);
        std::fs::write(&forged, text).unwrap();
        let c = compare(&dir, &[level()]).unwrap();
        let (_, teams) = &c.classes[0];
        let names: Vec<&str> = teams.iter().map(|e| e.file.team.as_str()).collect();
        assert_eq!(names, ["Honest", "Forger"], "the forged 99 is listed last");
        assert!(teams[1].file.final_.outcome > teams[0].file.final_.outcome);
        assert_eq!(rank_in(teams, 0), Some(1));
        assert_eq!(rank_in(teams, 1), None, "and has no rank");
    }
}
