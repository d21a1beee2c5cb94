//! A class played over the LAN, as plain data: the round clock, what the facilitator
//! announced, and the host's own record of every team. Teams send only their decisions;
//! the host replays each one on its own copy of the run, so a score never comes from a
//! team. The network layer (`app::lan`) carries `TeamMsg` and `HostMsg` and nothing else.
//! The clock, the messages and the class on disk have files of their own; their paths
//! here stay as they were.

use crate::class::ClassCode;
use crate::class::results::{Comparison, Entry, ResultFile};
use sim::CustomEvent;
use sim::{Decision, Level, Sim};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

pub use crate::class::clock::{Clock, NotYet, PAUSE_GRACE, Turn};
pub use crate::class::room_save::{RoomMark, RoomSave};
pub use crate::class::seat::{Refusal, TEAM_NAME_MAX};
pub use crate::class::wire::{Announcement, ClassState, HostMsg, TeamMsg};

/// One team as the host knows it.
#[derive(Clone, Debug)]
pub struct Team {
    pub name: String,
    pub(super) key: u64,
    /// The host's own run of the team's decisions.
    pub sim: Sim,
    pub decisions: Vec<Decision>,
    pub connected: bool,
    /// The last week the host refused, and why.
    pub refused: Option<String>,
    /// The facilitator let another computer take the seat (not kept on disk).
    pub freed: bool,
}

/// The host's side of a LAN class.
#[derive(Clone, Debug)]
pub struct Room {
    pub code: ClassCode,
    /// The level at the class's difficulty.
    pub level: Arc<Level>,
    /// The level as its file reads (result files are checked against it).
    pub file_level: Arc<Level>,
    pub clock: Clock,
    pub announced: BTreeMap<u32, Announcement>,
    pub teams: Vec<Team>,
}

impl Room {
    pub fn new(code: ClassCode, level: &Level, seconds_per_week: u32) -> Room {
        let at = Arc::new(level.at(code.difficulty));
        Room {
            code,
            clock: Clock::new(at.weeks, seconds_per_week),
            level: at,
            file_level: Arc::new(level.clone()),
            announced: BTreeMap::new(),
            teams: Vec::new(),
        }
    }

    pub fn state(&self) -> ClassState {
        ClassState {
            clock: self.clock.clone(),
            announced: self.announced.clone(),
        }
    }

    /// A team ended week `week`: the host checks it against the clock and the
    /// announcements and plays it on its own copy of the team's run.
    pub fn submit(&mut self, team: &str, week: u32, decision: Decision) -> Result<(), Refusal> {
        self.take(team, week, decision, true)
    }

    /// `live`: the week arrives now, so the clock must allow it now. A returning team's
    /// weeks were played earlier: they need only be within the class's week.
    pub(super) fn take(
        &mut self,
        team: &str,
        week: u32,
        decision: Decision,
        live: bool,
    ) -> Result<(), Refusal> {
        let Some(i) = self.teams.iter().position(|t| t.name == team) else {
            return Err(Refusal::NoTeam(team.to_string()));
        };
        let result = self.check(&self.teams[i], week, &decision, live);
        let t = &mut self.teams[i];
        let result = result.and_then(|()| {
            t.sim
                .step(&decision)
                .map(|_| ())
                .map_err(|why| Refusal::Step { week, why })
        });
        match &result {
            Ok(()) => {
                t.decisions.push(decision);
                t.refused = None;
            }
            Err(e) => t.refused = Some(e.to_string()),
        }
        result
    }

    fn check(
        &self,
        team: &Team,
        week: u32,
        decision: &Decision,
        live: bool,
    ) -> Result<(), Refusal> {
        let expected = team.sim.state.week + 1;
        if week != expected {
            return Err(Refusal::OutOfTurn { week, expected });
        }
        if live {
            self.clock
                .may_accept(week)
                .map_err(|why| Refusal::NotYet { week, why })?;
        } else if week > self.clock.week && !self.clock.over {
            return Err(Refusal::Ahead {
                week,
                class_week: self.clock.week,
            });
        }
        let a = self.announced.get(&week).cloned().unwrap_or_default();
        if decision.inject != a.deck || decision.custom != a.custom {
            return Err(Refusal::Announcements(week));
        }
        Ok(())
    }

    /// The week an announcement made now goes into: the class's week, unless a team has
    /// already ended it (then the next), so that every team's game gets it alike.
    pub fn announcing_week(&self) -> u32 {
        let played = self
            .teams
            .iter()
            .map(|t| t.sim.state.week)
            .max()
            .unwrap_or(0);
        self.clock.week.max(played + 1)
    }

    /// Announces a deck event (by id) or withdraws it if it is still pending. Returns the
    /// week it happens in, or why it cannot be announced.
    pub fn toggle_deck(&mut self, id: &str) -> Result<Option<u32>, AnnounceError> {
        if !self.level.events.iter().any(|e| e.id == id) {
            return Err(AnnounceError::NotInDeck(id.to_string()));
        }
        let week = self.announcing_week();
        if week > self.level.weeks {
            return Err(AnnounceError::Over);
        }
        let a = self.announced.entry(week).or_default();
        if let Some(k) = a.deck.iter().position(|d| d == id) {
            a.deck.remove(k);
            self.announced.retain(|_, a| !a.is_empty());
            return Ok(None);
        }
        a.deck.push(id.to_string());
        Ok(Some(week + 1))
    }

