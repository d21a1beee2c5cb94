//! Campaign progress: each level's best score and stars, and which chapters are open.
//! Kept beside the saves, written atomically; a damaged file is set aside (never
//! overwritten) and the player starts from an empty record, with a message.

use serde::{Deserialize, Serialize};
use sim::Level;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The best a player has done on one level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub best_score: f64,
    pub best_stars: u8,
    pub plays: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Level id → record (a BTreeMap, so the file is written in a stable order).
    pub levels: BTreeMap<String, Record>,
}

impl Progress {
    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join("progress.ron")
    }

    /// A player's record from its file's text.
    pub fn parse(text: &str) -> Result<Progress, ron::error::SpannedError> {
        ron::Options::default().from_str::<Progress>(text)
    }

    /// A missing file is a new player; a damaged one is renamed `progress.ron.corrupt`
    /// (or `.corrupt-2`, …) and reported.
    pub fn load(path: &Path) -> (Progress, Option<String>) {
        let (progress, problem) = super::read_or_default(path, Progress::parse);
        let message = problem.map(|(damage, kept)| {
            let what = match damage {
                super::Damage::Parse(e) => {
                    format!(
                        "damaged at line {}, column {}",
                        e.span.start.line, e.span.start.col
                    )
                }
                read => read.to_string(),
            };
            format!(
                "{}: {what} — starting a new record{kept}",
                super::disk::shown(path),
            )
        });
        (progress, message)
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        super::write_ron(path, self)
    }

    /// Records a finished run; returns true when it beat the level's best score.
    pub fn record(&mut self, level: &Level, score: f64) -> bool {
        let stars = level.stars.map_or(0, |s| s.earned(score));
        let r = self.levels.entry(level.id.clone()).or_default();
        let better = r.plays == 0 || score > r.best_score;
        if better {
            r.best_score = score;
        }
        r.best_stars = r.best_stars.max(stars);
        r.plays += 1;
        better
    }

    pub fn get(&self, id: &str) -> Option<&Record> {
        self.levels.get(id)
    }

    /// A campaign chapter opens when the chapter before it has earned a star (levels
    /// outside the campaign are always open). `levels` are the campaign's levels.
    pub fn is_unlocked(&self, level: &Level, campaign: &[&Level]) -> bool {
        let Some(chapter) = level.chapter else {
            return true;
        };
        let before = campaign
            .iter()
            .filter_map(|l| l.chapter.map(|c| (c, *l)))
            .filter(|(c, _)| *c < chapter)
            .max_by_key(|(c, _)| *c);
        match before {
            None => true,
            Some((_, prev)) => self.get(&prev.id).is_some_and(|r| r.best_stars >= 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn level(id: &str) -> Arc<Level> {
        let path = crate::scratch::manifest_dir().join(format!("levels/{id}.ron"));
        Arc::new(Level::load(&path).unwrap())
    }

    fn dir(name: &str) -> crate::scratch::Scratch {
        crate::scratch::Scratch::new(&format!("progress-{name}"))
    }

    #[test]
    fn the_next_chapter_opens_with_a_star_on_the_one_before() {
        let (one, two, three) = (level("first-week"), level("the-promotion"), level("crunch"));
        let campaign = [&*one, &*two, &*three];
        let mut p = Progress::default();
        assert!(p.is_unlocked(&one, &campaign));
        assert!(!p.is_unlocked(&two, &campaign));
        let one_star = one.stars.unwrap().one;
        p.record(&one, one_star - 1.0);
        assert!(!p.is_unlocked(&two, &campaign), "no star, still locked");
        p.record(&one, one_star);
        assert!(p.is_unlocked(&two, &campaign));
        assert!(!p.is_unlocked(&three, &campaign));
    }

    #[test]
    fn the_best_score_and_stars_are_kept_across_worse_runs() {
        let l = level("first-week");
        let s = l.stars.unwrap();
        let mut p = Progress::default();
        assert!(p.record(&l, s.three));
        assert!(!p.record(&l, s.one));
        let r = p.get(&l.id).unwrap();
        assert_eq!((r.best_score, r.best_stars, r.plays), (s.three, 3, 2));
    }

    #[test]
    fn progress_survives_a_round_trip_and_damage_is_kept_aside() {
        let d = dir("roundtrip");
        let path = Progress::path(&d);
        let mut p = Progress::default();
        p.record(&level("crunch"), 71.5);
        p.save(&path).unwrap();
        assert_eq!(Progress::load(&path), (p, None));
        std::fs::write(&path, "(levels: {\"crunch\": (best_score: high").unwrap();
        let (fresh, msg) = Progress::load(&path);
        assert_eq!(fresh, Progress::default());
        assert!(msg.unwrap().contains("damaged at line 1"));
        assert!(path.with_extension("ron.corrupt").exists() && !path.exists());
    }
}
