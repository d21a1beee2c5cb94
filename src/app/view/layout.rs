//! Where everything of the organisation sits in the 2D world: the goals on top, you in the
//! middle, your reports below you and their teams below them. Plain data from the run, so
//! it is tested without a window.

use sim::Level;
use sim::Mood;
use sim::Org;

/// What stays the same thing from week to week, so it can be animated when it changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    You,
    Goal(usize),
    Seat(usize),
    /// Everyone below a lead, as one group.
    Group(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    You,
    Goal {
        title: String,
        progress: f64,
    },
    Person {
        name: String,
        mood: Mood,
        morale: f64,
        alignment: f64,
    },
    Empty {
        hire_week: Option<u32>,
    },
    Group {
        count: usize,
        at_risk: usize,
        mood: Mood,
        alignment: f64,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub key: Key,
    pub x: f32,
    pub y: f32,
    pub kind: Kind,
}

/// A line the vision travels along, 0..1 strong.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    pub from: Key,
    pub to: Key,
    pub strength: f32,
}

pub const GOAL_Y: f32 = 170.0;
/// World units between the goals' centres, and the width a goal's title wraps at.
pub const GOAL_SPACING: f32 = 300.0;
pub const GOAL_TITLE_WIDTH: f32 = 140.0;
pub const REPORTS_Y: f32 = -130.0;
pub const TEAMS_Y: f32 = -260.0;
/// Horizontal room of one person token.
pub const SLOT: f32 = 86.0;
/// Beyond a dozen seats, rows of names stop fitting: teams below the first row become
/// groups that open on a click.
pub const SHOW_EVERYONE: usize = 12;

fn person_kind(org: &Org, seat: usize) -> Kind {
    let s = &org.seats[seat];
    match &s.person {
        Some(p) => Kind::Person {
            name: p.name.clone(),
            mood: p.mood(),
            morale: p.morale,
            alignment: p.alignment,
        },
        None => Kind::Empty {
            hire_week: s.hire_week,
        },
    }
}

/// Everyone below `lead`, at any depth.
pub fn members(org: &Org, lead: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = vec![lead];
    while let Some(s) = stack.pop() {
        for (i, seat) in org.seats.iter().enumerate() {
            if seat.manager == Some(s) {
                stack.push(i);
                out.push(i);
            }
        }
    }
    out.sort_unstable();
    out
}

/// Everyone below `lead` in one summary: how many, how many at risk, the mood of their
/// mean morale, their mean alignment.
pub fn group_kind(org: &Org, lead: usize) -> Kind {
    let people: Vec<_> = members(org, lead)
        .into_iter()
        .filter_map(|i| org.seats[i].person.as_ref())
        .collect();
    let n = people.len().max(1) as f64;
    let morale = people.iter().map(|p| p.morale).sum::<f64>() / n;
    Kind::Group {
        count: people.len(),
        at_risk: people.iter().filter(|p| p.at_risk()).count(),
        mood: Mood::of_morale(morale),
        alignment: people.iter().map(|p| p.alignment).sum::<f64>() / n,
    }
}

fn alignment_of(kind: &Kind) -> f32 {
    match kind {
        Kind::Person { alignment, .. } | Kind::Group { alignment, .. } => *alignment as f32,
        _ => 0.0,
    }
}

/// Nodes and links as they are laid out, in drawing order.
struct Drawing {
    nodes: Vec<Node>,
    links: Vec<Link>,
}

impl Drawing {
    /// Hangs `node` below `from` on a line as strong as its alignment.
    fn hang(&mut self, from: Key, node: Node) {
        self.links.push(Link {
            from,
            to: node.key,
            strength: alignment_of(&node.kind),
        });
        self.nodes.push(node);
    }
}

