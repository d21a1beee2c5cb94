//! A recorded run: the plan of each week and the dilemma choices, as a RON file.

use super::activity::Plan;
use super::level::LevelError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// What the player decided for one week.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub plan: Plan,
    /// Dilemma id → choice id, for the dilemmas of that week.
    #[serde(default)]
    pub choices: BTreeMap<String, String>,
    /// Events of the level's deck a facilitator announced this week: they happen next week.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inject: Vec<String>,
    /// Events a facilitator wrote and announced this week: they happen next week.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<super::events::CustomEvent>,
}

/// A decisions file: `(level: "first-week", weeks: [(plan: {...}, choices: {...}), ...])`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decisions {
    /// The level these decisions were made for (checked when given).
    #[serde(default)]
    pub level: Option<String>,
    /// The seed the decisions were made with; a replay uses it unless told otherwise.
    #[serde(default)]
    pub seed: Option<u64>,
    /// The adaptive plan that made these decisions, when one did (`balance` solutions).
    #[serde(default)]
    pub policy: Option<super::policy::Adaptive>,
    /// The best fixed plan `balance` found for the level, which the adaptive plan must beat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fixed: Option<super::policy::Mix>,
    pub weeks: Vec<Decision>,
}

impl Decisions {
    pub fn load(path: &Path) -> Result<Decisions, LevelError> {
        let file = path.display().to_string();
        let err = |line, col, message: String| LevelError {
            file: file.clone(),
            line,
            col,
            message,
        };
        let bytes = super::file::read_capped(
            path,
            super::level::MAX_FILE_BYTES as u64,
            "a decisions file",
        )
        .map_err(|e| err(0, 0, e.to_string()))?;
        Decisions::parse(&bytes, &file)
    }

    /// Reads a decisions file's bytes; `file` names it in the errors.
    pub fn parse(bytes: &[u8], file: &str) -> Result<Decisions, LevelError> {
        let err = |line, col, message: String| LevelError {
            file: file.to_string(),
            line,
            col,
            message,
        };
        let src = String::from_utf8(bytes.to_vec()).map_err(|e| {
            let (line, col) = super::locate::line_col(
                &String::from_utf8_lossy(e.as_bytes()),
                e.utf8_error().valid_up_to(),
            );
            err(line, col, "the file is not UTF-8 text".into())
        })?;
        ron::Options::default()
            .from_str(src.strip_prefix('\u{feff}').unwrap_or(&src))
            .map_err(|e| err(e.span.start.line, e.span.start.col, e.code.to_string()))
    }
}
