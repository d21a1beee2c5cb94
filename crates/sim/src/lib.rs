//! The simulation: plain Rust, no engine. Deterministic for a level, a seed and the
//! decisions; serialisable, so a run can be saved and resumed.

// The model's public face is this file: the services below as modules, the data types
// re-exported here. Everything else is private, so a client cannot grow a dependency on
// how a rule is written.
mod activity;
mod decisions;
mod events;
mod file;
mod level;
mod locate;
mod org;
mod report;
mod rules;

pub mod balance;
pub mod policy;
pub mod run;
pub mod sandbox;
pub mod soak;
pub mod whatif;

#[cfg(test)]
mod scratch;

/// A shipped level, for the unit tests: `levels/` sits at the top of the repository.
#[cfg(test)]
pub(crate) fn shipped_level(id: &str) -> Arc<Level> {
    let path = crate::scratch::manifest_dir()
        .join("../../levels")
        .join(format!("{id}.ron"));
    Arc::new(Level::load(&path).unwrap_or_else(|e| panic!("{id}: {e:?}")))
}

pub use activity::{Activity, Family, Plan, PlanError};
pub use decisions::{Decision, Decisions};
pub use events::{CUSTOM_TEXT_MAX, CUSTOM_TITLE_MAX, CustomEvent};
pub use file::{ReadError, read_capped};
pub use level::{
    Difficulty, DilemmaSpec, Effect, Level, LevelError, Role, Scoring, Stars, Team, TutorialStep,
    Work,
};
pub use locate::line_col;
pub use org::{LeaveReason, Mood, Org, Person};
pub use report::{
    Cause, Final, KickOff, Metrics, WeekReport, biggest_causes, is_accounting, retention_text,
};
pub use rules::{MORALE_LABELS, PRESSURE_CAUSE, false_start_share, kick_off_hours};

/// The generator behind every draw of a run, saved with it.
pub type Rng = ChaCha8Rng;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A piece of work on the team's plate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub title: String,
    pub goal: usize,
    pub effort: f64,
    pub done: f64,
    pub due: u32,
    /// Week the work reaches the team; it cannot be started before (0 or 1: from the start).
    #[serde(default)]
    pub arrives: u32,
    /// Week it was finished, if it was.
    pub finished: Option<u32>,
    /// An incident that had to be handled the week it came: the expert's own hands clear
    /// it fastest.
    #[serde(default)]
    pub urgent: bool,
    /// Asked for from above: it counts for the dates, not for the goals.
    #[serde(default)]
    pub request: bool,
    /// The week a deliverable is broken down in: the first week the player plans knowing
    /// of it. None for routine work, incidents and requests.
    #[serde(default)]
    pub kickoff: Option<u32>,
    /// Effort added because nobody broke the deliverable down that week: false starts,
    /// which move no goal.
    #[serde(default)]
    pub false_starts: f64,
}

/// Work left on the items that `pick` selects.
pub fn remaining_where(items: &[Item], pick: impl Fn(&Item) -> bool) -> f64 {
    items.iter().filter(|i| pick(i)).map(Item::remaining).sum()
}

impl Item {
    pub fn remaining(&self) -> f64 {
        (self.effort - self.done).max(0.0)
    }

    /// Not finished and already on the team's plate in `week`.
    pub fn open_in(&self, week: u32) -> bool {
        self.finished.is_none() && self.arrives <= week
    }

    /// A piece of work with a date of its own: not one week's share of a stream, an
    /// incident or a request from above.
    pub fn is_deliverable(&self) -> bool {
        self.arrives < self.due && !self.urgent && !self.request
    }

    /// A deliverable still open that falls due in `week` or the week after: a milestone
    /// and its hand-offs.
    pub fn hands_off_in(&self, week: u32) -> bool {
        self.is_deliverable() && self.finished.is_none() && (week..=week + 1).contains(&self.due)
    }

    /// An incident still open in `week`.
    pub fn on_fire(&self, week: u32) -> bool {
        self.urgent && self.open_in(week)
    }

