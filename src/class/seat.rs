//! Who sits where in a hosted class: what the host does with each message a connection
//! brings, a team's hello and its seat, and the limits every classmate's game is held to,
//! whoever wrote it. A seat is a team's name and its key: nobody takes it without the key
//! (or the facilitator freeing it). An honest game never comes near a limit.

use crate::class::ClassCode;
use crate::class::room::{HostMsg, Room, Team, TeamMsg};
use sim::{Decision, Sim};

/// Longest team name: it has to fit a leaderboard row on a projector.
pub const TEAM_NAME_MAX: usize = 40;

/// Longest message the host reads. The longest honest one is a hello with every week of a
/// level; 52 weeks (the most a level has) that each carry several of the facilitator's
/// longest events stay far below (`an_honest_hello_of_the_longest_level_fits`).
pub const MESSAGE_MAX: usize = 1024 * 1024;

/// Most teams a class keeps: a class is a room of 5–40 teams, with spare seats.
pub const SEATS_MAX: usize = 64;

/// Messages a connection may send at once: a whole level's weeks (52 at most) sent again
/// after the host corrected a team, and its hellos.
pub const BURST: u32 = 64;

/// Messages a connection may send each second after a burst. A team ends at most a week
/// a second and says hello every few seconds while unanswered.
pub const PER_SECOND: f32 = 8.0;

/// How much of what a classmate's game sent a refusal repeats back.
const ECHO_MAX: usize = 40;

/// Why the host refuses a message, a hello or a week; the team reads it as text.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("your game sent {bytes} bytes in one message; the host reads at most {MESSAGE_MAX}")]
    TooLong { bytes: usize },
    #[error("your game sent a message this host cannot read ({0}): is it the same version?")]
    Unreadable(String),
    #[error("your game sent more than {BURST} messages at once: the host stopped listening to it")]
    Flood,
    #[error("this game is version {theirs}; the facilitator's is {ours}: install the same version")]
    Version { theirs: String, ours: &'static str },
    #[error("this computer hosts class {hosted}, not {asked}")]
    OtherClass { hosted: String, asked: String },
    #[error("type your team's name")]
    NoName,
    #[error("a team name has at most {TEAM_NAME_MAX} characters")]
    LongName,
    #[error("a team name needs a letter or a digit, and no control or invisible characters")]
    NameChars,
    #[error("a team called \"{0}\" is already playing in this class: choose another name")]
    NameTaken(String),
    #[error(
        "the team \"{0}\" plays on another computer: only its game takes its seat (your facilitator can free the seat)"
    )]
    SeatKey(String),
    #[error("this game is team \"{held}\" here: it cannot say hello as another team")]
    OtherSeat { held: String },
    #[error("this class has {SEATS_MAX} teams already: ask your facilitator")]
    Full,
    #[error("say hello first: join the class again")]
    NoSeat,
    #[error("no team \"{0}\" in this class")]
    NoTeam(String),
    #[error("week {week} arrived, but the host expected week {expected}")]
    OutOfTurn { week: u32, expected: u32 },
    #[error("week {week}: {why}")]
    NotYet {
        week: u32,
        why: crate::class::clock::NotYet,
    },
    #[error("week {week} is ahead of the class (week {class_week})")]
    Ahead { week: u32, class_week: u32 },
    #[error("week {0} does not carry the events the facilitator announced that week")]
    Announcements(u32),
    #[error("week {week}: {why}")]
    Step { week: u32, why: sim::StepError },
}

