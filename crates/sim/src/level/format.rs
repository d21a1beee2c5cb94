//! The level file's format: every type a `levels/*.ron` file is made of, with the bounds
//! each number is read within.

use super::{Difficulty, MAX_PEOPLE, MAX_WEEKS};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

/// The player's level in the organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// Leads individual contributors directly.
    Frontline,
    /// A strong engineer now leading former peers.
    PromotedExpert,
    /// Leads team leads; squeezed between executives and the floor.
    MiddleManager,
    /// Leads managers; work reaches the floor through layers.
    Executive,
}

impl Role {
    /// Who the player answers to, in a sentence's words.
    pub fn above(self) -> &'static str {
        match self {
            Role::Frontline | Role::PromotedExpert => "your manager",
            Role::MiddleManager => "your director",
            Role::Executive => "the board",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Frontline => "Frontline supervisor",
            Role::PromotedExpert => "Promoted expert",
            Role::MiddleManager => "Middle manager",
            Role::Executive => "Executive",
        }
    }
}

macro_rules! bounded {
    ($name:ident, $t:ty, $lo:expr, $hi:expr) => {
        fn $name<'de, D: Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
            let v = <$t>::deserialize(d)?;
            // `contains` is false for NaN, so NaN fails too.
            if !($lo..=$hi).contains(&v) {
                return Err(D::Error::custom(format!(
                    "expected a number from {} to {}, found {}",
                    $lo, $hi, v
                )));
            }
            Ok(v)
        }
    };
}

bounded!(unit, f64, 0.0, 1.0);
bounded!(delta, f64, -1.0, 1.0);
bounded!(weeks_count, u32, 1, MAX_WEEKS);
bounded!(week_number, u32, 1, MAX_WEEKS);
bounded!(budget_hours, f64, 5.0, 80.0);
bounded!(effort_points, f64, 0.0, 10_000.0);
bounded!(goal_points, f64, 0.1, 1_000_000.0);
bounded!(weight, f64, 0.0, 10.0);
bounded!(hire_weeks, u32, 0, MAX_WEEKS);
bounded!(span_count, u32, 1, MAX_PEOPLE as u32);
bounded!(shift_weeks, i32, -12, 12);
bounded!(attention_hours, f64, -40.0, 40.0);
bounded!(defect_share, f64, 0.0, 0.6);
bounded!(outcome_points, f64, 0.0, 100.0);
bounded!(chapter_number, u32, 1, 99);

fn some_stars<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Stars>, D::Error> {
    Stars::deserialize(d).map(Some)
}

fn some_chapter<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    chapter_number(d).map(Some)
}

fn some_unit<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    unit(d).map(Some)
}

fn some_week<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    week_number(d).map(Some)
}

fn unit_range<'de, D: Deserializer<'de>>(d: D) -> Result<(f64, f64), D::Error> {
    let (lo, hi) = <(f64, f64)>::deserialize(d)?;
    if !(0.0..=1.0).contains(&lo) || !(0.0..=1.0).contains(&hi) || lo > hi {
        return Err(D::Error::custom(format!(
            "expected a range (low, high) with 0 <= low <= high <= 1, found ({lo}, {hi})"
        )));
    }
    Ok((lo, hi))
}

fn default_player_skill() -> f64 {
    0.6
}
fn default_defect_rate() -> f64 {
    0.2
}
fn default_hire_delay() -> u32 {
    3
}
fn default_stress() -> f64 {
    0.3
}
fn default_within() -> u32 {
    3
}
fn default_chance() -> f64 {
    1.0
}
fn one() -> f64 {
    1.0
}
fn two() -> f64 {
    2.0
}