    /// A deliverable the player can break down in `week`, and only then.
    pub fn kicks_off_in(&self, week: u32) -> bool {
        self.finished.is_none() && self.kickoff == Some(week)
    }

    /// The share of the effort that moves the item's goal: false starts move none.
    pub fn useful_share(&self) -> f64 {
        if self.effort > 1e-9 {
            1.0 - self.false_starts / self.effort
        } else {
            1.0
        }
    }

    /// A request from above that can still be talked down in `week`: the player heard of
    /// it when it landed, last week, and the teams start on it this week.
    pub fn negotiable(&self, week: u32) -> bool {
        self.request && self.finished.is_none() && self.arrives == week
    }
}

/// Attention taken from (or given to) the player for a span of weeks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttentionChange {
    pub from: u32,
    pub to: u32,
    pub hours: f64,
    /// The event or choice that took the hours, as the log names it.
    #[serde(default)]
    pub why: String,
}

/// Everything that changes during a run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Weeks played so far; the next week is `week + 1`.
    pub week: u32,
    pub org: Org,
    pub items: Vec<Item>,
    pub goal_progress: Vec<f64>,
    pub on_time: f64,
    pub quality: f64,
    /// 0..1: how well the team's ways of working prevent defects.
    pub process: f64,
    /// Person-weeks of rework waiting for capacity.
    pub rework: f64,
    /// Person-weeks of the player's solo work the team has yet to take over.
    pub handover: f64,
    /// Hours of the player's hands-on work lately, recent weeks counting most: the habit
    /// the team feels.
    #[serde(default)]
    pub hands_on: f64,
    /// 0..1: the confidence of whoever the player answers to.
    #[serde(default = "rules::starting_confidence")]
    pub confidence: f64,
    /// Doubts above remembered (a push-back, a missed promise), fading slowly.
    #[serde(default)]
    pub doubt: f64,
    /// Extra output promised for this week by a choice (overtime, a skipped check).
    pub overtime: f64,
    /// Person-weeks of defects let through by skipped checks, not yet found.
    pub hidden_defects: f64,
    /// Draws of the risks that shortcuts run; its own stream, so taking a risk shifts no
    /// other draw of the run.
    pub risk_rng: ChaCha8Rng,
    /// (week, event index) still to happen.
    pub schedule: Vec<(u32, usize)>,
    /// (week, event) written by a facilitator, still to happen.
    #[serde(default)]
    pub custom: Vec<(u32, events::CustomEvent)>,
    pub attention: Vec<AttentionChange>,
    pub initial_headcount: usize,
    pub leavers: u32,
    pub produced: f64,
    pub rng: ChaCha8Rng,
    pub history: Vec<WeekReport>,
}

/// A run of one level.
#[derive(Clone, Debug)]
pub struct Sim {
    pub level: Arc<Level>,
    pub seed: u64,
    pub state: State,
}

/// Why a week could not be played.
#[derive(Clone, Debug, PartialEq)]
pub enum StepError {
    Finished,
    Plan(PlanError),
    UnknownDilemma(String),
    UnknownEvent(String),
    CustomEvent(String),
    UnknownChoice {
        dilemma: String,
        choice: String,
    },
    /// A choice for a dilemma that is not decided this week.
    ChoiceOutOfWeek {
        dilemma: String,
        its_week: u32,
        week: u32,
    },
}

impl std::error::Error for StepError {}

impl std::fmt::Display for StepError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StepError::Finished => write!(f, "the level is over"),
            StepError::Plan(e) => write!(f, "{e}"),
            StepError::UnknownDilemma(d) => write!(f, "no dilemma \"{d}\" in this level"),
            StepError::UnknownEvent(e) => write!(f, "no event \"{e}\" in this level's deck"),
            StepError::CustomEvent(e) => write!(f, "{e}"),
            StepError::UnknownChoice { dilemma, choice } => {
                write!(f, "dilemma \"{dilemma}\" has no choice \"{choice}\"")
            }
            StepError::ChoiceOutOfWeek {
                dilemma,
                its_week,
                week,
            } => write!(
                f,
                "dilemma \"{dilemma}\" is decided in week {its_week}, not in week {week}"
            ),
        }
    }
}