/// The seat a name sits in: its letters and digits, lowercased. "North", "north" and
/// "North!" are one seat, as they would be one result file and one row on the projector.
pub fn seat_of(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Why a (trimmed) name cannot be a team's, if it cannot.
fn name_problem(name: &str) -> Option<Refusal> {
    // Characters that show nothing, or turn the text around, on a projector.
    let invisible = |c: char| {
        c.is_control()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
    };
    if name.is_empty() {
        Some(Refusal::NoName)
    } else if name.chars().count() > TEAM_NAME_MAX {
        Some(Refusal::LongName)
    } else if name.chars().any(invisible) || seat_of(name).is_empty() {
        Some(Refusal::NameChars)
    } else {
        None
    }
}

/// At most `ECHO_MAX` characters of what a classmate's game sent.
fn echo(text: &str) -> String {
    text.trim().chars().take(ECHO_MAX).collect()
}

/// A connection's allowance of messages: a burst as large as any honest game's, refilled
/// at a steady rate. The transport keeps one a connection and stops reading one that
/// runs out.
#[derive(Clone, Debug)]
pub struct Gate {
    tokens: f32,
}

impl Default for Gate {
    fn default() -> Self {
        Gate {
            tokens: BURST as f32,
        }
    }
}

impl Gate {
    /// Time passed: the allowance refills, up to a burst.
    pub fn tick(&mut self, seconds: f32) {
        self.tokens = (self.tokens + seconds * PER_SECOND).min(BURST as f32);
    }

    /// Whether one more message is read; false once the allowance is spent.
    pub fn admit(&mut self) -> bool {
        let ok = self.tokens >= 1.0;
        if ok {
            self.tokens -= 1.0;
        }
        ok
    }
}

impl Room {
    pub fn team(&self, name: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.name == name)
    }

    /// The team sitting in `name`'s seat (see `seat_of`).
    fn seat_index(&self, name: &str) -> Option<usize> {
        let seat = seat_of(name);
        self.teams.iter().position(|t| seat_of(&t.name) == seat)
    }

    /// What the host does with one message from a connection, as the network delivered
    /// it: `seat` is the team this connection has joined as, if any. Returns the reply to
    /// send back, if any, and the seat the connection holds afterwards. A message that is
    /// not a team's message, or a week from a connection that never said hello, is refused
    /// with a reason; nothing a team sends can change another team's seat or weeks.
    pub fn receive(&mut self, seat: Option<&str>, text: &str) -> (Option<HostMsg>, Option<String>) {
        let held = seat.map(str::to_string);
        let refused = |why: Refusal| Some(HostMsg::Refused(why.to_string()));
        // Measured before it is read: the cost of reading grows with the length.
        if text.len() > MESSAGE_MAX {
            return (refused(Refusal::TooLong { bytes: text.len() }), held);
        }
        let message: TeamMsg = match serde_json::from_str(text) {
            Ok(m) => m,
            Err(e) => return (refused(Refusal::Unreadable(echo(&e.to_string()))), held),
        };
        match message {
            TeamMsg::Hello {
                version,
                code,
                team,
                key,
                played,
            } => {
                // One connection, one team: its game does not change names mid-class.
                if let Some(h) = &held
                    && seat_of(h) != seat_of(&team)
                {
                    return (refused(Refusal::OtherSeat { held: h.clone() }), held);
                }
                match self.join(&version, &code, &team, key, &played) {
                    Ok(record) => {
                        let name = self.seat_index(&team).map(|i| self.teams[i].name.clone());
                        let welcome = HostMsg::Welcome {
                            team: name.clone().unwrap_or_default(),
                            record,
                            class: self.state(),
                        };
                        (Some(welcome), name)
                    }
                    Err(why) => (refused(why), held),
                }
            }
            TeamMsg::Played { week, decision } => {
                let Some(team) = held else {
                    return (refused(Refusal::NoSeat), None);
                };
                match self.submit(&team, week, decision) {
                    Ok(()) => (None, Some(team)),
                    Err(why) => {
                        let record = self
                            .team(&team)
                            .map(|t| t.decisions.clone())
                            .unwrap_or_default();
                        let rejected = HostMsg::Rejected {
                            week,
                            reason: why.to_string(),
                            record,
                            class: self.state(),
                        };
                        (Some(rejected), Some(team))
                    }
                }
            }
        }
    }

    /// A team (re)joins with what it has played. Returns the record it resumes from: the
    /// host's, extended by the team's own weeks that the host accepts (played while the
    /// connection was down). A known seat is taken back only with its key.
    pub fn join(
        &mut self,
        version: &str,
        code: &str,
        team: &str,
        key: u64,
        played: &[Decision],
    ) -> Result<Vec<Decision>, Refusal> {
        let ours = env!("CARGO_PKG_VERSION");
        if version != ours {
            return Err(Refusal::Version {
                theirs: echo(version),
                ours,
            });
        }
        match ClassCode::parse(code) {
            Ok(c) if c == self.code => {}
            _ => {
                return Err(Refusal::OtherClass {
                    hosted: self.code.text(),
                    asked: echo(code),
                });
            }
        }
        let name = team.trim();
        if let Some(why) = name_problem(name) {
            return Err(why);
        }
        let i = match self.seat_index(name) {
            Some(i) => {
                let t = &mut self.teams[i];
                if t.key != key && !t.freed {
                    let name = t.name.clone();
                    return Err(if t.connected {
                        Refusal::NameTaken(name)
                    } else {
                        Refusal::SeatKey(name)
                    });
                }
                t.key = key;
                t.freed = false;
                i
            }
            None => self.new_seat(name, key)?,
        };
        self.teams[i].connected = true;
        let name = self.teams[i].name.clone();
        let known = self.teams[i].decisions.len();
        // The team's own weeks beyond the host's record count if they follow it.
        if played.len() > known && played[..known] == self.teams[i].decisions[..] {
            for (k, d) in played[known..].iter().enumerate() {
                let week = (known + k) as u32 + 1;
                if self.take(&name, week, d.clone(), false).is_err() {
                    break;
                }
            }
        }
        self.teams[i].refused = None;
        Ok(self.teams[i].decisions.clone())
    }

    /// A seat for a new team. A full class gives up a seat nobody played in and nobody
    /// holds (a game that said hello and left), so the list of teams stays bounded.
    fn new_seat(&mut self, name: &str, key: u64) -> Result<usize, Refusal> {
        if self.teams.len() >= SEATS_MAX {
            let empty = self
                .teams
                .iter()
                .position(|t| !t.connected && t.decisions.is_empty())
                .ok_or(Refusal::Full)?;
            self.teams.remove(empty);
        }
        self.teams.push(Team {
            name: name.to_string(),
            key,
            sim: Sim::new(self.level.clone(), self.code.seed),
            decisions: Vec::new(),
            connected: false,
            refused: None,
            freed: false,
        });
        Ok(self.teams.len() - 1)
    }

    pub fn left(&mut self, team: &str) {
        if let Some(t) = self.teams.iter_mut().find(|t| t.name == team) {
            t.connected = false;
        }
    }

    /// The facilitator lets another computer take `team`'s seat (its own died): the next
    /// hello with that name takes it, with its record. False if there is no such team.
    pub fn free_seat(&mut self, team: &str) -> bool {
        let Some(i) = self.seat_index(team) else {
            return false;
        };
        self.teams[i].freed = true;
        true
    }
}

