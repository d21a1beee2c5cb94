//! The sandbox: a level made from a role, a team size, a length and a difficulty, for
//! trying the balance without a story. Everything is derived from the choices (the run's
//! seed then draws the people), so the same choices always give the same level.

use super::level::{
    ChoiceSpec, Difficulty, DilemmaSpec, Effect, EventSpec, GeneratedTeam, Goal, LayerSpec, Level,
    Role, Scoring, Team, When, Work, fnv1a,
};
use serde::{Deserialize, Serialize};

pub const MIN_TEAM: u32 = 3;
pub const MAX_TEAM: u32 = 400;

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SandboxSpec {
    pub role: Role,
    /// People below the player, roughly: layers round it to whole teams.
    pub team_size: u32,
    pub weeks: u32,
    pub difficulty: Difficulty,
}

impl Default for SandboxSpec {
    fn default() -> Self {
        SandboxSpec {
            role: Role::Frontline,
            team_size: 6,
            weeks: 10,
            difficulty: Difficulty::Normal,
        }
    }
}

fn layer(span: u32, skill: (f64, f64), autonomy: (f64, f64)) -> LayerSpec {
    LayerSpec {
        span: span.max(1),
        skill,
        autonomy,
    }
}

/// The layers of the organisation: the closer to the top, the more layers.
fn layers(role: Role, size: u32) -> Vec<LayerSpec> {
    let size = size.clamp(MIN_TEAM, MAX_TEAM);
    let floor = (0.45, 0.75);
    match role {
        Role::Frontline => vec![layer(size, floor, (0.25, 0.45))],
        // The expert's former peers: specialists, readier than a floor team, who need
        // delegation and support more than direction.
        Role::PromotedExpert => vec![layer(size, (0.6, 0.8), (0.45, 0.65))],
        Role::MiddleManager => {
            let leads = (size / 6).clamp(2, 8);
            let per = ((size - leads) / leads).max(2);
            vec![
                layer(leads, (0.6, 0.8), (0.45, 0.65)),
                layer(per, floor, (0.25, 0.45)),
            ]
        }
        Role::Executive => {
            let managers = (size / 50).clamp(2, 5);
            let leads = 4;
            let per = ((size.saturating_sub(managers * (1 + leads))) / (managers * leads)).max(2);
            vec![
                layer(managers, (0.7, 0.85), (0.75, 0.9)),
                layer(leads, (0.6, 0.8), (0.5, 0.7)),
                layer(per, floor, (0.25, 0.45)),
            ]
        }
    }
}

/// Share of a person's skill that becomes output in an ordinary week: morale, clarity and
/// the odd blocked task take the rest.
const ORDINARY_WEEK: f64 = 0.7;

/// Person-weeks the organisation's people could make at full strength.
fn nominal_capacity(layers: &[LayerSpec]) -> f64 {
    let mut count = 1.0;
    let mut total = 0.0;
    for (i, l) in layers.iter().enumerate() {
        count *= l.span as f64;
        let share = if i + 1 < layers.len() {
            super::rules::LEAD_CAPACITY
        } else {
            1.0
        };
        total += count * 0.5 * (l.skill.0 + l.skill.1) * share;
    }
    total
}

/// Share of what the team makes that the generated work asks for.
const TARGET_LOAD: f64 = 0.85;

fn level_layers(level: &Level) -> Vec<LayerSpec> {
    match &level.team {
        Team::Generated(g) => g.layers.clone(),
        Team::People(_) => Vec::new(),
    }
}

/// Mean weekly output of the level's team at an even split on seed 1.
fn made_per_week(level: &Level) -> f64 {
    let sim = super::run::run_constant(&std::sync::Arc::new(level.clone()), 1, 0.5);
    let weeks = &sim.state.history;
    (weeks.iter().map(|w| w.metrics.output).sum::<f64>() / weeks.len().max(1) as f64).max(0.1)
}

/// Goals and work for `per_week` person-weeks a week: half steady, half a project in three
/// milestones that each arrive two weeks before they are due.
fn set_work(level: &mut Level, per_week: f64, milestones: &[u32; 3]) {
    let weeks = level.weeks;
    level.work.clear();
    level.goals = vec![
        Goal {
            id: "steady".into(),
            title: "The everyday work gets done".into(),
            target: per_week * 0.5 * weeks as f64,
        },
        Goal {
            id: "project".into(),
            title: "The project ships".into(),
            target: per_week * 0.45 * weeks as f64,
        },
    ];
    level.work.push(Work::Stream {
        title: "Everyday work".into(),
        goal: "steady".into(),
        effort: per_week * 0.5,
        from: 1,
        to: weeks,
    });
    for (k, due) in milestones.iter().enumerate() {
        level.work.push(Work::Item {
            title: format!("Project milestone {}", k + 1),
            goal: "project".into(),
            effort: per_week * 0.5 * weeks as f64 / 3.0,
            due: *due,
            from: Some(due.saturating_sub(2).max(1)),
        });
    }
}

