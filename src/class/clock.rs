//! The class's round clock, as plain data: the week the class is in, its countdown, and
//! whether a team may end a week now. The host ticks it; each team's copy only counts down.

use serde::{Deserialize, Serialize};

/// Seconds after a pause during which the host still takes a week: one a team ended just
/// before the pause may reach the host just after it.
pub const PAUSE_GRACE: f32 = 2.0;

/// The most time the facilitator can add to one week, in seconds.
pub const MAX_EXTRA: u32 = 600;

/// The class's round clock. Teams may end any week up to the class's week while it runs:
/// a late joiner catches up, nobody runs ahead, and a pause holds everyone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clock {
    /// The week the class is playing (1-based).
    pub week: u32,
    pub weeks: u32,
    pub seconds_per_week: u32,
    /// Seconds of this week gone; below zero once the facilitator has given more time.
    pub elapsed: f32,
    pub running: bool,
    /// The last week's time is up: teams finish at their own pace.
    pub over: bool,
    /// Seconds the clock has been paused (host side).
    #[serde(default)]
    pub paused_for: f32,
}

impl Clock {
    pub fn new(weeks: u32, seconds_per_week: u32) -> Clock {
        Clock {
            week: 1,
            weeks: weeks.max(1),
            seconds_per_week: seconds_per_week.max(1),
            elapsed: 0.0,
            running: false,
            over: false,
            paused_for: 0.0,
        }
    }

    /// The clock but its countdown: what teams are told, and the class saved, at once.
    pub fn turn(&self) -> Turn {
        Turn {
            week: self.week,
            running: self.running,
            over: self.over,
            seconds_per_week: self.seconds_per_week,
        }
    }

    /// Whether the facilitator has started the class.
    pub fn started(&self) -> bool {
        self.running || self.elapsed != 0.0 || self.week > 1 || self.over
    }

    /// Moves the clock on by `dt` seconds; a finished week starts the next one, and the
    /// last week's end stops the clock.
    pub fn tick(&mut self, dt: f32) {
        if !self.running {
            self.paused_for += dt;
            return;
        }
        self.paused_for = 0.0;
        self.elapsed += dt;
        if self.elapsed >= self.seconds_per_week as f32 {
            self.next_week();
        }
    }

    /// A team's copy between the host's updates: the countdown runs, the week never turns
    /// (only the host turns it).
    pub fn tick_display(&mut self, dt: f32) {
        if self.running {
            self.elapsed = (self.elapsed + dt).min(self.seconds_per_week as f32);
        }
    }

    /// Starts the next week now (the facilitator's "next week").
    pub fn next_week(&mut self) {
        self.elapsed = 0.0;
        if self.week < self.weeks {
            self.week += 1;
        } else {
            self.running = false;
            self.over = true;
        }
    }

    /// Gives every team `seconds` more in this week (a class with a player who needs more
    /// time), up to ten minutes more than a week's length.
    pub fn add_time(&mut self, seconds: u32) {
        if !self.over && self.started() {
            self.elapsed = (self.elapsed - seconds as f32).max(-(MAX_EXTRA as f32));
        }
    }

    /// Whole seconds left in this week.
    pub fn left(&self) -> u32 {
        (self.seconds_per_week as f32 - self.elapsed)
            .max(0.0)
            .ceil() as u32
    }

    /// Whether the host takes week `week` now: as `may_play`, and a week that was on its way
    /// when the clock was paused.
    pub fn may_accept(&self, week: u32) -> Result<(), NotYet> {
        if !self.running && self.started() && self.paused_for < PAUSE_GRACE && week <= self.week {
            return Ok(());
        }
        self.may_play(week)
    }

    /// Whether a team may end week `week` now, and why not.
    pub fn may_play(&self, week: u32) -> Result<(), NotYet> {
        if self.over {
            return Ok(());
        }
        if !self.started() {
            return Err(NotYet::NotStarted);
        }
        if !self.running {
            return Err(NotYet::Paused);
        }
        if week > self.week {
            return Err(NotYet::Ahead {
                class_week: self.week,
                week,
            });
        }
        Ok(())
    }
}

/// Why a team cannot end its week yet in a class.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotYet {
    #[error("your facilitator has not started the class yet")]
    NotStarted,
    #[error("your facilitator has paused the class")]
    Paused,
    #[error(
        "the class is in week {class_week}: week {week} opens when the facilitator's clock reaches it"
    )]
    Ahead { class_week: u32, week: u32 },
}

/// The clock but its countdown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Turn {
    pub week: u32,
    pub running: bool,
    pub over: bool,
    pub seconds_per_week: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_round_clock_moves_week_by_week_and_stops_at_the_end() {
        let mut c = Clock::new(3, 30);
        c.tick(100.0);
        assert_eq!(c.week, 1, "a paused clock does not move");
        c.running = true;
        c.tick(29.0);
        assert_eq!((c.week, c.left()), (1, 1));
        c.tick(1.5);
        assert_eq!((c.week, c.elapsed), (2, 0.0));
        c.tick(30.0);
        assert_eq!(c.week, 3);
        assert!(!c.over);
        c.tick(30.0);
        assert!(!c.running && c.over, "the last week's end stops the clock");
        assert!(
            c.may_play(3).is_ok(),
            "after time, teams finish at their own pace"
        );
        // A team's copy counts down but never turns the week.
        let mut team = Clock::new(3, 30);
        team.running = true;
        team.tick_display(100.0);
        assert_eq!((team.week, team.left()), (1, 0));
    }

    #[test]
    fn more_time_lengthens_this_week_only() {
        let mut c = Clock::new(3, 60);
        c.running = true;
        c.tick(50.0);
        assert_eq!(c.left(), 10);
        c.add_time(30);
        assert_eq!(c.left(), 40);
        c.tick(39.0);
        assert_eq!((c.week, c.left()), (1, 1), "the week runs its extra time");
        c.tick(1.5);
        assert_eq!(
            (c.week, c.left()),
            (2, 60),
            "the next week is its usual length"
        );
        // Before the start there is no week to lengthen.
        let mut fresh = Clock::new(3, 60);
        fresh.add_time(30);
        assert!(!fresh.started() && fresh.left() == 60);
        // Never more than ten minutes over, and nothing once time is up.
        c.add_time(100_000);
        assert_eq!(c.left(), 60 + MAX_EXTRA);
        c.over = true;
        let before = c.elapsed;
        c.add_time(30);
        assert_eq!(c.elapsed, before);
    }
}
