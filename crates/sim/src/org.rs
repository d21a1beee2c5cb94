//! The people below the player, seated in a fixed tree of positions.
//!
//! Seats never move: a leaver leaves the seat empty until a hire fills it, so the
//! structure (and the number of random draws each week) does not depend on decisions.

use super::level::{PersonSpec, Team};
use super::rules::MORALE_TERM_COUNT;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    /// 0..1: how much and how well they produce.
    pub skill: f64,
    /// 0..1: drifts toward a target made of named causes.
    pub morale: f64,
    /// 0..1: trust in the player (for deeper layers: in leadership).
    pub trust: f64,
    /// 0..1: how well their work points at the vision and priorities.
    pub alignment: f64,
    /// 0..1: load; high stress drains energy and raises the chance of leaving.
    pub stress: f64,
    /// 0..1: maturity; how much structure they can make for themselves.
    pub autonomy: f64,
    pub key: bool,
    pub weeks_in_team: u32,
    /// 0..1: tiredness that overtime and long crunches leave behind; it fades slowly and
    /// meanwhile lowers output and care, and makes people leave.
    #[serde(default)]
    pub fatigue: f64,
    /// 0..1: breaches of trust this person remembers (a broken promise, a shortcut, a
    /// blame); it holds trust down and fades only slowly.
    #[serde(default)]
    pub grievance: f64,
    /// Last week's pushes on this person's morale, in the order of `rules::MORALE_LABELS`.
    #[serde(default)]
    pub morale_pushes: [f64; MORALE_TERM_COUNT],
}

/// What makes a person think of leaving.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeaveReason {
    LowMorale,
    Stress,
    Fatigue,
}

/// Weekly chance of leaving above which a person counts as at risk.
pub const AT_RISK_CHANCE: f64 = 0.02;
/// Morale below which it starts to drive people away (see `Person::leave_parts`).
pub const LEAVING_MORALE: f64 = 0.4;
/// Morale below which a person is uneasy: not leaving yet, but no longer doing well.
pub const UNEASY_MORALE: f64 = 0.6;

/// How a person, or a group by its mean, feels, as every screen says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mood {
    Good,
    Uneasy,
    /// At risk of leaving.
    Low,
}

impl Mood {
    /// A group's mood from its mean morale: low where morale drives people away.
    pub fn of_morale(morale: f64) -> Mood {
        if morale < LEAVING_MORALE {
            Mood::Low
        } else if morale < UNEASY_MORALE {
            Mood::Uneasy
        } else {
            Mood::Good
        }
    }
}

impl Person {
    /// The parts of this person's weekly chance of leaving: (chance, what, its level).
    pub fn leave_parts(&self) -> [(f64, LeaveReason, f64); 3] {
        [
            (
                0.15 * ((LEAVING_MORALE - self.morale) / LEAVING_MORALE).max(0.0),
                LeaveReason::LowMorale,
                self.morale,
            ),
            (
                0.12 * ((self.stress - 0.7) / 0.3).max(0.0),
                LeaveReason::Stress,
                self.stress,
            ),
            (0.15 * self.fatigue, LeaveReason::Fatigue, self.fatigue),
        ]
    }

    /// The chance this person leaves in a week: low morale, high stress and fatigue.
    pub fn leave_chance(&self) -> f64 {
        self.leave_parts().iter().map(|p| p.0).sum()
    }

    /// The largest part of the chance of leaving, with its level.
    pub fn main_leave_reason(&self) -> (LeaveReason, f64) {
        let parts = self.leave_parts();
        let top = parts
            .iter()
            .copied()
            .fold(parts[0], |a, b| if b.0 > a.0 { b } else { a });
        (top.1, top.2)
    }

    /// Someone who may leave soon, as the warnings and the team panel say.
    pub fn at_risk(&self) -> bool {
        self.leave_chance() > AT_RISK_CHANCE
    }

