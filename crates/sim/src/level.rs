//! Levels as data: the RON schema, its bounds, and validation with positioned errors.

use super::locate::{Step, line_col, locate};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};
use std::path::Path;

/// Largest level file read, so no input can exhaust memory.
pub const MAX_FILE_BYTES: usize = 512 * 1024;
/// Problems of one file reported in full; the rest are counted.
pub const MAX_PROBLEMS: usize = 50;

/// For each id, whether an earlier one is the same.
fn repeated<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<bool> {
    let mut seen = std::collections::BTreeSet::new();
    ids.map(|id| !seen.insert(id)).collect()
}
/// Largest organisation a level may ask for.
pub const MAX_PEOPLE: usize = 5_000;
pub const MAX_WEEKS: u32 = 52;

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

/// A problem in a level file, at a place in it.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl std::fmt::Display for LevelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.col, self.message
            )
        }
    }
}

impl Level {
    /// Reads and validates a level file; every problem found is returned.
    pub fn load(path: &Path) -> Result<Level, Vec<LevelError>> {
        let file = path.display().to_string();
        let whole = |message: String| {
            vec![LevelError {
                file: file.clone(),
                line: 0,
                col: 0,
                message,
            }]
        };
        let bytes =
            super::file::read_capped(path, MAX_FILE_BYTES as u64, "a level").map_err(whole)?;
        let src = String::from_utf8(bytes).map_err(|e| {
            let (line, col) = line_col(
                &String::from_utf8_lossy(e.as_bytes()),
                e.utf8_error().valid_up_to(),
            );
            vec![LevelError {
                file: file.clone(),
                line,
                col,
                message: "the file is not valid UTF-8 text".into(),
            }]
        })?;
        Level::parse(&src, &file)
    }

    /// Parses and validates level text; `file` names it in messages.
    pub fn parse(src: &str, file: &str) -> Result<Level, Vec<LevelError>> {
        // What Windows Notepad writes first; it is not part of the level. Columns count
        // from after it, as an editor shows them.
        let src = src.strip_prefix('\u{feff}').unwrap_or(src);
        let at = |line, col, message: String| LevelError {
            file: file.to_string(),
            line,
            col,
            message,
        };
        if src.len() > MAX_FILE_BYTES {
            return Err(vec![at(
                0,
                0,
                format!("a level may be at most {MAX_FILE_BYTES} bytes"),
            )]);
        }
        if src.trim().is_empty() {
            return Err(vec![at(
                1,
                1,
                "the file is empty; expected a level such as `(id: \"...\", ...)`".into(),
            )]);
        }
        let mut level: Level = ron::Options::default()
            .from_str(src)
            .map_err(|e| vec![at(e.span.start.line, e.span.start.col, e.code.to_string())])?;
        level.content_hash = fnv1a(src.as_bytes());
        let problems = level.check();
        if problems.is_empty() {
            return Ok(level);
        }
        // Each problem is located by reading the file again: the first ones are what an
        // author fixes first, and a file of thousands would take minutes.
        let total = problems.len();
        let mut errors: Vec<LevelError> = problems
            .into_iter()
            .take(MAX_PROBLEMS)
            .map(|(path, message)| {
                let (line, col) = line_col(src, locate(src, &path));
                at(line, col, message)
            })
            .collect();
        if total > MAX_PROBLEMS {
            errors.push(at(
                0,
                0,
                format!(
                    "…and {} more problems; fix these first",
                    total - MAX_PROBLEMS
                ),
            ));
        }
        Err(errors)
    }

    /// The problems `check` finds, in words (for levels made in code, such as the sandbox).
    pub fn problems(&self) -> Vec<String> {
        self.check().into_iter().map(|(_, m)| m).collect()
    }

