//! The confidence of whoever the player answers to: what they see, what they remember,
//! and the hours their checking takes when it runs low.

use super::goals_done;
use crate::State;
use crate::level::Level;
use crate::report::{Cause, CauseBook};

/// Weekly drift of the confidence above toward what they see of the player's results.
const CONFIDENCE_RATE: f64 = 0.25;
/// Share of a remembered doubt above that fades in a week.
const DOUBT_FADE: f64 = 0.08;
/// Below this confidence, whoever the player answers to starts checking on them.
const CONFIDENT: f64 = 0.5;
/// Hours of a 40-hour week that status reviews take at zero confidence.
const SCRUTINY_AT_ZERO: f64 = 10.0;

/// Where the confidence above starts: a new appointment gets the benefit of the doubt.
pub fn starting_confidence() -> f64 {
    0.65
}

/// Hours of the week that status reviews from above take at `confidence`.
pub fn scrutiny_hours(confidence: f64, budget: f64) -> f64 {
    SCRUTINY_AT_ZERO * budget / 40.0 * ((CONFIDENT - confidence) / CONFIDENT).max(0.0)
}

/// The confidence above drifts toward what they see: dates kept and goals on pace, less
/// the doubts they remember. Returns the named causes of this week's change.
pub(super) fn update_confidence(
    st: &mut State,
    level: &Level,
    week: u32,
    before_events: f64,
) -> Vec<Cause> {
    let mut book = CauseBook::default();
    let start = st.confidence;
    book.add("Events and choices this week", start - before_events);
    let (done, target_total) = goals_done(level, &st.goal_progress);
    let expected = target_total * week as f64 / level.weeks.max(1) as f64;
    let pace = if expected > 1e-9 {
        (done / expected).min(1.0)
    } else {
        1.0
    };
    // What they see, each against a fair week's 0.7.
    let terms = [
        ("Dates they see kept", 0.35 * (st.on_time - 0.7)),
        ("Goals on pace", 0.35 * (pace - 0.7)),
        ("Doubts they remember", -st.doubt),
        ("Settling", 0.69 - start),
    ];
    let push = CONFIDENCE_RATE * terms.iter().map(|(_, v)| v).sum::<f64>();
    let next = (start + push).clamp(0.0, 1.0);
    for (label, v) in terms {
        book.add(label, CONFIDENCE_RATE * v);
    }
    // Clamping is booked under settling so the causes still sum to the change.
    book.add("Settling", (next - start) - push);
    st.confidence = next;
    st.doubt *= 1.0 - DOUBT_FADE;
    book.into_vec()
}

#[cfg(test)]
mod tests {
    use super::super::testing::small_level;
    use super::*;
    use crate::Sim;

    #[test]
    fn an_event_that_shakes_confidence_is_among_its_causes() {
        let sim = super::super::testing::with_event("Confidence(-0.05)", 3);
        let w = &sim.state.history[1];
        let before = sim.state.history[0].metrics.confidence;
        let sum: f64 = w.confidence_causes.iter().map(|c| c.amount).sum();
        assert!(
            (sum - (w.metrics.confidence - before)).abs() < 1e-9,
            "causes {sum} against the change {}",
            w.metrics.confidence - before
        );
        let event = w
            .confidence_causes
            .iter()
            .find(|c| c.label == "Events and choices this week")
            .expect("the event is named");
        assert!(event.amount < -0.04, "{}", event.amount);
    }

    #[test]
    fn confidence_above_follows_the_dates_and_a_lost_boss_takes_hours() {
        let level = small_level("");
        let run = |share: f64| crate::run::run_constant(&level, 5, share);
        let (forest, balanced) = (run(1.0), run(0.4));
        assert!(
            forest.state.confidence < balanced.state.confidence - 0.05,
            "all forest {:.2}, balanced {:.2}",
            forest.state.confidence,
            balanced.state.confidence
        );
        // Each week's confidence change is the sum of its named causes.
        let mut before = starting_confidence();
        for w in &forest.state.history {
            let sum: f64 = w.confidence_causes.iter().map(|c| c.amount).sum();
            assert!((w.metrics.confidence - before - sum).abs() < 1e-9);
            before = w.metrics.confidence;
        }
        let mut doubted = Sim::new(level.clone(), 5);
        assert_eq!(doubted.scrutiny_hours(), 0.0);
        doubted.state.confidence = 0.25;
        assert!(
            (doubted.budget() - (40.0 - 5.0)).abs() < 1e-9,
            "{}",
            doubted.budget()
        );
    }
}
