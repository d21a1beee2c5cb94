//! What the schema alone cannot check: references, weeks within the level, sizes. Each
//! problem names its place in the file as a path of steps, for `load` to locate.

use super::{Effect, Level, MAX_PEOPLE, PersonSpec, Team, When, Work};
use crate::locate::Step::{self, Index, Key};

/// Problems found, each at its place in the level.
type Problems = Vec<(Vec<Step>, String)>;

/// For each id, whether an earlier one is the same.
fn repeated<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<bool> {
    let mut seen = std::collections::BTreeSet::new();
    ids.map(|id| !seen.insert(id)).collect()
}

impl Level {
    /// Checks what the schema alone cannot: references, weeks within the level, sizes.
    /// Problems come in the order of the file's parts.
    pub(super) fn check(&self) -> Problems {
        let mut out: Problems = Vec::new();
        if self.id.trim().is_empty() {
            out.push((vec![Key("id")], "the id must not be empty".into()));
        }
        self.check_team(&mut out);
        self.check_goals(&mut out);
        self.check_work(&mut out);
        self.check_events(&mut out);
        self.check_dilemmas(&mut out);
        self.check_stars_and_tutorial(&mut out);
        out
    }

    /// The team: its size, and how deep it is.
    fn check_team(&self, out: &mut Problems) {
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
    }

    /// The goals: at least one, each id once.
    fn check_goals(&self, out: &mut Problems) {
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
    }

    /// The work: at least some, each piece for a known goal, within the level's weeks.
    fn check_work(&self, out: &mut Problems) {
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
    }

    /// The deck: each id once, each event within the level's weeks, its effects sound.
    fn check_events(&self, out: &mut Problems) {
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
                out,
            );
        }
    }

    /// The dilemmas: each id once, within the level's weeks, with 2 or 3 sound choices.
    fn check_dilemmas(&self, out: &mut Problems) {
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
                self.check_effects(&c.effects, path, out);
            }
        }
    }

    /// The star thresholds rise; the tutorial's steps fall within the level's weeks.
    fn check_stars_and_tutorial(&self, out: &mut Problems) {
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
    }

    fn check_effects(&self, effects: &[Effect], path: Vec<Step>, out: &mut Problems) {
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
}

fn depth_of(list: &[PersonSpec]) -> usize {
    list.iter()
        .map(|p| 1 + depth_of(&p.reports))
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first step of each problem's place: the part of the level it is in.
    fn parts(level: &Level) -> Vec<&'static str> {
        level
            .check()
            .into_iter()
            .map(|(path, _)| match path[0] {
                Key(k) => k,
                Index(_) => "?",
            })
            .collect()
    }

    #[test]
    fn a_sound_level_has_no_problem_and_each_part_s_problem_is_listed_in_file_order() {
        let sound = crate::shipped_level("first-week").as_ref().clone();
        assert!(parts(&sound).is_empty());
        let mut broken = sound.clone();
        broken.id = " ".into();
        broken.goals.push(broken.goals[0].clone());
        let (Work::Item { due, .. } | Work::Stream { to: due, .. }) = &mut broken.work[0];
        *due = broken.weeks + 1;
        broken.tutorial.push(crate::TutorialStep {
            week: broken.weeks + 1,
            title: String::new(),
            text: String::new(),
            try_share: None,
        });
        assert_eq!(parts(&broken), ["id", "goals", "work", "tutorial"]);
    }
}
