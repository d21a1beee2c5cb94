//! What a week leaves behind: metrics, their causes, and the level's outcome.

use super::activity::Plan;
use super::level::Scoring;
use serde::{Deserialize, Serialize};

/// One named push on a metric this week, in metric units (0..1 scale).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cause {
    pub label: String,
    pub amount: f64,
}

/// Team-level readings at the end of a week; all 0..1 but headcount and effort.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    pub morale: f64,
    pub trust: f64,
    pub alignment: f64,
    pub stress: f64,
    pub autonomy: f64,
    pub skill: f64,
    /// Running index of keeping dates.
    pub on_time: f64,
    /// Running index of work shipped without escaped defects.
    pub quality: f64,
    /// Mean of on-time and quality.
    pub delivery: f64,
    pub goal_progress: f64,
    /// Share of the starting headcount that has not left.
    pub retention: f64,
    /// Work produced so far over work due so far, capped at 1.
    pub throughput: f64,
    pub headcount: usize,
    /// Person-weeks of work produced this week (after losses and rework).
    pub output: f64,
    /// Person-weeks due by the end of this week, before this week's work.
    pub demand: f64,
    /// The confidence of whoever the player answers to.
    #[serde(default)]
    pub confidence: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeekReport {
    pub week: u32,
    pub budget: f64,
    pub plan: Plan,
    pub vision_share: f64,
    pub metrics: Metrics,
    /// Sums to this week's change of team morale.
    pub morale_causes: Vec<Cause>,
    /// Sums to this week's change of delivery.
    pub delivery_causes: Vec<Cause>,
    pub events: Vec<String>,
    /// (dilemma id, choice id) decided this week.
    pub choices: Vec<(String, String)>,
    /// Events announced by a facilitator this week, to happen next week.
    #[serde(default)]
    pub injected: Vec<String>,
    /// Events a facilitator wrote and announced this week, to happen next week.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<super::events::CustomEvent>,
    pub left: Vec<String>,
    pub joined: Vec<String>,
    pub items_done_on_time: u32,
    pub items_done_late: u32,
    /// Sums to this week's change of the confidence above.
    #[serde(default)]
    pub confidence_causes: Vec<Cause>,
    /// Sum to this week's changes of the team's trust, alignment and stress.
    #[serde(default)]
    pub trust_causes: Vec<Cause>,
    #[serde(default)]
    pub alignment_causes: Vec<Cause>,
    #[serde(default)]
    pub stress_causes: Vec<Cause>,
    /// Sum to this week's change of goal progress.
    #[serde(default)]
    pub goal_causes: Vec<Cause>,
    /// Person-weeks of requests from above negotiated away this week.
    #[serde(default)]
    pub requests_cut: f64,
    /// Deliverables that landed to be broken down this week, and the person-weeks of
    /// false starts added to them because the planning fell short.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kicked_off: Vec<KickOff>,
}

/// A deliverable's week to be broken down, and what too little planning cost it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KickOff {
    pub title: String,
    /// Share of the breaking down the week's planning and assigning did, 0..1.
    pub planned: f64,
    /// Person-weeks of false starts added to the item.
    pub false_starts: f64,
    /// Hours of the week's planning, priorities and assigning the breaking down took.
    #[serde(default)]
    pub hours: f64,
}

/// The end of a level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Final {
    /// 0–100, from the level's weights on the final metrics.
    pub outcome: f64,
    pub delivery: f64,
    pub on_time: f64,
    pub quality: f64,
    pub goal_progress: f64,
    pub morale: f64,
    pub trust: f64,
    pub alignment: f64,
    pub retention: f64,
    pub throughput: f64,
}

impl Final {
    /// The final metrics in one line of words, for tables and the debrief.
    pub fn summary(&self) -> String {
        let p = |v: f64| v * 100.0;
        format!(
            "on time {:.0}% · quality {:.0}% · goals {:.0}% · morale {:.0}% · trust {:.0}% · alignment {:.0}% · retention {}",
            p(self.on_time),
            p(self.quality),
            p(self.goal_progress),
            p(self.morale),
            p(self.trust),
            p(self.alignment),
            retention_text(self.retention)
        )
    }

