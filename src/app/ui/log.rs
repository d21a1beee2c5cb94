//! The event log of the run, filterable, and warnings before failure.

use super::style;
use crate::i18n;
use crate::t;
use bevy_egui::egui::{self, RichText};
use sim::LeaveReason;
use sim::{KickOff, Level, Sim, WeekReport};

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
        (Some(d), Some(c)) => format!("{} — {}", i18n::text(&d.title), i18n::text(&c.label)),
        _ => format!("{}: {}", dilemma, choice),
    }
}

/// One line of the log: week, kind (an id: `kind_name` says it in words) and text.
pub fn entries(
    level: &Level,
    weeks: &[WeekReport],
    filter: Filter,
) -> Vec<(u32, &'static str, String)> {
    let mut out = Vec::new();
    for w in weeks.iter().rev() {
        if matches!(filter, Filter::All | Filter::Events) {
            out.extend(w.events.iter().map(|e| (w.week, "event", i18n::text(e))));
        }
        if matches!(filter, Filter::All | Filter::Choices) {
            out.extend(
                w.choices
                    .iter()
                    .map(|(d, c)| (w.week, "choice", choice_text(level, d, c))),
            );
        }
        if matches!(filter, Filter::All | Filter::Events) {
            out.extend(
                w.kicked_off
                    .iter()
                    .map(|k| (w.week, "kick-off", kick_off_text(k))),
            );
            if w.requests_cut > 0.05 {
                out.push((
                    w.week,
                    "scope",
                    t!("log-scope", weeks = format!("{:.1}", w.requests_cut)),
                ));
            }
        }
        if matches!(filter, Filter::All | Filter::People) {
            out.extend(
                w.left
                    .iter()
                    .map(|n| (w.week, "left", t!("log-left", name = n.as_str()))),
            );
            out.extend(
                w.joined
                    .iter()
                    .map(|n| (w.week, "joined", t!("log-joined", name = n.as_str()))),
            );
        }
    }
    out
}

/// A kind of log line in words.
fn kind_name(kind: &str) -> String {
    match kind {
        "event" => t!("log-kind-event"),
        "choice" => t!("log-kind-choice"),
        "kick-off" => t!("log-kind-kick-off"),
        "scope" => t!("log-kind-scope"),
        "left" => t!("log-kind-left"),
        "joined" => t!("log-kind-joined"),
        other => other.to_string(),
    }
}

/// A deliverable's week to be broken down, in words: how much of it the week's planning
/// covered and what the rest cost.
fn kick_off_text(k: &KickOff) -> String {
    t!(
        "log-kick-off",
        title = i18n::text(&k.title),
        planned = format!("{:.0}", k.planned * 100.0),
        hours = format!("{:.1}", k.hours),
        lost = format!("{:.1}", k.false_starts)
    )
}

/// What is about to go wrong, in words, before it does.
pub fn warnings(sim: &Sim) -> Vec<String> {
    let mut out = Vec::new();
    people_at_risk(sim, &mut out);
    late_work(sim, &mut out);
    coming_work(sim, &mut out);
    if let Some(last) = sim.state.history.last() {
        let review = last.plan.get(sim::Activity::ReviewQuality);
        if review == 0.0 && last.metrics.quality < 0.85 {
            out.push(t!("log-warn-quality"));
        }
        if last.metrics.alignment < 0.35 {
            out.push(t!("log-warn-alignment"));
        }
    }
    out
}

/// Who may leave, and the largest part of the model's leaving rule for each.
fn people_at_risk(sim: &Sim, out: &mut Vec<String>) {
    let mut at_risk: Vec<(&str, String)> = Vec::new();
    for p in sim.state.org.present().filter(|p| p.at_risk()) {
        // Name the largest part of the model's leaving rule.
        let (why, value) = p.main_leave_reason();
        let name = p.name.as_str();
        let value = format!("{:.0}", value * 100.0);
        let chance = format!("{:.0}", p.leave_chance() * 100.0);
        let warning = match why {
            LeaveReason::LowMorale => t!(
                "log-risk-morale",
                name = name,
                value = value,
                chance = chance
            ),
            LeaveReason::Stress => t!(
                "log-risk-stress",
                name = name,
                value = value,
                chance = chance
            ),
            LeaveReason::Fatigue => t!(
                "log-risk-fatigue",
                name = name,
                value = value,
                chance = chance
            ),
        };
        at_risk.push((&p.name, warning));
    }
    let n = at_risk.len();
    out.extend(at_risk.into_iter().take(4).map(|(_, w)| w));
    if n > 4 {
        out.push(t!("log-risk-more", n = n - 4));
    }
}

