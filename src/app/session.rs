//! The run being played: the simulation, the week's draft plan, and the messages the
//! UI sends to change it. The UI never steps the model itself; it writes messages.

use super::screens::Screen;
use crate::class::Membership;
use crate::class::room::NotYet;
use crate::store::save::{self, ResumeError, SaveFile};
use bevy::prelude::*;
use sim::{Activity, Decision, Level, Plan, Sim};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A passing note for the player on the play screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A copy of the run was saved there.
    Saved(PathBuf),
    /// The class does not take the week yet; cleared when a week is played.
    NotYet(NotYet),
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Saved(path) => write!(f, "Saved as {}", crate::store::disk::shown(path)),
            Notice::NotYet(why) => write!(f, "Not yet: {why}."),
        }
    }
}

#[derive(Resource, Clone, Debug)]
pub struct Session {
    pub sim: Sim,
    /// The plan being edited for the coming week; always within the budget.
    pub draft: Plan,
    /// Dilemma id → choice id for the coming week.
    pub choices: BTreeMap<String, String>,
    pub decisions: Vec<Decision>,
    /// Where the week's autosave goes; `None` keeps the run in memory only.
    pub autosave: Option<PathBuf>,
    /// Why the last save failed (the autosave, a copy, the settings), shown on the play
    /// screen until the next autosave succeeds.
    pub save_error: Option<String>,
    /// A passing note for the player, such as where a save went.
    pub notice: Option<Notice>,
    /// The class this run belongs to: (class code, team name).
    pub class: Option<Membership>,
    /// Deck events the facilitator announced this week (they happen next week).
    pub inject: Vec<String>,
    /// In a LAN class: the host's clock and announcements, which govern when a week may
    /// end and what it carries.
    pub lan: Option<crate::class::room::ClassState>,
}

/// A week of the LAN host's record of this team that does not play in this game.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("the facilitator's record of week {week} does not play here: {why}")]
pub struct RecordError {
    pub week: usize,
    pub why: sim::StepError,
}

impl Session {
    pub fn new(level: Arc<Level>, seed: u64) -> Session {
        let sim = Sim::new(level, seed);
        let draft = Plan::from_share(0.5, sim.budget());
        Session::of(sim, draft, Vec::new())
    }

    /// A run with its plan for the coming week and the decisions that led to it; no class,
    /// no autosave.
    fn of(sim: Sim, draft: Plan, decisions: Vec<Decision>) -> Session {
        Session {
            sim,
            draft,
            choices: BTreeMap::new(),
            decisions,
            autosave: None,
            save_error: None,
            notice: None,
            class: None,
            inject: Vec::new(),
            lan: None,
        }
    }

    /// Resumes a save; the draft starts from the last week's plan.
    pub fn resume(file: &SaveFile, level: Arc<Level>) -> Result<Session, ResumeError> {
        let sim = file.resume(&level)?;
        let draft = file.decisions.last().map_or_else(
            || Plan::from_share(0.5, sim.budget()),
            |d| d.plan.fitted(sim.budget()),
        );
        let mut session = Session::of(sim, draft, file.decisions.clone());
        // A class's run stays the class's: its result file names the class and the team.
        session.class = file.class.clone();
        Ok(session)
    }

    /// Replaces the run with `record` played from the start (the LAN host's record of the
    /// team); the draft and everything else stay.
    fn take_record(&mut self, record: &[Decision]) -> Result<(), RecordError> {
        let mut sim = Sim::new(self.sim.level.clone(), self.sim.seed);
        for (i, d) in record.iter().enumerate() {
            sim.step(d)
                .map_err(|why| RecordError { week: i + 1, why })?;
        }
        self.sim = sim;
        self.decisions = record.to_vec();
        self.choices.clear();
        self.inject.clear();
        let budget = self.sim.budget();
        self.draft = self.draft.fitted(budget);
        autosave(self);
        Ok(())
    }