/// Stream numbers keep the uses of randomness apart: the event deck is drawn the same
/// whatever the player does, and the weekly draws do not shift when the deck changes.
const STREAM_SETUP: u64 = 1;
const STREAM_WEEKS: u64 = 2;
const STREAM_RISKS: u64 = 3;

/// The version of the weekly rules. A save or a result file made under other rules would
/// replay into a different run, so it is refused with this number named.
pub const MODEL_VERSION: u32 = 7;

/// The model version of files written before versions were recorded.
pub fn first_model() -> u32 {
    1
}

/// A file played under other weekly rules: it would replay into a different run.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "was played under model version {0} of the rules; this game runs model version \
     {MODEL_VERSION} and would replay it into a different run"
)]
pub struct OtherModel(pub u32);

/// Refuses a file of another model version; the error reads "… was played …" after the
/// file's name.
pub fn check_model(version: u32) -> Result<(), OtherModel> {
    if version == MODEL_VERSION {
        Ok(())
    } else {
        Err(OtherModel(version))
    }
}

impl Sim {
    pub fn new(level: Arc<Level>, seed: u64) -> Sim {
        let base = seed ^ level.id_hash();
        let mut setup = ChaCha8Rng::seed_from_u64(base);
        setup.set_stream(STREAM_SETUP);
        let org = Org::build(&level.team, &mut setup);
        let schedule = events::draw_schedule(&level, &mut setup);
        let items = rules::initial_items(&level);
        let mut rng = ChaCha8Rng::seed_from_u64(base);
        rng.set_stream(STREAM_WEEKS);
        let mut risk_rng = ChaCha8Rng::seed_from_u64(base);
        risk_rng.set_stream(STREAM_RISKS);
        let initial_headcount = org.headcount();
        let state = State {
            week: 0,
            org,
            items,
            goal_progress: vec![0.0; level.goals.len()],
            on_time: 0.8,
            quality: 0.8,
            process: 0.2,
            rework: 0.0,
            handover: 0.0,
            hands_on: 0.0,
            confidence: rules::starting_confidence(),
            doubt: 0.0,
            overtime: 0.0,
            hidden_defects: 0.0,
            risk_rng,
            schedule,
            custom: Vec::new(),
            attention: Vec::new(),
            initial_headcount,
            leavers: 0,
            produced: 0.0,
            rng,
            history: Vec::new(),
        };
        Sim { level, seed, state }
    }

    pub fn is_finished(&self) -> bool {
        self.state.week >= self.level.weeks
    }

    /// The week about to be played (1-based).
    pub fn next_week(&self) -> u32 {
        self.state.week + 1
    }

    /// Hours the player has in the coming week.
    pub fn budget(&self) -> f64 {
        let taken: f64 = self.attention_now().map(|a| a.hours).sum();
        (self.level.budget * self.level.difficulty.budget_factor() - taken - self.scrutiny_hours())
            .clamp(0.0, 100.0)
    }

    /// Attention taken from (or given to) the coming week by events and choices.
    fn attention_now(&self) -> impl Iterator<Item = &AttentionChange> {
        let w = self.next_week();
        self.state
            .attention
            .iter()
            .filter(move |a| a.from <= w && w <= a.to)
    }

    /// What comes off the level's week before the player plans the coming one, each with
    /// its reason, in hours (negative: hours given back). They and [`Sim::budget`] add up
    /// to the level's week, unless the week would fall below nothing.
    pub fn budget_deductions(&self) -> Vec<(String, f64)> {
        let base = self.level.budget;
        let mut out = Vec::new();
        let factor = self.level.difficulty.budget_factor();
        if (factor - 1.0).abs() > 1e-9 {
            out.push(("Difficulty".to_string(), base * (1.0 - factor)));
        }
        out.extend(
            self.attention_now()
                .filter(|a| a.hours.abs() > 1e-9)
                .map(|a| (a.why.clone(), a.hours)),
        );
        let scrutiny = self.scrutiny_hours();
        if scrutiny > 1e-9 {
            out.push((
                format!("Status reports for {}", self.level.role.above()),
                scrutiny,
            ));
        }
        out
    }

