//! Phase 2 of a week: the player's hours become signals, read against what the moment
//! asks of them.

use super::kickoff::kick_off;
use super::{knows_the_work, sat, typical_demand};
use crate::activity::{Activity, Plan};
use crate::level::Level;
use crate::report::KickOff;
use crate::{Item, State};
use rand::RngExt;

/// Hours that give 63% of a message's full effect (vision, priorities, values) for a
/// single team. A message must be carried to every team, so this grows with the number
/// of teams: "strategic leaders ... align others to that vision" takes time at scale.
const K_MESSAGE: f64 = 1.2;
/// Hours that give 63% of a piece of work's full effect: plans and processes are built.
const K_BUILD: f64 = 4.0;
/// Hours per direct report that give 63% of a one-to-one activity's effect.
const K_PER_REPORT: f64 = 0.8;
/// Share of the habit of hands-on work kept from one week to the next.
const HANDS_ON_MEMORY: f64 = 0.5;
/// Hours of hands-on work a team takes as the boss helping out, not taking over.
const HANDS_ON_WELCOME: f64 = 3.0;
/// Hours of planning and follow-up that take 63% of one team's decisions.
const K_DECIDE: f64 = 1.0;
/// Share of the organisation's work held up when none of the player's decisions is taken.
const DECISIONS_HELD: f64 = 0.4;

/// Knots between teams with no milestone near, what each unit of hand-offs adds, and the
/// most a week holds.
const KNOTS_BETWEEN: f64 = 0.3;
const KNOTS_PER_HANDOFF: f64 = 2.0;
const KNOTS_MAX: f64 = 1.5;

/// What the moment asks of the player, read before the week is played.
#[derive(Clone, Copy, Debug)]
pub struct Need {
    /// Work due this week and next (with anything late) against two typical weeks.
    pub load: f64,
    /// Deliverables (work with a date of its own, not a stream's weekly share) that fall
    /// due this week and next, against two typical weeks: the hand-offs of a milestone.
    pub handoffs: f64,
    /// Mean alignment of the team.
    pub alignment: f64,
}

impl Need {
    pub fn now(level: &Level, st: &State, week: u32) -> Need {
        let due: f64 = st
            .items
            .iter()
            .filter(|i| i.finished.is_none() && i.due <= week + 1)
            .map(Item::remaining)
            .sum();
        let milestone = crate::remaining_where(&st.items, |i| i.hands_off_in(week));
        Need {
            load: due / (2.0 * typical_demand(level)),
            handoffs: milestone / (2.0 * typical_demand(level)),
            alignment: st.org.mean(|p| p.alignment),
        }
    }

    /// How knotted the work between teams is this week: a little always, much more
    /// around a milestone's hand-offs.
    pub fn knots(&self) -> f64 {
        (KNOTS_BETWEEN + KNOTS_PER_HANDOFF * self.handoffs).min(KNOTS_MAX)
    }
}

/// What the player's hours do this week, each 0..1 with diminishing returns.
#[derive(Clone, Copy, Debug, Default)]
pub struct Signals {
    pub vision: f64,
    pub priorities: f64,
    pub culture: f64,
    pub one_to_one: f64,
    pub develop: f64,
    pub complexity: f64,
    pub plan: f64,
    pub assign: f64,
    pub follow: f64,
    pub review: f64,
    pub process: f64,
    pub own: f64,
    pub own_hours: f64,
}

impl Signals {
    pub fn from_plan(
        plan: &Plan,
        direct_reports: usize,
        teams: usize,
        need: Need,
        craft: f64,
    ) -> Signals {
        let k_p = (K_PER_REPORT * direct_reports.max(1) as f64).max(2.0);
        let k_m = K_MESSAGE * (1.0 + 0.6 * libm::log(teams.max(1) as f64));
        // The moment sets how many hours a job takes: a heavy fortnight needs more planning,
        // assigning, following up and reviewing; a team that has lost the goals needs more
        // telling than one that holds them.
        let k_work = need.load.clamp(0.3, 3.0);
        let k_told = (0.3 + 1.4 * (1.0 - need.alignment)).clamp(0.3, 1.7);
        let k_craft = knows_the_work(craft);
        let h = |a: Activity| plan.get(a);
        Signals {
            vision: sat(h(Activity::ShareVision), k_m * k_told),
            priorities: sat(h(Activity::SetPriorities), k_m * k_told),
            culture: sat(h(Activity::ShapeCulture), k_m),
            one_to_one: sat(h(Activity::BuildTrust), k_p),
            develop: sat(h(Activity::DevelopPeople), k_p),
            // Hand-offs and cross-team knots come with the work: an hour of untangling in a
            // quiet week has nothing to untangle.
            complexity: sat(h(Activity::ResolveComplexity), k_m * need.knots()),
            plan: sat(h(Activity::PlanWork), K_BUILD * k_work * k_craft),
            assign: sat(h(Activity::Delegate), k_p * k_work),
            follow: sat(h(Activity::FollowUp), k_p * k_work),
            // Reading a piece of work takes less time than talking it through with its owner.
            review: sat(
                h(Activity::ReviewQuality),
                (0.5 * K_PER_REPORT * direct_reports.max(1) as f64).max(1.5) * k_work * k_craft,
            ),
            process: sat(h(Activity::FixProcesses), K_BUILD),
            own: sat(h(Activity::DoTheWork), 8.0),
            own_hours: h(Activity::DoTheWork),
        }
    }