/// A scenario, exactly as written in `levels/*.ron`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub title: String,
    pub briefing: String,
    pub role: Role,
    #[serde(deserialize_with = "weeks_count")]
    pub weeks: u32,
    /// Hours of attention the player has each week.
    #[serde(deserialize_with = "budget_hours")]
    pub budget: f64,
    #[serde(default)]
    pub difficulty: Difficulty,
    /// The player's own craft, used when they do the work themselves.
    #[serde(default = "default_player_skill", deserialize_with = "unit")]
    pub player_skill: f64,
    /// How much work gets stuck between teams without someone resolving it.
    #[serde(default, deserialize_with = "unit")]
    pub complexity: f64,
    /// Share of produced work with a defect before any care is taken.
    #[serde(default = "default_defect_rate", deserialize_with = "defect_share")]
    pub defect_rate: f64,
    /// Weeks before a leaver's seat is filled.
    #[serde(default = "default_hire_delay", deserialize_with = "hire_weeks")]
    pub hire_delay: u32,
    pub team: Team,
    pub goals: Vec<Goal>,
    pub work: Vec<Work>,
    #[serde(default)]
    pub events: Vec<EventSpec>,
    #[serde(default)]
    pub dilemmas: Vec<DilemmaSpec>,
    #[serde(default)]
    pub scoring: Scoring,
    /// Place in the campaign (1 first); levels without one are played outside it.
    #[serde(default, deserialize_with = "some_chapter")]
    pub chapter: Option<u32>,
    /// What a player should take away, shown on the briefing and in the debrief.
    #[serde(default)]
    pub learning_goals: Vec<String>,
    /// Questions a facilitator asks the class after the level.
    #[serde(default)]
    pub discussion: Vec<String>,
    /// Outcome (0–100) needed for one, two and three stars, from the balance sweeps.
    #[serde(default, deserialize_with = "some_stars")]
    pub stars: Option<Stars>,
    /// Guided steps shown on the play screen, for a tutorial level.
    #[serde(default)]
    pub tutorial: Vec<TutorialStep>,
    /// FNV-1a of the file's text: saves and class codes name the exact version played.
    #[serde(skip)]
    pub content_hash: u64,
}