/// Work past its date, and whether it weighed on people last week.
fn late_work(sim: &Sim, out: &mut Vec<String>) {
    let week = sim.next_week();
    let late: Vec<_> = sim
        .state
        .items
        .iter()
        .filter(|i| i.finished.is_none() && i.due < week)
        .collect();
    if !late.is_empty() {
        let title = i18n::text(&late[0].title);
        let what = match late.len() {
            1 => t!("log-late-one", title = title),
            n => t!("log-late-many", n = n, title = title),
        };
        // Said only when the work due did weigh on people last week, so it is true.
        let pressed = sim.state.history.last().is_some_and(|w| {
            w.stress_causes
                .iter()
                .any(|c| c.label == sim::PRESSURE_CAUSE && c.amount > 0.002)
        });
        out.push(if pressed {
            t!(
                "log-late-pressed",
                late = what,
                plan = i18n::text(sim::Activity::PlanWork.label()),
                priorities = i18n::text(sim::Activity::SetPriorities.label())
            )
        } else {
            what
        });
    }
}

/// The next date, and what is broken down this week.
fn coming_work(sim: &Sim, out: &mut Vec<String>) {
    let week = sim.next_week();
    if let Some(next_due) = sim
        .state
        .items
        .iter()
        .filter(|i| i.finished.is_none() && i.due >= week && i.remaining() > 1.0)
        .min_by_key(|i| i.due)
    {
        let title = i18n::text(&next_due.title);
        let effort = format!("{:.1}", next_due.remaining());
        out.push(if next_due.arrives > week {
            t!(
                "log-arrives",
                title = title,
                arrives = next_due.arrives,
                due = next_due.due,
                effort = effort
            )
        } else {
            t!(
                "log-due",
                title = title,
                due = next_due.due,
                effort = effort
            )
        });
    }
    let landing: Vec<_> = sim
        .state
        .items
        .iter()
        .filter(|i| i.kicks_off_in(week))
        .collect();
    if let Some(first) = landing.first() {
        let title = i18n::text(&first.title);
        let hours = format!(
            "{:.0}",
            sim::kick_off_hours(&sim.state, &sim.level, week).ceil()
        );
        let share = format!("{:.0}", sim::false_start_share(&sim.state.org) * 100.0);
        out.push(match landing.len() - 1 {
            0 => t!("log-break-one", title = title, hours = hours, share = share),
            more => t!(
                "log-break-many",
                title = title,
                more = more,
                hours = hours,
                share = share
            ),
        });
    }
}

pub fn show(
    ui: &mut egui::Ui,
    level: &Level,
    weeks: &[WeekReport],
    filter: &mut Filter,
    warnings: &[String],
) {
    ui.horizontal(|ui| {
        ui.label(style::heading(t!("log-title")).size(18.0));
        for (f, name) in [
            (Filter::All, t!("log-filter-all")),
            (Filter::Events, t!("log-filter-events")),
            (Filter::Choices, t!("log-filter-choices")),
            (Filter::People, t!("log-filter-people")),
        ] {
            if ui.selectable_label(*filter == f, name).clicked() {
                *filter = f;
            }
        }
    });
    // The lists scroll within what the panel leaves under its heading.
    let list_height = (ui.available_height() - 4.0).max(40.0);
    ui.columns(2, |cols| {
        let (log_col, warn_col) = cols.split_at_mut(1);
        list_column(&mut log_col[0], "log", list_height, |ui| {
            // A margin keeps the log and the warnings apart.
            ui.set_max_width(ui.available_width() - 12.0);
            let list = entries(level, weeks, *filter);
            if list.is_empty() {
                ui.label(style::muted(t!("log-nothing-yet")));
            }
            for (week, kind, text) in list {
                ui.label(
                    RichText::new(t!(
                        "log-line",
                        week = week,
                        kind = kind_name(kind),
                        text = text
                    ))
                    .size(14.0)
                    .color(style::pal().text),
                );
            }
        });
        list_column(&mut warn_col[0], "warnings", list_height, |ui| {
            if warnings.is_empty() {
                ui.label(style::muted(t!("log-no-warnings")));
            }
            for w in warnings {
                ui.label(
                    RichText::new(format!("! {w}"))
                        .size(14.0)
                        .color(style::pal().warn),
                );
            }
        });
    });
}

