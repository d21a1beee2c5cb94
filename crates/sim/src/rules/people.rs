//! Phases 8 and 9 of a week: each person's morale, trust, alignment, stress, autonomy and
//! skill drift toward targets made of named causes; then some people leave and empty
//! seats are filled.

use super::books::PeopleBooks;
use super::flow::Flow;
use super::signals::{Hours, Signals};
use super::work::Production;
use crate::State;
use crate::level::Level;
use crate::org::Person;

/// Weekly drift rates toward targets: metrics move with lag.
const MORALE_RATE: f64 = 0.3;
/// Trust falls fast on a breach and rebuilds slowly.
const TRUST_FALL_RATE: f64 = 0.35;
const TRUST_RISE_RATE: f64 = 0.12;
/// Share of late work that stops weighing on people once the player has re-planned it with
/// the teams (planning, most of it) and said what waits (priorities, the rest).
const BACKLOG_RELIEF: f64 = 0.7;
/// Share of fatigue that fades in a week: tiredness outlasts the crunch that made it.
const FATIGUE_RECOVERY: f64 = 0.2;
/// Share of a remembered breach that fades in a week.
const GRIEVANCE_FADE: f64 = 0.06;
const ALIGN_RATE: f64 = 0.25;
const STRESS_RATE: f64 = 0.35;

/// Level toward which morale settles when nothing pushes it.
const MORALE_NEUTRAL: f64 = 0.55;

#[derive(Clone, Copy)]
enum MoraleTerm {
    Meaning,
    Culture,
    Trust,
    Clarity,
    Growth,
    Micromanagement,
    Stress,
    Fatigue,
    BossDoesTheWork,
}

/// The names of the morale causes, in the order of `Person::morale_pushes`.
pub const MORALE_LABELS: [&str; MORALE_TERM_COUNT] = {
    let mut out = [""; MORALE_TERM_COUNT];
    let mut i = 0;
    while i < MORALE_TERM_COUNT {
        out[i] = MORALE_TERMS[i].1;
        i += 1;
    }
    out
};

/// How many named causes push a person's morale.
pub const MORALE_TERM_COUNT: usize = 9;

const MORALE_TERMS: [(MoraleTerm, &str); MORALE_TERM_COUNT] = [
    (MoraleTerm::Meaning, "Meaning: work tied to the vision"),
    (MoraleTerm::Culture, "Culture and values"),
    (MoraleTerm::Trust, "Trust in leadership"),
    (MoraleTerm::Clarity, "Clear tasks"),
    (MoraleTerm::Growth, "Growth and development"),
    (MoraleTerm::Micromanagement, "Micromanagement"),
    (MoraleTerm::Stress, "Stress"),
    (MoraleTerm::Fatigue, "Fatigue: overtime not yet recovered"),
    (MoraleTerm::BossDoesTheWork, "Boss takes over the work"),
];

/// The morale target's pushes for one person, relative to the neutral level.
fn morale_terms(p: &Person, f: &Flow) -> [f64; MORALE_TERM_COUNT] {
    let mut t = [0.0; MORALE_TERM_COUNT];
    t[MoraleTerm::Meaning as usize] = 0.35 * (p.alignment - 0.4);
    t[MoraleTerm::Culture as usize] = 0.15 * (f.culture - 0.3);
    t[MoraleTerm::Trust as usize] = 0.2 * (p.trust - 0.5);
    t[MoraleTerm::Clarity as usize] = 0.2 * (f.clarity - 0.5);
    t[MoraleTerm::Growth as usize] = 0.1 * (f.develop - 0.2);
    t[MoraleTerm::Micromanagement as usize] = -0.5 * f.micro;
    t[MoraleTerm::Stress as usize] = -0.4 * (p.stress - 0.35).max(0.0);
    t[MoraleTerm::Fatigue as usize] = -0.3 * p.fatigue;
    t[MoraleTerm::BossDoesTheWork as usize] = -0.12 * f.own_direct;
    t
}