pub fn level(spec: &SandboxSpec) -> Level {
    let weeks = spec.weeks.clamp(6, 20);
    let team = GeneratedTeam {
        layers: layers(spec.role, spec.team_size),
        morale: (0.5, 0.7),
        trust: (0.45, 0.6),
        alignment: (0.4, 0.55),
        stress: (0.25, 0.4),
    };
    let mut level = Level {
        id: "sandbox".into(),
        title: format!("Sandbox: {}", spec.role.label()),
        briefing: "A team with no story: steady weekly work and a project in three milestones, \
                   with the events and dilemmas any team meets. Try a balance, then another."
            .into(),
        role: spec.role,
        weeks,
        budget: if spec.role == Role::Executive {
            50.0
        } else {
            40.0
        },
        difficulty: spec.difficulty,
        player_skill: if spec.role == Role::PromotedExpert {
            0.95
        } else {
            0.65
        },
        complexity: match spec.role {
            Role::Frontline | Role::PromotedExpert => 0.1,
            Role::MiddleManager => 0.25,
            Role::Executive => 0.3,
        },
        defect_rate: 0.22,
        hire_delay: 3,
        team: Team::Generated(team),
        goals: Vec::new(),
        work: Vec::new(),
        events: Vec::new(),
        dilemmas: Vec::new(),
        scoring: Scoring::default(),
        chapter: None,
        learning_goals: vec![
            "Find the balance that fits this role, then see how it moves when the project lands."
                .into(),
        ],
        discussion: Vec::new(),
        stars: None,
        tutorial: Vec::new(),
        content_hash: 0,
    };
    // Work sized to the team by measurement: first a trial load from the people's skill,
    // then 85% of what the team actually made under it at an even split, so a week is
    // full but a good plan can carry it, whatever the rules and the structure.
    let m = |f: f64| ((weeks as f64 * f).round() as u32).clamp(2, weeks);
    let milestones = [m(0.3), m(0.6), m(0.9)];
    let trial = ORDINARY_WEEK * nominal_capacity(&level_layers(&level));
    set_work(&mut level, trial, &milestones);
    let per_week = TARGET_LOAD * made_per_week(&level);
    set_work(&mut level, per_week, &milestones);
    let scale = per_week;
    level.events = deck(&m, scale);
    level.dilemmas = dilemmas(&milestones, scale);
    let text = ron::to_string(spec).unwrap_or_default();
    level.content_hash = fnv1a(text.as_bytes());
    level
}

/// The sandbox's deck: the events any team meets, at weeks `m` picks from shares of the
/// level, their work in shares of `scale` (a week's work).
fn deck(m: &impl Fn(f64) -> u32, scale: f64) -> Vec<EventSpec> {
    let event = |id: &str, title: &str, text: &str, when: When, chance: f64, effects| EventSpec {
        id: id.into(),
        title: title.into(),
        text: text.into(),
        when,
        chance,
        effects,
    };
    let span = |a: f64, b: f64| When::Between(m(a).max(1), m(b).max(1));
    vec![
        event(
            "outage",
            "A system outage",
            "Work piles up for a day.",
            span(0.2, 0.6),
            0.8,
            vec![
                Effect::ExtraWork {
                    effort: 0.5 * scale,
                    due_in: 0,
                },
                Effect::Stress(0.05),
            ],
        ),
        event(
            "praise",
            "A customer says thank you",
            "The team reads it aloud.",
            span(0.1, 0.9),
            0.6,
            vec![Effect::Morale(0.04)],
        ),
        event(
            "request",
            "A request from above",
            "A report nobody planned for.",
            span(0.2, 0.8),
            0.8,
            vec![Effect::Attention {
                hours: 4.0,
                weeks: 1,
            }],
        ),
        event(
            "scope",
            "The scope grows",
            "The project gains a feature.",
            span(0.4, 0.7),
            0.7,
            vec![Effect::ExtraWork {
                effort: 0.6 * scale,
                due_in: 2,
            }],
        ),
        event(
            "rumour",
            "Rumours of change",
            "People wonder what is coming.",
            span(0.3, 0.8),
            0.5,
            vec![Effect::Trust(-0.03), Effect::Stress(0.03)],
        ),
        event(
            "sick",
            "Illness goes round",
            "Some people are off for days.",
            span(0.3, 0.9),
            0.5,
            vec![
                Effect::ExtraWork {
                    effort: 0.3 * scale,
                    due_in: 0,
                },
                Effect::Stress(0.04),
            ],
        ),
        event(
            "shift",
            "The strategy shifts",
            "The goals are reworded from above.",
            span(0.4, 0.7),
            0.6,
            vec![Effect::Alignment(-0.06)],
        ),
        event(
            "resign",
            "A key person resigns",
            "A rival made an offer.",
            span(0.5, 0.9),
            0.3,
            vec![Effect::KeyPersonLeaves],
        ),
    ]
}

