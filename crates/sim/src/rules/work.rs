//! Phases 4 and 6 of a week: the team's capacity and what it loses, then the work done
//! with it and what that moves of the goals.

use super::flow::Flow;
use super::goals_done;
use super::signals::Hours;
use crate::level::Level;
use crate::org::Org;
use crate::report::{Cause, CauseBook};
use crate::{Item, State};

/// Person-weeks of output from 40 h of the player's own work at skill 1.
const OWN_OUTPUT: f64 = 1.5;
/// Person-weeks the team later spends learning and maintaining what the player built
/// alone, per person-week the player built: the expert's shortcut "costs later".
pub const HANDOVER_DEBT: f64 = 0.8;
/// How much faster the expert clears late work than new work: they know where it broke,
/// and a fix leaves no module for the team to take over.
pub const EXPERT_FIX: f64 = 3.0;
/// Productive capacity of a seat that leads others (they mostly lead).
pub const LEAD_CAPACITY: f64 = 0.25;

/// What the team and the player made this week, and what each loss took on the way, in
/// person-weeks; taken in a fixed order so each loss is named exactly.
pub(super) struct Production {
    /// Work due this week, work left late from earlier weeks, and the two together.
    pub demand_new: f64,
    pub overdue: f64,
    pub demand: f64,
    /// The part of this week's due work that is false starts, in proportion.
    pub false_due: f64,
    /// Capacity of the people present before any loss.
    pub pot: f64,
    /// Half the capacity of the empty seats: what the team misses for them.
    pub empty: f64,
    pub l_morale: f64,
    pub l_stress: f64,
    pub l_fatigue: f64,
    pub l_unclear: f64,
    pub l_blocked: f64,
    pub l_waiting: f64,
    pub l_rework: f64,
    pub l_handover: f64,
    /// The player's own output, the part of it on incidents, and the extra output that
    /// choices promised for this week.
    pub own: f64,
    pub fire: f64,
    pub overtime: f64,
    /// All of the week's output.
    pub output: f64,
    /// Means over the team weighted by each person's output.
    pub clarity_w: f64,
    pub stress_w: f64,
    pub skill_w: f64,
    pub catch_w: f64,
    pub fatigue_w: f64,
    /// The share of the output aligned with the goals.
    pub aligned_share: f64,
}

/// The team's capacity, its losses in order, and sums weighted by what each person made.
#[derive(Default)]
struct TeamWork {
    pot: f64,
    empty: f64,
    l_morale: f64,
    l_stress: f64,
    l_fatigue: f64,
    l_unclear: f64,
    l_blocked: f64,
    l_waiting: f64,
    w_clarity: f64,
    w_stress: f64,
    w_skill: f64,
    w_catch: f64,
    w_align: f64,
    w_fatigue: f64,
}

impl TeamWork {
    /// What the people present make, each loss taken in turn from their capacity.
    fn of(org: &Org, flow: &[Flow], hours: &Hours, noise: f64) -> TeamWork {
        let mut t = TeamWork::default();
        for (s, seat) in org.seats.iter().enumerate() {
            let cap = if seat.leads { LEAD_CAPACITY } else { 1.0 };
            let Some(p) = &seat.person else {
                t.empty += 0.5 * cap;
                continue;
            };
            let f = &flow[s];
            let c0 = p.skill * cap * (1.0 + noise * (2.0 * hours.draws[s].0 - 1.0));
            let c1 = c0 * (0.6 + 0.4 * p.morale);
            let c2s = c1 * (1.0 - 0.5 * (p.stress - 0.5).max(0.0));
            let c2 = c2s * (1.0 - 0.8 * p.fatigue);
            let c3 = c2 * (0.5 + 0.5 * f.clarity);
            let c4b = c3 * (1.0 - hours.blocked);
            let c4 = c4b * (1.0 - hours.waiting);
            t.pot += c0;
            t.l_morale += c0 - c1;
            t.l_stress += c1 - c2s;
            t.l_fatigue += c2s - c2;
            t.l_unclear += c2 - c3;
            t.l_blocked += c3 - c4b;
            t.l_waiting += c4b - c4;
            t.w_clarity += c4 * f.clarity;
            t.w_stress += c4 * p.stress;
            t.w_skill += c4 * p.skill;
            t.w_catch += c4 * f.catch;
            t.w_align += c4 * p.alignment;
            t.w_fatigue += c4 * p.fatigue;
        }
        t
    }
}