/// The world of one week. `focus` opens one lead's team in place of your reports.
pub fn layout(
    level: &Level,
    org: &Org,
    goal_progress: &[f64],
    focus: Option<usize>,
) -> (Vec<Node>, Vec<Link>) {
    let mut drawing = Drawing {
        nodes: vec![Node {
            key: Key::You,
            x: 0.0,
            y: 0.0,
            kind: Kind::You,
        }],
        links: Vec::new(),
    };
    place_goals(&mut drawing, level, goal_progress);
    let top: Vec<usize> = (0..org.seats.len())
        .filter(|&i| match focus {
            None => org.seats[i].depth == 1,
            Some(m) => org.seats[i].manager == Some(m),
        })
        .collect();
    let everyone = org.seats.len() <= SHOW_EVERYONE;
    // An opened team hangs from its lead, drawn where your reports would be, and the team
    // a row lower: the lines run from the lead, not from you.
    let (parent, reports_y, teams_y) = match focus {
        Some(m) => {
            drawing.hang(
                Key::You,
                Node {
                    key: Key::Seat(m),
                    x: 0.0,
                    y: REPORTS_Y,
                    kind: person_kind(org, m),
                },
            );
            (Key::Seat(m), TEAMS_Y, TEAMS_Y + (TEAMS_Y - REPORTS_Y))
        }
        None => (Key::You, REPORTS_Y, TEAMS_Y),
    };
    let total: f32 = top.iter().map(|&i| column_width(org, i, everyone)).sum();
    let mut left = -total / 2.0;
    for &i in &top {
        let w = column_width(org, i, everyone);
        let x = left + w / 2.0;
        left += w;
        drawing.hang(
            parent,
            Node {
                key: Key::Seat(i),
                x,
                y: reports_y,
                kind: person_kind(org, i),
            },
        );
        if org.seats[i].leads {
            place_team(&mut drawing, org, i, x, teams_y, everyone);
        }
    }
    (drawing.nodes, drawing.links)
}

/// The goals in a row above you, the vision flowing from each down to you at full strength.
fn place_goals(drawing: &mut Drawing, level: &Level, goal_progress: &[f64]) {
    let goals = level.goals.len();
    for (i, g) in level.goals.iter().enumerate() {
        let progress = goal_progress
            .get(i)
            .map_or(0.0, |p| (p / g.target).clamp(0.0, 1.0));
        drawing.nodes.push(Node {
            key: Key::Goal(i),
            x: (i as f32 - (goals as f32 - 1.0) / 2.0) * GOAL_SPACING,
            y: GOAL_Y,
            kind: Kind::Goal {
                title: g.title.clone(),
                progress,
            },
        });
        drawing.links.push(Link {
            from: Key::Goal(i),
            to: Key::You,
            strength: 1.0,
        });
    }
}

/// Each top seat gets a column as wide as what hangs below it.
fn column_width(org: &Org, seat: usize, everyone: bool) -> f32 {
    let below = org.seats.iter().filter(|s| s.manager == Some(seat)).count();
    if org.seats[seat].leads && everyone {
        below.max(1) as f32 * SLOT
    } else if org.seats[seat].leads {
        2.0 * SLOT
    } else {
        SLOT
    }
}

/// A lead's team in the row below them, centred on `x`: everyone in a small organisation,
/// one group that opens on a click in a large one.
fn place_team(drawing: &mut Drawing, org: &Org, lead: usize, x: f32, y: f32, everyone: bool) {
    if everyone {
        let below: Vec<usize> = (0..org.seats.len())
            .filter(|&j| org.seats[j].manager == Some(lead))
            .collect();
        let n = below.len() as f32;
        for (k, j) in below.into_iter().enumerate() {
            drawing.hang(
                Key::Seat(lead),
                Node {
                    key: Key::Seat(j),
                    x: x + (k as f32 - (n - 1.0) / 2.0) * SLOT,
                    y,
                    kind: person_kind(org, j),
                },
            );
        }
    } else {
        drawing.hang(
            Key::Seat(lead),
            Node {
                key: Key::Group(lead),
                x,
                y,
                kind: group_kind(org, lead),
            },
        );
    }
}

/// A step through the teams of a large organisation, for the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drill {
    /// The next team at this level (from the top: the first).
    Next,
    /// The first team inside the open one.
    Into,
    /// Back up one level.
    Up,
}

/// The team opened after `step` from `focus`; small organisations show everyone and never
/// open a team.
pub fn drill(org: &Org, focus: Option<usize>, step: Drill) -> Option<usize> {
    if org.seats.len() <= SHOW_EVERYONE {
        return None;
    }
    let leads_under = |m: Option<usize>| -> Vec<usize> {
        (0..org.seats.len())
            .filter(|&i| org.seats[i].leads && org.seats[i].manager == m)
            .collect()
    };
    match step {
        Drill::Next => {
            let siblings = leads_under(focus.and_then(|m| org.seats[m].manager));
            match focus.and_then(|m| siblings.iter().position(|&s| s == m)) {
                Some(k) => Some(siblings[(k + 1) % siblings.len()]),
                None => siblings.first().copied(),
            }
        }
        Drill::Into => leads_under(focus).first().copied().or(focus),
        Drill::Up => focus.and_then(|m| org.seats[m].manager),
    }
}

