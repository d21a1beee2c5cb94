//! Phase 5 of a week: defects made, then caught; the rest escape.

use super::work::Production;
use crate::State;
use crate::level::Level;

/// Share of the hidden defects of skipped checks found each week.
const DEFECTS_SURFACE: f64 = 0.35;

/// The week's defects as shares of its work: made (`d0` everyday, each later one with
/// one more cause added or taken off), caught, surfaced from skipped checks, escaped.
pub(super) struct Defects {
    pub d0: f64,
    pub d1: f64,
    pub d2s: f64,
    pub d2: f64,
    pub d3: f64,
    pub d4: f64,
    pub caught: f64,
    /// Person-weeks of hidden defects found this week, and that as a share of the work.
    pub surfacing: f64,
    pub surfaced: f64,
    /// The share of faulty work before and after capping it at all of the week's work.
    pub escaped_raw: f64,
    pub escaped: f64,
}

/// Defects made in the week's work, then caught by reviews; hidden ones from skipped
/// checks surface.
pub(super) fn make_defects(st: &mut State, level: &Level, made: &Production, week: u32) -> Defects {
    let d0 = level.defect_rate;
    let d1 = d0 + d0 * 0.8 * (1.0 - made.clarity_w);
    let d2s = d1 + d0 * 0.6 * (made.stress_w - 0.3).max(0.0);
    let d2 = d2s + d0 * 1.2 * made.fatigue_w;
    let d3 = d2 - d2 * 0.5 * made.skill_w;
    let d4 = d3 - d3 * 0.6 * st.process;
    let caught = d4 * made.catch_w;
    // Defects let through by skipped checks surface now as a share of this week's work;
    // in the last week the hand-over finds whatever is left, so a check skipped late in a
    // level is not free.
    let surfacing = if week >= level.weeks {
        st.hidden_defects
    } else {
        DEFECTS_SURFACE * st.hidden_defects
    };
    st.hidden_defects -= surfacing;
    let surfaced = if made.output > 1e-9 {
        (surfacing / made.output).min(0.5)
    } else {
        0.0
    };
    // At most all of the week's work can be faulty, however bad the odds add up.
    let escaped_raw = d4 - caught + surfaced;
    let escaped = escaped_raw.min(1.0);
    Defects {
        d0,
        d1,
        d2s,
        d2,
        d3,
        d4,
        caught,
        surfacing,
        surfaced,
        escaped_raw,
        escaped,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{play, small_level, through_flow, with_event, with_event_in};
    use super::super::work::produce;
    use super::*;
    use crate::Sim;
    use crate::activity::Plan;

    /// The coming week's defects, with `hidden` person-weeks of skipped checks waiting.
    fn defects(sim: &mut Sim, hidden: f64) -> Defects {
        sim.state.hidden_defects = hidden;
        let plan = Plan::from_share(0.4, 40.0);
        let level = sim.level.clone();
        let (week, hours, flow) = through_flow(sim, &plan);
        let made = produce(&mut sim.state, &level, &hours, &flow, week);
        make_defects(&mut sim.state, &level, &made, week)
    }

    #[test]
    fn the_named_defect_terms_add_up_to_the_faulty_share_that_escapes() {
        let mut sim = play(&small_level(""), Plan::from_share(0.4, 40.0), 2);
        let d = defects(&mut sim, 0.5);
        let named = d.d0 + (d.d1 - d.d0) + (d.d2s - d.d1) + (d.d2 - d.d2s)
            - (d.d2 - d.d3)
            - (d.d3 - d.d4)
            - d.caught
            + d.surfaced
            - (d.escaped_raw - d.escaped);
        assert!(
            (named - d.escaped).abs() < 1e-12,
            "{named} vs {}",
            d.escaped
        );
        assert!(d.surfaced > 0.0 && d.caught > 0.0);
        assert!((sim.state.hidden_defects - 0.5 * (1.0 - DEFECTS_SURFACE)).abs() < 1e-12);
    }

    #[test]
    fn with_no_skipped_checks_nothing_surfaces() {
        let mut sim = Sim::new(small_level(""), 5);
        let d = defects(&mut sim, 0.0);
        assert_eq!((d.surfacing, d.surfaced), (0.0, 0.0));
        assert_eq!(sim.state.hidden_defects, 0.0);
    }

    #[test]
    fn skipped_checks_save_time_now_and_surface_as_lost_quality() {
        let base = with_event("", 2);
        let cut = with_event("CutCorners(1.0)", 2);
        let outputs = super::super::testing::outputs;
        assert!(outputs(&cut)[1] > outputs(&base)[1]);
        let q = |s: &Sim, w: usize| s.state.history[w].metrics.quality;
        assert!(
            q(&cut, 3) < q(&base, 3) - 0.02,
            "{} vs {}",
            q(&cut, 3),
            q(&base, 3)
        );
        let surfaced = cut.state.history[2]
            .delivery_causes
            .iter()
            .any(|c| c.label.contains("skipped checks") && c.amount < 0.0);
        assert!(surfaced, "the debrief names the cause");
    }

    #[test]
    fn a_check_skipped_in_the_last_week_is_found_at_the_hand_over() {
        let base = with_event_in("", 2, 8);
        let cut = with_event_in("CutCorners(1.0)", 2, 8);
        assert!(cut.state.hidden_defects < 1e-9, "nothing stays hidden");
        let q = |s: &Sim| s.metrics().quality;
        assert!(q(&cut) < q(&base) - 0.02, "{} vs {}", q(&cut), q(&base));
    }
}