/// Where trust settles when nothing pushes it, where alignment fades to when no vision
/// reaches a person, and where stress settles in a calm week.
const TRUST_NEUTRAL: f64 = 0.5;
const ALIGNMENT_UNLED: f64 = 0.15;
const STRESS_CALM: f64 = 0.25;

/// The named causes of trust, alignment and stress, in the order of each target's terms.
pub(super) const TRUST_LABELS: [&str; 9] = [
    "One-to-ones",
    "Culture and values",
    "The vision they hear",
    "Clear directions",
    "Micromanagement",
    "Boss takes over the work",
    "Say-do gap: vision told while delivery slips",
    "Remembered breaches",
    "Decisions left waiting on you",
];
pub(super) const ALIGNMENT_LABELS: [&str; 1] = ["The vision they hear"];
/// The stress cause of work due beyond what the team can make.
pub const PRESSURE_CAUSE: &str = "Work due against what the team can make";
pub(super) const STRESS_LABELS: [&str; 5] = [
    PRESSURE_CAUSE,
    "Late work re-planned: what waits is agreed",
    "Unclear tasks",
    "Work blocked between teams",
    "Micromanagement",
];

/// What one person feels of the week beyond their own flow: the same for everyone.
struct Climate<'a> {
    sg: &'a Signals,
    /// Delivery (the mean of on-time and quality) at the week's start.
    delivery_start: f64,
    /// Work due against capacity, all of it and once re-planned late work is set aside.
    pressure_all: f64,
    pressure: f64,
    blocked: f64,
    waiting: f64,
}

/// Every person present drifts toward their targets; the drift is booked by cause.
pub(super) fn drift_people(
    st: &mut State,
    hours: &Hours,
    flow: &[Flow],
    made: &Production,
    delivery_start: f64,
    books: &mut PeopleBooks,
) {
    let pot = made.pot;
    let pressure_of = |due: f64| {
        if pot > 1e-9 {
            (due / pot - 1.0).clamp(0.0, 1.0)
        } else {
            1.0
        }
    };
    let sg = &hours.sg;
    // A growing pile of late work weighs on everyone, until someone re-plans it and says
    // what waits.
    let replanned = BACKLOG_RELIEF * (0.3 * sg.priorities + 0.7 * sg.plan);
    let climate = Climate {
        sg,
        delivery_start,
        pressure_all: pressure_of(made.demand),
        pressure: pressure_of(made.demand_new + made.overdue * (1.0 - replanned)),
        blocked: hours.blocked,
        waiting: hours.waiting,
    };
    for (s, seat) in st.org.seats.iter_mut().enumerate() {
        let Some(p) = seat.person.as_mut() else {
            continue;
        };
        let direct = seat.depth == 1;
        drift_person(p, &flow[s], direct, &climate, books);
    }
    books.book_drift();
}

/// One person's week, in an order that matters: morale and trust read the others as they
/// stood before the week, autonomy reads this week's trust.
fn drift_person(p: &mut Person, f: &Flow, direct: bool, c: &Climate, books: &mut PeopleBooks) {
    drift_morale(p, f, books);
    drift_trust(p, f, direct, c, books);
    p.grievance *= 1.0 - GRIEVANCE_FADE;
    // Long spells of high stress tire people too; rest takes weeks.
    p.fatigue =
        (p.fatigue * (1.0 - FATIGUE_RECOVERY) + 0.06 * (p.stress - 0.65).max(0.0)).clamp(0.0, 1.0);
    let align_terms = [(1.0 - ALIGNMENT_UNLED) * f.vision];
    let before = p.alignment;
    let align_target = ALIGNMENT_UNLED + align_terms[0];
    p.alignment = (p.alignment + ALIGN_RATE * (align_target - p.alignment)).clamp(0.0, 1.0);
    books
        .alignment
        .person(p.alignment - before, ALIGN_RATE, &align_terms);
    drift_stress(p, f, c, books);
    // Delegating grows ownership in those skilled enough to carry it.
    let owned = if direct { c.sg.assign * p.skill } else { 0.0 };
    p.autonomy = (p.autonomy
        + (0.05 * f.develop + 0.03 * owned) * (1.0 - p.autonomy)
        + 0.015 * (p.trust - 0.5)
        - 0.06 * f.micro
        - 0.03 * f.own_direct)
        .clamp(0.05, 0.95);
    // Learning by doing stops where the boss does the work.
    p.skill = (p.skill + (0.02 * f.develop + 0.006 * (1.0 - f.own_direct)) * (1.0 - p.skill))
        .clamp(0.0, 1.0);
    p.weeks_in_team += 1;
}

