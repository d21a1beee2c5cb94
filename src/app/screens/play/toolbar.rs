//! The play screen's top bar: the level and the week, the clock, the buttons that end
//! the week or open a window, and what the class or the boss above says this week.

use super::{Overlay, PlayUi};
use crate::app::lan::{LanTeam, Link};
use crate::app::session::{Command, Session};
use crate::app::ui::style;
use crate::i18n;
use crate::store::settings::Speed;
use crate::t;
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
    // The buttons keep their room: the title and the week take what the buttons left
    // last frame, cut with "…" (the whole text on hover) when a language runs long.
    let buttons_id = egui::Id::new("play-toolbar-buttons");
    let buttons_width: f32 = ui.ctx().data(|d| d.get_temp(buttons_id)).unwrap_or(0.0);
    ui.horizontal(|ui| {
        let room = (ui.available_width() - buttons_width - 16.0).max(120.0);
        ui.allocate_ui_with_layout(
            egui::vec2(room, ui.available_height()),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(i18n::text(&level.title))
                            .size(22.0)
                            .color(style::pal().forest)
                            .strong(),
                    )
                    .truncate(),
                );
                ui.add(
                    egui::Label::new(style::body(t!(
                        "play-toolbar-week",
                        role = i18n::text(level.role.label()),
                        week = week,
                        weeks = level.weeks,
                        hours = format!("{:.0}", sim.budget())
                    )))
                    .truncate(),
                );
            },
        );
        let buttons = ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(t!("play-menu")).clicked() {
                opened = Some(Overlay::Menu);
            }
            if ui.button(t!("play-keys")).clicked() {
                opened = Some(overlay.toggled(Overlay::Help));
            }
            if ui.button(t!("play-charts")).clicked() {
                opened = Some(overlay.toggled(Overlay::Charts));
            }
            clock(ui, state);
            week_buttons(ui, session, out);
        });
        let width = buttons.response.rect.width();
        ui.ctx().data_mut(|d| d.insert_temp(buttons_id, width));
    });
    if let Some(e) = &session.save_error {
        ui.label(egui::RichText::new(e).color(style::pal().warn));
    }
    // A row of its own: beside the title the toolbar would cover it.
    let scrutiny = sim.scrutiny_hours();
    if scrutiny >= 0.5 && !sim.is_finished() {
        ui.label(
            style::body(t!(
                "play-scrutiny",
                above = i18n::text(level.role.above()),
                hours = format!("{scrutiny:.0}"),
                confidence = format!("{:.0}", sim.state.confidence * 100.0)
            ))
            .color(style::pal().warn),
        );
    }
    if let Some(lan) = lan {
        class_bar(ui, session, lan);
    }
    if !session.inject.is_empty() && session.lan.is_none() {
        let titles: Vec<String> = session
            .inject
            .iter()
            .filter_map(|id| level.events.iter().find(|e| &e.id == id))
            .map(|e| i18n::text(&e.title))
            .collect();
        ui.label(
            egui::RichText::new(t!("play-announced-next-week", events = titles.join(" · ")))
                .color(style::pal().trees),
        );
    }
    opened
}

/// The speed of continuous mode, and the countdown of its week.
fn clock(ui: &mut egui::Ui, state: &mut PlayUi) {
    let mut speed = state.speed;
    let speed_box = egui::ComboBox::from_id_salt("speed")
        .selected_text(crate::i18n::tr(speed.label_id()))
        .show_ui(ui, |ui| {
            for s in Speed::ALL {
                ui.selectable_value(&mut speed, s, crate::i18n::tr(s.label_id()));
            }
        });
    style::name(speed_box.response, &t!("play-speed-name"));
    if speed != state.speed {
        state.speed = speed;
        state.elapsed = 0.0;
    }
    if let Some(total) = state.speed.seconds_per_week(state.time_scale) {
        let left = (total - state.elapsed).max(0.0);
        ui.add(
            egui::ProgressBar::new(state.elapsed / total)
                .desired_width(90.0)
                .text(t!("play-clock-left", seconds = format!("{left:.0}"))),
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
        egui::Button::new(egui::RichText::new(t!("play-end-week")).size(17.0).strong()),
    );
    let end = match &held {
        Some(why) => end.on_disabled_hover_text(t!("play-not-yet", why = why.to_string())),
        None => end,
    };
    if end.clicked() {
        out.write(Command::EndWeek);
    }
    if ui
        .add_enabled(
            !session.decisions.is_empty(),
            egui::Button::new(t!("play-keep-plan")),
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
                t!(
                    "play-class-seated",
                    code = lan.class.code.to_string(),
                    host = lan.host.to_string()
                ),
                style::pal().forest,
            ),
            Link::Connecting | Link::Greeting => (
                t!("play-class-joining", host = lan.host.to_string()),
                style::pal().muted,
            ),
            Link::Lost(why) => (
                t!(
                    "play-class-lost",
                    host = lan.host.to_string(),
                    why = why.to_string()
                ),
                style::pal().warn,
            ),
            Link::Refused(why) => (
                t!("play-class-refused", why = why.to_string()),
                style::pal().bad,
            ),
        };
        ui.label(egui::RichText::new(text).color(color));
        if let Some(class) = &session.lan {
            let c = &class.clock;
            let clock = if c.over {
                t!("play-class-over")
            } else if !c.started() {
                t!("play-class-waiting")
            } else if !c.running {
                t!("play-class-paused", week = c.week, weeks = c.weeks)
            } else {
                let left = c.left();
                let mine = session.sim.next_week();
                let time = format!("{}:{:02}", left / 60, left % 60);
                // A team that is ahead waits for the class: say when its week opens.
                if mine > c.week && !session.sim.is_finished() {
                    t!(
                        "play-class-opens",
                        week = c.week,
                        weeks = c.weeks,
                        mine = mine,
                        time = time
                    )
                } else {
                    t!(
                        "play-class-left",
                        week = c.week,
                        weeks = c.weeks,
                        time = time
                    )
                }
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
                    .map(|e| i18n::text(&e.title))
                    .collect();
                titles.extend(a.custom.iter().map(|e| {
                    if e.text.is_empty() {
                        e.title.clone()
                    } else {
                        format!("{} ({})", e.title, e.text)
                    }
                }));
                ui.label(
                    egui::RichText::new(t!("play-class-announced", events = titles.join(" · ")))
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