/// The week's production: the team's capacity less its losses, rework and hand-over
/// waiting, the player's own work and any promised extra output.
pub(super) fn produce(
    st: &mut State,
    level: &Level,
    hours: &Hours,
    flow: &[Flow],
    week: u32,
) -> Production {
    let demand_new = crate::remaining_where(&st.items, |i| i.due == week);
    let overdue = crate::remaining_where(&st.items, |i| i.due < week);
    let demand = demand_new + overdue;
    let false_due: f64 = st
        .items
        .iter()
        .filter(|i| i.due == week)
        .map(|i| i.remaining() * (1.0 - i.useful_share()))
        .sum();
    let t = TeamWork::of(&st.org, flow, hours, level.difficulty.noise());
    let team_out =
        t.pot - t.l_morale - t.l_stress - t.l_fatigue - t.l_unclear - t.l_blocked - t.l_waiting;
    let l_rework = st.rework.min(0.5 * team_out);
    st.rework -= l_rework;
    let l_handover = st.handover.min(0.3 * (team_out - l_rework));
    st.handover -= l_handover;
    // The player's own hours go to incidents first, where the expert is fastest.
    let own_new = OWN_OUTPUT * level.player_skill * hours.sg.own_hours / 40.0;
    let fires = crate::remaining_where(&st.items, |i| i.on_fire(week));
    let fire = (own_new * EXPERT_FIX).min(fires);
    let own_new = own_new - fire / EXPERT_FIX;
    let own = fire + own_new;
    let overtime = std::mem::take(&mut st.overtime);
    let output = team_out - l_rework - l_handover + own + overtime;
    st.handover += own_new * HANDOVER_DEBT;
    let avg = |x: f64| if team_out > 0.0 { x / team_out } else { 0.0 };
    // The player knows the vision: their own output is fully aligned.
    let aligned_share = if output > 0.0 {
        ((t.w_align / team_out.max(1e-9)) * (team_out - l_rework - l_handover + overtime) + own)
            / output
    } else {
        0.0
    };
    Production {
        demand_new,
        overdue,
        demand,
        false_due,
        pot: t.pot,
        empty: t.empty,
        l_morale: t.l_morale,
        l_stress: t.l_stress,
        l_fatigue: t.l_fatigue,
        l_unclear: t.l_unclear,
        l_blocked: t.l_blocked,
        l_waiting: t.l_waiting,
        l_rework,
        l_handover,
        own,
        fire,
        overtime,
        output,
        clarity_w: avg(t.w_clarity),
        stress_w: avg(t.w_stress),
        skill_w: avg(t.w_skill),
        catch_w: avg(t.w_catch),
        fatigue_w: avg(t.w_fatigue),
        aligned_share,
    }
}

#[derive(Default)]
pub(super) struct WorkDone {
    /// Effort on items due by this week.
    pub due_now: f64,
    /// Effort on items due later, and the part of it that was planned effort.
    pub later: f64,
    pub later_focused: f64,
    pub on_time_items: u32,
    pub late_items: u32,
    /// Effort on the goals' own work (not requests from above), and the part of it that
    /// went to false starts.
    on_goals: f64,
    on_false_starts: f64,
}

/// The week's output spent on the work, and what it moved of the goals.
pub(super) struct Delivered {
    pub done: WorkDone,
    /// Effort left when nothing was left to deliver: it went to the goals directly.
    pub spare: f64,
    pub goal_causes: Vec<Cause>,
}

