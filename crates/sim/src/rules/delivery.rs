//! Phase 7 of a week: the dates and the quality drift toward what the week delivered, and
//! every term of the drift is named.

use super::quality::Defects;
use super::signals::Hours;
use super::work::{Delivered, Production};
use crate::State;
use crate::report::CauseBook;

const DELIVERY_RATE: f64 = 0.4;

/// Moves on-time and quality toward the week's results, and the rework and the
/// processes after them. Returns the book of causes of the change of delivery (the mean
/// of on-time and quality).
pub(super) fn book_delivery(
    st: &mut State,
    hours: &Hours,
    made: &Production,
    defects: &Defects,
    delivered: &Delivered,
) -> CauseBook {
    let mut book = CauseBook::default();
    book_on_time(st, hours, made, delivered, &mut book);
    book_quality(st, defects, &mut book);
    st.rework += made.output.max(0.0)
        * (0.3 * defects.caught + 0.8 * (defects.escaped - defects.surfaced))
        + defects.surfacing;
    st.process += 0.2 * hours.sg.process * (1.0 - st.process) - 0.03 * st.process;
    book
}

/// On time: the share of this week's due work that got done; the terms below add up
/// to exactly that share minus one.
fn book_on_time(
    st: &mut State,
    hours: &Hours,
    m: &Production,
    delivered: &Delivered,
    book: &mut CauseBook,
) {
    let demand = m.demand;
    let done = &delivered.done;
    let ot_terms: Vec<(&str, f64)> = if demand > 1e-9 {
        vec![
            (
                "Capacity against this week's work",
                (m.pot + m.empty - (m.demand_new - m.false_due) - hours.cut_now) / demand,
            ),
            (
                "False starts: deliverables nobody broke down when they landed",
                -m.false_due / demand,
            ),
            (
                "Requests from above you negotiated away",
                hours.cut_now / demand,
            ),
            ("Late work from earlier weeks", -m.overdue / demand),
            ("Empty seats", -m.empty / demand),
            ("Low morale", -m.l_morale / demand),
            ("Exhaustion", -m.l_stress / demand),
            ("Fatigue from overtime", -m.l_fatigue / demand),
            (
                "Unclear tasks: too little planning and assigning",
                -m.l_unclear / demand,
            ),
            ("Blocked between teams", -m.l_blocked / demand),
            ("Waiting for your decisions", -m.l_waiting / demand),
            ("Rework of defects", -m.l_rework / demand),
            ("Learning what you built alone", -m.l_handover / demand),
            ("Your own work", m.own / demand),
            ("Extra hours and skipped checks", m.overtime / demand),
            (
                "Effort on the wrong items: work not yet due",
                -(done.later - done.later_focused) / demand,
            ),
            (
                "Spare effort went to later work",
                -(done.later_focused + delivered.spare.max(0.0)) / demand,
            ),
        ]
    } else {
        Vec::new()
    };
    let ot_target = 1.0 + ot_terms.iter().map(|(_, v)| v).sum::<f64>();
    book.add(
        "On time: settling toward recent weeks",
        0.5 * DELIVERY_RATE * (1.0 - st.on_time),
    );
    for (label, v) in &ot_terms {
        book.add(
            &format!("On time: {}", label.to_lowercase()),
            0.5 * DELIVERY_RATE * v,
        );
    }
    st.on_time += DELIVERY_RATE * (ot_target - st.on_time);
}

/// Quality: the share of the week's work without an escaped defect, each cause named.
fn book_quality(st: &mut State, d: &Defects, book: &mut CauseBook) {
    let q_terms = [
        ("Everyday defects", -d.d0),
        ("Details neglected: unclear tasks", -(d.d1 - d.d0)),
        ("Stress", -(d.d2s - d.d1)),
        ("Tired people make mistakes", -(d.d2 - d.d2s)),
        ("Skill", d.d2 - d.d3),
        ("Processes", d.d3 - d.d4),
        ("Reviews caught defects", d.caught),
        ("Defects from skipped checks surfaced", -d.surfaced),
        (
            "None left to spoil: all of the week's work was faulty",
            d.escaped_raw - d.escaped,
        ),
    ];
    book.add(
        "Quality: settling toward recent weeks",
        0.5 * DELIVERY_RATE * (1.0 - st.quality),
    );
    for (label, v) in q_terms {
        book.add(
            &format!("Quality: {}", label.to_lowercase()),
            0.5 * DELIVERY_RATE * v,
        );
    }
    st.quality += DELIVERY_RATE * ((1.0 - d.escaped) - st.quality);
}

#[cfg(test)]
mod tests {
    use super::super::quality::make_defects;
    use super::super::testing::{play, small_level, small_level_making, through_flow};
    use super::super::work::{deliver, produce};
    use super::*;
    use crate::Sim;
    use crate::activity::Plan;
    use std::sync::Arc;

    /// The change of delivery (the mean of on-time and quality) in the coming week, and
    /// the book of its causes.
    fn delivery_week(sim: &mut Sim, plan: &Plan) -> (f64, CauseBook) {
        let level = sim.level.clone();
        let delivery = |st: &State| 0.5 * (st.on_time + st.quality);
        let start = delivery(&sim.state);
        let (week, hours, flow) = through_flow(sim, plan);
        let made = produce(&mut sim.state, &level, &hours, &flow, week);
        let defects = make_defects(&mut sim.state, &level, &made, week);
        let delivered = deliver(&mut sim.state, &level, &hours, &made, defects.escaped, week);
        let book = book_delivery(&mut sim.state, &hours, &made, &defects, &delivered);
        (delivery(&sim.state) - start, book)
    }

    #[test]
    fn the_named_causes_of_delivery_sum_to_its_change() {
        let plan = Plan::from_share(0.6, 40.0);
        for level in [small_level(""), small_level_making("", 2.6)] {
            let mut sim = play(&level, plan, 3);
            let (change, book) = delivery_week(&mut sim, &plan);
            assert!(change.abs() > 1e-4, "the week moves delivery: {change}");
            assert!(
                (book.total() - change).abs() < 1e-9,
                "{} vs {change}",
                book.total()
            );
        }
    }

    #[test]
    fn a_week_with_no_work_due_only_settles_the_dates() {
        // Before the stream starts nothing is due: on-time settles toward its recent weeks
        // and no other cause of the dates is named.
        let level = small_level("").as_ref().clone();
        let mut late = level.clone();
        for w in &mut late.work {
            if let crate::level::Work::Stream { from, .. } = w {
                *from = 2;
            }
        }
        let mut sim = Sim::new(Arc::new(late), 5);
        let (_, book) = delivery_week(&mut sim, &Plan::from_share(0.4, 40.0));
        let dates: Vec<_> = book
            .into_vec()
            .into_iter()
            .filter(|c| c.label.starts_with("On time"))
            .collect();
        assert_eq!(dates.len(), 1, "{dates:?}");
        assert_eq!(dates[0].label, "On time: settling toward recent weeks");
    }
}
