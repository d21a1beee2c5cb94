//! The books of causes of the people's metrics: what events, choices and the week's drift
//! did to the team's means, kept so that each list sums to the change it explains.

use super::people::{ALIGNMENT_LABELS, MORALE_LABELS, STRESS_LABELS, TRUST_LABELS};
use crate::org::Org;
use crate::report::{Cause, CauseBook, Metrics};

/// One metric's causes summed over the people during a week: events and choices, each
/// term of the drift toward the target, and the drift's own pull toward its resting level.
#[derive(Default)]
pub(super) struct DriftBook {
    book: CauseBook,
    terms: Vec<f64>,
    /// Pull toward the resting level, and whatever clamping to 0..1 removed.
    rest: f64,
}

impl DriftBook {
    /// One person's change of the week: `rate` times each term, the rest to settling.
    pub(super) fn person(&mut self, change: f64, rate: f64, terms: &[f64]) {
        self.terms.resize(terms.len(), 0.0);
        let mut pushed = 0.0;
        for (sum, t) in self.terms.iter_mut().zip(terms) {
            *sum += rate * t;
            pushed += rate * t;
        }
        self.rest += change - pushed;
    }

    fn book_drift(&mut self, n: f64, labels: &[&str], rest: &str) {
        self.book.add(rest, self.rest / n);
        for (t, label) in self.terms.iter().zip(labels) {
            self.book.add(label, t / n);
        }
    }

    /// The week's causes; what people leaving and joining did to the mean closes the sum.
    fn finish(mut self, change: f64) -> Vec<Cause> {
        let composition = change - self.book.total();
        if composition.abs() > 1e-12 {
            self.book.add("People leaving and joining", composition);
        }
        self.book.into_vec()
    }
}

/// The books of the people's morale, trust, alignment and stress, which events and choices
/// also write to.
pub struct PeopleBooks {
    /// The headcount at the week's start: every amount is a change of the team's mean.
    n_start: usize,
    pub(super) morale: DriftBook,
    pub(super) trust: DriftBook,
    pub(super) alignment: DriftBook,
    pub(super) stress: DriftBook,
}

impl PeopleBooks {
    pub(super) fn new(n_start: usize) -> PeopleBooks {
        PeopleBooks {
            n_start,
            morale: DriftBook::default(),
            trust: DriftBook::default(),
            alignment: DriftBook::default(),
            stress: DriftBook::default(),
        }
    }

    /// An event's or a choice's nudge, `moved` summed over the people it moved.
    pub fn add_event(&mut self, metric: PeopleMetric, label: &str, moved: f64) {
        if self.n_start == 0 {
            return;
        }
        let book = match metric {
            PeopleMetric::Morale => &mut self.morale,
            PeopleMetric::Trust => &mut self.trust,
            PeopleMetric::Alignment => &mut self.alignment,
            PeopleMetric::Stress => &mut self.stress,
        };
        book.book.add(label, moved / self.n_start as f64);
    }

    pub(super) fn book_drift(&mut self) {
        if self.n_start == 0 {
            return;
        }
        let n = self.n_start as f64;
        self.morale
            .book_drift(n, &MORALE_LABELS, "Settling toward neutral");
        self.trust
            .book_drift(n, &TRUST_LABELS, "Settling toward neutral");
        self.alignment
            .book_drift(n, &ALIGNMENT_LABELS, "Fading where no vision reaches");
        self.stress
            .book_drift(n, &STRESS_LABELS, "Settling toward calm");
    }

    pub(super) fn finish(self, start: &PeopleMeans, end: &PeopleMeans) -> [Vec<Cause>; 4] {
        [
            self.morale.finish(end.morale - start.morale),
            self.trust.finish(end.trust - start.trust),
            self.alignment.finish(end.alignment - start.alignment),
            self.stress.finish(end.stress - start.stress),
        ]
    }
}

/// The metrics of the people that events can nudge and that have books of causes.
#[derive(Clone, Copy, Debug)]
pub enum PeopleMetric {
    Morale,
    Trust,
    Alignment,
    Stress,
}

/// The team's means of the metrics with books, as the week's report measures them.
pub(super) struct PeopleMeans {
    morale: f64,
    trust: f64,
    alignment: f64,
    stress: f64,
}

impl PeopleMeans {
    pub(super) fn of(org: &Org) -> PeopleMeans {
        PeopleMeans {
            morale: org.mean(|p| p.morale),
            trust: org.mean(|p| p.trust),
            alignment: org.mean(|p| p.alignment),
            stress: org.mean(|p| p.stress),
        }
    }

    pub(super) fn from(m: &Metrics) -> PeopleMeans {
        PeopleMeans {
            morale: m.morale,
            trust: m.trust,
            alignment: m.alignment,
            stress: m.stress,
        }
    }
}
