//! Phase 1 of a week: the deck's events and the week's dilemma choices land.

use super::books::PeopleBooks;
use crate::State;
use crate::events;
use crate::level::{Effect, Level};

/// What landed at the start of the week, for its report.
pub(super) struct Landed {
    /// Titles of the events that happened.
    pub fired: Vec<String>,
    /// (dilemma id, choice id) of each choice taken.
    pub chosen: Vec<(String, String)>,
    /// The confidence above before the events and choices landed: the start of the
    /// week's confidence book, whose first cause is what they did to it.
    pub confidence_at_start: f64,
}

/// The deck's events of the week, then a facilitator's own in the order announced, then
/// the dilemma choices. People an effect takes away are added to `left`.
pub(super) fn land_events_and_choices(
    st: &mut State,
    level: &Level,
    choices: &[(usize, usize)],
    week: u32,
    people_books: &mut PeopleBooks,
    left: &mut Vec<String>,
) -> Landed {
    let mut due: Vec<(String, Vec<Effect>)> = Vec::new();
    while let Some(pos) = st.schedule.iter().position(|(w, _)| *w == week) {
        let (_, i) = st.schedule.remove(pos);
        let e = &level.events[i];
        due.push((e.title.clone(), e.effects.clone()));
    }
    while let Some(pos) = st.custom.iter().position(|(w, _)| *w == week) {
        let (_, e) = st.custom.remove(pos);
        due.push((e.title, e.effects));
    }
    let confidence_at_start = st.confidence;
    let mut fired = Vec::new();
    for (title, effects) in due {
        let label = format!("Event: {title}");
        events::apply(st, level, &effects, &label, week, people_books, left);
        fired.push(title);
    }
    let mut chosen = Vec::new();
    for &(di, ci) in choices {
        let d = &level.dilemmas[di];
        let c = &d.choices[ci];
        let label = format!("Choice: {}", c.label);
        events::apply(st, level, &c.effects, &label, week, people_books, left);
        chosen.push((d.id.clone(), c.id.clone()));
    }
    Landed {
        fired,
        chosen,
        confidence_at_start,
    }
}

#[cfg(test)]
mod tests {
    use super::super::books::PeopleMeans;
    use super::super::testing::{small_level, with_event};
    use super::*;
    use crate::Sim;

    /// The state before and after the first week's events and choices land.
    fn land(extra: &str) -> (State, State, Landed, [Vec<crate::Cause>; 4]) {
        let mut sim = Sim::new(small_level(extra), 5);
        let before = sim.state.clone();
        let st = &mut sim.state;
        let mut books = PeopleBooks::new(st.org.headcount());
        let start = PeopleMeans::of(&st.org);
        let mut left = Vec::new();
        let landed = land_events_and_choices(st, &sim.level, &[], 1, &mut books, &mut left);
        let causes = books.finish(&start, &PeopleMeans::of(&st.org));
        (before, sim.state, landed, causes)
    }

    #[test]
    fn a_week_with_no_event_and_no_choice_lands_nothing() {
        let (before, after, landed, causes) = land("");
        assert_eq!(before, after);
        assert!(landed.fired.is_empty() && landed.chosen.is_empty());
        assert!(causes.iter().all(|c| c.is_empty()), "{causes:?}");
    }

    #[test]
    fn an_event_s_named_cause_is_the_change_it_makes_to_morale() {
        let (before, after, landed, causes) = land(
            r#"events: [(id: "e", title: "Bad news", text: "", when: Week(1), effects: [Morale(-0.1)])],"#,
        );
        assert_eq!(landed.fired, vec!["Bad news".to_string()]);
        let change = after.org.mean(|p| p.morale) - before.org.mean(|p| p.morale);
        assert!(change < -0.05, "{change}");
        assert_eq!(causes[0].len(), 1, "{:?}", causes[0]);
        assert_eq!(causes[0][0].label, "Event: Bad news");
        assert!((causes[0][0].amount - change).abs() < 1e-12);
    }

    #[test]
    fn a_risk_happens_by_its_chance_and_shifts_no_other_draw() {
        let fired = |chance: f64, seed: u64| {
            let sim = with_event(&format!(r#"Risk(chance: {chance}, event: "later")"#), seed);
            let fired = sim
                .state
                .history
                .iter()
                .any(|w| w.events.iter().any(|e| e == "Later"));
            (fired, sim.state.rng)
        };
        let base = with_event("", 1).state.rng;
        for seed in 1..=5 {
            assert!(fired(1.0, seed).0);
            assert!(!fired(0.0, seed).0);
        }
        let hits = (1..=40).filter(|s| fired(0.5, *s).0).count();
        assert!((10..=30).contains(&hits), "{hits} of 40");
        // The weekly luck is the same whether or not the risk was run.
        assert_eq!(fired(0.5, 1).1, base);
    }
}