/// A rogue classmate against the room, engine-free: every refusal names its reason, and
/// no seat is taken without its key.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::class::room::tests::{hello, room, week};
    use sim::{CustomEvent, Plan};

    fn hello_text(room: &Room, team: &str, key: u64, played: Vec<Decision>) -> String {
        TeamMsg::Hello {
            version: env!("CARGO_PKG_VERSION").into(),
            code: room.code.text(),
            team: team.into(),
            key,
            played,
        }
        .to_json()
    }

    fn played_text(week: u32, decision: Decision) -> String {
        TeamMsg::Played { week, decision }.to_json()
    }

    /// The reason of a refusal or a rejected week, or a panic naming what came instead.
    fn reason(answer: Option<HostMsg>) -> String {
        match answer {
            Some(HostMsg::Refused(why)) => why,
            Some(HostMsg::Rejected { reason, .. }) => reason,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn every_message_a_rogue_sends_is_refused_with_its_reason() {
        let mut r = room();
        r.clock.running = true;
        hello(&mut r, "North", 1, &[]).unwrap();
        let say = |r: &mut Room, seat: Option<&str>, text: &str| {
            let before = r.save();
            let (answer, now) = r.receive(seat, text);
            assert_eq!(
                now.as_deref(),
                seat,
                "the connection's seat stays as it was"
            );
            let why = reason(answer);
            assert_eq!(r.save(), before, "a refused message changes nothing: {why}");
            why
        };
        let cases: Vec<(Option<&str>, String, &str)> = vec![
            (None, "x".repeat(MESSAGE_MAX + 1), "bytes in one message"),
            (None, "{\"Played\": 12}\u{0}".into(), "cannot read"),
            (None, "\u{fffd}\u{fffd}".into(), "cannot read"),
            (None, played_text(1, week(&r, 0.4, 1)), "say hello first"),
            (None, hello_text(&r, "", 5, vec![]), "type your team's name"),
            (
                None,
                hello_text(&r, &"W".repeat(41), 5, vec![]),
                "at most 40",
            ),
            (None, hello_text(&r, "!!!", 5, vec![]), "letter or a digit"),
            (
                None,
                hello_text(&r, "No\u{202e}rth", 5, vec![]),
                "invisible",
            ),
            (None, hello_text(&r, "Tab\tTeam", 5, vec![]), "control"),
            (None, hello_text(&r, "North", 5, vec![]), "already playing"),
            (
                None,
                hello_text(&r, " NORTH! ", 5, vec![]),
                "already playing",
            ),
            (
                Some("North"),
                hello_text(&r, "South", 1, vec![]),
                "cannot say hello as another",
            ),
            (
                Some("Ghost"),
                played_text(1, week(&r, 0.4, 1)),
                "no team \"Ghost\"",
            ),
            (
                Some("North"),
                played_text(2, week(&r, 0.4, 2)),
                "expected week 1",
            ),
        ];
        for (seat, text, why) in cases {
            let got = say(&mut r, seat, &text);
            assert!(got.contains(why), "{why:?} not in {got:?}");
        }
        let other = TeamMsg::Hello {
            version: "9.9.9".repeat(1000),
            code: r.code.text(),
            team: "South".into(),
            key: 2,
            played: vec![],
        };
        let got = say(&mut r, None, &other.to_json());
        assert!(got.contains("version") && got.len() < 200, "{got}");
        let elsewhere = TeamMsg::Hello {
            version: env!("CARGO_PKG_VERSION").into(),
            code: "FT-0000-0000".into(),
            team: "South".into(),
            key: 2,
            played: vec![],
        };
        assert!(say(&mut r, None, &elsewhere.to_json()).contains("hosts class"));
        // North's weeks that do not play: over its hours, without the announcements, early.
        let mut greedy = week(&r, 0.4, 1);
        greedy.plan = Plan::from_share(0.4, 500.0);
        let got = say(&mut r, Some("North"), &played_text(1, greedy));
        assert!(
            got.starts_with("week 1: ") && got.contains("available"),
            "{got}"
        );
        let bare = week(&r, 0.4, 1);
        let id = r.level.events[0].id.clone();
        r.toggle_deck(&id).unwrap();
        let got = say(&mut r, Some("North"), &played_text(1, bare));
        assert!(got.contains("does not carry the events"), "{got}");
        r.clock.tick(1.0);
        r.clock.running = false;
        r.clock.tick(crate::class::clock::PAUSE_GRACE + 0.5);
        let early = played_text(1, week(&r, 0.4, 1));
        let got = say(&mut r, Some("North"), &early);
        assert!(got.contains("paused"), "{got}");
        // Weeks carried by a hello that run ahead of the class stop where the class is.
        r.clock.running = true;
        r.left("North");
        let ahead = vec![week(&r, 0.4, 1), week(&r, 0.4, 2)];
        assert_eq!(hello(&mut r, "North", 1, &ahead).unwrap().len(), 1);
    }

    #[test]
    fn a_seat_is_never_taken_without_its_key() {
        let mut r = room();
        r.clock.running = true;
        hello(&mut r, "North", 0x5eed, &[]).unwrap();
        r.submit("North", 1, week(&r, 0.4, 1)).unwrap();
        let north = r.team("North").unwrap().decisions.clone();
        let names = ["North", "north", " NORTH ", "N-o-r-t-h!", "nOrTh."];
        let keys = [0, 1, 0x5eec, 0x5eee, u64::MAX];
        // Connected, away (its game crashed), and after the facilitator's game restarted.
        for stage in 0..3 {
            if stage == 1 {
                r.left("North");
            }
            if stage == 2 {
                r = Room::restore(&r.save(), &r.file_level, 60).unwrap();
                r.clock.running = true;
            }
            for (name, key) in names.iter().flat_map(|n| keys.iter().map(move |k| (n, k))) {
                let (answer, seat) = r.receive(None, &hello_text(&r, name, *key, vec![]));
                let why = reason(answer);
                assert!(
                    why.contains("already playing") || why.contains("another computer"),
                    "{name} {key}: {why}"
                );
                assert_eq!(seat, None);
                // The weeks it sends next belong to no seat.
                let (answer, _) = r.receive(seat.as_deref(), &played_text(2, week(&r, 0.5, 2)));
                assert!(reason(answer).contains("say hello first"));
            }
            let kept = r.team("North").unwrap();
            assert_eq!((kept.key, &kept.decisions), (0x5eed, &north));
            assert_eq!(r.teams.len(), 1, "nothing of the rogue's is kept");
        }
        // A rogue with a seat of its own plays its own weeks only.
        let (_, rogue) = r.receive(None, &hello_text(&r, "Rogue", 66, vec![]));
        assert_eq!(rogue.as_deref(), Some("Rogue"));
        let (answer, seat) = r.receive(rogue.as_deref(), &hello_text(&r, "North", 66, vec![]));
        assert!(reason(answer).contains("team \"Rogue\" here"));
        r.receive(seat.as_deref(), &played_text(1, week(&r, 0.9, 1)));
        assert_eq!(r.team("North").unwrap().decisions, north);
        assert_eq!(r.team("Rogue").unwrap().decisions.len(), 1);
        // Its own game takes the seat back; another computer once the facilitator frees it.
        let (answer, seat) = r.receive(None, &hello_text(&r, "north", 0x5eed, vec![]));
        assert!(matches!(answer, Some(HostMsg::Welcome { ref team, .. }) if team == "North"));
        assert_eq!(seat.as_deref(), Some("North"));
        r.left("North");
        assert!(r.free_seat("North"));
        assert_eq!(hello(&mut r, "North", 7, &[]).unwrap(), north);
        r.left("North");
        assert!(
            hello(&mut r, "North", 0x5eed, &[]).is_err(),
            "freed once, then keyed"
        );
    }

    #[test]
    fn hellos_under_ever_new_names_keep_the_class_bounded() {
        let mut r = room();
        r.clock.running = true;
        // Games that say hello and leave: their empty seats are given up when needed.
        for n in 0..SEATS_MAX * 5 {
            let name = format!("Ghost {n}");
            hello(&mut r, &name, n as u64, &[]).unwrap();
            r.left(&name);
        }
        assert_eq!(r.teams.len(), SEATS_MAX);
        // A class whose every seat has played is full; nobody's weeks are dropped.
        let mut r = room();
        r.clock.running = true;
        for n in 0..SEATS_MAX {
            let name = format!("Team {n}");
            hello(&mut r, &name, n as u64, &[]).unwrap();
            r.submit(&name, 1, week(&r, 0.4, 1)).unwrap();
            r.left(&name);
        }
        let full = hello(&mut r, "Latecomer", 1, &[]).unwrap_err();
        assert!(full.to_string().contains("teams already"), "{full}");
        assert!(r.teams.iter().all(|t| t.decisions.len() == 1));
    }

    #[test]
    fn a_flooding_connection_runs_out_and_an_honest_one_never_does() {
        let mut rogue = Gate::default();
        let read = (0..10_000).filter(|_| rogue.admit()).count();
        assert_eq!(read, BURST as usize);
        rogue.tick(1.0);
        assert_eq!(
            (0..10_000).filter(|_| rogue.admit()).count(),
            PER_SECOND as usize
        );
        // An honest game: a hello and a whole level's weeks at once after a correction,
        // then a week and a hello every second, for an hour.
        let mut honest = Gate::default();
        assert!((0..53).all(|_| honest.admit()));
        for _ in 0..3600 * 10 {
            honest.tick(0.1);
        }
        for _ in 0..3600 {
            honest.tick(1.0);
            assert!(honest.admit() && honest.admit());
        }
        assert!(Refusal::Flood.to_string().contains("messages at once"));
    }

    #[test]
    fn an_honest_hello_of_the_longest_level_fits() {
        let r = room();
        // 52 weeks, each with six of the facilitator's longest events, in a script whose
        // letters take three bytes each.
        let event = CustomEvent {
            title: "の".repeat(sim::CUSTOM_TITLE_MAX),
            text: "の".repeat(sim::CUSTOM_TEXT_MAX),
            effects: vec![sim::Effect::Alignment(-0.05); 6],
        };
        let mut d = week(&r, 0.4, 1);
        d.custom = vec![event; 6];
        d.inject = r.level.events.iter().map(|e| e.id.clone()).collect();
        let text = hello_text(&r, &"W".repeat(TEAM_NAME_MAX), u64::MAX, vec![d; 52]);
        assert!(text.len() < MESSAGE_MAX / 2, "{} bytes", text.len());
    }
}
