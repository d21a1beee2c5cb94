//! Phase 3 of a week: what the player's signals become at each seat, down the layers.

use super::signals::Signals;
use crate::org::Org;

/// Share of the player's hands-on attention (structure, control) that reaches one layer
/// further down: "an executive's execution work is far from the floor".
const REACH: f64 = 0.3;
/// Share of the player's own broadcast that reaches one layer further without a manager.
const BROADCAST_REACH: f64 = 0.3;

/// Per-seat readings of one week, computed top-down (managers before reports).
#[derive(Clone, Copy, Default)]
pub(super) struct Flow {
    pub vision: f64,
    pub clarity: f64,
    pub micro: f64,
    pub culture: f64,
    pub develop: f64,
    /// Vision this person passes on to their reports.
    relay: f64,
    /// Structure this person gives their reports, if they lead.
    lead_out: f64,
    /// Share of defects this person's review catches in their reports' work.
    lead_review: f64,
    /// Share of this person's defects caught before they escape.
    pub catch: f64,
    pub own_direct: f64,
}

/// Carries the week's signals down the layers: vision decays through each manager,
/// structure comes from the player for direct reports and from their own lead further
/// down. `knots` is how knotted the work between teams is this week.
pub(super) fn flow_down(org: &Org, sg: &Signals, knots: f64) -> Vec<Flow> {
    let structure_given = sg.structure_given();
    let control_given = sg.control_given();
    let vision_given = sg.vision_given();
    let mut flow = vec![Flow::default(); org.seats.len()];
    // A lead's structure stretches thin when the work piles up: in a crunch the leads
    // need the player's help to keep tasks clear.
    let stretch = 1.0 / knots.max(1.0).sqrt();
    for s in 0..org.seats.len() {
        let seat = &org.seats[s];
        let Some(p) = &seat.person else { continue };
        let d = seat.depth.max(1) as i32;
        let reach = REACH.powi(d - 1);
        let (vision, structure, lead_review, develop_from_lead) = match seat.manager {
            None => (
                vision_given * (0.5 + 0.5 * p.trust),
                structure_given,
                0.0,
                0.0,
            ),
            Some(m) => {
                let mf = flow[m];
                let broadcast = vision_given * BROADCAST_REACH.powi(d - 1);
                (
                    mf.relay.max(broadcast),
                    mf.lead_out + structure_given * reach,
                    mf.lead_review,
                    0.3 * mf.lead_out,
                )
            }
        };
        let structure = structure.min(1.0);
        let clarity = (structure + 0.3 * p.autonomy * (1.0 - structure)).min(1.0);
        let micro = (control_given * reach - (1.0 - p.autonomy)).max(0.0);
        let mut f = Flow {
            vision,
            clarity,
            micro,
            culture: sg.culture * 0.75f64.powi(d - 1),
            develop: (sg.develop * 0.5f64.powi(d - 1) + develop_from_lead).min(1.0),
            relay: vision * (0.5 + 0.5 * p.alignment),
            own_direct: if d == 1 { sg.own } else { 0.0 },
            ..Flow::default()
        };
        if seat.leads {
            f.lead_out = p.skill
                * (0.5 + 0.5 * p.morale)
                * (0.2 + 0.8 * clarity)
                * (0.5 + 0.5 * p.autonomy)
                * stretch;
            f.lead_review = 0.5 * f.lead_out;
        }
        f.catch = 1.0 - (1.0 - 0.75 * sg.review * reach) * (1.0 - lead_review);
        flow[s] = f;
    }
    flow
}

#[cfg(test)]
mod tests {
    use super::super::testing::{play, small_level};
    use super::*;
    use crate::Sim;
    use crate::activity::{Activity, Plan};

    #[test]
    fn without_the_player_s_words_no_vision_flows_and_nobody_is_watched() {
        let sim = Sim::new(small_level(""), 5);
        let flow = flow_down(&sim.state.org, &Signals::default(), 1.0);
        assert!(flow.iter().all(|f| f.vision == 0.0 && f.micro == 0.0));
        assert!(flow.iter().all(|f| f.culture == 0.0 && f.own_direct == 0.0));
        // The lead still gives their reports some structure of their own.
        assert!(
            flow[1].clarity > flow[3].clarity,
            "{} {}",
            flow[1].clarity,
            flow[3].clarity
        );
    }

    #[test]
    fn vision_reaches_deeper_layers_weaker() {
        let level = small_level("");
        let sim = play(&level, Plan::from_share(0.8, 40.0), 6);
        let seats = &sim.state.org.seats;
        let align = |i: usize| seats[i].person.as_ref().unwrap().alignment;
        // Seat 0 is the lead, 1 and 2 their reports, 3 a direct report of the player.
        assert!(
            align(3) > align(1) && align(3) > align(2),
            "direct {} vs deep {} {}",
            align(3),
            align(1),
            align(2)
        );
    }

    #[test]
    fn close_control_is_micromanagement_and_structure_is_not() {
        let level = small_level("");
        let mut control = Plan::default();
        control.set(Activity::FollowUp, 20.0);
        control.set(Activity::ReviewQuality, 20.0);
        let mut structure = Plan::default();
        structure.set(Activity::PlanWork, 20.0);
        structure.set(Activity::Delegate, 20.0);
        let micro = |plan: Plan| {
            let sim = play(&level, plan, 1);
            let causes = &sim.state.history[0].morale_causes;
            causes
                .iter()
                .find(|c| c.label == "Micromanagement")
                .map_or(0.0, |c| c.amount)
        };
        assert!(micro(control) < -0.01, "{}", micro(control));
        assert_eq!(micro(structure), 0.0);
    }
}