/// The organisation below the player.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Team {
    /// Named people; `reports` nest to make leads and managers.
    People(Vec<PersonSpec>),
    /// A layered organisation made from the run's seed.
    Generated(GeneratedTeam),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonSpec {
    pub name: String,
    #[serde(deserialize_with = "unit")]
    pub skill: f64,
    #[serde(deserialize_with = "unit")]
    pub morale: f64,
    #[serde(deserialize_with = "unit")]
    pub trust: f64,
    #[serde(deserialize_with = "unit")]
    pub alignment: f64,
    #[serde(default = "default_stress", deserialize_with = "unit")]
    pub stress: f64,
    #[serde(deserialize_with = "unit")]
    pub autonomy: f64,
    /// A key person: the one a "key person resigns" event takes.
    #[serde(default)]
    pub key: bool,
    #[serde(default)]
    pub reports: Vec<PersonSpec>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneratedTeam {
    /// From the player down: how many reports each person of the layer above has.
    pub layers: Vec<LayerSpec>,
    #[serde(deserialize_with = "unit_range")]
    pub morale: (f64, f64),
    #[serde(deserialize_with = "unit_range")]
    pub trust: (f64, f64),
    #[serde(deserialize_with = "unit_range")]
    pub alignment: (f64, f64),
    #[serde(deserialize_with = "unit_range")]
    pub stress: (f64, f64),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayerSpec {
    #[serde(deserialize_with = "span_count")]
    pub span: u32,
    #[serde(deserialize_with = "unit_range")]
    pub skill: (f64, f64),
    #[serde(deserialize_with = "unit_range")]
    pub autonomy: (f64, f64),
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub id: String,
    pub title: String,
    /// Aligned effort (person-weeks) that completes the goal.
    #[serde(deserialize_with = "goal_points")]
    pub target: f64,
}

/// Work the team must deliver, in person-weeks of effort.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Work {
    /// One item due at the end of week `due`.
    Item {
        title: String,
        goal: String,
        #[serde(deserialize_with = "effort_points")]
        effort: f64,
        #[serde(deserialize_with = "week_number")]
        due: u32,
        /// Week the work reaches the team (default: the first); it cannot start earlier.
        #[serde(default, deserialize_with = "some_week")]
        from: Option<u32>,
    },
    /// A new item every week from `from` to `to`, each due the week it arrives.
    Stream {
        title: String,
        goal: String,
        #[serde(deserialize_with = "effort_points")]
        effort: f64,
        #[serde(deserialize_with = "week_number")]
        from: u32,
        #[serde(deserialize_with = "week_number")]
        to: u32,
    },
}

/// What an event or a choice does to the team, scaled by the difficulty's severity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    Morale(#[serde(deserialize_with = "delta")] f64),
    Trust(#[serde(deserialize_with = "delta")] f64),
    Alignment(#[serde(deserialize_with = "delta")] f64),
    Stress(#[serde(deserialize_with = "delta")] f64),
    Skill(#[serde(deserialize_with = "delta")] f64),
    Autonomy(#[serde(deserialize_with = "delta")] f64),
    /// Unplanned work arrives, due `due_in` weeks from now (0: this week).
    ExtraWork {
        #[serde(deserialize_with = "effort_points")]
        effort: f64,
        #[serde(deserialize_with = "hire_weeks")]
        due_in: u32,
    },
    /// The team works extra this week: person-weeks of output now, paid for in fatigue
    /// that fades over weeks (less output and care, more people leaving meanwhile).
    Overtime(#[serde(deserialize_with = "effort_points")] f64),
    /// The player does work themselves outside their hours (a night, a weekend): output
    /// now; the team learns nothing from it and later spends time taking it over.
    OwnWork(#[serde(deserialize_with = "effort_points")] f64),
    /// Checks skipped to save time: person-weeks of output now, and defects nobody caught
    /// that surface over the next weeks as rework and lost quality.
    CutCorners(#[serde(deserialize_with = "effort_points")] f64),
    /// A seeded chance that the event `event` of the deck happens in one of the next
    /// `within` weeks (an incident, an audit, a leak): the risk a shortcut runs.
    Risk {
        #[serde(deserialize_with = "unit")]
        chance: f64,
        event: String,
        #[serde(default = "default_within", deserialize_with = "weeks_count")]
        within: u32,
    },
    /// Every open item's due week moves (negative: earlier).
    DeadlineMoves(#[serde(deserialize_with = "shift_weeks")] i32),
    /// The key person (or the most skilled) resigns.
    KeyPersonLeaves,
    /// Hours of the player's attention taken (negative: given) for some weeks.
    Attention {
        #[serde(deserialize_with = "attention_hours")]
        hours: f64,
        #[serde(deserialize_with = "weeks_count")]
        weeks: u32,
    },
    /// Another event of the deck happens next week.
    Trigger(String),
    /// The confidence of whoever the player answers to moves (negative: a doubt they
    /// remember, like pushing back or a promise missed).
    Confidence(#[serde(deserialize_with = "delta")] f64),
    /// A request from above: person-weeks of work due in two weeks that moves no goal.
    /// The teams start on it the week after it lands; setting priorities in that week
    /// negotiates part of it away.
    Request(#[serde(deserialize_with = "effort_points")] f64),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum When {
    Week(#[serde(deserialize_with = "week_number")] u32),
    /// Some week from the first to the last, drawn from the seed.
    Between(
        #[serde(deserialize_with = "week_number")] u32,
        #[serde(deserialize_with = "week_number")] u32,
    ),
    /// Only when a dilemma choice triggers it.
    Triggered,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventSpec {
    pub id: String,
    pub title: String,
    pub text: String,
    pub when: When,
    #[serde(default = "default_chance", deserialize_with = "unit")]
    pub chance: f64,
    pub effects: Vec<Effect>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DilemmaSpec {
    pub id: String,
    pub title: String,
    pub text: String,
    #[serde(deserialize_with = "week_number")]
    pub week: u32,
    pub choices: Vec<ChoiceSpec>,
    /// The choice taken when a run records none (constant-share sweeps).
    #[serde(default)]
    pub default: usize,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceSpec {
    pub id: String,
    pub label: String,
    /// What the player is told of the likely consequence.
    pub hint: String,
    pub effects: Vec<Effect>,
    /// A shortcut (overtime without need, a skipped check, softened facts, blame, looking
    /// away): marked for the lesson tests and the debrief; the mark changes no rule.
    #[serde(default)]
    pub shortcut: bool,
}

/// Weights of the final metrics in the 0–100 outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    #[serde(default = "one", deserialize_with = "weight")]
    pub on_time: f64,
    #[serde(default = "one", deserialize_with = "weight")]
    pub quality: f64,
    #[serde(default = "two", deserialize_with = "weight")]
    pub goal_progress: f64,
    #[serde(default = "one", deserialize_with = "weight")]
    pub morale: f64,
    #[serde(default = "one", deserialize_with = "weight")]
    pub trust: f64,
    #[serde(default = "one", deserialize_with = "weight")]
    pub retention: f64,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            on_time: 1.0,
            quality: 1.0,
            goal_progress: 2.0,
            morale: 1.0,
            trust: 1.0,
            retention: 1.0,
        }
    }
}

/// Outcome thresholds of one, two and three stars.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stars {
    #[serde(deserialize_with = "outcome_points")]
    pub one: f64,
    #[serde(deserialize_with = "outcome_points")]
    pub two: f64,
    #[serde(deserialize_with = "outcome_points")]
    pub three: f64,
}

impl Stars {
    /// Stars earned by an outcome: 0 to 3.
    pub fn earned(&self, outcome: f64) -> u8 {
        [self.one, self.two, self.three]
            .iter()
            .filter(|t| outcome >= **t)
            .count() as u8
    }
}

/// One guided step of a tutorial, shown from its week until the player moves on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TutorialStep {
    #[serde(deserialize_with = "week_number")]
    pub week: u32,
    pub title: String,
    pub text: String,
    /// A vision share the step suggests trying this week (the player may decline).
    #[serde(default, deserialize_with = "some_unit")]
    pub try_share: Option<f64>,
}
