//! How hard a level is played: hours, noise and the severity of events.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Difficulty {
    Easy,
    #[default]
    Normal,
    Hard,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Easy, Difficulty::Normal, Difficulty::Hard];

    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Easy => "Easy",
            Difficulty::Normal => "Normal",
            Difficulty::Hard => "Hard",
        }
    }

    /// What the player is told about each difficulty.
    pub fn describe(self) -> &'static str {
        match self {
            Difficulty::Easy => {
                "10% more hours, steadier weeks, milder events; each plan and each choice shows its likely effect before you commit"
            }
            Difficulty::Normal => {
                "the level as written: choices show a hint, the plan a preview of the week"
            }
            Difficulty::Hard => {
                "10% fewer hours, noisier weeks, harsher events; effects stay hidden until the week is played"
            }
        }
    }

    /// Whether the plan's preview of the week is shown.
    pub fn shows_preview(self) -> bool {
        self != Difficulty::Hard
    }

    /// Whether a choice's likely effect on the metrics is worked out and shown.
    pub fn shows_choice_effects(self) -> bool {
        self == Difficulty::Easy
    }

    /// Attention budget multiplier.
    pub fn budget_factor(self) -> f64 {
        match self {
            Difficulty::Easy => 1.1,
            Difficulty::Normal => 1.0,
            Difficulty::Hard => 0.9,
        }
    }
    /// Week-to-week productivity noise (± fraction).
    pub fn noise(self) -> f64 {
        match self {
            Difficulty::Easy => 0.05,
            Difficulty::Normal => 0.10,
            Difficulty::Hard => 0.15,
        }
    }
    /// Multiplier on every event and dilemma effect.
    pub fn severity(self) -> f64 {
        match self {
            Difficulty::Easy => 0.6,
            Difficulty::Normal => 1.0,
            Difficulty::Hard => 1.4,
        }
    }
}