/// The sandbox's dilemmas, timed by the project's `milestones`, their work in shares of
/// `scale` (a week's work).
fn dilemmas(milestones: &[u32; 3], scale: f64) -> Vec<DilemmaSpec> {
    let choice = |id: &str, label: &str, hint: &str, effects| ChoiceSpec {
        id: id.into(),
        label: label.into(),
        hint: hint.into(),
        effects,
        shortcut: false,
    };
    vec![
        DilemmaSpec {
            id: "overtime".into(),
            title: "Behind on the milestone".into(),
            text: "The milestone is slipping. The team could work the weekend.".into(),
            week: milestones[1].saturating_sub(1).max(1),
            choices: vec![
                choice(
                    "ask",
                    "Ask for a weekend",
                    "the work moves; stress rises",
                    vec![Effect::Overtime(0.3 * scale), Effect::Stress(0.1)],
                ),
                choice(
                    "hold",
                    "Protect the weekend",
                    "nothing extra; the team notices",
                    vec![Effect::Trust(0.04)],
                ),
            ],
            default: 1,
        },
        DilemmaSpec {
            id: "shortcut".into(),
            title: "A shortcut".into(),
            text: "Skipping the checks would save days.".into(),
            week: milestones[2].saturating_sub(1).max(1),
            choices: vec![
                ChoiceSpec {
                    shortcut: true,
                    ..choice(
                        "take",
                        "Take it",
                        "time saved now; defects nobody checked surface in the weeks after",
                        vec![Effect::CutCorners(0.2 * scale), Effect::Trust(-0.05)],
                    )
                },
                choice(
                    "refuse",
                    "Keep the checks",
                    "no time saved; values hold",
                    vec![Effect::Trust(0.03)],
                ),
            ],
            default: 1,
        },
        DilemmaSpec {
            id: "credit".into(),
            title: "Who presents the results?".into(),
            text: "Your director wants a demo.".into(),
            week: milestones[0].max(1),
            choices: vec![
                choice(
                    "me",
                    "Present it yourself",
                    "visibility for you",
                    vec![Effect::Trust(-0.04)],
                ),
                choice(
                    "team",
                    "Let the team present",
                    "they grow; an hour of your coaching",
                    vec![
                        Effect::Trust(0.04),
                        Effect::Attention {
                            hours: 1.0,
                            weeks: 1,
                        },
                    ],
                ),
            ],
            default: 1,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::run_constant;
    use std::sync::Arc;

    #[test]
    fn every_role_and_size_makes_a_playable_level() {
        for role in [
            Role::Frontline,
            Role::PromotedExpert,
            Role::MiddleManager,
            Role::Executive,
        ] {
            for size in [MIN_TEAM, 12, 60, MAX_TEAM] {
                let spec = SandboxSpec {
                    role,
                    team_size: size,
                    ..SandboxSpec::default()
                };
                let l = level(&spec);
                // The level passes the same checks as a file would.
                assert_eq!(l.problems(), Vec::<String>::new(), "{role:?} {size}");
                assert!(l.team_size() >= MIN_TEAM as usize, "{role:?} {size}");
                let sim = run_constant(&Arc::new(l), 3, 0.5);
                assert!(sim.is_finished());
            }
        }
    }

    #[test]
    fn the_team_grows_with_the_size_asked_for() {
        let size = |n| {
            level(&SandboxSpec {
                role: Role::MiddleManager,
                team_size: n,
                ..SandboxSpec::default()
            })
            .team_size()
        };
        assert!(size(10) < size(40) && size(40) < size(120));
    }
}