/// One scrolling list of the log panel. Columns lay out justified, which stretches
/// wrapped words apart: the list's lines are plain left-aligned.
fn list_column(ui: &mut egui::Ui, id: &str, height: f32, add: impl FnOnce(&mut egui::Ui)) {
    ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
        // A solid bar whenever the list is longer than its room: egui's floating bar shows
        // only under the pointer, and a line cut at the bottom read as the end of the list.
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::vertical()
            .id_salt(id)
            .max_height(height)
            .auto_shrink([false, true])
            .show(ui, add);
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::{Activity, Decision, Plan};
    use std::sync::Arc;

    #[test]
    fn the_log_says_how_much_of_a_request_from_above_was_agreed_away() {
        let src = r#"(id: "ask", title: "Ask", briefing: "", role: MiddleManager, weeks: 4, budget: 40.0,
            events: [(id: "ask", title: "Ask", text: "", when: Week(1), effects: [Request(1.5)])],
            team: People([(name: "A", skill: 0.6, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3)]),
            goals: [(id: "g", title: "G", target: 4.0)],
            work: [Stream(title: "w", goal: "g", effort: 0.5, from: 1, to: 4)])"#;
        let level = Arc::new(Level::parse(src, "ask.ron").expect("the level parses"));
        let mut sim = Sim::new(level.clone(), 3);
        let mut plan = Plan::from_share(0.5, 30.0);
        plan.set(
            Activity::SetPriorities,
            plan.get(Activity::SetPriorities) + 8.0,
        );
        for _ in 0..2 {
            sim.step(&Decision {
                plan,
                ..Decision::default()
            })
            .expect("the plan fits");
        }
        let cut = sim.state.history[1].requests_cut;
        let scope: Vec<String> = entries(&level, &sim.state.history, Filter::All)
            .into_iter()
            .filter(|(week, kind, _)| *week == 2 && *kind == "scope")
            .map(|(_, _, text)| text)
            .collect();
        assert_eq!(
            scope,
            vec![format!(
                "{cut:.1} person-weeks of requests from above agreed away"
            )]
        );
        assert!(cut > 0.05, "{cut}");
        let people = entries(&level, &sim.state.history, Filter::People);
        assert!(people.iter().all(|(_, kind, _)| *kind != "scope"));
    }

    /// Two people and a stream: `effort` person-weeks fall due every week.
    fn stream_level(effort: f64) -> Arc<Level> {
        let src = format!(
            r#"(id: "late", title: "Late", briefing: "", role: Frontline, weeks: 6, budget: 40.0,
            team: People([(name: "A", skill: 0.6, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3),
                          (name: "B", skill: 0.6, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3)]),
            goals: [(id: "g", title: "G", target: 6.0)],
            work: [Stream(title: "w", goal: "g", effort: {effort}, from: 1, to: 6)])"#
        );
        Arc::new(Level::parse(&src, "late.ron").expect("the level parses"))
    }

    #[test]
    fn the_late_work_warning_says_it_weighs_on_people_only_when_it_does() {
        let late_warning = |effort: f64, plan: Plan| {
            let mut sim = Sim::new(stream_level(effort), 3);
            for _ in 0..3 {
                sim.step(&Decision {
                    plan,
                    ..Decision::default()
                })
                .expect("the plan fits");
            }
            warnings(&sim)
                .into_iter()
                .find(|w| w.contains("already late"))
        };
        // Far more than two people make: the pile presses on them.
        let pressed = late_warning(3.0, Plan::from_share(0.5, 30.0)).expect("work is late");
        assert!(pressed.contains("re-plan"), "{pressed}");
        // A little work left undone by a boss who never plans: late, but no pressure.
        let slack = late_warning(0.4, Plan::from_share(1.0, 30.0)).expect("work is late");
        assert!(!slack.contains("re-plan"), "{slack}");
    }
}
