//! What opens over the play screen: why a metric moved, the week's banner, the charts,
//! the team as a list, the keys, a decision card or a guide card, and the pause menu.

use super::panels::{HUD_WIDTH, Screen};
use super::{Overlay, binds};
use crate::app::screens::{Catalog, Screen as Screens};
use crate::app::session::Command;
use crate::app::ui::{causes, charts, dilemma, style, team, tutorial};
use crate::i18n;
use crate::t;
use bevy::prelude::*;
use bevy_egui::egui;
use sim::whatif::choice_effects;

/// Draws what is open; returns what to open instead, if the player closed or chose.
pub(super) fn show(
    ctx: &egui::Context,
    screen: &mut Screen,
    team_rect: egui::Rect,
    catalog: &mut Catalog,
    next: &mut NextState<Screens>,
) -> Option<Overlay> {
    let overlay = *screen.overlay.get();
    let sim = &screen.session.sim;
    let week = sim.next_week().min(sim.level.weeks);
    let mut opened = match overlay {
        Overlay::Why(metric) => why(ctx, metric, &sim.state.history),
        Overlay::Charts => charts_window(ctx, &sim.state.history),
        Overlay::People => people_window(ctx, &sim.state.org, sim.next_week()),
        Overlay::Help => {
            help(ctx);
            None
        }
        _ => None,
    };
    // A tutorial card sits where the banner would: the card is what to read then.
    let guiding =
        tutorial::current(&sim.level.tutorial, week, &screen.state.tutorial_closed).is_some();
    if !guiding {
        banner(ctx, screen, team_rect);
    }
    if !screen.session.open_dilemmas().is_empty() {
        decision_card(ctx, screen);
    } else if !overlay.is_menu() {
        guide_card(ctx, screen, team_rect);
    } else {
        opened = pause_menu(ctx, screen, overlay, catalog, next);
    }
    opened
}

fn why(
    ctx: &egui::Context,
    metric: crate::app::ui::hud::Metric,
    history: &[sim::WeekReport],
) -> Option<Overlay> {
    let mut open = true;
    egui::Window::new(t!("play-why-title", metric = metric.label().to_lowercase()))
        .open(&mut open)
        .collapsible(false)
        .default_width(460.0)
        // Beside the metrics panel, not over it.
        .anchor(egui::Align2::RIGHT_TOP, [-(HUD_WIDTH + 20.0), 70.0])
        .show(ctx, |ui| {
            causes::show(ui, metric, history);
        });
    (!open).then_some(Overlay::None)
}

fn charts_window(ctx: &egui::Context, history: &[sim::WeekReport]) -> Option<Overlay> {
    let mut open = true;
    egui::Window::new(t!("play-charts-title"))
        .open(&mut open)
        .default_size([620.0, 320.0])
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            // Before the first week ends there is no point to draw: an empty grid would look
            // broken.
            if history.is_empty() {
                ui.label(style::muted(t!("play-charts-none")));
            } else {
                charts::metrics(ui, history, None, 260.0);
            }
        });
    (!open).then_some(Overlay::None)
}

fn people_window(ctx: &egui::Context, org: &sim::Org, week: u32) -> Option<Overlay> {
    let mut open = true;
    egui::Window::new(t!("play-people-title"))
        .open(&mut open)
        .default_size([760.0, 420.0])
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| team::people(ui, org, week));
    (!open).then_some(Overlay::None)
}

fn help(ctx: &egui::Context) {
    egui::Window::new(t!("play-keys-title"))
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            for b in binds::ALL {
                ui.horizontal(|ui| {
                    ui.add_sized(
                        [150.0, 18.0],
                        egui::Label::new(
                            egui::RichText::new(b.name())
                                .monospace()
                                .color(style::pal().trees),
                        ),
                    );
                    ui.label(style::body(b.what()));
                });
            }
        });
}

/// The week that just ended, fading out over the top of the team drawing: the work list
/// and the log below stay readable.
fn banner(ctx: &egui::Context, screen: &Screen, team_rect: egui::Rect) {
    let Some((text, timer)) = &screen.state.banner else {
        return;
    };
    // Solid while it is read, then a short fade (none with reduced motion: it goes).
    let alpha = if screen.still.0 {
        1.0
    } else {
        (timer.remaining_secs() / 0.6).min(1.0)
    };
    egui::Area::new(egui::Id::new("week_banner"))
        .fixed_pos(team_rect.center_top() + egui::vec2(0.0, 8.0))
        .pivot(egui::Align2::CENTER_TOP)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::NONE
                .fill(style::pal().background.gamma_multiply(alpha))
                .stroke(egui::Stroke::new(
                    1.0,
                    style::pal().forest.gamma_multiply(alpha),
                ))
                .inner_margin(14.0)
                .corner_radius(6.0)
                .show(ui, |ui| {
                    // One line: a wrapped "(+1)" on its own line read as a second figure.
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(text)
                                .size(20.0)
                                .color(style::pal().text.gamma_multiply(alpha)),
                        )
                        .extend(),
                    )
                });
        });
}