    /// Takes the LAN host's record, then plays this game's own later weeks again (played
    /// while the line was down, or crossed by an announcement), each stamped with the class's
    /// announcements as they are now. Returns whether any of this game's weeks were lost.
    pub fn resume_from(&mut self, record: &[Decision]) -> Result<bool, RecordError> {
        let mine = self.decisions.clone();
        let follows = mine.starts_with(record);
        self.take_record(record)?;
        let own = if follows { &mine[record.len()..] } else { &[] };
        let kept = self.play_again(own);
        Ok(!follows || kept < own.len())
    }

    /// Plays `own` weeks after the record, each stamped with the class's announcements as
    /// they are now; stops at the first the class does not allow. Returns how many played.
    fn play_again(&mut self, own: &[Decision]) -> usize {
        let mut played = 0;
        for d in own {
            let week = self.sim.next_week();
            let mut d = d.clone();
            if let Some(class) = &self.lan {
                // The host's rule: a week caught by a pause on its way still counts.
                if class.clock.may_accept(week).is_err() {
                    break;
                }
                class.stamp(week, &mut d);
            }
            if self.sim.step(&d).is_err() {
                break;
            }
            self.decisions.push(d);
            played += 1;
        }
        if played > 0 {
            autosave(self);
        }
        played
    }

    /// Dilemmas of the coming week still waiting for a choice.
    pub fn open_dilemmas(&self) -> Vec<&sim::DilemmaSpec> {
        self.sim
            .dilemmas_now()
            .into_iter()
            .filter(|d| !self.choices.contains_key(&d.id))
            .collect()
    }

    /// Sets one activity's hours, never past the budget: what does not fit is cut.
    pub fn set_hours(&mut self, activity: Activity, hours: f64) {
        let others = self.draft.total() - self.draft.get(activity);
        let room = (self.sim.budget() - others).max(0.0);
        self.draft.set(activity, hours.clamp(0.0, room));
    }
}

/// What the UI asks of the run.
#[derive(Message, Clone, Debug, PartialEq)]
pub enum Command {
    SetHours(Activity, f64),
    /// Spread the budget with this share on vision (the default spread).
    SetShare(f64),
    /// Move the balance to this share, keeping each family's mix of activities.
    Rebalance(f64),
    KeepLastPlan,
    /// Write the run so far to a new save file beside the autosave.
    SaveCopy,
    Choose {
        dilemma: String,
        choice: String,
    },
    /// A facilitator announced this deck event (by id): it happens next week. Again: undo.
    Inject(String),
    EndWeek,
}

/// A week was played (for sounds and animation).
#[derive(Message, Clone, Debug)]
pub struct WeekPlayed {
    pub week: u32,
}

pub fn plugin(app: &mut App) {
    if !app.world().contains_resource::<SaveDir>() {
        app.insert_resource(SaveDir(crate::store::data_dir()));
    }
    app.add_message::<Command>()
        .add_message::<WeekPlayed>()
        .add_systems(
            Update,
            apply_commands
                .run_if(resource_exists::<Session>)
                .in_set(crate::app::AppSystems::Apply),
        );
}

fn apply_commands(
    mut commands: MessageReader<Command>,
    mut session: ResMut<Session>,
    mut played: MessageWriter<WeekPlayed>,
    mut next: ResMut<NextState<Screen>>,
    save_dir: Res<SaveDir>,
) {
    for command in commands.read() {
        match command {
            Command::SetHours(a, h) => session.set_hours(*a, *h),
            Command::SetShare(s) => {
                let budget = session.sim.budget();
                session.draft = Plan::from_share(*s, budget);
            }
            Command::Rebalance(s) => {
                let budget = session.sim.budget();
                session.draft = session.draft.with_share(*s).fitted(budget);
            }
            Command::SaveCopy => session.save_copy(&save_dir.0.join("saves")),
            Command::KeepLastPlan => {
                if let Some(last) = session.decisions.last() {
                    let budget = session.sim.budget();
                    session.draft = last.plan.fitted(budget);
                }
            }
            Command::Inject(id) => session.toggle_inject(id),
            Command::Choose { dilemma, choice } => session.choose(dilemma, choice),
            Command::EndWeek => {
                if let Some(week) = session.end_week() {
                    played.write(WeekPlayed { week });
                    if session.sim.is_finished() {
                        next.set(Screen::Debrief);
                    }
                }
            }
        }
    }
}

