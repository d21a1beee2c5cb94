//! Breaking down a deliverable in the week it lands, or paying for it in false starts.

use super::{knows_the_work, typical_demand};
use crate::State;
use crate::activity::{Activity, Plan};
use crate::level::Level;
use crate::org::Org;
use crate::report::KickOff;

/// False starts (pieces that do not fit, work done twice) on a deliverable nobody breaks
/// down in the week it lands, as a share of its effort, for a team with no autonomy; how
/// steeply autonomy lowers it; and how fast the hours breaking it down grow with the log
/// of the number of teams it crosses.
const KICKOFF_WASTE: f64 = 1.0;
const KICKOFF_READINESS: f64 = 1.5;
const KICKOFF_PER_TEAM: f64 = 1.5;
/// Hours that break down a deliverable of two typical weeks' work for one team with no
/// autonomy.
const K_BREAKDOWN: f64 = 8.0;

/// Breaks down the deliverables that land this week with the week's planning, priorities
/// and assigning. It is a job of hours: the hours it takes come out of those activities,
/// and what is left of them makes the week's structure. Whatever is not broken down gets
/// false starts: effort that moves no goal. The job grows with the work landing and with
/// the teams it crosses, so hours a week late, or every week in case, are wasted.
/// Returns the kick-offs and the plan left for the week.
pub(super) fn kick_off(
    st: &mut State,
    level: &Level,
    plan: &Plan,
    week: u32,
) -> (Vec<KickOff>, Plan) {
    let landing = crate::remaining_where(&st.items, |i| i.kicks_off_in(week));
    if landing <= 1e-9 {
        return (Vec::new(), *plan);
    }
    let job = breakdown_job(st, level, landing);
    let hours: f64 = BREAKING_DOWN.iter().map(|a| plan.get(*a)).sum();
    let used = hours.min(job);
    let planned = if job > 1e-9 { used / job } else { 1.0 };
    let mut left = *plan;
    if hours > 1e-9 {
        for a in BREAKING_DOWN {
            left.set(a, plan.get(a) * (1.0 - used / hours));
        }
    }
    let waste = false_start_share(&st.org) * (1.0 - planned);
    let kicked_off = st
        .items
        .iter_mut()
        .filter(|i| i.kicks_off_in(week))
        .map(|item| {
            let extra = waste * item.remaining();
            item.effort += extra;
            item.false_starts += extra;
            KickOff {
                title: item.title.clone(),
                planned,
                false_starts: extra,
                hours: used * item.remaining() / landing,
            }
        })
        .collect();
    (kicked_off, left)
}

/// Hours of planning, priorities and assigning that break down everything landing in
/// `week`: more for more work, and for more teams to agree their parts and interfaces;
/// less for a ready team, which breaks much of its work down itself (the share it would
/// otherwise lose to false starts).
pub fn kick_off_hours(st: &State, level: &Level, week: u32) -> f64 {
    let landing = crate::remaining_where(&st.items, |i| i.kicks_off_in(week));
    if landing <= 1e-9 {
        return 0.0;
    }
    breakdown_job(st, level, landing)
}

/// The hours that break down `landing` person-weeks of new deliverables.
fn breakdown_job(st: &State, level: &Level, landing: f64) -> f64 {
    let teams = st.org.teams().max(1) as f64;
    K_BREAKDOWN
        * (landing / typical_demand(level)).max(0.5)
        * (1.0 + KICKOFF_PER_TEAM * libm::log(teams))
        * false_start_share(&st.org)
        * knows_the_work(level.player_skill)
}

/// The activities whose hours break a deliverable down in the week it lands.
pub const BREAKING_DOWN: [Activity; 3] = [
    Activity::PlanWork,
    Activity::Delegate,
    Activity::SetPriorities,
];

/// The share of a deliverable's effort added as false starts if nobody breaks it down:
/// people who own their work break much of it down themselves, so it falls steeply with
/// their autonomy.
pub fn false_start_share(org: &Org) -> f64 {
    KICKOFF_WASTE * libm::pow(1.0 - org.mean(|p| p.autonomy), KICKOFF_READINESS)
}

#[cfg(test)]
mod tests {
    use super::super::testing::play_weeks;
    use super::*;
    use crate::Sim;
    use std::sync::Arc;