    /// Announces the facilitator's own event. Returns the week it happens in.
    pub fn announce_custom(&mut self, event: CustomEvent) -> Result<u32, AnnounceError> {
        if let Some(p) = event.problem(&self.level) {
            return Err(AnnounceError::Event(p));
        }
        let week = self.announcing_week();
        if week > self.level.weeks {
            return Err(AnnounceError::Over);
        }
        self.announced.entry(week).or_default().custom.push(event);
        Ok(week + 1)
    }

    /// The teams that have played every week, as result files.
    pub fn results(&self) -> Vec<ResultFile> {
        let code = self.code.text();
        self.teams
            .iter()
            .filter(|t| t.sim.is_finished())
            .map(|t| ResultFile::of(&t.sim, &t.name, Some(&code)))
            .collect()
    }

    /// The class table, ranked as `results::compare` ranks a folder of the same files.
    pub fn comparison(&self, dir: &Path) -> Comparison {
        let entries = self
            .results()
            .into_iter()
            .map(|file| Entry {
                path: dir.join(format!("{}.json", file.file_stem())),
                verdict: crate::class::results::verify(
                    &file,
                    std::slice::from_ref(&self.file_level),
                ),
                file,
            })
            .collect();
        crate::class::results::rank(entries, Vec::new())
    }
}