    /// The vision as the player's direct reports hear it.
    pub fn vision_given(&self) -> f64 {
        0.6 * self.vision + 0.4 * self.priorities
    }

    /// Clarity of tasks the player hands to direct reports: plans, owners, follow-up.
    pub fn structure_given(&self) -> f64 {
        0.4 * self.plan + 0.35 * self.assign + 0.25 * self.follow
    }

    /// Close control: following up, reviewing, and taking tasks over.
    pub fn control_given(&self) -> f64 {
        (0.6 * self.follow + 0.4 * self.review + 0.5 * self.own).min(1.0)
    }
}

/// What the player's hours make of the week, read before anyone works.
pub(super) struct Hours {
    /// The deliverables broken down this week.
    pub kicked_off: Vec<KickOff>,
    pub sg: Signals,
    /// How knotted the work between teams is (see `Need::knots`).
    pub knots: f64,
    /// Share of the work stuck between teams.
    pub blocked: f64,
    /// Share of the work held up waiting for the player's decisions.
    pub waiting: f64,
    /// Person-weeks of requests from above negotiated away, and the part due this week.
    pub requests_cut: f64,
    pub cut_now: f64,
    /// Two draws per seat: the week's luck at work and the chance to leave.
    pub draws: Vec<(f64, f64)>,
}

/// Reads the plan's hours: deliverables broken down, requests negotiated, the signals the
/// rest of the hours send, and the knots and decisions that hold work up.
pub(super) fn read_hours(st: &mut State, level: &Level, plan: &Plan, week: u32) -> Hours {
    // Breaking down what lands takes its hours first; the rest of them make the week.
    let (kicked_off, plan_left) = kick_off(st, level, plan, week);
    let plan = &plan_left;
    let need = Need::now(level, st, week);
    let mut sg = Signals::from_plan(
        plan,
        st.org.direct_reports(),
        st.org.teams(),
        need,
        level.player_skill,
    );
    let (requests_cut, cut_now) = negotiate_requests(st, level, plan, week);
    // A boss who pitches in once is helping; one who does it every week has taken over:
    // the team feels the habit, not the hour.
    st.hands_on = HANDS_ON_MEMORY * st.hands_on + sg.own_hours;
    sg.own = sat((st.hands_on - HANDS_ON_WELCOME).max(0.0), 8.0);
    // Coordination needs spike around milestones: the share of work stuck between teams
    // grows with the work due now.
    let knots = need.knots();
    let blocked = (level.complexity * knots * (1.0 - 0.85 * sg.complexity)).min(0.85);
    let waiting = decisions_waiting(st, plan, knots);
    // Two draws per seat, every week, present or not: the same seed gives the same
    // luck to every plan, which keeps comparisons between plans fair.
    let draws: Vec<(f64, f64)> = st
        .org
        .seats
        .iter()
        .map(|_| (st.rng.random::<f64>(), st.rng.random::<f64>()))
        .collect();
    Hours {
        kicked_off,
        sg,
        knots,
        blocked,
        waiting,
        requests_cut,
        cut_now,
        draws,
    }
}

/// Requests from above the player negotiates away in the week after they land: setting
/// priorities is also saying what the teams will not do. Returns the person-weeks cut,
/// and the part of them due this week.
fn negotiate_requests(st: &mut State, level: &Level, plan: &Plan, week: u32) -> (f64, f64) {
    let asked: f64 = st
        .items
        .iter()
        .filter(|i| i.negotiable(week))
        .map(Item::remaining)
        .sum();
    let (mut requests_cut, mut cut_now) = (0.0, 0.0);
    if asked > 1e-9 {
        // Agreeing scope is a negotiation, not a message: hours, whatever the size, more
        // for a request bigger than a week's work. A boss who trusts the player's
        // judgement agrees sooner.
        let k = K_BUILD * (asked / typical_demand(level)).max(1.0) / (0.4 + st.confidence);
        let share = sat(plan.get(Activity::SetPriorities), k);
        for item in st.items.iter_mut().filter(|i| i.negotiable(week)) {
            let cut = item.remaining() * share;
            item.effort -= cut;
            requests_cut += cut;
            if item.due <= week {
                cut_now += cut;
            }
        }
    }
    (requests_cut, cut_now)
}