    /// Checks what the schema alone cannot: references, weeks within the level, sizes.
    fn check(&self) -> Vec<(Vec<Step>, String)> {
        use Step::{Index, Key};
        let mut out: Vec<(Vec<Step>, String)> = Vec::new();
        if self.id.trim().is_empty() {
            out.push((vec![Key("id")], "the id must not be empty".into()));
        }
        let people = self.team_size();
        if people == 0 {
            out.push((
                vec![Key("team")],
                "the team must have at least one person".into(),
            ));
        } else if people > MAX_PEOPLE {
            out.push((
                vec![Key("team")],
                if people == usize::MAX {
                    format!("the team has more people than can be counted; at most {MAX_PEOPLE} are allowed")
                } else {
                    format!("the team has {people} people; at most {MAX_PEOPLE} are allowed")
                },
            ));
        }
        if let Team::Generated(g) = &self.team
            && (g.layers.is_empty() || g.layers.len() > 6)
        {
            out.push((
                vec![Key("team"), Key("layers")],
                "expected 1 to 6 layers".into(),
            ));
        }
        if let Team::People(list) = &self.team
            && depth_of(list) > 6
        {
            out.push((
                vec![Key("team")],
                "reports may nest at most 6 levels deep".into(),
            ));
        }
        if self.goals.is_empty() {
            out.push((vec![Key("goals")], "a level needs at least one goal".into()));
        }
        let seen_goal = repeated(self.goals.iter().map(|g| g.id.as_str()));
        for (i, g) in self.goals.iter().enumerate() {
            if seen_goal[i] {
                out.push((
                    vec![Key("goals"), Index(i), Key("id")],
                    format!("the goal id \"{}\" is used twice", g.id),
                ));
            }
        }
        if self.work.is_empty() {
            out.push((
                vec![Key("work")],
                "a level needs at least one work item or stream".into(),
            ));
        }
        for (i, w) in self.work.iter().enumerate() {
            let (goal, weeks): (&String, Vec<(&'static str, u32)>) = match w {
                Work::Item {
                    goal, due, from, ..
                } => {
                    if let Some(f) = from
                        && f > due
                    {
                        out.push((
                            vec![Key("work"), Index(i), Key("from")],
                            format!("the item arrives (week {f}) after it is due (week {due})"),
                        ));
                    }
                    let mut weeks = vec![("due", *due)];
                    weeks.extend(from.map(|f| ("from", f)));
                    (goal, weeks)
                }
                Work::Stream { goal, from, to, .. } => {
                    if from > to {
                        out.push((
                            vec![Key("work"), Index(i), Key("to")],
                            format!("the stream ends (week {to}) before it starts (week {from})"),
                        ));
                    }
                    (goal, vec![("from", *from), ("to", *to)])
                }
            };
            if !self.goals.iter().any(|g| &g.id == goal) {
                out.push((
                    vec![Key("work"), Index(i), Key("goal")],
                    format!("unknown goal \"{goal}\"; known goals: {}", self.goal_ids()),
                ));
            }
            for (key, week) in weeks {
                if week > self.weeks {
                    out.push((
                        vec![Key("work"), Index(i), Key(key)],
                        format!(
                            "week {week} is after the level's last week ({})",
                            self.weeks
                        ),
                    ));
                }
            }
        }
        let seen_event = repeated(self.events.iter().map(|e| e.id.as_str()));
        for (i, e) in self.events.iter().enumerate() {
            if seen_event[i] {
                out.push((
                    vec![Key("events"), Index(i), Key("id")],
                    format!("the event id \"{}\" is used twice", e.id),
                ));
            }
            let bad_week = match e.when {
                When::Week(w) => w > self.weeks,
                When::Between(a, b) => a > b || b > self.weeks,
                When::Triggered => false,
            };
            if bad_week {
                out.push((
                    vec![Key("events"), Index(i), Key("when")],
                    format!("expected weeks within 1..={} (first <= last)", self.weeks),
                ));
            }
            self.check_effects(
                &e.effects,
                vec![Key("events"), Index(i), Key("effects")],
                &mut out,
            );
        }
        let seen_dilemma = repeated(self.dilemmas.iter().map(|d| d.id.as_str()));
        for (i, d) in self.dilemmas.iter().enumerate() {
            let here = |k| vec![Key("dilemmas"), Index(i), Key(k)];
            if seen_dilemma[i] {
                out.push((
                    here("id"),
                    format!("the dilemma id \"{}\" is used twice", d.id),
                ));
            }
            if d.week > self.weeks {
                out.push((
                    here("week"),
                    format!(
                        "week {} is after the level's last week ({})",
                        d.week, self.weeks
                    ),
                ));
            }
            if !(2..=3).contains(&d.choices.len()) {
                out.push((
                    here("choices"),
                    format!("a dilemma offers 2 or 3 choices, found {}", d.choices.len()),
                ));
            }
            if d.default >= d.choices.len() {
                out.push((
                    here("default"),
                    format!(
                        "default choice {} does not exist (choices are numbered from 0)",
                        d.default
                    ),
                ));
            }
            let seen_choice = repeated(d.choices.iter().map(|c| c.id.as_str()));
            for (j, c) in d.choices.iter().enumerate() {
                if seen_choice[j] {
                    out.push((
                        vec![
                            Key("dilemmas"),
                            Index(i),
                            Key("choices"),
                            Index(j),
                            Key("id"),
                        ],
                        format!("the choice id \"{}\" is used twice", c.id),
                    ));
                }
                let path = vec![
                    Key("dilemmas"),
                    Index(i),
                    Key("choices"),
                    Index(j),
                    Key("effects"),
                ];
                self.check_effects(&c.effects, path, &mut out);
            }
        }
        if let Some(st) = &self.stars
            && !(st.one < st.two && st.two < st.three)
        {
            out.push((
                vec![Key("stars")],
                format!(
                    "star thresholds must rise: one ({}) < two ({}) < three ({})",
                    st.one, st.two, st.three
                ),
            ));
        }
        for (i, t) in self.tutorial.iter().enumerate() {
            if t.week > self.weeks {
                out.push((
                    vec![Key("tutorial"), Index(i), Key("week")],
                    format!(
                        "week {} is after the level's last week ({})",
                        t.week, self.weeks
                    ),
                ));
            }
        }
        out
    }

    fn check_effects(
        &self,
        effects: &[Effect],
        path: Vec<Step>,
        out: &mut Vec<(Vec<Step>, String)>,
    ) {
        for (k, e) in effects.iter().enumerate() {
            let named = match e {
                Effect::Trigger(id) | Effect::Risk { event: id, .. } => Some(id),
                _ => None,
            };
            if let Some(id) = named
                && !self.events.iter().any(|ev| &ev.id == id)
            {
                let mut p = path.clone();
                p.push(Step::Index(k));
                out.push((
                    p,
                    format!(
                        "unknown event id \"{id}\" in {}; known events: {}",
                        if matches!(e, Effect::Risk { .. }) {
                            "Risk"
                        } else {
                            "Trigger"
                        },
                        self.event_ids()
                    ),
                ));
            }
        }
    }

    fn goal_ids(&self) -> String {
        self.goals
            .iter()
            .map(|g| format!("\"{}\"", g.id))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn event_ids(&self) -> String {
        let ids: Vec<String> = self
            .events
            .iter()
            .map(|e| format!("\"{}\"", e.id))
            .collect();
        if ids.is_empty() {
            "none".into()
        } else {
            ids.join(", ")
        }
    }

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

fn depth_of(list: &[PersonSpec]) -> usize {
    list.iter()
        .map(|p| 1 + depth_of(&p.reports))
        .max()
        .unwrap_or(0)
}
