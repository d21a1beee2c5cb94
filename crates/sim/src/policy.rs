//! Plans a player could follow, and the search for the best of them: a fixed weekly mix of
//! activities (the same every week, however uneven), and an adaptive plan that reads the
//! moment each week and picks the mix for it. Both are found on training seeds and
//! reported on held-out seeds by `balance`; `tests/lessons.rs` checks that reading the
//! moment beats the best fixed plan.

use super::activity::ACTIVITY_COUNT;
use super::run::parallel_map;
use super::{Activity, Decision, Decisions, Level, Plan, Sim, remaining_where};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// A week's hours as shares of the budget, per activity; written like a plan
/// (`{ PlanWork: 0.2, ... }`) and summing to 1.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Mix(pub Plan);

impl Mix {
    /// The documented even spread of a vision share (see [`Plan::from_share`]).
    pub fn even(share: f64) -> Mix {
        Mix(Plan::from_share(share, 1.0))
    }

    /// The week's plan for `budget` hours, to the hundredth of an hour (rounded down, so a
    /// recorded plan reads well and always fits).
    pub fn plan(&self, budget: f64) -> Plan {
        let total = self.0.total();
        let mut plan = Plan::default();
        if total <= 0.0 {
            return plan;
        }
        for a in Activity::ALL {
            plan.set(a, (self.0.get(a) / total * budget * 100.0).floor() / 100.0);
        }
        plan
    }

    /// The same mix without `a`, its hours given to `to` (or spread over the rest in
    /// proportion, which is what a plan of the remaining shares does).
    pub fn without(&self, a: Activity, to: Option<Activity>) -> Mix {
        let mut out = *self;
        let hours = out.0.get(a);
        out.0.set(a, 0.0);
        if let Some(b) = to {
            out.0.set(b, out.0.get(b) + hours);
        }
        out
    }

    /// `delta` more of the budget on `a`, taken from (or given to) the others in proportion;
    /// `None` when the move leaves the range.
    pub fn nudged(&self, a: Activity, delta: f64) -> Option<Mix> {
        let now = self.0.get(a);
        let next = now + delta;
        let rest = 1.0 - now;
        if !(0.0..=1.0).contains(&next) || (delta > 0.0 && rest <= 1e-9) {
            return None;
        }
        let mut out = Plan::default();
        for b in Activity::ALL {
            let v = if b == a {
                next
            } else if rest > 1e-9 {
                self.0.get(b) * (1.0 - next) / rest
            } else {
                (1.0 - next) / (ACTIVITY_COUNT - 1) as f64
            };
            out.set(b, v);
        }
        Some(Mix(out))
    }
}

/// What the adaptive player reads before a week: the same facts the game's warnings and
/// metrics show.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Reading {
    /// Work on the plate for the next two weeks (late work included) against what the
    /// team produced last week in two weeks: above 1 is a crunch, below 1 a quiet spell.
    pub load: f64,
    /// Quality has slipped.
    pub quality_slipping: bool,
    /// Alignment is low or fell last week.
    pub losing_the_goals: bool,
    /// Trust is low, or someone's stress or morale says they may leave.
    pub people_at_risk: bool,
    /// Incidents still open (work that had to be done the week it came) against what the
    /// team made last week: something is on fire.
    pub fires: f64,
    /// Requests from above still open, against what the team made last week.
    pub asked: f64,
    /// Deliverables with a date (not the weekly stream) falling due this week or next,
    /// against what the team made last week: a milestone and its hand-offs.
    pub milestone: f64,
    /// Deliverables landing to be broken down this week, against what the team made last
    /// week: a kick-off.
    pub kickoff: f64,
}

/// Reads the run as it stands before the coming week.
pub fn read(sim: &Sim) -> Reading {
    let week = sim.next_week();
    let due_soon: f64 = sim
        .state
        .items
        .iter()
        .filter(|i| i.finished.is_none() && i.arrives <= week + 1 && i.due <= week + 1)
        .map(|i| i.remaining())
        .sum();
    let history = &sim.state.history;
    let org = &sim.state.org;
    // Before any week is played, the team's capacity is its headcount times its skill.
    let output = history
        .last()
        .map_or_else(
            || org.mean(|p| p.skill) * org.headcount() as f64 * 0.8,
            |r| r.metrics.output,
        )
        .max(0.1);
    let quality_slipping = history.last().is_some_and(|r| r.metrics.quality < 0.85);
    let alignment_now = history.last().map(|r| r.metrics.alignment);
    let alignment_before = history.iter().rev().nth(1).map(|r| r.metrics.alignment);
    let losing_the_goals = match (alignment_now, alignment_before) {
        (Some(now), _) if now < 0.6 => true,
        (Some(now), Some(before)) => now < before - 0.005,
        _ => org.mean(|p| p.alignment) < 0.6,
    };
    // In a large organisation someone is always thinking of leaving: what the player
    // reads is a share of the people, as the team panel counts them.
    let at_risk = org.present().filter(|p| p.at_risk()).count() as f64;
    let people_at_risk =
        org.mean(|p| p.trust) < 0.5 || at_risk > AT_RISK_IS_A_MOMENT * org.headcount() as f64;
    let fires = remaining_where(&sim.state.items, |i| i.on_fire(week));
    let asked = remaining_where(&sim.state.items, |i| i.negotiable(week));
    let milestone = remaining_where(&sim.state.items, |i| i.hands_off_in(week));
    let kickoff = remaining_where(&sim.state.items, |i| i.kicks_off_in(week));
    Reading {
        kickoff: kickoff / output,
        asked: asked / output,
        milestone: milestone / output,
        fires: fires / output,
        load: due_soon / (2.0 * output),
        quality_slipping,
        losing_the_goals,
        people_at_risk,
    }
}