/// Decisions only the player can take (sign-offs, trade-offs between teams, who gets
/// what) come with every team below and with each milestone; the player's planning
/// and follow-up take them. Work waiting for them is held up at every depth: the
/// details a forest-only boss neglects. Returns the share of the work held up.
fn decisions_waiting(st: &State, plan: &Plan, knots: f64) -> f64 {
    let k_decide = K_DECIDE * (1.0 + 0.6 * libm::log(st.org.teams().max(1) as f64)) * knots;
    let decided = sat(
        plan.get(Activity::PlanWork) + plan.get(Activity::FollowUp),
        k_decide,
    );
    DECISIONS_HELD * (1.0 - decided)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{play, small_level};
    use super::*;
    use crate::level::Level;
    use crate::{Decision, Sim};
    use std::sync::Arc;

    /// A level where a request from above of 1.5 person-weeks lands in week 1.
    fn asked_level() -> Arc<Level> {
        small_level(
            r#"events: [(id: "ask", title: "Ask", text: "", when: Week(1), effects: [Request(1.5)])],"#,
        )
    }

    /// Person-weeks of the request cut in each week, playing the plans in turn.
    fn cuts(plans: &[Plan]) -> Vec<f64> {
        let mut sim = Sim::new(asked_level(), 5);
        for plan in plans {
            sim.step(&Decision {
                plan: *plan,
                ..Decision::default()
            })
            .expect("plan fits");
        }
        sim.state.history.iter().map(|w| w.requests_cut).collect()
    }

    #[test]
    fn a_request_from_above_is_talked_down_the_week_after_it_lands_not_later() {
        let mut talk = Plan::from_share(0.5, 34.0);
        talk.set(Activity::SetPriorities, 8.0);
        let mut silent = talk;
        silent.set(Activity::SetPriorities, 0.0);
        // Week 1: nobody knew it was coming. Week 2: the talk cuts the scope.
        let talked = cuts(&[talk, talk]);
        assert_eq!(talked[0], 0.0);
        assert!(talked[1] > 0.5, "{talked:?}");
        // Silent in week 2, the scope is set: talking in week 3 cuts nothing.
        assert_eq!(cuts(&[talk, silent, talk]), vec![0.0, 0.0, 0.0]);
    }

    #[test]
    fn the_scope_talked_away_is_the_work_the_request_loses() {
        let level = asked_level();
        let mut talk = Plan::from_share(0.5, 34.0);
        talk.set(Activity::SetPriorities, 8.0);
        let mut sim = play(&level, talk, 1);
        let effort = |st: &State| st.items.iter().map(|i| i.effort).sum::<f64>();
        let before = effort(&sim.state);
        let hours = read_hours(&mut sim.state, &level, &talk, 2);
        assert!(hours.requests_cut > 0.5, "{}", hours.requests_cut);
        assert!((before - effort(&sim.state) - hours.requests_cut).abs() < 1e-9);
        // Due the week after next: nothing of it was due this week.
        assert_eq!(hours.cut_now, 0.0);
    }

    #[test]
    fn a_week_with_no_hours_sends_no_signal_and_leaves_the_decisions_waiting() {
        let level = small_level("");
        let mut sim = Sim::new(level.clone(), 5);
        let items = sim.state.items.clone();
        let hours = read_hours(&mut sim.state, &level, &Plan::default(), 1);
        let sg = hours.sg;
        let said = [
            sg.vision,
            sg.priorities,
            sg.culture,
            sg.one_to_one,
            sg.develop,
            sg.complexity,
            sg.plan,
            sg.assign,
            sg.follow,
            sg.review,
            sg.process,
            sg.own,
        ];
        assert!(said.iter().all(|s| *s == 0.0), "{sg:?}");
        assert_eq!(hours.waiting, DECISIONS_HELD);
        assert_eq!(hours.requests_cut, 0.0);
        assert_eq!(sim.state.items, items);
        // Every seat draws its luck, whatever the plan.
        assert_eq!(hours.draws.len(), sim.state.org.seats.len());
    }

    #[test]
    fn work_waits_for_the_decisions_a_forest_only_boss_does_not_take() {
        let level = small_level("");
        let waiting = |plan: Plan| -> f64 {
            play(&level, plan, 4).state.history[3]
                .delivery_causes
                .iter()
                .find(|c| c.label.contains("waiting for your decisions"))
                .map_or(0.0, |c| c.amount)
        };
        let forest = waiting(Plan::from_share(1.0, 40.0));
        let mut decided = Plan::from_share(1.0, 34.0);
        decided.set(Activity::PlanWork, 3.0);
        decided.set(Activity::FollowUp, 3.0);
        let some = waiting(decided);
        assert!(forest < -0.01, "all-forest holds work up: {forest}");
        assert!(
            some > 0.5 * forest,
            "six hours take most decisions: {some} vs {forest}"
        );
    }
}
