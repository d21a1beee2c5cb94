//! Player settings: volumes, UI scale, window mode and the default speed. Kept in the
//! platform's config folder, written atomically; a damaged file is set aside and the
//! defaults are used, with a message.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WindowMode {
    #[default]
    Windowed,
    Fullscreen,
}

/// How weeks advance: when the player ends them, or on a timer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Speed {
    #[default]
    Turns,
    Normal,
    Fast,
    Fastest,
}

impl Speed {
    pub const ALL: [Speed; 4] = [Speed::Turns, Speed::Normal, Speed::Fast, Speed::Fastest];

    /// Seconds a week lasts in continuous mode at the player's time scale; `None` in turn
    /// mode.
    pub fn seconds_per_week(self, time_scale: f32) -> Option<f32> {
        let base = match self {
            Speed::Turns => return None,
            Speed::Normal => 12.0,
            Speed::Fast => 6.0,
            Speed::Fastest => 3.0,
        };
        Some(base * time_scale.clamp(1.0, 3.0))
    }

    /// The id of its name in the game's messages.
    pub fn label_id(self) -> &'static str {
        match self {
            Speed::Turns => "speed-turns",
            Speed::Normal => "speed-normal",
            Speed::Fast => "speed-fast",
            Speed::Fastest => "speed-fastest",
        }
    }
}

/// Whether the world and the panels move: as the system says, or always still, or always
/// moving.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Motion {
    #[default]
    FollowSystem,
    Reduced,
    Full,
}

impl Motion {
    pub const ALL: [Motion; 3] = [Motion::FollowSystem, Motion::Reduced, Motion::Full];

    /// The id of its name in the game's messages.
    pub fn label_id(self) -> &'static str {
        match self {
            Motion::FollowSystem => "motion-system",
            Motion::Reduced => "motion-reduced",
            Motion::Full => "motion-full",
        }
    }

    /// Whether motion is reduced, given what the system asks for.
    pub fn reduced(self, system_asks: bool) -> bool {
        match self {
            Motion::FollowSystem => system_asks,
            Motion::Reduced => true,
            Motion::Full => false,
        }
    }
}

/// How much longer a continuous week lasts, for a player who needs more time.
pub const TIME_SCALES: [f32; 4] = [1.0, 1.5, 2.0, 3.0];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// 0..1
    pub music_volume: f32,
    /// 0..1
    pub effects_volume: f32,
    /// 0.75..2
    pub ui_scale: f32,
    pub window_mode: WindowMode,
    pub default_speed: Speed,
    /// Every campaign level open from the start, for a facilitator picking one for a class.
    pub unlock_all: bool,
    /// Where class result files go (a shared folder, a USB stick); empty: beside the saves.
    pub results_dir: String,
    /// The class this computer last joined, offered again by *Join a class* (a game that
    /// crashed mid-class is back in a few keys).
    pub last_join: Option<LastJoin>,
    /// Black ground, white text and hues that stay apart for colour-blind players.
    pub high_contrast: bool,
    /// Camera glides, pulses, drifting leavers and the vision's travelling dots.
    pub motion: Motion,
    /// Continuous weeks last this many times longer (1 to 3).
    pub time_scale: f32,
    /// The language of the game; `None` follows the system's.
    pub language: Option<crate::i18n::Lang>,
}

/// What the *Join a class* form last began with.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LastJoin {
    pub code: String,
    pub team: String,
    /// The facilitator's computer; empty for an offline class.
    pub host: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            music_volume: 0.5,
            effects_volume: 0.7,
            ui_scale: 1.0,
            window_mode: WindowMode::Windowed,
            default_speed: Speed::Turns,
            unlock_all: false,
            results_dir: String::new(),
            last_join: None,
            high_contrast: false,
            motion: Motion::FollowSystem,
            time_scale: 1.0,
            language: None,
        }
    }
}

impl Settings {
    /// The folder result files are written to.
    pub fn results_dir(&self, data_dir: &Path) -> PathBuf {
        if self.results_dir.trim().is_empty() {
            data_dir.join("results")
        } else {
            PathBuf::from(self.results_dir.trim())
        }
    }