/// Spends the week's output: incidents first, then planned effort on the most urgent
/// work, the rest on whatever is open, the least urgent first. Faulty work (`escaped`,
/// the share of defects let out) moves no goal.
pub(super) fn deliver(
    st: &mut State,
    level: &Level,
    hours: &Hours,
    made: &Production,
    escaped: f64,
    week: u32,
) -> Delivered {
    // Planned work is done in due order; the rest of the effort lands on whatever is
    // open, the least urgent first: details slip when nobody plans the week.
    // The player's plan orders the whole organisation's work, at every depth.
    let focus = 0.2 + 0.4 * made.clarity_w + 0.4 * hours.sg.plan;
    let out = made.output.max(0.0);
    let fire = made.fire.min(out);
    let focused = (out - fire) * focus;
    // Escaped defects do not move goals: a broken feature achieves nothing.
    let credit = made.aligned_share * (1.0 - escaped);
    let goals_before = goals_done(level, &st.goal_progress).0;
    let mut done = WorkDone::default();
    for (amount, pick) in [
        (fire, Pick::Fires),
        (focused, Pick::MostUrgent),
        ((out - fire - focused).max(0.0), Pick::LeastUrgent),
    ] {
        apply_work(
            &mut st.items,
            &mut st.goal_progress,
            amount,
            pick,
            week,
            credit,
            &mut done,
        );
    }
    let spare = out - done.due_now - done.later;
    if spare > 0.0 {
        // Nothing left to deliver: spare effort improves the goals directly.
        let n = st.goal_progress.len() as f64;
        st.goal_progress
            .iter_mut()
            .for_each(|g| *g += spare * credit / n);
        done.on_goals += spare;
    }
    st.produced += out;
    let (goals_after, goal_target) = goals_done(level, &st.goal_progress);
    let goal_causes = goal_causes(
        &done,
        made.aligned_share,
        escaped,
        goals_after - goals_before,
        goal_target,
    );
    Delivered {
        done,
        spare,
        goal_causes,
    }
}

/// What moved the goals this week, in shares of all the goals' targets: the work done on
/// them, less what moves no goal (work not aligned with them, faulty work, false starts)
/// and what went past a goal already reached. Sums to the week's change of goal progress.
fn goal_causes(done: &WorkDone, aligned: f64, escaped: f64, moved: f64, target: f64) -> Vec<Cause> {
    if target <= 0.0 {
        return Vec::new();
    }
    let mut book = CauseBook::default();
    let credit = aligned * (1.0 - escaped);
    let terms = [
        ("Work done on the goals", done.on_goals),
        (
            "Work not aligned with the goals",
            -done.on_goals * (1.0 - aligned),
        ),
        (
            "Faulty work moves no goal",
            -done.on_goals * aligned * escaped,
        ),
        ("False starts move no goal", -done.on_false_starts * credit),
    ];
    let credited: f64 = terms.iter().map(|t| t.1).sum();
    for (label, amount) in terms {
        book.add(label, amount / target);
    }
    // A goal's progress counts up to its target; effort past it moves nothing.
    book.add(
        "Past a goal already reached",
        moved / target - credited / target,
    );
    book.into_vec()
}

/// Which open items effort goes to, and in what order.
#[derive(Clone, Copy, PartialEq)]
enum Pick {
    /// Incidents that had to be handled the week they came, in due order.
    Fires,
    /// Everything, most urgent first: planned effort.
    MostUrgent,
    /// Everything, least urgent first: effort nobody pointed anywhere.
    LeastUrgent,
}