fn drift_morale(p: &mut Person, f: &Flow, books: &mut PeopleBooks) {
    let terms = morale_terms(p, f);
    let before = p.morale;
    let target: f64 = MORALE_NEUTRAL + terms.iter().sum::<f64>();
    p.morale = (p.morale + MORALE_RATE * (target - p.morale)).clamp(0.0, 1.0);
    // Clamping is rare; the book puts what it removes under settling, so the list sums.
    books.morale.person(p.morale - before, MORALE_RATE, &terms);
    for (push, t) in p.morale_pushes.iter_mut().zip(terms) {
        *push = MORALE_RATE * t;
    }
}

fn drift_trust(p: &mut Person, f: &Flow, direct: bool, c: &Climate, books: &mut PeopleBooks) {
    let one_to_one = if direct { c.sg.one_to_one } else { 0.0 };
    // Sound decisions count too: people trust a boss whose directions are clear.
    // A say–do gap: the vision told while the dates and the quality slip.
    let say_do = (f.vision - c.delivery_start).max(0.0);
    let trust_terms = [
        0.3 * (one_to_one - 0.3),
        0.15 * (f.culture - 0.3),
        0.15 * (f.vision - 0.3),
        0.1 * (f.clarity - 0.5),
        -0.3 * f.micro,
        -0.15 * f.own_direct,
        -0.5 * say_do,
        -p.grievance,
        -0.4 * c.waiting,
    ];
    let trust_target = TRUST_NEUTRAL + trust_terms.iter().sum::<f64>();
    let rate = if trust_target < p.trust {
        TRUST_FALL_RATE
    } else {
        TRUST_RISE_RATE
    };
    let before = p.trust;
    p.trust = (p.trust + rate * (trust_target - p.trust)).clamp(0.0, 1.0);
    books.trust.person(p.trust - before, rate, &trust_terms);
}

fn drift_stress(p: &mut Person, f: &Flow, c: &Climate, books: &mut PeopleBooks) {
    let stress_terms = [
        0.45 * c.pressure_all,
        -0.45 * (c.pressure_all - c.pressure),
        0.3 * (1.0 - f.clarity),
        0.25 * c.blocked,
        0.2 * f.micro,
    ];
    let stress_target = STRESS_CALM + stress_terms.iter().sum::<f64>();
    let before = p.stress;
    p.stress = (p.stress + STRESS_RATE * (stress_target - p.stress)).clamp(0.0, 1.0);
    books
        .stress
        .person(p.stress - before, STRESS_RATE, &stress_terms);
}

/// Low morale and high stress raise the chance to leave: each person present leaves if
/// their draw falls under it, and their name is added to `left`. Then the seats whose hire
/// week has come are filled. Returns the names of those who joined.
pub(super) fn leave_and_hire(
    st: &mut State,
    level: &Level,
    draws: &[(f64, f64)],
    week: u32,
    left: &mut Vec<String>,
) -> Vec<String> {
    for (s, draw) in draws.iter().enumerate() {
        let Some(p) = &st.org.seats[s].person else {
            continue;
        };
        if draw.1 < p.leave_chance()
            && let Some(name) = vacate(st, s, week, level.hire_delay)
        {
            left.push(name);
        }
    }
    let mut joined = Vec::new();
    for s in 0..st.org.seats.len() {
        if st.org.seats[s].person.is_none() && st.org.seats[s].hire_week.is_some_and(|h| h <= week)
        {
            let hire = st.org.new_hire(st.org.seats[s].leads);
            joined.push(hire.name.clone());
            st.org.seats[s].person = Some(hire);
            st.org.seats[s].hire_week = None;
        }
    }
    joined
}