    /// Values outside their ranges (a hand-edited file) are brought back inside.
    pub fn clamped(mut self) -> Settings {
        let fix =
            |v: f32, lo: f32, hi: f32, d: f32| if v.is_finite() { v.clamp(lo, hi) } else { d };
        self.music_volume = fix(self.music_volume, 0.0, 1.0, 0.5);
        self.effects_volume = fix(self.effects_volume, 0.0, 1.0, 0.7);
        self.ui_scale = fix(self.ui_scale, 0.75, 2.0, 1.0);
        self.time_scale = fix(self.time_scale, 1.0, 3.0, 1.0);
        self
    }

    /// Loads settings; a missing file gives the defaults, a damaged one is kept aside
    /// as `settings.ron.corrupt` (or `.corrupt-2`, …) and reported.
    pub fn load(path: &Path) -> (Settings, Option<String>) {
        let (settings, problem) = super::read_or_default(path, Settings::parse);
        let message = problem.map(|(e, kept)| {
            format!(
                "{}: {e} — using the defaults{kept}",
                super::disk::shown(path)
            )
        });
        (settings, message)
    }

    /// Settings from their file's text, every value brought within its range.
    pub fn parse(text: &str) -> Result<Settings, ron::error::SpannedError> {
        ron::Options::default()
            .from_str::<Settings>(text)
            .map(Settings::clamped)
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        super::write_ron(path, self)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_speed_and_motion_is_named_in_every_language() {
        use crate::i18n::{Lang, has};
        for lang in Lang::ALL {
            for id in Speed::ALL.map(Speed::label_id) {
                assert!(has(lang, id), "{}: {id}", lang.code());
            }
            for id in Motion::ALL.map(Motion::label_id) {
                assert!(has(lang, id), "{}: {id}", lang.code());
            }
        }
    }

    use super::*;

    fn dir(name: &str) -> crate::scratch::Scratch {
        crate::scratch::Scratch::new(&format!("settings-{name}"))
    }

    #[test]
    fn settings_survive_a_round_trip() {
        let scratch = dir("roundtrip");
        let path = scratch.join("settings.ron");
        let s = Settings {
            music_volume: 0.2,
            ui_scale: 1.5,
            default_speed: Speed::Fast,
            last_join: Some(LastJoin {
                code: "FT-S8NE-A001".into(),
                team: "North".into(),
                host: "192.168.1.20:7878".into(),
            }),
            ..Settings::default()
        };
        s.save(&path).unwrap();
        assert_eq!(Settings::load(&path), (s, None));
    }

    #[test]
    fn a_player_who_needs_more_time_gets_longer_continuous_weeks() {
        assert_eq!(Speed::Normal.seconds_per_week(1.0), Some(12.0));
        assert_eq!(Speed::Normal.seconds_per_week(2.0), Some(24.0));
        assert_eq!(Speed::Fastest.seconds_per_week(1.5), Some(4.5));
        assert_eq!(Speed::Turns.seconds_per_week(3.0), None);
    }

    #[test]
    fn motion_follows_the_system_unless_the_player_chose() {
        assert!(Motion::FollowSystem.reduced(true));
        assert!(!Motion::FollowSystem.reduced(false));
        assert!(Motion::Reduced.reduced(false));
        assert!(!Motion::Full.reduced(true));
    }

    #[test]
    fn a_damaged_file_gives_defaults_a_message_and_is_kept() {
        let scratch = dir("damaged");
        let path = scratch.join("settings.ron");
        std::fs::write(&path, "(music_volume: loud)").unwrap();
        let (s, msg) = Settings::load(&path);
        assert_eq!(s, Settings::default());
        assert!(msg.unwrap().contains("using the defaults"));
        assert!(path.with_extension("ron.corrupt").exists());
    }

    #[test]
    fn out_of_range_values_are_brought_back() {
        let scratch = dir("range");
        let path = scratch.join("settings.ron");
        std::fs::write(&path, "(music_volume: 7.0, ui_scale: 0.1, time_scale: 9.0)").unwrap();
        let (s, _) = Settings::load(&path);
        assert_eq!(
            (s.music_volume, s.ui_scale, s.effects_volume, s.time_scale),
            (1.0, 0.75, 0.7, 3.0)
        );
    }
}