/// Spends `amount` on open items in the order `pick` gives.
fn apply_work(
    items: &mut [Item],
    goals: &mut [f64],
    mut amount: f64,
    pick: Pick,
    week: u32,
    credit: f64,
    done: &mut WorkDone,
) {
    let mut spend = |item: &mut Item, amount: &mut f64| {
        let used = amount.min(item.remaining());
        if used <= 0.0 {
            return;
        }
        item.done += used;
        *amount -= used;
        if !item.request {
            goals[item.goal] += used * credit * item.useful_share();
            done.on_goals += used;
            done.on_false_starts += used * (1.0 - item.useful_share());
        }
        if item.due <= week {
            done.due_now += used;
        } else {
            done.later += used;
            if pick != Pick::LeastUrgent {
                done.later_focused += used;
            }
        }
        if item.remaining() <= 1e-9 {
            item.finished = Some(week);
            if week <= item.due {
                done.on_time_items += 1
            } else {
                done.late_items += 1
            }
        }
    };
    let open = |i: &&mut Item| i.open_in(week) && (pick != Pick::Fires || i.urgent);
    if pick == Pick::LeastUrgent {
        items
            .iter_mut()
            .rev()
            .filter(open)
            .for_each(|i| spend(i, &mut amount));
    } else {
        items
            .iter_mut()
            .filter(open)
            .for_each(|i| spend(i, &mut amount));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{
        outputs, play, small_level, small_level_making, through_flow, total, with_event,
    };
    use super::*;
    use crate::Sim;
    use crate::activity::{Activity, Plan};

    #[test]
    fn the_team_makes_its_capacity_less_each_named_loss() {
        let level = small_level_making("", 2.6);
        let plan = Plan::from_share(0.9, 40.0);
        let mut sim = play(&level, plan, 3);
        let (week, hours, flow) = through_flow(&mut sim, &plan);
        let m = produce(&mut sim.state, &level, &hours, &flow, week);
        let losses = [
            m.l_morale,
            m.l_stress,
            m.l_fatigue,
            m.l_unclear,
            m.l_blocked,
            m.l_waiting,
            m.l_rework,
            m.l_handover,
        ];
        assert!(losses.iter().all(|l| *l >= 0.0), "{losses:?}");
        let named = m.pot - losses.iter().sum::<f64>() + m.own + m.overtime;
        assert!((named - m.output).abs() < 1e-9, "{named} vs {}", m.output);
        // Nobody is hands-on and nothing was promised: the team alone makes the week.
        assert_eq!((m.own, m.overtime), (0.0, 0.0));
    }

    #[test]
    fn delivering_spends_the_output_and_the_goal_causes_sum_to_the_goals_moved() {
        let level = small_level("");
        let plan = Plan::from_share(0.4, 40.0);
        let mut sim = play(&level, plan, 2);
        let (week, hours, flow) = through_flow(&mut sim, &plan);
        let made = produce(&mut sim.state, &level, &hours, &flow, week);
        let worked = |st: &State| st.items.iter().map(|i| i.done).sum::<f64>();
        let (before, goals_before) = (worked(&sim.state), sim.state.goal_progress[0]);
        let d = deliver(&mut sim.state, &level, &hours, &made, 0.1, week);
        let spent = worked(&sim.state) - before + d.spare.max(0.0);
        assert!(
            (spent - made.output).abs() < 1e-9,
            "{spent} vs {}",
            made.output
        );
        let moved = (sim.state.goal_progress[0].min(10.0) - goals_before.min(10.0)) / 10.0;
        assert!(moved > 0.0);
        assert!((total(&d.goal_causes) - moved).abs() < 1e-9);
    }

    #[test]
    fn nothing_made_delivers_nothing() {
        let level = small_level("");
        let mut sim = Sim::new(level.clone(), 5);
        let (week, hours, flow) = through_flow(&mut sim, &Plan::default());
        let mut made = produce(&mut sim.state, &level, &hours, &flow, week);
        made.output = 0.0;
        made.fire = 0.0;
        let before = sim.state.clone();
        let d = deliver(&mut sim.state, &level, &hours, &made, 0.0, week);
        assert_eq!(sim.state, before);
        assert_eq!((d.done.on_time_items, d.done.late_items), (0, 0));
        assert!(d.goal_causes.iter().all(|c| c.amount == 0.0));
    }

    #[test]
    fn unplanned_weeks_let_work_slip() {
        let level = small_level("");
        let planned = play(&level, Plan::from_share(0.3, 40.0), 8);
        let mut unplanned_plan = Plan::from_share(0.3, 40.0);
        unplanned_plan.set(Activity::PlanWork, 0.0);
        let unplanned = play(&level, unplanned_plan, 8);
        assert!(unplanned.metrics().on_time < planned.metrics().on_time);
    }

    #[test]
    fn overtime_pays_in_its_week_and_costs_more_in_the_weeks_after() {
        let (mut now, mut later) = (0.0, 0.0);
        for seed in 1..=10 {
            let base = outputs(&with_event("", seed));
            let over = outputs(&with_event("Overtime(1.0)", seed));
            now += over[1] - base[1];
            later += over[2..].iter().sum::<f64>() - base[2..].iter().sum::<f64>();
        }
        assert!(now > 5.0, "the overtime week gains {now:.2}");
        assert!(
            -later > now,
            "gained {now:.2} in week 2, lost {:.2} after",
            -later
        );
    }
}
