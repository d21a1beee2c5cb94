//! The play screen's top bar: the level and the week, the clock, the buttons that end
//! the week or open a window, and what the class or the boss above says this week.

use super::{Overlay, PlayUi};
use crate::app::lan::{LanTeam, Link};
use crate::app::session::{Command, Session};
use crate::app::ui::style;
use crate::store::settings::Speed;
use bevy::prelude::*;
use bevy_egui::egui;

/// The top bar; what it opens is returned, for the caller to set.
pub(super) fn show(
    ui: &mut egui::Ui,
    session: &Session,
    state: &mut PlayUi,
    overlay: Overlay,
    lan: Option<&LanTeam>,
    out: &mut MessageWriter<Command>,
) -> Option<Overlay> {
    let sim = &session.sim;
    let level = &sim.level;
    let week = sim.next_week().min(level.weeks);
    let mut opened = None;
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(&level.title)
                .size(22.0)
                .color(style::pal().forest)
                .strong(),
        );
        ui.label(style::body(format!(
            "{} · week {week} of {} · {:.0} h this week",
            level.role.label(),
            level.weeks,
            sim.budget()
        )));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Menu (Esc)").clicked() {
                opened = Some(Overlay::Menu);
            }
            if ui.button("Keys (?)").clicked() {
                opened = Some(overlay.toggled(Overlay::Help));
            }
            if ui.button("Charts (C)").clicked() {
                opened = Some(overlay.toggled(Overlay::Charts));
            }
            clock(ui, state);
            week_buttons(ui, session, out);
        });
    });
    if let Some(e) = &session.save_error {
        ui.label(egui::RichText::new(e).color(style::pal().warn));
    }
    // A row of its own: beside the title the toolbar would cover it.
    let scrutiny = sim.scrutiny_hours();
    if scrutiny >= 0.5 && !sim.is_finished() {
        ui.label(
            style::body(format!(
                "Status reports for {} take {scrutiny:.0} h of this week: their confidence in you is {:.0}%",
                level.role.above(),
                sim.state.confidence * 100.0
            ))
            .color(style::pal().warn),
        );
    }
    if let Some(lan) = lan {
        class_bar(ui, session, lan);
    }
    if !session.inject.is_empty() && session.lan.is_none() {
        let titles: Vec<&str> = session
            .inject
            .iter()
            .filter_map(|id| level.events.iter().find(|e| &e.id == id))
            .map(|e| e.title.as_str())
            .collect();
        ui.label(
            egui::RichText::new(format!("Announced for next week: {}", titles.join(" · ")))
                .color(style::pal().trees),
        );
    }
    opened
}

/// The speed of continuous mode, and the countdown of its week.
fn clock(ui: &mut egui::Ui, state: &mut PlayUi) {
    let mut speed = state.speed;
    let speed_box = egui::ComboBox::from_id_salt("speed")
        .selected_text(speed.label())
        .show_ui(ui, |ui| {
            for s in Speed::ALL {
                ui.selectable_value(&mut speed, s, s.label());
            }
        });
    style::name(speed_box.response, "Weeks advance");
    if speed != state.speed {
        state.speed = speed;
        state.elapsed = 0.0;
    }
    if let Some(total) = state.speed.seconds_per_week(state.time_scale) {
        let left = (total - state.elapsed).max(0.0);
        ui.add(
            egui::ProgressBar::new(state.elapsed / total)
                .desired_width(90.0)
                .text(format!("{left:.0} s")),
        );
    }
}

/// End the week, or keep last week's plan.
fn week_buttons(ui: &mut egui::Ui, session: &Session, out: &mut MessageWriter<Command>) {
    // A LAN class's clock says when a week may end.
    let held = session
        .lan
        .as_ref()
        .and_then(|c| c.clock.may_play(session.sim.next_week()).err());
    let end = ui.add_enabled(
        session.open_dilemmas().is_empty() && held.is_none(),
        egui::Button::new(egui::RichText::new("End week (Enter)").size(17.0).strong()),
    );
    let end = match &held {
        Some(why) => end.on_disabled_hover_text(format!("Not yet: {why}")),
        None => end,
    };
    if end.clicked() {
        out.write(Command::EndWeek);
    }
    if ui
        .add_enabled(
            !session.decisions.is_empty(),
            egui::Button::new("Keep last plan (K)"),
        )
        .clicked()
    {
        out.write(Command::KeepLastPlan);
    }
}

/// A LAN class: the link, the class's week and countdown, what was announced, and why a
/// week cannot end yet.
fn class_bar(ui: &mut egui::Ui, session: &Session, lan: &LanTeam) {
    ui.horizontal_wrapped(|ui| {
        let (text, color) = match &lan.link {
            Link::Seated => (
                format!("Class {} at {}", lan.class.code, lan.host),
                style::pal().forest,
            ),
            Link::Connecting | Link::Greeting => (
                format!("Joining the class at {}...", lan.host),
                style::pal().muted,
            ),
            Link::Lost(why) => (
                format!(
                    "Not connected to {} ({why}): trying again; you can keep planning",
                    lan.host
                ),
                style::pal().warn,
            ),
            Link::Refused(why) => (
                format!("Your facilitator's computer refused: {why}"),
                style::pal().bad,
            ),
        };
        ui.label(egui::RichText::new(text).color(color));
        if let Some(class) = &session.lan {
            let c = &class.clock;
            let clock = if c.over {
                "time is up: finish your weeks".to_string()
            } else if !c.started() {
                "waiting for your facilitator to start".to_string()
            } else if !c.running {
                format!("class week {} of {}, paused", c.week, c.weeks)
            } else {
                let left = c.left();
                let mine = session.sim.next_week();
                // A team that is ahead waits for the class: say when its week opens.
                let tail = if mine > c.week && !session.sim.is_finished() {
                    format!("your week {mine} opens in {}:{:02}", left / 60, left % 60)
                } else {
                    format!("{}:{:02} left", left / 60, left % 60)
                };
                format!("class week {} of {} · {tail}", c.week, c.weeks)
            };
            ui.label(
                egui::RichText::new(clock)
                    .strong()
                    .color(style::pal().trees),
            );
            let week = session.sim.next_week();
            if let Some(a) = class.announced.get(&week).filter(|a| !a.is_empty()) {
                let mut titles: Vec<String> = a
                    .deck
                    .iter()
                    .filter_map(|id| session.sim.level.events.iter().find(|e| &e.id == id))
                    .map(|e| e.title.clone())
                    .collect();
                titles.extend(a.custom.iter().map(|e| {
                    if e.text.is_empty() {
                        e.title.clone()
                    } else {
                        format!("{} ({})", e.title, e.text)
                    }
                }));
                ui.label(
                    egui::RichText::new(format!(
                        "Announced, happens next week: {}",
                        titles.join(" · ")
                    ))
                    .color(style::pal().trees),
                );
            }
        }
    });
    let notices = [
        lan.notice.clone(),
        session.notice.as_ref().map(|n| n.to_string()),
    ];
    for n in notices.into_iter().flatten() {
        ui.label(egui::RichText::new(n).color(style::pal().warn));
    }
}