/// The first open decision: its choices, and at easy difficulty what each would do.
fn decision_card(ctx: &egui::Context, screen: &mut Screen) {
    let session = &screen.session;
    let sim = &session.sim;
    let Some(d) = session.open_dilemmas().first().copied() else {
        return;
    };
    let week = sim.next_week().min(sim.level.weeks);
    let key = binds::CHOOSE.which(&screen.keys).map(|i| i + 1);
    let state = &mut screen.state;
    let foresight = if sim.level.difficulty.shows_choice_effects() {
        let fresh = state
            .choice_effects
            .as_ref()
            .is_none_or(|(w, p, id, _)| *w != week || *p != session.draft || *id != d.id);
        if fresh {
            let effects = choice_effects(sim, &session.draft, &d.id, &session.choices);
            state.choice_effects = Some((week, session.draft, d.id.clone(), effects));
        }
        let effects = state.choice_effects.as_ref().map_or(&[][..], |e| &e.3[..]);
        dilemma::Foresight::Effects(effects)
    } else if sim.level.difficulty.shows_preview() {
        dilemma::Foresight::Hints
    } else {
        dilemma::Foresight::Hidden
    };
    if let Some(choice) = dilemma::show(ctx, d, key, foresight) {
        screen.out.write(Command::Choose {
            dilemma: d.id.clone(),
            choice,
        });
    }
}

/// The guide card of this week, if the player has not closed it.
fn guide_card(ctx: &egui::Context, screen: &mut Screen, team_rect: egui::Rect) {
    let sim = &screen.session.sim;
    let level = &sim.level;
    let week = sim.next_week().min(level.weeks);
    let Some(i) = tutorial::current(&level.tutorial, week, &screen.state.tutorial_closed) else {
        return;
    };
    if sim.is_finished() {
        return;
    }
    match tutorial::show(ctx, &level.tutorial[i], i, level.tutorial.len(), team_rect) {
        Some(tutorial::Action::Try(share)) => {
            screen.out.write(Command::SetShare(share));
            screen.state.tutorial_closed.push(i);
        }
        Some(tutorial::Action::Done) => screen.state.tutorial_closed.push(i),
        None => {}
    }
}

/// Resume, save a copy, an announced event (offline class), restart, or leave.
fn pause_menu(
    ctx: &egui::Context,
    screen: &mut Screen,
    overlay: Overlay,
    catalog: &mut Catalog,
    next: &mut NextState<Screens>,
) -> Option<Overlay> {
    let mut opened = None;
    egui::Modal::new(egui::Id::new("pause")).show(ctx, |ui| {
        ui.label(style::heading(t!("play-paused")));
        ui.label(style::muted(t!("play-paused-saved")));
        ui.add_space(8.0);
        if style::menu_button(ui, &t!("play-resume")).clicked() {
            opened = Some(Overlay::None);
        }
        if style::menu_button(ui, &t!("play-save-copy")).clicked() {
            screen.out.write(Command::SaveCopy);
        }
        if let Some(n) = &screen.session.notice {
            ui.label(style::muted(n.to_string()));
        }
        if overlay == Overlay::ConfirmRestart {
            ui.label(style::body(t!("play-restart-confirm")));
            ui.horizontal(|ui| {
                if style::menu_button(ui, &t!("play-restart-yes")).clicked() {
                    restart(screen, catalog, next);
                    opened = Some(Overlay::None);
                }
                if style::menu_button(ui, &t!("play-restart-no")).clicked() {
                    opened = Some(Overlay::Menu);
                }
            });
        } else if style::menu_button(ui, &t!("play-restart")).clicked() {
            opened = Some(Overlay::ConfirmRestart);
        }
        if style::menu_button(ui, &t!("play-back-title")).clicked() {
            next.set(Screens::Title);
        }
        announce(ui, screen);
    });
    opened
}

/// Only in an offline class: in a LAN class the host's announcements arrive on their own,
/// and a run of one's own has no facilitator. Last in the menu and of a fixed height, so
/// neither it nor the buttons move under the pointer (a list that opened pushed "Restart"
/// down and re-centred the menu).
fn announce(ui: &mut egui::Ui, screen: &mut Screen) {
    let session = &screen.session;
    if session.lan.is_some() || session.class.is_none() {
        return;
    }
    ui.add_space(8.0);
    ui.label(style::body(t!("play-announce-heading")).strong());
    ui.label(style::muted(t!("play-announce-hint")));
    egui::ScrollArea::vertical()
        .id_salt("inject")
        .min_scrolled_height(120.0)
        .max_height(120.0)
        .show(ui, |ui| {
            for (i, e) in session.sim.level.events.iter().enumerate() {
                let on = session.inject.contains(&e.id);
                if ui
                    .selectable_label(on, format!("E{} · {}", i + 1, i18n::text(&e.title)))
                    .clicked()
                {
                    screen.out.write(Command::Inject(e.id.clone()));
                }
            }
        });
}

/// From its briefing: a new run, a new seed, the difficulty chosen again.
fn restart(screen: &Screen, catalog: &mut Catalog, next: &mut NextState<Screens>) {
    let level = &screen.session.sim.level;
    if level.id == "sandbox" {
        next.set(Screens::Sandbox);
        return;
    }
    if let Some(i) = catalog
        .entries
        .iter()
        .position(|e| e.level.as_ref().is_ok_and(|l| l.id == level.id))
    {
        catalog.selected = i;
    }
    next.set(Screens::Briefing);
}