    /// Hours of the coming week that status reviews from above take, because their
    /// confidence in the player is low.
    pub fn scrutiny_hours(&self) -> f64 {
        rules::scrutiny_hours(self.state.confidence, self.level.budget)
    }

    /// Dilemmas the player faces in the coming week.
    pub fn dilemmas_now(&self) -> Vec<&level::DilemmaSpec> {
        let w = self.next_week();
        self.level.dilemmas.iter().filter(|d| d.week == w).collect()
    }

    /// Plays one week. Dilemmas of the week without a recorded choice take their default.
    pub fn step(&mut self, decision: &Decision) -> Result<&WeekReport, StepError> {
        if self.is_finished() {
            return Err(StepError::Finished);
        }
        decision
            .plan
            .validate(self.budget())
            .map_err(StepError::Plan)?;
        let choices = self.resolve_choices(&decision.choices)?;
        let injected: Vec<usize> = decision
            .inject
            .iter()
            .map(|id| {
                self.level
                    .events
                    .iter()
                    .position(|e| &e.id == id)
                    .ok_or_else(|| StepError::UnknownEvent(id.clone()))
            })
            .collect::<Result<_, _>>()?;
        if let Some(p) = decision.custom.iter().find_map(|c| c.problem(&self.level)) {
            return Err(StepError::CustomEvent(p));
        }
        rules::play_week(self, &decision.plan, &choices);
        // Announced this week, they happen next week: the same for every team that enters them.
        let next = self.state.week + 1;
        for i in injected {
            self.state.schedule.push((next, i));
        }
        self.state.schedule.sort();
        for c in &decision.custom {
            self.state.custom.push((next, c.clone()));
        }
        let report = self
            .state
            .history
            .last_mut()
            .expect("a week was just recorded");
        report.injected = decision.inject.clone();
        report.custom = decision.custom.clone();
        Ok(report)
    }

    fn resolve_choices(
        &self,
        given: &BTreeMap<String, String>,
    ) -> Result<Vec<(usize, usize)>, StepError> {
        let w = self.next_week();
        for id in given.keys() {
            match self.level.dilemmas.iter().find(|d| &d.id == id) {
                None => return Err(StepError::UnknownDilemma(id.clone())),
                // A choice recorded in the wrong week would be dropped without a word.
                Some(d) if d.week != w => {
                    return Err(StepError::ChoiceOutOfWeek {
                        dilemma: id.clone(),
                        its_week: d.week,
                        week: w,
                    });
                }
                Some(_) => {}
            }
        }
        let mut out = Vec::new();
        for (di, d) in self
            .level
            .dilemmas
            .iter()
            .enumerate()
            .filter(|(_, d)| d.week == w)
        {
            let ci = match given.get(&d.id) {
                Some(c) => d.choices.iter().position(|ch| &ch.id == c).ok_or_else(|| {
                    StepError::UnknownChoice {
                        dilemma: d.id.clone(),
                        choice: c.clone(),
                    }
                })?,
                None => d.default,
            };
            out.push((di, ci));
        }
        Ok(out)
    }

    pub fn metrics(&self) -> Metrics {
        match self.state.history.last() {
            Some(r) => r.metrics.clone(),
            None => rules::measure(self, 0.0, 0.0),
        }
    }

    /// The choices made so far that the level marks as shortcuts: (week, label).
    pub fn shortcuts_taken(&self) -> Vec<(u32, String)> {
        let mut out = Vec::new();
        for w in &self.state.history {
            for (d, c) in &w.choices {
                let choice = self
                    .level
                    .dilemmas
                    .iter()
                    .find(|x| &x.id == d)
                    .and_then(|x| x.choices.iter().find(|y| &y.id == c));
                if let Some(ch) = choice.filter(|ch| ch.shortcut) {
                    out.push((w.week, ch.label.clone()));
                }
            }
        }
        out
    }

    pub fn final_result(&self) -> Final {
        Final::from_metrics(&self.metrics(), &self.level.scoring)
    }
}
