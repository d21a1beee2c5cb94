//! A week played: the phases in order, and its report.

use super::books::{PeopleBooks, PeopleMeans};
use super::confidence::update_confidence;
use super::deck::land_events_and_choices;
use super::delivery::book_delivery;
use super::flow::flow_down;
use super::measure;
use super::people::{drift_people, leave_and_hire};
use super::quality::make_defects;
use super::signals::read_hours;
use super::work::{deliver, produce};
use crate::Sim;
use crate::activity::Plan;
use crate::report::WeekReport;

/// Plays the coming week with a validated plan and resolved dilemma choices.
pub fn play_week(sim: &mut Sim, plan: &Plan, choices: &[(usize, usize)]) {
    let level = sim.level.clone();
    let budget = sim.budget();
    let week = sim.next_week();
    let st = &mut sim.state;

    let n_start = st.org.headcount();
    let delivery_start = 0.5 * (st.on_time + st.quality);
    let mut people_books = PeopleBooks::new(n_start);
    let people_start = PeopleMeans::of(&st.org);
    let mut left_names = Vec::new();

    // 1. The deck and the dilemmas.
    let landed = land_events_and_choices(
        st,
        &level,
        choices,
        week,
        &mut people_books,
        &mut left_names,
    );
    // 2. The player's hours as signals.
    let hours = read_hours(st, &level, plan, week);
    // 3. Flow down the layers.
    let flow = flow_down(&st.org, &hours.sg, hours.knots);
    // 4. Production: capacity, then losses in a fixed order so each is named exactly.
    let made = produce(st, &level, &hours, &flow, week);
    // 5. Quality: defects made, then caught; the rest escape.
    let defects = make_defects(st, &level, &made, week);
    // 6. The work done, and the goals it moves.
    let delivered = deliver(st, &level, &hours, &made, defects.escaped, week);
    // 7. On time and quality drift toward the week's results.
    let delivery_book = book_delivery(st, &hours, &made, &defects, &delivered);
    // 8. People drift toward their targets.
    drift_people(st, &hours, &flow, &made, delivery_start, &mut people_books);
    // 9. Leaving and hiring.
    let joined = leave_and_hire(st, &level, &hours.draws, week, &mut left_names);

    st.week = week;
    let confidence_causes = update_confidence(st, &level, week, landed.confidence_at_start);
    let m = measure(sim, made.output, made.demand);
    let [morale_causes, trust_causes, alignment_causes, stress_causes] =
        people_books.finish(&people_start, &PeopleMeans::from(&m));
    let delivery_residual = (m.delivery - delivery_start) - delivery_book.total();
    debug_assert!(
        delivery_residual.abs() < 1e-9,
        "delivery causes must sum to the change"
    );
    let report = WeekReport {
        week,
        budget,
        plan: *plan,
        vision_share: plan.vision_share(),
        metrics: m,
        morale_causes,
        delivery_causes: delivery_book.into_vec(),
        events: landed.fired,
        choices: landed.chosen,
        injected: Vec::new(),
        custom: Vec::new(),
        left: left_names,
        joined,
        items_done_on_time: delivered.done.on_time_items,
        items_done_late: delivered.done.late_items,
        confidence_causes,
        trust_causes,
        alignment_causes,
        stress_causes,
        goal_causes: delivered.goal_causes,
        requests_cut: hours.requests_cut,
        kicked_off: hours.kicked_off,
    };
    sim.state.history.push(report);
}

#[cfg(test)]
mod tests {
    use super::super::testing::{play, small_level, total};
    use super::*;

    #[test]
    fn the_week_s_budget_and_what_took_hours_off_it_add_up_to_the_level_s_week() {
        let level = small_level(
            r#"events: [(id: "audit", title: "Audit", text: "", when: Week(1), effects: [Attention(hours: 6.0, weeks: 2)])],"#,
        );
        let sim = play(&level, Plan::from_share(0.5, 40.0), 1);
        let taken = sim.budget_deductions();
        assert_eq!(taken, vec![("Event: Audit".to_string(), 6.0)]);
        let total: f64 = taken.iter().map(|(_, h)| h).sum();
        assert!(
            (sim.budget() + total - 40.0).abs() < 1e-9,
            "{}",
            sim.budget()
        );
    }

    #[test]
    fn every_week_s_report_explains_each_change_by_its_named_causes() {
        let level = small_level("");
        let sim = play(&level, Plan::from_share(0.5, 40.0), 8);
        let mut before = Sim::new(level, 5).metrics();
        for w in &sim.state.history {
            let m = &w.metrics;
            let pairs = [
                (&w.morale_causes, m.morale - before.morale),
                (&w.trust_causes, m.trust - before.trust),
                (&w.alignment_causes, m.alignment - before.alignment),
                (&w.stress_causes, m.stress - before.stress),
                (&w.delivery_causes, m.delivery - before.delivery),
                (&w.confidence_causes, m.confidence - before.confidence),
                (&w.goal_causes, m.goal_progress - before.goal_progress),
            ];
            for (causes, change) in pairs {
                assert!((total(causes) - change).abs() < 1e-9, "week {}", w.week);
            }
            before = m.clone();
        }
    }
}
