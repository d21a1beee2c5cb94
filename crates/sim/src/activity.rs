//! The player's verbs: twelve activities in two families, and a week's plan of hours.
//!
//! Seed: a leader "inspires trust, makes sound decisions, resolves complexity, and
//! role-models organizational values"; a manager is "breaking down goals into actionable
//! tasks, assigning responsibilities, and ensuring accountability" and pays "attention
//! to the details".

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The two families of attention: the forest and the trees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Family {
    /// Leading: seeing and sharing the forest.
    Vision,
    /// Managing: tending the trees.
    Execution,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Activity {
    ShareVision,
    SetPriorities,
    ShapeCulture,
    BuildTrust,
    DevelopPeople,
    ResolveComplexity,
    PlanWork,
    Delegate,
    FollowUp,
    ReviewQuality,
    FixProcesses,
    DoTheWork,
}

pub const ACTIVITY_COUNT: usize = 12;

impl Activity {
    pub const ALL: [Activity; ACTIVITY_COUNT] = [
        Activity::ShareVision,
        Activity::SetPriorities,
        Activity::ShapeCulture,
        Activity::BuildTrust,
        Activity::DevelopPeople,
        Activity::ResolveComplexity,
        Activity::PlanWork,
        Activity::Delegate,
        Activity::FollowUp,
        Activity::ReviewQuality,
        Activity::FixProcesses,
        Activity::DoTheWork,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn family(self) -> Family {
        if self.index() < 6 {
            Family::Vision
        } else {
            Family::Execution
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Activity::ShareVision => "Share the vision",
            Activity::SetPriorities => "Set priorities",
            Activity::ShapeCulture => "Shape culture and values",
            Activity::BuildTrust => "Build trust (one-to-ones)",
            Activity::DevelopPeople => "Develop people",
            Activity::ResolveComplexity => "Resolve cross-team complexity",
            Activity::PlanWork => "Plan and break down work",
            Activity::Delegate => "Assign and delegate",
            Activity::FollowUp => "Follow up, hold to account",
            Activity::ReviewQuality => "Review details and quality",
            Activity::FixProcesses => "Fix processes",
            Activity::DoTheWork => "Do the work yourself",
        }
    }

    /// What the activity does in the model, in a player's words.
    pub fn effect(self) -> &'static str {
        match self {
            Activity::ShareVision => {
                "raises alignment; reaches deeper layers through your managers"
            }
            Activity::SetPriorities => {
                "points effort at the goals; says what waits, of late work and of requests from above"
            }
            Activity::ShapeCulture => "lifts morale and trust across the organisation",
            Activity::BuildTrust => "raises your direct reports' trust, so your message lands",
            Activity::DevelopPeople => "grows skill and autonomy over the weeks",
            Activity::ResolveComplexity => {
                "unblocks work stuck between teams, most around milestones; lowers stress"
            }
            Activity::PlanWork => {
                "gives tasks clarity, so less effort is wasted; takes the decisions only you can make; re-plans late work"
            }
            Activity::Delegate => {
                "gives tasks clarity and owners; grows ownership in those skilled enough"
            }
            Activity::FollowUp => {
                "keeps dates and takes pending decisions; too much feels like micromanagement"
            }
            Activity::ReviewQuality => "catches defects before they escape; too much is control",
            Activity::FixProcesses => "lowers the defect rate for good, slowly",
            Activity::DoTheWork => {
                "puts out an incident fastest; as a habit it costs the team its ownership"
            }
        }
    }
}

/// Hours of the player's attention per activity for one week.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Plan {
    pub hours: [f64; ACTIVITY_COUNT],
}

/// Why a plan cannot be played.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanError {
    Negative(Activity),
    NotFinite(Activity),
    OverBudget { total: f64, budget: f64 },
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlanError::Negative(a) => write!(f, "hours for '{}' are negative", a.label()),
            PlanError::NotFinite(a) => write!(f, "hours for '{}' are not a number", a.label()),
            PlanError::OverBudget { total, budget } => {
                write!(
                    f,
                    "the plan uses {total:.1} h but only {budget:.1} h are available"
                )
            }
        }
    }
}

impl Plan {
    /// The documented default spread: `share` of the budget equally over the six vision
    /// activities, the rest equally over the five execution activities other than
    /// "do the work yourself".
    pub fn from_share(share: f64, budget: f64) -> Plan {
        let share = share.clamp(0.0, 1.0);
        // Doing the work yourself is left out, so a constant-share run is a supervisor
        // who manages rather than one who codes.
        let spread: Vec<Activity> = Activity::ALL
            .into_iter()
            .filter(|a| *a != Activity::DoTheWork)
            .collect();
        let mut plan = Plan::default();
        for family in [Family::Vision, Family::Execution] {
            let hours = budget
                * if family == Family::Vision {
                    share
                } else {
                    1.0 - share
                };
            let members: Vec<&Activity> = spread.iter().filter(|a| a.family() == family).collect();
            for a in &members {
                plan.hours[a.index()] = hours / members.len() as f64;
            }
        }
        plan
    }

    pub fn get(&self, a: Activity) -> f64 {
        self.hours[a.index()]
    }

    pub fn set(&mut self, a: Activity, hours: f64) {
        self.hours[a.index()] = hours;
    }

    pub fn total(&self) -> f64 {
        self.hours.iter().sum()
    }

    pub fn family_hours(&self, family: Family) -> f64 {
        Activity::ALL
            .iter()
            .filter(|a| a.family() == family)
            .map(|a| self.get(*a))
            .sum()
    }

    /// Share of the planned hours that go to the forest; 0.5 for an empty plan.
    pub fn vision_share(&self) -> f64 {
        let total = self.total();
        if total <= 0.0 {
            0.5
        } else {
            self.family_hours(Family::Vision) / total
        }
    }