/// The share of the people at risk of leaving that makes a week one for the people.
const AT_RISK_IS_A_MOMENT: f64 = 0.05;
/// Open incident work, in weeks of the team's output, that makes a week an emergency.
const FIRE_IS_AN_EMERGENCY: f64 = 0.1;
/// Open requests from above, in weeks of the team's output, that make a week one to agree
/// scope in.
const ASKED_IS_A_MOMENT: f64 = 0.1;
/// Deliverables due this week or next, in weeks of the team's output, that make a week a
/// milestone.
const MILESTONE_IS_A_MOMENT: f64 = 0.1;
/// New deliverables, in weeks of the team's output, that make a week a kick-off.
const KICKOFF_IS_A_MOMENT: f64 = 0.1;

/// The moments an adaptive plan tells apart, from what the player reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// Nothing pressing: the work due is about what the team makes.
    Steady,
    /// More work due in the next two weeks than the team makes.
    Crunch,
    /// Little due: room for what pays later.
    Quiet,
    /// Not a crunch, but people are at risk or the goals are slipping away.
    People,
    /// An incident is still open: a fire to put out before anything else.
    Emergency,
    /// Requests from above are open: what the teams will not do must be agreed now.
    Asked,
    /// A deliverable falls due this week or next, within what the team makes: the
    /// hand-offs and sign-offs of a milestone.
    Milestone,
    /// New deliverables land, within what the team makes: this week's planning breaks
    /// them down, or nobody does.
    Kickoff,
}

impl Moment {
    pub const ALL: [Moment; 8] = [
        Moment::Steady,
        Moment::Crunch,
        Moment::Quiet,
        Moment::People,
        Moment::Emergency,
        Moment::Asked,
        Moment::Milestone,
        Moment::Kickoff,
    ];