/// Empties a seat: the person leaves, with their skill and context.
pub fn vacate(state: &mut State, seat: usize, week: u32, hire_delay: u32) -> Option<String> {
    let s = &mut state.org.seats[seat];
    let p = s.person.take()?;
    s.hire_week = Some(week + hire_delay.max(1));
    state.leavers += 1;
    Some(p.name)
}

#[cfg(test)]
mod tests {
    use super::super::books::PeopleMeans;
    use super::super::testing::{
        cause_over_run, play, small_level, small_level_making, through_flow, total, with_event,
    };
    use super::super::work::produce;
    use super::*;
    use crate::activity::{Activity, Plan};
    use crate::{Decision, Sim};

    #[test]
    fn each_metric_s_named_causes_sum_to_the_change_of_the_team_s_mean() {
        let level = small_level_making("", 2.6);
        let plan = Plan::from_share(0.7, 40.0);
        let mut sim = play(&level, plan, 3);
        let start = PeopleMeans::of(&sim.state.org);
        let before = sim.state.org.clone();
        let mut books = PeopleBooks::new(sim.state.org.headcount());
        let (week, hours, flow) = through_flow(&mut sim, &plan);
        let made = produce(&mut sim.state, &level, &hours, &flow, week);
        drift_people(&mut sim.state, &hours, &flow, &made, 0.7, &mut books);
        let org = &sim.state.org;
        let causes = books.finish(&start, &PeopleMeans::of(org));
        let means = [
            org.mean(|p| p.morale) - before.mean(|p| p.morale),
            org.mean(|p| p.trust) - before.mean(|p| p.trust),
            org.mean(|p| p.alignment) - before.mean(|p| p.alignment),
            org.mean(|p| p.stress) - before.mean(|p| p.stress),
        ];
        for (causes, change) in causes.iter().zip(means) {
            assert!(change.abs() > 1e-6, "the week moves people: {change}");
            assert!((total(causes) - change).abs() < 1e-12);
            // Nobody came or went: the drift alone explains the change.
            assert!(
                causes
                    .iter()
                    .all(|c| c.label != "People leaving and joining")
            );
        }
    }

    #[test]
    fn with_luck_on_everyone_s_side_nobody_leaves_and_a_seat_fills_in_its_hire_week() {
        let level = small_level("");
        let mut sim = Sim::new(level.clone(), 5);
        let draws = vec![(0.5, 1.0); sim.state.org.seats.len()];
        let mut left = Vec::new();
        let joined = leave_and_hire(&mut sim.state, &level, &draws, 1, &mut left);
        assert!(left.is_empty() && joined.is_empty());
        assert_eq!(sim.state.leavers, 0);
        // Someone worn out leaves on a low draw; their seat waits for its hire week.
        let worn = sim.state.org.seats[3]
            .person
            .as_mut()
            .expect("seat 3 is filled");
        worn.fatigue = 1.0;
        let mut draws = draws;
        draws[3].1 = 0.0;
        leave_and_hire(&mut sim.state, &level, &draws, 1, &mut left);
        assert_eq!(left.len(), 1);
        let calm = vec![(0.5, 1.0); draws.len()];
        let hire_week = 1 + level.hire_delay;
        let joined = leave_and_hire(&mut sim.state, &level, &calm, hire_week - 1, &mut left);
        assert!(joined.is_empty());
        let joined = leave_and_hire(&mut sim.state, &level, &calm, hire_week, &mut left);
        assert_eq!(joined.len(), 1);
        assert_eq!(sim.state.org.headcount(), 4);
    }