/// Why the facilitator's announcement was not made; shown beside the deck.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AnnounceError {
    #[error("no event \"{0}\" in this level's deck")]
    NotInDeck(String),
    #[error("every team has played the last week")]
    Over,
    /// The facilitator's own event breaks a rule of events (its words).
    #[error("{0}")]
    Event(String),
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use sim::{Difficulty, Plan};

    pub(crate) fn room() -> Room {
        let level = crate::catalog::load_all(
            &crate::catalog::levels_dir(),
            Path::new("/nonexistent"),
            &[],
        )
        .into_iter()
        .filter_map(|e| e.level.ok())
        .find(|l| l.id == "crunch")
        .expect("crunch ships");
        let code = ClassCode::new(&level, Difficulty::Normal, 5);
        Room::new(code, &level, 60)
    }

    /// A decision for `week`, within the first team's budget (alike for every team here).
    pub(crate) fn week(room: &Room, share: f64, week: u32) -> Decision {
        let budget = room.teams.first().map_or(40.0, |t| t.sim.budget());
        let mut d = Decision {
            plan: Plan::from_share(share, budget * 0.9),
            ..Decision::default()
        };
        room.state().stamp(week, &mut d);
        d
    }

    pub(crate) fn hello(
        room: &mut Room,
        team: &str,
        key: u64,
        played: &[Decision],
    ) -> Result<Vec<Decision>, Refusal> {
        let code = room.code.text();
        room.join(env!("CARGO_PKG_VERSION"), &code, team, key, played)
    }

    /// What a classmate's game sends, as the host's network receives it.
    #[test]
    fn the_host_answers_every_message_and_a_week_needs_a_seat() {
        let mut room = room();
        let hello = serde_json::to_string(&TeamMsg::Hello {
            version: env!("CARGO_PKG_VERSION").into(),
            code: room.code.text(),
            team: " North ".into(),
            key: 7,
            played: Vec::new(),
        })
        .unwrap();
        let (answer, seat) = room.receive(None, &hello);
        assert!(
            matches!(answer, Some(HostMsg::Welcome { .. })),
            "{answer:?}"
        );
        assert_eq!(seat.as_deref(), Some("North"));
        let played = serde_json::to_string(&TeamMsg::Played {
            week: 1,
            decision: week(&room, 0.4, 1),
        })
        .unwrap();
        room.clock.running = true;
        // A connection that never said hello cannot play a week, even North's.
        let (answer, seat) = room.receive(None, &played);
        assert!(matches!(answer, Some(HostMsg::Refused(_))) && seat.is_none());
        let (answer, seat) = room.receive(Some("North"), &played);
        assert_eq!((answer, seat.as_deref()), (None, Some("North")));
        assert_eq!(room.team("North").unwrap().decisions.len(), 1);
        // Bytes that are no message of a team's are refused with a reason, nothing else.
        let (answer, seat) = room.receive(Some("North"), "{\"Played\": 12}\u{0}");
        assert!(matches!(answer, Some(HostMsg::Refused(why)) if why.contains("cannot read")));
        assert_eq!(seat.as_deref(), Some("North"));
        assert_eq!(room.team("North").unwrap().decisions.len(), 1);
    }

    #[test]
    fn nobody_plays_before_the_start_during_a_pause_or_ahead_of_the_class() {
        let mut r = room();
        hello(&mut r, "North", 1, &[]).unwrap();
        let d = week(&r, 0.4, 1);
        assert!(
            r.submit("North", 1, d.clone())
                .unwrap_err()
                .to_string()
                .contains("not started")
        );
        r.clock.running = true;
        r.submit("North", 1, d).unwrap();
        let d = week(&r, 0.4, 2);
        assert!(
            r.submit("North", 2, d.clone())
                .unwrap_err()
                .to_string()
                .contains("class is in week 1")
        );
        r.clock.next_week();
        r.clock.running = false;
        r.clock.tick(PAUSE_GRACE + 0.5);
        assert!(
            r.submit("North", 2, d.clone())
                .unwrap_err()
                .to_string()
                .contains("paused")
        );
        r.clock.running = true;
        r.clock.tick(1.0);
        r.submit("North", 2, d.clone()).unwrap();
        assert!(
            r.submit("North", 2, d)
                .unwrap_err()
                .to_string()
                .contains("expected week 3")
        );
        // A week that was on its way as the pause was pressed still counts.
        r.clock.next_week();
        r.clock.running = false;
        r.clock.tick(0.5);
        r.submit("North", 3, week(&r, 0.4, 3)).unwrap();
        assert_eq!(r.team("North").unwrap().decisions.len(), 3);
    }

    #[test]
    fn a_name_in_use_is_refused_but_the_same_team_takes_its_seat_back() {
        let mut r = room();
        r.clock.running = true;
        hello(&mut r, "North", 1, &[]).unwrap();
        let d = week(&r, 0.4, 1);
        r.submit("North", 1, d.clone()).unwrap();
        assert!(
            hello(&mut r, "North", 2, &[])
                .unwrap_err()
                .to_string()
                .contains("already playing")
        );
        // The same game after a drop the host has not noticed yet: its seat and record.
        assert_eq!(hello(&mut r, "North", 1, &[]).unwrap(), vec![d.clone()]);
        // Another laptop after the first one died: the seat is its once the facilitator
        // frees it, with its record.
        r.left("North");
        assert!(hello(&mut r, "North", 9, &[]).is_err());
        assert!(r.free_seat("North"));
        assert_eq!(hello(&mut r, "North", 9, &[]).unwrap(), vec![d]);
        let code = r.code.text();
        assert!(
            r.join("0.0.1", &code, "South", 3, &[])
                .unwrap_err()
                .to_string()
                .contains("version")
        );
        assert!(
            r.join(env!("CARGO_PKG_VERSION"), "FT-0000-0000", "South", 3, &[])
                .is_err()
        );
        assert!(hello(&mut r, "  ", 3, &[]).is_err());
    }

    #[test]
    fn weeks_played_while_the_line_was_down_count_if_they_follow_the_record() {
        let mut r = room();
        r.clock.running = true;
        r.clock.week = 3;
        hello(&mut r, "North", 1, &[]).unwrap();
        let w1 = week(&r, 0.4, 1);
        r.submit("North", 1, w1.clone()).unwrap();
        r.left("North");
        let w2 = week(&r, 0.5, 2);
        let w3 = week(&r, 0.5, 3);
        let w4 = week(&r, 0.5, 4);
        // Week 4 is ahead of the class: the record stops at 3.
        let back = hello(
            &mut r,
            "North",
            1,
            &[w1.clone(), w2.clone(), w3.clone(), w4],
        )
        .unwrap();
        assert_eq!(back, vec![w1, w2, w3]);
        // A run that does not follow the host's record is not taken: the host's stands.
        r.left("North");
        let other = week(&r, 0.9, 1);
        assert_eq!(hello(&mut r, "North", 1, &[other]).unwrap().len(), 3);
    }

    #[test]
    fn an_announcement_reaches_every_team_alike_and_a_week_without_it_is_refused() {
        let mut r = room();
        r.clock.running = true;
        hello(&mut r, "North", 1, &[]).unwrap();
        hello(&mut r, "South", 2, &[]).unwrap();
        let id = r.level.events[0].id.clone();
        assert_eq!(r.toggle_deck(&id).unwrap(), Some(2));
        let bare = Decision {
            plan: Plan::from_share(0.4, 30.0),
            ..Decision::default()
        };
        assert!(
            r.submit("North", 1, bare)
                .unwrap_err()
                .to_string()
                .contains("announced")
        );
        r.submit("North", 1, week(&r, 0.4, 1)).unwrap();
        // North has ended week 1: what is announced now goes into week 2, for everyone.
        let ceo = CustomEvent {
            title: "The CEO visits".into(),
            text: String::new(),
            effects: Vec::new(),
        };
        assert_eq!(r.announce_custom(ceo).unwrap(), 3);
        assert_eq!(r.toggle_deck(&id).unwrap(), Some(3));
        r.submit("South", 1, week(&r, 0.4, 1)).unwrap();
        assert!(r.toggle_deck("meteor").is_err());
        assert_eq!(
            r.team("North").unwrap().decisions[0],
            r.team("South").unwrap().decisions[0]
        );
    }
}