    /// Low means at risk by the model's own leaving rule, whatever drives it.
    pub fn mood(&self) -> Mood {
        if self.at_risk() {
            Mood::Low
        } else if self.morale < UNEASY_MORALE {
            Mood::Uneasy
        } else {
            Mood::Good
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Seat {
    /// Seat index of the manager; `None` when the player is the manager.
    pub manager: Option<usize>,
    /// 1 for the player's direct reports.
    pub depth: u32,
    /// Leads and managers: people report to this seat.
    pub leads: bool,
    pub person: Option<Person>,
    /// Week at which a hire fills an empty seat.
    pub hire_week: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Org {
    pub seats: Vec<Seat>,
    /// Names handed out so far, so hires get new ones.
    pub names_used: u32,
}

const FIRST: [&str; 48] = [
    "Priya", "Tomás", "Aiko", "Kwame", "Lena", "Marco", "Sofia", "Jin", "Amara", "Noah", "Ines",
    "Ravi", "Chloé", "Omar", "Mei", "Lukas", "Zara", "Diego", "Hana", "Felix", "Nadia", "Sam",
    "Yara", "Eli", "Mateo", "Ada", "Kofi", "Lina", "Arjun", "Elin", "Hugo", "Maya", "Tariq", "Ivy",
    "Pavel", "Rosa", "Ken", "Leila", "Bruno", "Anya", "Malik", "Nora", "Sven", "Fatima", "Theo",
    "Iris", "Dev", "Greta",
];
const LAST: [&str; 24] = [
    "Okafor", "Silva", "Tanaka", "Novak", "Haddad", "Larsen", "Mensah", "Rossi", "Kim", "Patel",
    "Weber", "Moreau", "Costa", "Singh", "Duarte", "Ibrahim", "Nilsson", "Chen", "Kowalski",
    "Ortiz", "Byrne", "Yilmaz", "Adeyemi", "Fischer",
];

/// A readable name, different for each number (1,152 before a suffix is needed).
pub fn name_for(n: u32) -> String {
    let first = FIRST[(n as usize * 7) % FIRST.len()];
    let last = LAST[(n as usize / FIRST.len() * 5 + n as usize) % LAST.len()];
    let round = n as usize / (FIRST.len() * LAST.len());
    if round == 0 {
        format!("{first} {last}")
    } else {
        format!("{first} {last} {}", round + 1)
    }
}

fn draw(rng: &mut ChaCha8Rng, (lo, hi): (f64, f64)) -> f64 {
    lo + (hi - lo) * rng.random::<f64>()
}

impl Org {
    pub fn build(team: &Team, rng: &mut ChaCha8Rng) -> Org {
        let mut org = Org {
            seats: Vec::new(),
            names_used: 0,
        };
        match team {
            Team::People(list) => org.add_people(list, None, 1),
            Team::Generated(g) => {
                // Breadth-first, so managers always sit before their reports.
                let mut parents: Vec<Option<usize>> = vec![None];
                for (li, layer) in g.layers.iter().enumerate() {
                    let mut next = Vec::new();
                    let leads = li + 1 < g.layers.len();
                    for parent in &parents {
                        for _ in 0..layer.span {
                            let name = name_for(org.names_used);
                            org.names_used += 1;
                            let person = Person {
                                name,
                                skill: draw(rng, layer.skill),
                                morale: draw(rng, g.morale),
                                trust: draw(rng, g.trust),
                                alignment: draw(rng, g.alignment),
                                stress: draw(rng, g.stress),
                                autonomy: draw(rng, layer.autonomy),
                                key: false,
                                weeks_in_team: 0,
                                fatigue: 0.0,
                                grievance: 0.0,
                                morale_pushes: [0.0; MORALE_TERM_COUNT],
                            };
                            org.seats.push(Seat {
                                manager: *parent,
                                depth: li as u32 + 1,
                                leads,
                                person: Some(person),
                                hire_week: None,
                            });
                            next.push(Some(org.seats.len() - 1));
                        }
                    }
                    parents = next;
                }
            }
        }
        org
    }

    fn add_people(&mut self, list: &[PersonSpec], manager: Option<usize>, depth: u32) {
        for p in list {
            let person = Person {
                name: p.name.clone(),
                skill: p.skill,
                morale: p.morale,
                trust: p.trust,
                alignment: p.alignment,
                stress: p.stress,
                autonomy: p.autonomy,
                key: p.key,
                weeks_in_team: 0,
                fatigue: 0.0,
                grievance: 0.0,
                morale_pushes: [0.0; MORALE_TERM_COUNT],
            };
            self.seats.push(Seat {
                manager,
                depth,
                leads: !p.reports.is_empty(),
                person: Some(person),
                hire_week: None,
            });
            let me = self.seats.len() - 1;
            self.add_people(&p.reports, Some(me), depth + 1);
        }
    }

    pub fn present(&self) -> impl Iterator<Item = &Person> {
        self.seats.iter().filter_map(|s| s.person.as_ref())
    }

    pub fn headcount(&self) -> usize {
        self.present().count()
    }

    /// Mean of a person's quantity over everyone present (0 for an empty team).
    pub fn mean(&self, f: impl Fn(&Person) -> f64) -> f64 {
        let (sum, n) = self
            .present()
            .fold((0.0, 0usize), |(s, n), p| (s + f(p), n + 1));
        if n == 0 { 0.0 } else { sum / n as f64 }
    }

    /// People present, a lead counting for the share of a week they still produce.
    pub fn capacity_heads(&self) -> f64 {
        self.seats
            .iter()
            .filter(|s| s.person.is_some())
            .map(|s| {
                if s.leads {
                    super::rules::LEAD_CAPACITY
                } else {
                    1.0
                }
            })
            .sum()
    }

    pub fn direct_reports(&self) -> usize {
        self.seats
            .iter()
            .filter(|s| s.depth == 1 && s.person.is_some())
            .count()
    }

    /// Teams in the organisation: the player's own and one per seat that leads.
    pub fn teams(&self) -> usize {
        1 + self.seats.iter().filter(|s| s.leads).count()
    }

    pub fn max_depth(&self) -> u32 {
        self.seats.iter().map(|s| s.depth).max().unwrap_or(0)
    }

    /// A hire into a seat: less skilled, not yet aligned, eager.
    pub fn new_hire(&mut self, leads: bool) -> Person {
        let name = name_for(self.names_used + 10_000);
        self.names_used += 1;
        Person {
            name,
            skill: if leads { 0.55 } else { 0.4 },
            // Neither won nor lost yet: the climate they join moves them from here.
            morale: 0.55,
            trust: 0.45,
            // New to the team's goals: they learn them from whoever leads them.
            alignment: 0.2,
            stress: 0.2,
            autonomy: if leads { 0.45 } else { 0.25 },
            key: false,
            weeks_in_team: 0,
            fatigue: 0.0,
            grievance: 0.0,
            morale_pushes: [0.0; MORALE_TERM_COUNT],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mood_shown_is_at_risk_exactly_when_the_leaving_rule_says_so() {
        let team: Team = ron::from_str(
            "People([(name: \"A\", skill: 0.6, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3)])",
        )
        .expect("a team");
        let mut org = Org::build(&team, &mut rand::SeedableRng::seed_from_u64(1));
        let p = org.seats[0].person.as_mut().expect("one person");
        (p.morale, p.stress, p.fatigue) = (0.8, 0.2, 0.0);
        assert_eq!(p.mood(), Mood::Good);
        p.morale = 0.5;
        assert_eq!(
            p.mood(),
            Mood::Uneasy,
            "uneasy, but no chance of leaving yet"
        );
        // Stress alone, with morale still fine, is enough to be at risk.
        (p.morale, p.stress) = (0.8, 0.9);
        assert!(p.leave_chance() > AT_RISK_CHANCE);
        assert_eq!(p.mood(), Mood::Low);
        (p.morale, p.stress) = (0.3, 0.2);
        assert_eq!(
            p.mood(),
            Mood::Low,
            "morale below where it drives people away"
        );
        assert_eq!(Mood::of_morale(0.39), Mood::Low);
        assert_eq!(Mood::of_morale(0.59), Mood::Uneasy);
    }

    #[test]
    fn names_do_not_repeat_in_a_large_organisation() {
        let names: std::collections::BTreeSet<String> = (0..3000).map(name_for).collect();
        assert_eq!(names.len(), 3000);
    }
}