    pub fn validate(&self, budget: f64) -> Result<(), PlanError> {
        for a in Activity::ALL {
            let h = self.get(a);
            if !h.is_finite() {
                return Err(PlanError::NotFinite(a));
            }
            if h < 0.0 {
                return Err(PlanError::Negative(a));
            }
        }
        let total = self.total();
        if total > budget + 1e-6 {
            return Err(PlanError::OverBudget { total, budget });
        }
        Ok(())
    }

    /// The same total hours with `share` of them on the forest, keeping how each family's
    /// hours are divided among its activities (an empty family gets the default spread).
    pub fn with_share(&self, share: f64) -> Plan {
        let share = share.clamp(0.0, 1.0);
        let total = self.total();
        let default = Plan::from_share(0.5, 1.0);
        let mut out = Plan::default();
        for (family, part) in [(Family::Vision, share), (Family::Execution, 1.0 - share)] {
            let now = self.family_hours(family);
            let (source, from) = if now > 0.0 {
                (self, now)
            } else {
                (&default, default.family_hours(family))
            };
            for a in Activity::ALL.iter().filter(|a| a.family() == family) {
                out.set(*a, total * part * source.get(*a) / from);
            }
        }
        out
    }

    /// Carries a plan from a week of `was` hours into one of `now` hours: a plan that used
    /// the whole week keeps using the whole week, in the same proportions (hours taken for
    /// one week come back to the plan when they return); any other is only fitted.
    pub fn carried(&self, was: f64, now: f64) -> Plan {
        let total = self.total();
        if total <= 0.0 || total < was - 0.05 || (now - total).abs() < 1e-6 {
            return self.fitted(now);
        }
        let k = now / total;
        let mut p = *self;
        // Rounded down to the hundredth, so the plan always fits.
        p.hours
            .iter_mut()
            .for_each(|h| *h = (*h * k * 100.0).floor() / 100.0);
        p
    }

    /// Scales the plan down so it fits the budget (used when attention is taken away).
    pub fn fitted(&self, budget: f64) -> Plan {
        let total = self.total();
        // Within the tolerance `validate` allows, the plan is left exactly as it is.
        if total <= budget + 1e-6 || total <= 0.0 {
            return *self;
        }
        let k = budget / total;
        let mut p = *self;
        p.hours.iter_mut().for_each(|h| *h *= k);
        p
    }
}

// Plans are written as `{ ShareVision: 4.0, PlanWork: 6.0 }` in files: readable, and
// activities left out get zero hours.
impl Serialize for Plan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let map: BTreeMap<Activity, f64> = Activity::ALL
            .iter()
            .filter(|a| self.get(**a) != 0.0)
            .map(|a| (*a, self.get(*a)))
            .collect();
        map.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Plan {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<Activity, f64>::deserialize(d)?;
        let mut plan = Plan::default();
        for (a, h) in map {
            if !h.is_finite() || !(0.0..=168.0).contains(&h) {
                return Err(serde::de::Error::custom(format!(
                    "hours for {a:?} must be between 0 and 168, found {h}"
                )));
            }
            plan.set(a, h);
        }
        Ok(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_plan_grows_back_when_the_hours_return() {
        let full = Plan::from_share(0.4, 49.0);
        let next = full.carried(49.0, 55.0);
        assert!(
            next.total() > 54.9 && next.total() <= 55.0,
            "{}",
            next.total()
        );
        assert!((next.vision_share() - 0.4).abs() < 0.01);
        // A plan the player left short stays as they left it.
        let short = Plan::from_share(0.4, 40.0);
        assert_eq!(short.carried(49.0, 55.0), short);
        // Hours taken away: the plan shrinks to fit.
        assert!(full.carried(49.0, 43.0).total() <= 43.0);
    }

    #[test]
    fn default_spread_keeps_the_share_and_the_budget() {
        let p = Plan::from_share(0.3, 40.0);
        assert!((p.total() - 40.0).abs() < 1e-9);
        assert!((p.vision_share() - 0.3).abs() < 1e-9);
        assert_eq!(p.get(Activity::DoTheWork), 0.0);
    }

    #[test]
    fn over_budget_and_negative_plans_are_refused() {
        let mut p = Plan::from_share(0.5, 40.0);
        assert!(p.validate(40.0).is_ok());
        assert!(matches!(
            p.validate(39.0),
            Err(PlanError::OverBudget { .. })
        ));
        p.set(Activity::FollowUp, -1.0);
        assert_eq!(
            p.validate(40.0),
            Err(PlanError::Negative(Activity::FollowUp))
        );
        assert!(p.fitted(10.0).total() <= 40.0);
    }

    #[test]
    fn shifting_the_share_keeps_each_familys_mix() {
        let mut p = Plan::default();
        p.set(Activity::ShareVision, 6.0);
        p.set(Activity::BuildTrust, 2.0);
        p.set(Activity::FollowUp, 12.0);
        let q = p.with_share(0.6);
        assert!((q.total() - 20.0).abs() < 1e-9);
        assert!((q.vision_share() - 0.6).abs() < 1e-9);
        assert!((q.get(Activity::ShareVision) / q.get(Activity::BuildTrust) - 3.0).abs() < 1e-9);
        // Execution had one activity only; it keeps all the execution hours.
        assert!((q.get(Activity::FollowUp) - 8.0).abs() < 1e-9);
    }

    #[test]
    fn families_split_six_and_six() {
        let vision = Activity::ALL
            .iter()
            .filter(|a| a.family() == Family::Vision)
            .count();
        assert_eq!(vision, 6);
    }
}
