//! The event log of the run, filterable, and warnings before failure.

use super::style;
use crate::sim::org::LeaveReason;
use crate::sim::{Level, Sim, WeekReport};
use bevy_egui::egui::{self, RichText};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    #[default]
    All,
    Events,
    Choices,
    People,
}

/// A recorded choice in words: the dilemma's title and the choice's label.
fn choice_text(level: &Level, dilemma: &str, choice: &str) -> String {
    let d = level.dilemmas.iter().find(|d| d.id == dilemma);
    let c = d.and_then(|d| d.choices.iter().find(|c| c.id == choice));
    match (d, c) {
        (Some(d), Some(c)) => format!("{} — {}", d.title, c.label),
        _ => format!("{dilemma}: {choice}"),
    }
}

/// One line of the log: week, kind and text.
pub fn entries(
    level: &Level,
    weeks: &[WeekReport],
    filter: Filter,
) -> Vec<(u32, &'static str, String)> {
    let mut out = Vec::new();
    for w in weeks.iter().rev() {
        if matches!(filter, Filter::All | Filter::Events) {
            out.extend(w.events.iter().map(|e| (w.week, "event", e.clone())));
        }
        if matches!(filter, Filter::All | Filter::Choices) {
            out.extend(
                w.choices
                    .iter()
                    .map(|(d, c)| (w.week, "choice", choice_text(level, d, c))),
            );
        }
        if matches!(filter, Filter::All | Filter::People) {
            out.extend(
                w.left
                    .iter()
                    .map(|n| (w.week, "left", format!("{n} left the team"))),
            );
            out.extend(
                w.joined
                    .iter()
                    .map(|n| (w.week, "joined", format!("{n} joined"))),
            );
        }
    }
    out
}

/// What is about to go wrong, in words, before it does.
pub fn warnings(sim: &Sim) -> Vec<String> {
    let mut out = Vec::new();
    let mut at_risk: Vec<(&str, String)> = Vec::new();
    for p in sim.state.org.present().filter(|p| p.at_risk()) {
        // Name the largest part of the model's leaving rule.
        let (why, value) = p.main_leave_reason();
        let whose = match why {
            LeaveReason::LowMorale => format!("{}'s morale is low", p.name),
            LeaveReason::Stress => format!("{}'s stress is high", p.name),
            LeaveReason::Fatigue => format!("{} is worn out from overtime: fatigue", p.name),
        };
        at_risk.push((
            &p.name,
            format!(
                "{whose} ({:.0}%): a {:.0}% chance a week that they leave",
                value * 100.0,
                p.leave_chance() * 100.0
            ),
        ));
    }
    let n = at_risk.len();
    out.extend(at_risk.into_iter().take(4).map(|(_, w)| w));
    if n > 4 {
        out.push(format!("…and {} more people at risk of leaving", n - 4));
    }
    let week = sim.next_week();
    let late: Vec<_> = sim
        .state
        .items
        .iter()
        .filter(|i| i.finished.is_none() && i.due < week)
        .collect();
    if !late.is_empty() {
        out.push(format!(
            "{} work item(s) are already late, e.g. \"{}\"",
            late.len(),
            late[0].title
        ));
    }
    if let Some(next_due) = sim
        .state
        .items
        .iter()
        .filter(|i| i.finished.is_none() && i.due >= week && i.remaining() > 1.0)
        .min_by_key(|i| i.due)
    {
        out.push(if next_due.arrives > week {
            format!(
                "\"{}\" arrives in week {}, due in week {}: {:.1} person-weeks",
                next_due.title,
                next_due.arrives,
                next_due.due,
                next_due.remaining()
            )
        } else {
            format!(
                "\"{}\" is due in week {} with {:.1} person-weeks to go",
                next_due.title,
                next_due.due,
                next_due.remaining()
            )
        });
    }
    if let Some(last) = sim.state.history.last() {
        let review = last.plan.get(crate::sim::Activity::ReviewQuality);
        if review == 0.0 && last.metrics.quality < 0.85 {
            out.push("Quality will keep slipping while review time stays at zero".into());
        }
        if last.metrics.alignment < 0.35 {
            out.push("The team is losing sight of the goals: alignment is low".into());
        }
    }
    out
}

pub fn show(
    ui: &mut egui::Ui,
    level: &Level,
    weeks: &[WeekReport],
    filter: &mut Filter,
    warnings: &[String],
) {
    ui.horizontal(|ui| {
        ui.label(style::heading("Log").size(18.0));
        for (f, name) in [
            (Filter::All, "All"),
            (Filter::Events, "Events"),
            (Filter::Choices, "Choices"),
            (Filter::People, "People"),
        ] {
            if ui.selectable_label(*filter == f, name).clicked() {
                *filter = f;
            }
        }
    });
    ui.columns(2, |cols| {
        egui::ScrollArea::vertical()
            .id_salt("log")
            .max_height(110.0)
            .show(&mut cols[0], |ui| {
                let list = entries(level, weeks, *filter);
                if list.is_empty() {
                    ui.label(style::muted("Nothing yet."));
                }
                for (week, kind, text) in list {
                    ui.label(
                        RichText::new(format!("Week {week} · {kind}: {text}"))
                            .size(14.0)
                            .color(style::TEXT),
                    );
                }
            });
        egui::ScrollArea::vertical()
            .id_salt("warnings")
            .max_height(110.0)
            .show(&mut cols[1], |ui| {
                if warnings.is_empty() {
                    ui.label(style::muted("No warnings."));
                }
                for w in warnings {
                    ui.label(
                        RichText::new(format!("! {w}"))
                            .size(14.0)
                            .color(style::WARN),
                    );
                }
            });
    });
}
