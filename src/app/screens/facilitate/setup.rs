//! The facilitator's left panel: the round, its class code, hosting on the LAN, and the
//! events to announce.

use super::{CustomForm, Facilitation, Hosting, big};
use crate::app::lan::{self, LanHost};
use crate::app::ui::style;
use crate::class::ClassCode;
use crate::class::room::{Clock, Room};
use crate::i18n;
use crate::t;
use bevy_egui::egui;
use sim::{Difficulty, Level};

/// The left panel: the round (level, difficulty, seed, pace), its code, the LAN, and
/// what to announce.
pub(super) fn setup(
    ui: &mut egui::Ui,
    f: &mut Facilitation,
    room: &mut Option<&mut LanHost>,
    all: &[&Level],
    code: &ClassCode,
    clock: &mut Clock,
) -> Hosting {
    let level = all[f.level.min(all.len() - 1)];
    ui.label(style::heading(t!("facilitate-setup")));
    ui.add_space(8.0);
    ui.add_enabled_ui(room.is_none(), |ui| round(ui, f, all, level, clock));
    ui.horizontal(|ui| {
        let name = ui.label(style::body(t!("facilitate-seconds-a-week"))).id;
        ui.add(egui::DragValue::new(&mut clock.seconds_per_week).range(15..=600))
            .labelled_by(name);
    });
    ui.add_space(12.0);
    ui.label(style::muted(t!("facilitate-code-hint")));
    ui.label(
        egui::RichText::new(code.text())
            .size(44.0)
            .monospace()
            .color(style::pal().trees)
            .strong(),
    );
    ui.label(style::muted(t!(
        "facilitate-round-details",
        level = i18n::text(&level.title),
        difficulty = i18n::text(code.difficulty.label()),
        seed = code.seed.to_string()
    )));
    ui.add_space(10.0);
    let hosting = lan_block(ui, f, room.as_deref());
    ui.add_space(12.0);
    announcements(ui, f, room, level, clock);
    hosting
}

/// Which level, at which difficulty, with which seed.
fn round(
    ui: &mut egui::Ui,
    f: &mut Facilitation,
    all: &[&Level],
    level: &Level,
    clock: &mut Clock,
) {
    let mut chosen = f.level.min(all.len() - 1);
    let level_box = egui::ComboBox::from_id_salt("facilitate_level")
        .width(320.0)
        .selected_text(i18n::text(&level.title))
        .show_ui(ui, |ui| {
            for (i, l) in all.iter().enumerate() {
                ui.selectable_value(&mut chosen, i, i18n::text(&l.title));
            }
        });
    style::name(level_box.response, &t!("facilitate-level"));
    if chosen != f.level {
        f.level = chosen;
        // The frame's clock, which is written back: another level starts at week 1.
        *clock = Clock::new(1, clock.seconds_per_week);
        f.band = None;
        f.pending = None;
        f.announced = None;
    }
    ui.horizontal(|ui| {
        for d in Difficulty::ALL {
            ui.radio_value(&mut f.difficulty, d, i18n::text(d.label()));
        }
    });
    ui.horizontal(|ui| {
        let name = ui.label(style::body(t!("facilitate-seed"))).id;
        ui.add(egui::DragValue::new(&mut f.seed).range(1..=1024))
            .labelled_by(name);
    });
}

/// Offline, or hosted on the LAN: the addresses teams type, and the button to change it.
fn lan_block(ui: &mut egui::Ui, f: &Facilitation, room: Option<&LanHost>) -> Hosting {
    let mut hosting = Hosting::Keep;
    match room {
        None => {
            ui.label(style::muted(t!("facilitate-offline")));
            if ui.button(big(t!("facilitate-host"), 17.0)).clicked() {
                hosting = Hosting::Start;
            }
            if let Some(e) = &f.hosting_error {
                ui.label(egui::RichText::new(e).color(style::pal().bad));
            }
        }
        Some(h) => {
            let (addresses, problem) = (&h.addresses, &h.problem);
            ui.label(style::body(t!("facilitate-hosted")).strong());
            ui.label(style::muted(if addresses.len() > 1 {
                t!("facilitate-find-or-type-one-of")
            } else {
                t!("facilitate-find-or-type")
            }));
            if addresses.is_empty() {
                ui.label(style::muted(t!(
                    "facilitate-no-address",
                    port = lan::PORT.to_string()
                )));
            }
            for a in addresses.iter() {
                ui.label(
                    egui::RichText::new(a.to_string())
                        .size(30.0)
                        .monospace()
                        .color(style::pal().forest),
                );
            }
            if let Some(p) = problem {
                ui.label(egui::RichText::new(p).color(style::pal().bad));
            }
            if ui
                .button(big(t!("facilitate-stop-hosting"), 17.0))
                .clicked()
            {
                hosting = Hosting::Stop;
            }
        }
    }
    hosting
}

