//! Levels as data: the RON schema, its bounds, and validation with positioned errors.
//!
//! `format` is the schema, `load` reads a file into it, `check` finds what the schema
//! alone cannot, `difficulty` is how hard the level is played.

mod check;
mod difficulty;
mod format;
mod load;

pub use difficulty::Difficulty;
pub use format::{
    ChoiceSpec, DilemmaSpec, Effect, EventSpec, GeneratedTeam, Goal, LayerSpec, Level, PersonSpec,
    Role, Scoring, Stars, Team, TutorialStep, When, Work,
};
pub use load::{LevelError, MAX_FILE_BYTES};

/// Largest organisation a level may ask for.
pub const MAX_PEOPLE: usize = 5_000;
pub const MAX_WEEKS: u32 = 52;

impl Level {
    /// The same level played at another difficulty (the file's own is the default).
    pub fn at(&self, difficulty: Difficulty) -> Level {
        Level {
            difficulty,
            ..self.clone()
        }
    }

    /// People in the organisation below the player (saturating, so a huge spec cannot overflow).
    pub fn team_size(&self) -> usize {
        match &self.team {
            Team::People(list) => count_people(list),
            Team::Generated(g) => {
                let mut total: usize = 0;
                let mut layer: usize = 1;
                for l in &g.layers {
                    layer = layer.saturating_mul(l.span as usize);
                    total = total.saturating_add(layer);
                }
                total
            }
        }
    }

    /// Person-weeks of all the planned work: every item and every stream's weekly items.
    pub fn total_effort(&self) -> f64 {
        self.work
            .iter()
            .map(|w| match w {
                Work::Item { effort, .. } => *effort,
                Work::Stream {
                    effort, from, to, ..
                } => effort * (to + 1).saturating_sub(*from) as f64,
            })
            .sum()
    }

    /// FNV-1a of the level's text form: stable across machines, used to seed runs.
    pub fn id_hash(&self) -> u64 {
        fnv1a(self.id.as_bytes())
    }
}

pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn count_people(list: &[PersonSpec]) -> usize {
    list.iter().map(|p| 1 + count_people(&p.reports)).sum()
}