/// The rectangle (min x, min y, max x, max y) around the nodes, padded for labels.
pub fn bounds(points: impl Iterator<Item = (f32, f32)>) -> [f32; 4] {
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for (x, y) in points {
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    if b[0] > b[2] {
        return [-100.0, -100.0, 100.0, 100.0];
    }
    [b[0] - 70.0, b[1] - 60.0, b[2] + 70.0, b[3] + 60.0]
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::Sim;
    use std::sync::Arc;

    fn sim(id: &str) -> Sim {
        let path = crate::scratch::manifest_dir().join(format!("levels/{id}.ron"));
        Sim::new(Arc::new(Level::load(&path).unwrap()), 1)
    }

    #[test]
    fn a_small_team_shows_everyone_once_below_you_and_the_goals_above() {
        let s = sim("crunch");
        let (nodes, links) = layout(&s.level, &s.state.org, &s.state.goal_progress, None);
        let seats = nodes
            .iter()
            .filter(|n| matches!(n.key, Key::Seat(_)))
            .count();
        assert_eq!(seats, s.state.org.seats.len());
        assert!(
            nodes
                .iter()
                .filter(|n| matches!(n.key, Key::Goal(_)))
                .all(|n| n.y > 0.0)
        );
        assert!(
            nodes
                .iter()
                .filter(|n| matches!(n.key, Key::Seat(_)))
                .all(|n| n.y < 0.0)
        );
        // Every person is reached by one line of the vision.
        assert_eq!(
            links
                .iter()
                .filter(|l| matches!(l.to, Key::Seat(_)))
                .count(),
            seats
        );
        // No two people sit on the same spot.
        for (a, n) in nodes.iter().enumerate() {
            for m in &nodes[a + 1..] {
                assert!(
                    (n.x - m.x).abs() > 1.0 || (n.y - m.y).abs() > 1.0,
                    "{n:?} {m:?}"
                );
            }
        }
    }

    #[test]
    fn a_large_organisation_groups_teams_and_opens_one_in_place() {
        let s = sim("fog-of-strategy");
        let org = &s.state.org;
        let (nodes, _) = layout(&s.level, org, &s.state.goal_progress, None);
        let groups: Vec<&Node> = nodes
            .iter()
            .filter(|n| matches!(n.key, Key::Group(_)))
            .collect();
        assert_eq!(groups.len(), 4, "one group under each manager");
        let counted: usize = groups
            .iter()
            .map(|n| match n.kind {
                Kind::Group { count, .. } => count,
                _ => 0,
            })
            .sum();
        assert_eq!(counted + 4, org.headcount());
        let manager = org.seats.iter().position(|s| s.depth == 1).unwrap();
        let (inside, links) = layout(&s.level, org, &s.state.goal_progress, Some(manager));
        // The manager opened, under you; their four leads a row below, linked from them.
        let at = |y: f32| {
            inside
                .iter()
                .filter(|n| n.y == y)
                .map(|n| n.key)
                .collect::<Vec<_>>()
        };
        assert_eq!(at(REPORTS_Y), vec![Key::Seat(manager)]);
        assert_eq!(at(TEAMS_Y).len(), 4, "the manager's four leads");
        for lead in at(TEAMS_Y) {
            assert!(
                links
                    .iter()
                    .any(|l| l.from == Key::Seat(manager) && l.to == lead),
                "{lead:?} hangs from its manager"
            );
            assert!(!links.iter().any(|l| l.from == Key::You && l.to == lead));
        }
    }

    #[test]
    fn the_keyboard_walks_the_teams_of_a_large_organisation() {
        let s = sim("fog-of-strategy");
        let org = &s.state.org;
        let managers: Vec<usize> = (0..org.seats.len())
            .filter(|&i| org.seats[i].depth == 1)
            .collect();
        let first = drill(org, None, Drill::Next);
        assert_eq!(first, Some(managers[0]));
        let second = drill(org, first, Drill::Next);
        assert_eq!(second, Some(managers[1]));
        let inside = drill(org, second, Drill::Into).unwrap();
        assert_eq!(org.seats[inside].manager, Some(managers[1]));
        assert_eq!(drill(org, Some(inside), Drill::Up), second);
        assert_eq!(drill(org, second, Drill::Up), None);
        // The last manager wraps round to the first.
        assert_eq!(
            drill(org, Some(managers[3]), Drill::Next),
            Some(managers[0])
        );
        // A small team shows everyone: nothing to open.
        let small = sim("crunch");
        assert_eq!(drill(&small.state.org, None, Drill::Next), None);
    }
}