impl Session {
    /// A copy of the run in `dir`, named for the week it resumes at (the one on screen).
    fn save_copy(&mut self, dir: &Path) {
        let week = self.sim.next_week().min(self.sim.level.weeks);
        let path = (1..)
            .map(|k| dir.join(format!("{}-week{week}-{k}.ron", self.sim.level.id)))
            .find(|p| !p.exists())
            .expect("an unused file name");
        let file = SaveFile::of(&self.sim, &self.decisions).with_class(self.class.clone());
        self.save_error = match save::save(&path, &file) {
            Ok(()) => None,
            Err(e) => Some(crate::store::write_failed(
                crate::store::Saved::RunCopy,
                &path,
                &e,
            )),
        };
        self.notice = self.save_error.is_none().then_some(Notice::Saved(path));
    }

    /// An event a facilitator announced (offline class): on, or off again.
    fn toggle_inject(&mut self, id: &str) {
        let known = self.sim.level.events.iter().any(|e| e.id == id);
        if let Some(i) = self.inject.iter().position(|e| e == id) {
            self.inject.remove(i);
        } else if known {
            self.inject.push(id.to_string());
        }
    }

    /// A choice for a decision of this week; anything else is ignored.
    fn choose(&mut self, dilemma: &str, choice: &str) {
        let valid = self
            .sim
            .dilemmas_now()
            .iter()
            .any(|d| d.id == dilemma && d.choices.iter().any(|c| c.id == choice));
        if valid {
            self.choices.insert(dilemma.to_string(), choice.to_string());
        }
    }

    /// Plays the week with the draft and the choices; the week played, or `None` when it
    /// cannot be played yet (a decision open, the class not there yet, the run over).
    fn end_week(&mut self) -> Option<u32> {
        if self.sim.is_finished() || !self.open_dilemmas().is_empty() {
            return None;
        }
        let week = self.sim.next_week();
        if let Some(Err(why)) = self.lan.as_ref().map(|c| c.clock.may_play(week)) {
            self.notice = Some(Notice::NotYet(why));
            return None;
        }
        let decision_budget = self.sim.budget();
        let mut decision = Decision {
            plan: self.draft,
            choices: std::mem::take(&mut self.choices),
            inject: std::mem::take(&mut self.inject),
            custom: Vec::new(),
        };
        // In a LAN class the host's announcements go in, whatever the menu says.
        if let Some(class) = &self.lan {
            class.stamp(week, &mut decision);
        }
        if self.sim.step(&decision).is_err() {
            // The draft is kept within the budget, so this is only reached if the budget
            // shrank under it; refit and let the player look again.
            let budget = self.sim.budget();
            self.draft = self.draft.fitted(budget);
            self.choices = decision.choices;
            self.inject = decision.inject;
            return None;
        }
        self.decisions.push(decision);
        // A passing note is about the week it was said in.
        self.notice = None;
        let budget = self.sim.budget();
        self.draft = self.draft.carried(decision_budget, budget);
        autosave(self);
        Some(self.sim.state.week)
    }
}

fn autosave(session: &mut Session) {
    let Some(path) = session.autosave.clone() else {
        return;
    };
    let file = SaveFile::of(&session.sim, &session.decisions).with_class(session.class.clone());
    session.save_error = save::save(&path, &file)
        .err()
        .map(|e| crate::store::write_failed(crate::store::Saved::Autosave, &path, &e));
}

/// Where saves go: the platform's data folder unless a test or a portable install
/// inserts another before the plugin is added.
#[derive(Resource, Clone, Debug)]
pub struct SaveDir(pub PathBuf);

impl SaveDir {
    /// The autosave slot of a level.
    pub fn autosave(&self, level_id: &str) -> PathBuf {
        self.0
            .join("saves")
            .join(format!("{level_id}.autosave.ron"))
    }
}