    pub fn of(r: Reading) -> Moment {
        if r.fires > FIRE_IS_AN_EMERGENCY {
            Moment::Emergency
        } else if r.asked > ASKED_IS_A_MOMENT {
            Moment::Asked
        } else if r.load > 1.1 {
            Moment::Crunch
        } else if r.kickoff > KICKOFF_IS_A_MOMENT {
            Moment::Kickoff
        } else if r.milestone > MILESTONE_IS_A_MOMENT {
            Moment::Milestone
        } else if r.people_at_risk || r.losing_the_goals {
            Moment::People
        } else if r.load < 0.8 {
            Moment::Quiet
        } else {
            Moment::Steady
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A plan that picks a mix of activities for each moment. With one mix for every moment it
/// is a fixed plan.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Adaptive {
    pub steady: Mix,
    pub crunch: Mix,
    pub quiet: Mix,
    pub people: Mix,
    /// Plans written before emergencies were told apart play their steady mix then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency: Option<Mix>,
    /// Likewise for weeks with requests from above open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked: Option<Mix>,
    /// Likewise for the weeks of a milestone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone: Option<Mix>,
    /// Likewise for the weeks new deliverables land.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kickoff: Option<Mix>,
}

impl Adaptive {
    /// The same mix in every moment.
    pub fn fixed(mix: Mix) -> Adaptive {
        Adaptive {
            steady: mix,
            crunch: mix,
            quiet: mix,
            people: mix,
            emergency: Some(mix),
            asked: Some(mix),
            milestone: Some(mix),
            kickoff: Some(mix),
        }
    }

    /// The same plan with every moment's mix changed by `f`.
    pub fn map(&self, f: impl Fn(&Mix) -> Mix) -> Adaptive {
        Adaptive {
            steady: f(&self.steady),
            crunch: f(&self.crunch),
            quiet: f(&self.quiet),
            people: f(&self.people),
            emergency: Some(f(self.mix(Moment::Emergency))),
            asked: Some(f(self.mix(Moment::Asked))),
            milestone: Some(f(self.mix(Moment::Milestone))),
            kickoff: Some(f(self.mix(Moment::Kickoff))),
        }
    }

    /// The same plan with the mix of moment `m` changed by `f`.
    pub fn with(&self, m: Moment, f: impl Fn(&Mix) -> Mix) -> Adaptive {
        let mut out = *self;
        *out.mix_mut(m) = f(self.mix(m));
        out
    }

    pub fn mix(&self, m: Moment) -> &Mix {
        match m {
            Moment::Steady => &self.steady,
            Moment::Crunch => &self.crunch,
            Moment::Quiet => &self.quiet,
            Moment::People => &self.people,
            Moment::Emergency => self.emergency.as_ref().unwrap_or(&self.steady),
            Moment::Asked => self.asked.as_ref().unwrap_or(&self.steady),
            Moment::Milestone => self.milestone.as_ref().unwrap_or(&self.steady),
            Moment::Kickoff => self.kickoff.as_ref().unwrap_or(&self.steady),
        }
    }

    fn mix_mut(&mut self, m: Moment) -> &mut Mix {
        match m {
            Moment::Steady => &mut self.steady,
            Moment::Crunch => &mut self.crunch,
            Moment::Quiet => &mut self.quiet,
            Moment::People => &mut self.people,
            Moment::Emergency => self.emergency.get_or_insert(self.steady),
            Moment::Asked => self.asked.get_or_insert(self.steady),
            Moment::Milestone => self.milestone.get_or_insert(self.steady),
            Moment::Kickoff => self.kickoff.get_or_insert(self.steady),
        }
    }

    /// The coming week's plan: the mix of the moment the player reads.
    pub fn plan(&self, r: Reading, budget: f64) -> Plan {
        self.mix(Moment::of(r)).plan(budget)
    }

    /// Plays the level, recording each week's decision (dilemmas take their default).
    pub fn play(&self, level: &Arc<Level>, seed: u64) -> (Sim, Decisions) {
        let mut sim = Sim::new(level.clone(), seed);
        let mut weeks = Vec::new();
        while !sim.is_finished() {
            let decision = Decision {
                plan: self.plan(read(&sim), sim.budget()).fitted(sim.budget()),
                ..Decision::default()
            };
            sim.step(&decision)
                .expect("a plan fitted to the budget always plays");
            weeks.push(decision);
        }
        let decisions = Decisions {
            level: Some(level.id.clone()),
            seed: Some(seed),
            policy: Some(*self),
            fixed: None,
            weeks,
        };
        (sim, decisions)
    }

    /// Weeks of a run spent in each moment, in the order of [`Moment::ALL`].
    pub fn moments(&self, level: &Arc<Level>, seed: u64) -> [u32; Moment::ALL.len()] {
        let mut sim = Sim::new(level.clone(), seed);
        let mut out = [0; Moment::ALL.len()];
        while !sim.is_finished() {
            let r = read(&sim);
            out[Moment::of(r).index()] += 1;
            let plan = self.plan(r, sim.budget()).fitted(sim.budget());
            sim.step(&Decision {
                plan,
                ..Decision::default()
            })
            .expect("a plan fitted to the budget always plays");
        }
        out
    }
}

/// Mean outcome of a plan over the given seeds.
pub fn mean_outcome(level: &Arc<Level>, seeds: &[u64], policy: &Adaptive) -> f64 {
    let outcomes = parallel_map(seeds, |&s| policy.play(level, s).0.final_result().outcome);
    outcomes.iter().sum::<f64>() / outcomes.len().max(1) as f64
}

/// Steps of the search, in shares of the week: coarse first, then finer.
const STEPS: [f64; 4] = [0.08, 0.04, 0.02, 0.01];

/// Coordinate ascent on the mixes of `moments` (all at once when `tied`, else each in
/// turn): each activity gets a little more or a little less of the week, taken from or
/// given to the others, while that raises the mean on `seeds`. Deterministic: moves are
/// tried in a fixed order and only a strict gain is kept.
fn ascend(
    level: &Arc<Level>,
    seeds: &[u64],
    start: Adaptive,
    moments: &[Moment],
    tied: bool,
) -> (Adaptive, f64) {
    let mut best = start;
    let mut best_mean = mean_outcome(level, seeds, &best);
    let groups: Vec<Vec<Moment>> = if tied {
        vec![moments.to_vec()]
    } else {
        moments.iter().map(|m| vec![*m]).collect()
    };
    for step in STEPS {
        loop {
            let mut improved = false;
            for group in &groups {
                for a in Activity::ALL {
                    for delta in [step, -step] {
                        let Some(mix) = best.mix(group[0]).nudged(a, delta) else {
                            continue;
                        };
                        let mut candidate = best;
                        for m in group {
                            *candidate.mix_mut(*m) = mix;
                        }
                        let mean = mean_outcome(level, seeds, &candidate);
                        if mean > best_mean + 1e-9 {
                            best = candidate;
                            best_mean = mean;
                            improved = true;
                        }
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }
    (best, best_mean)
}

/// The best fixed plan on `seeds`: the same uneven mix every week, searched from the
/// even spread of `share`.
pub fn best_fixed(level: &Arc<Level>, seeds: &[u64], share: f64) -> (Mix, f64) {
    let (p, mean) = ascend(
        level,
        seeds,
        Adaptive::fixed(Mix::even(share)),
        &Moment::ALL,
        true,
    );
    (p.steady, mean)
}

/// The best adaptive plan on `seeds`, searched from the best fixed mix: each moment's mix
/// in turn.
pub fn best_adaptive(level: &Arc<Level>, seeds: &[u64], fixed: Mix) -> (Adaptive, f64) {
    ascend(level, seeds, Adaptive::fixed(fixed), &Moment::ALL, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nudge_keeps_the_week_whole() {
        let m = Mix::even(0.4);
        let n = m.nudged(Activity::PlanWork, 0.08).unwrap();
        assert!((n.0.total() - 1.0).abs() < 1e-9);
        assert!((n.0.get(Activity::PlanWork) - m.0.get(Activity::PlanWork) - 0.08).abs() < 1e-9);
        // Doing the work yourself had none; taking some away is impossible.
        assert!(m.nudged(Activity::DoTheWork, -0.01).is_none());
    }

    #[test]
    fn a_mix_makes_a_plan_within_the_budget() {
        let p = Mix::even(0.3).plan(37.0);
        assert!(p.total() <= 37.0 && p.total() > 36.8, "{}", p.total());
        assert!((p.vision_share() - 0.3).abs() < 0.01);
    }

    #[test]
    fn the_moment_is_read_from_the_load_first() {
        let r = |load, people| Reading {
            load,
            people_at_risk: people,
            ..Reading::default()
        };
        assert_eq!(Moment::of(r(1.5, true)), Moment::Crunch);
        assert_eq!(Moment::of(r(0.5, true)), Moment::People);
        assert_eq!(Moment::of(r(0.5, false)), Moment::Quiet);
        assert_eq!(Moment::of(r(1.0, false)), Moment::Steady);
        let due = |milestone| Reading {
            milestone,
            ..r(0.5, true)
        };
        assert_eq!(Moment::of(due(0.5)), Moment::Milestone);
        assert_eq!(Moment::of(due(0.05)), Moment::People);
    }

    /// Each week's reading of a six-week level whose deliverable lands in `from` and is
    /// due in `due`, beside a weekly stream, told apart by `pick`.
    fn readings(from: u32, due: u32, pick: impl Fn(&Reading) -> bool) -> Vec<bool> {
        let src = format!(
            r#"(id: "m", title: "M", briefing: "", role: Frontline, weeks: 6, budget: 40.0,
            team: People([(name: "A", skill: 0.6, morale: 0.6, trust: 0.6, alignment: 0.7, autonomy: 0.4)]),
            goals: [(id: "g", title: "G", target: 5.0)],
            work: [Stream(title: "s", goal: "g", effort: 0.5, from: 1, to: 6),
                   Item(title: "i", goal: "g", effort: 1.0, due: {due}, from: {from})])"#
        );
        let level = Arc::new(Level::parse(&src, "m.ron").expect("the level parses"));
        let mut sim = Sim::new(level, 1);
        let mut seen = Vec::new();
        while !sim.is_finished() {
            seen.push(pick(&read(&sim)));
            sim.step(&Decision {
                plan: Mix::even(0.4).plan(sim.budget()),
                ..Decision::default()
            })
            .expect("an even plan plays");
        }
        seen
    }

    #[test]
    fn a_kick_off_is_read_in_the_week_a_deliverable_lands_and_only_then() {
        let seen = readings(3, 6, |r| r.kickoff > KICKOFF_IS_A_MOMENT);
        assert_eq!(seen, vec![false, false, true, false, false, false]);
    }

    #[test]
    fn a_milestone_is_read_from_deliverables_not_from_the_weekly_stream() {
        let seen = readings(3, 5, |r| r.milestone > MILESTONE_IS_A_MOMENT);
        // The item is due in week 5: it is read as a milestone in week 4 (due next week),
        // never in the stream-only weeks 1, 2 and 6.
        assert!(!seen[0] && !seen[1] && !seen[5], "{seen:?}");
        assert!(seen[3], "{seen:?}");
    }
}