    /// The outcome reads final metrics only: never the plan, never the vision share.
    pub fn from_metrics(m: &Metrics, w: &Scoring) -> Final {
        let parts = [
            (w.on_time, m.on_time),
            (w.quality, m.quality),
            (w.goal_progress, m.goal_progress),
            (w.morale, m.morale),
            (w.trust, m.trust),
            (w.retention, m.retention),
        ];
        let total: f64 = parts.iter().map(|(w, _)| w).sum();
        let outcome = if total > 0.0 {
            100.0 * parts.iter().map(|(w, v)| w * v).sum::<f64>() / total
        } else {
            0.0
        };
        Final {
            outcome,
            delivery: m.delivery,
            on_time: m.on_time,
            quality: m.quality,
            goal_progress: m.goal_progress,
            morale: m.morale,
            trust: m.trust,
            alignment: m.alignment,
            retention: m.retention,
            throughput: m.throughput,
        }
    }
}

/// Adds causes by label into a fixed order (first seen first), so output is stable.
#[derive(Default)]
pub struct CauseBook {
    causes: Vec<Cause>,
}

impl CauseBook {
    pub fn add(&mut self, label: &str, amount: f64) {
        if let Some(c) = self.causes.iter_mut().find(|c| c.label == label) {
            c.amount += amount;
        } else {
            self.causes.push(Cause {
                label: label.to_string(),
                amount,
            });
        }
    }

    pub fn total(&self) -> f64 {
        self.causes.iter().map(|c| c.amount).sum()
    }

    /// Causes too small to read are still kept: the list must sum to the change.
    pub fn into_vec(self) -> Vec<Cause> {
        self.causes
    }
}

/// Labels that are the arithmetic of a metric rather than something that happened: the
/// lag toward recent weeks, and capacity set against the work due.
const ACCOUNTING: [&str; 3] = ["settling", "capacity against", "spare effort"];

/// Whether a cause is the arithmetic of a metric (the lag toward recent weeks, capacity
/// set against the work due) rather than something that happened: summed over a run such
/// terms grow to hundreds of points that cancel each other.
pub fn is_accounting(label: &str) -> bool {
    let label = label.to_lowercase();
    ACCOUNTING.iter().any(|a| label.contains(a))
}

/// The three largest gains and the three largest losses of a run, morale and delivery
/// causes added up over the weeks, the arithmetic terms left out.
pub fn biggest_causes(weeks: &[WeekReport]) -> (Vec<Cause>, Vec<Cause>) {
    let mut all: Vec<Cause> = Vec::new();
    for (name, pick) in [
        (
            "Morale",
            (|w: &WeekReport| &w.morale_causes) as fn(&WeekReport) -> &Vec<Cause>,
        ),
        ("Delivery", |w: &WeekReport| &w.delivery_causes),
    ] {
        let mut book = CauseBook::default();
        for w in weeks {
            for c in pick(w) {
                book.add(&c.label, c.amount);
            }
        }
        all.extend(
            book.into_vec()
                .into_iter()
                .filter(|c| !is_accounting(&c.label))
                .map(|c| Cause {
                    label: format!("{name}: {}", c.label),
                    amount: c.amount,
                }),
        );
    }
    all.sort_by(|a, b| b.amount.total_cmp(&a.amount));
    let gains = all
        .iter()
        .filter(|c| c.amount > 0.0)
        .take(3)
        .cloned()
        .collect();
    let losses = all
        .iter()
        .rev()
        .filter(|c| c.amount < 0.0)
        .take(3)
        .cloned()
        .collect();
    (gains, losses)
}

/// Retention as a percentage; one leaver among hundreds shows a decimal rather than
/// rounding back up to 100%.
pub fn retention_text(r: f64) -> String {
    let pct = r * 100.0;
    if pct < 100.0 && pct.round() >= 100.0 {
        format!("{pct:.1}%")
    } else {
        format!("{pct:.0}%")
    }
}

#[cfg(test)]
mod retention_tests {
    use super::retention_text;

    #[test]
    fn one_leaver_in_a_large_organisation_does_not_read_as_full_retention() {
        assert_eq!(retention_text(1.0 - 1.0 / 212.0), "99.5%");
        assert_eq!(retention_text(1.0), "100%");
        assert_eq!(retention_text(0.75), "75%");
    }
}