    #[test]
    fn leavers_are_replaced_after_the_hire_delay() {
        let level = small_level(
            r#"hire_delay: 2, events: [(id: "quit", title: "Quit", text: "", when: Week(1), effects: [KeyPersonLeaves])],"#,
        );
        let mut sim = Sim::new(level.clone(), 1);
        let d = Decision {
            plan: Plan::from_share(0.5, 40.0),
            ..Decision::default()
        };
        sim.step(&d).unwrap();
        assert_eq!(sim.state.org.headcount(), 3);
        assert_eq!(sim.state.leavers, 1);
        sim.step(&d).unwrap();
        let report = sim.step(&d).unwrap().clone();
        assert_eq!(
            sim.state.org.headcount(),
            4,
            "the seat is filled after two weeks"
        );
        assert_eq!(report.joined.len(), 1);
    }

    #[test]
    fn fatigue_outlasts_the_week_it_was_made_and_fades() {
        let sim = with_event("Overtime(1.0)", 3);
        let week_causes = |w: usize| -> f64 {
            sim.state.history[w]
                .morale_causes
                .iter()
                .find(|c| c.label.starts_with("Fatigue"))
                .map_or(0.0, |c| c.amount)
        };
        // Week 3 and week 6 are still pushed down; week 6 less than week 3.
        assert!(week_causes(2) < -0.005, "{}", week_causes(2));
        assert!(week_causes(5) < 0.0 && week_causes(5) > week_causes(2));
    }

    #[test]
    fn a_breach_of_trust_lasts_longer_than_the_same_gift() {
        let trust = |effects: &str| with_event(effects, 4).metrics().trust;
        let base = trust("");
        let lost = base - trust("Trust(-0.1)");
        let gained = trust("Trust(0.1)") - base;
        assert!(lost > 0.03, "six weeks on, a breach still costs {lost:.3}");
        assert!(lost > 2.0 * gained, "breach {lost:.3}, gift {gained:.3}");
    }

    #[test]
    fn late_work_weighs_on_people_until_someone_re_plans_it() {
        // More than four people make falls due every week: late work piles up.
        let level = small_level_making("", 2.6);
        let talk = Plan::from_share(1.0, 30.0);
        let mut replan = talk;
        replan.set(Activity::ShareVision, talk.get(Activity::ShareVision) - 4.0);
        replan.set(
            Activity::ShapeCulture,
            talk.get(Activity::ShapeCulture) - 4.0,
        );
        replan.set(Activity::PlanWork, 8.0);
        let (talked, replanned) = (play(&level, talk, 6), play(&level, replan, 6));
        let late = |sim: &Sim| {
            sim.state
                .items
                .iter()
                .any(|i| i.due < 6 && i.remaining() > 0.1)
        };
        assert!(
            late(&talked) && late(&replanned),
            "the premise: work is late"
        );
        let relief = |sim: &Sim| cause_over_run(sim, |w| &w.stress_causes, "Late work re-planned");
        // Priorities alone say what waits but leave the pile unplanned: less relief.
        assert!(
            relief(&replanned) < relief(&talked) - 0.02,
            "re-planned {:.3}, only talked {:.3}",
            relief(&replanned),
            relief(&talked)
        );
        let stress = |sim: &Sim| sim.metrics().stress;
        assert!(stress(&replanned) < stress(&talked) - 0.02);
    }

    #[test]
    fn people_trust_a_boss_less_while_decisions_wait_on_them() {
        let level = small_level("");
        let forest = Plan::from_share(1.0, 30.0);
        let mut deciding = forest;
        deciding.set(
            Activity::ShareVision,
            forest.get(Activity::ShareVision) - 4.0,
        );
        deciding.set(Activity::PlanWork, 4.0);
        let (aloof, decided) = (play(&level, forest, 6), play(&level, deciding, 6));
        let waiting =
            |sim: &Sim| cause_over_run(sim, |w| &w.trust_causes, "Decisions left waiting on you");
        assert!(waiting(&aloof) < -0.02, "{}", waiting(&aloof));
        assert!(waiting(&decided) > 0.5 * waiting(&aloof));
        assert!(decided.metrics().trust > aloof.metrics().trust);
    }
}