/// The deck's events to announce, and (hosted) the facilitator's own.
fn announcements(
    ui: &mut egui::Ui,
    f: &mut Facilitation,
    room: &mut Option<&mut LanHost>,
    level: &Level,
    clock: &Clock,
) {
    ui.label(style::heading(t!("facilitate-announce-heading")).size(18.0));
    ui.label(style::muted(if room.is_some() {
        t!("facilitate-announce-hosted")
    } else {
        t!("facilitate-announce-offline")
    }));
    let mut toggled = None;
    for (i, e) in level.events.iter().enumerate() {
        let on = f.announced == Some(i);
        if ui
            .selectable_label(on, format!("E{} · {}", i + 1, i18n::text(&e.title)))
            .clicked()
        {
            f.announced = if on { None } else { Some(i) };
            f.custom.shown = None;
            toggled = Some(e.id.clone());
        }
    }
    if let (Some(id), Some(h)) = (toggled, room.as_mut()) {
        h.room.clock = clock.clone();
        f.custom.said = Some(match h.room.toggle_deck(&id) {
            Ok(Some(w)) => Ok(t!("facilitate-announced-deck", week = w)),
            Ok(None) => Ok(t!("facilitate-withdrawn")),
            Err(e) => Err(e),
        });
    }
    if let Some(h) = room.as_mut() {
        h.room.clock = clock.clone();
        custom_event_form(ui, &mut f.custom, &mut h.room);
    }
    if let Some(said) = &f.custom.said {
        match said {
            Ok(s) => ui.label(egui::RichText::new(s).color(style::pal().forest)),
            Err(e) => ui.label(egui::RichText::new(e.to_string()).color(style::pal().bad)),
        };
    }
}

/// The facilitator's own event: a title, a line to read out, and what it does.
fn custom_event_form(ui: &mut egui::Ui, form: &mut CustomForm, room: &mut Room) {
    ui.add_space(4.0);
    egui::CollapsingHeader::new(style::body(t!("facilitate-write-own")).strong())
        .id_salt("custom_event")
        .show(ui, |ui| custom_event_fields(ui, form, room));
}

fn custom_event_fields(ui: &mut egui::Ui, form: &mut CustomForm, room: &mut Room) {
    style::name(
        ui.add(
            egui::TextEdit::singleline(&mut form.title)
                .hint_text(t!("facilitate-title-hint"))
                .char_limit(sim::CUSTOM_TITLE_MAX)
                .desired_width(290.0),
        ),
        &t!("facilitate-event-title"),
    );
    style::name(
        ui.add(
            egui::TextEdit::multiline(&mut form.text)
                .hint_text(t!("facilitate-what-teams-read"))
                .char_limit(sim::CUSTOM_TEXT_MAX)
                .desired_rows(2)
                .desired_width(290.0),
        ),
        &t!("facilitate-what-teams-read"),
    );
    egui::Grid::new("custom_effects")
        .num_columns(2)
        .show(ui, |ui| {
            for (label, v) in [
                (t!("facilitate-morale"), &mut form.morale),
                (t!("facilitate-trust"), &mut form.trust),
                (t!("facilitate-alignment"), &mut form.alignment),
            ] {
                ui.label(style::body(&label));
                let unit = format!(" {}", t!("facilitate-points"));
                ui.horizontal(|ui| style::slider(ui, v, -20..=20, &label, (&unit, 0), |s| s));
                ui.end_row();
            }
            let name = &t!("facilitate-unplanned-work");
            let unit = format!(" {}", t!("facilitate-person-weeks"));
            ui.label(style::body(name));
            ui.horizontal(|ui| style::slider(ui, &mut form.work, 0..=20, name, (&unit, 0), |s| s));
            ui.end_row();
        });
    if ui
        .button(big(t!("facilitate-announce-all"), 16.0))
        .clicked()
    {
        form.said = Some(room.announce_custom(form.event()).map(|w| {
            t!(
                "facilitate-announced-custom",
                title = form.title.trim(),
                week = w
            )
        }));
        if matches!(form.said, Some(Ok(_))) {
            let said = form.said.take();
            let shown = Some(form.event());
            *form = CustomForm {
                said,
                shown,
                ..CustomForm::default()
            };
        }
    }
}