    /// A frontline level of three people whose deliverable of 3 person-weeks lands in
    /// week 3, due in week 6.
    fn kickoff_level() -> Arc<Level> {
        kickoff_team(0.3)
    }

    fn kickoff_team(autonomy: f64) -> Arc<Level> {
        let person = |name: &str| {
            format!(
                "(name: \"{name}\", skill: 0.6, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: {autonomy})"
            )
        };
        let src = format!(
            r#"(id: "kick", title: "Kick", briefing: "", role: Frontline, weeks: 6, budget: 40.0,
            team: People([{}, {}, {}]),
            goals: [(id: "g", title: "G", target: 8.0)],
            work: [Stream(title: "w", goal: "g", effort: 0.8, from: 1, to: 6),
                   Item(title: "Module", goal: "g", effort: 3.0, due: 6, from: 3)])"#,
            person("A"),
            person("B"),
            person("C")
        );
        Arc::new(Level::parse(&src, "kick.ron").expect("kick-off level parses"))
    }

    #[test]
    fn a_deliverable_is_broken_down_the_week_it_lands_or_costs_false_starts_at_its_date() {
        let level = kickoff_level();
        let mut plan = Plan::from_share(0.4, 30.0);
        plan.set(Activity::PlanWork, plan.get(Activity::PlanWork) + 10.0);
        let mut blind = plan;
        blind.set(Activity::PlanWork, 0.0);
        blind.set(Activity::Delegate, 0.0);
        let false_starts = |sim: &Sim| {
            let item = sim.state.items.iter().find(|i| i.title == "Module");
            item.expect("the deliverable is on the list").false_starts
        };
        // Planning in the week it lands against planning every week but that one.
        let in_its_week = play_weeks(&level, &[blind, blind, plan, blind, blind, blind]);
        let every_other = play_weeks(&level, &[plan, plan, blind, plan, plan, plan]);
        let (kept, wasted) = (false_starts(&in_its_week), false_starts(&every_other));
        assert!(
            wasted > 3.0 * kept && wasted > 1.0,
            "{kept} against {wasted}"
        );
        // The week it landed says so, and no other week does.
        let landed: Vec<usize> = every_other
            .state
            .history
            .iter()
            .map(|w| w.kicked_off.len())
            .collect();
        assert_eq!(landed, vec![0, 0, 1, 0, 0, 0]);
        // Where it is due, the false starts are named among the causes of the date.
        let named = |sim: &Sim| {
            sim.state.history[5]
                .delivery_causes
                .iter()
                .find(|c| c.label.starts_with("On time: false starts"))
                .map_or(0.0, |c| c.amount)
        };
        assert!(
            named(&every_other) < named(&in_its_week),
            "{} {}",
            named(&every_other),
            named(&in_its_week)
        );
        // People who own their work break much of it down themselves.
        let ready = play_weeks(&kickoff_team(0.8), &[plan, plan, blind, plan, plan, plan]);
        assert!(
            false_starts(&ready) < 0.3 * wasted,
            "{} against {wasted}",
            false_starts(&ready)
        );
    }

    #[test]
    fn breaking_down_takes_its_hours_from_the_plan_and_no_more() {
        let level = kickoff_level();
        let mut plan = Plan::from_share(0.4, 30.0);
        plan.set(Activity::PlanWork, plan.get(Activity::PlanWork) + 10.0);
        let mut sim = play_weeks(&level, &[plan, plan]);
        // Week 3: the module lands, and the plan has hours enough to break it down whole:
        // the hours it took and the plan left make the plan, and nothing starts falsely.
        let (kicked, left) = kick_off(&mut sim.state, &level, &plan, 3);
        assert_eq!(kicked.len(), 1);
        let used: f64 = kicked.iter().map(|k| k.hours).sum();
        assert!(used > 0.5, "{used}");
        assert!((left.total() + used - plan.total()).abs() < 1e-9);
        assert!(kicked[0].planned == 1.0 && kicked[0].false_starts == 0.0);
        // Week 4: nothing lands, and the whole plan makes the week.
        let before = sim.state.clone();
        let (kicked, left) = kick_off(&mut sim.state, &level, &plan, 4);
        assert!(kicked.is_empty());
        assert_eq!(left, plan);
        assert_eq!(sim.state, before);
    }
}
