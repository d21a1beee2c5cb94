//! What the projector shows the class: the level, the questions or the event announced,
//! the week and its clock, the teams of a hosted class, and the best band.

use super::{Facilitation, big};
use crate::app::lan::LanHost;
use crate::app::ui::style;
use crate::class::room::{Clock, Room};
use crate::i18n;
use crate::t;
use bevy_egui::egui;
use sim::Level;

/// What the projector shows: the level, the questions or the event announced, the week
/// and its clock, the teams (hosted) and the best band. True when the band is asked for,
/// and the team whose seat the facilitator frees, if any.
pub(super) fn projector(
    ui: &mut egui::Ui,
    f: &Facilitation,
    room: Option<&LanHost>,
    level: &Level,
    clock: &mut Clock,
) -> (bool, Option<String>) {
    ui.label(
        egui::RichText::new(i18n::text(&level.title))
            .size(52.0)
            .color(style::pal().forest)
            .strong(),
    );
    ui.label(big(i18n::text(level.role.label()), 26.0).color(style::pal().muted));
    ui.add_space(12.0);
    if f.questions {
        ui.label(big(t!("facilitate-discuss"), 36.0).strong());
        for (i, q) in level.discussion.iter().enumerate() {
            ui.add_space(10.0);
            ui.label(big(format!("{}. {}", i + 1, i18n::text(q)), 30.0));
        }
        return (false, None);
    }
    announced(ui, f, room.is_some(), level);
    if room.is_none() || !clock.started() {
        ui.label(big(i18n::text(&level.briefing), 24.0));
        ui.add_space(20.0);
    }
    round_clock(ui, clock, level);
    let mut free = None;
    if let Some(h) = room {
        // Where teams with nothing installed join: said to the room, as the code is.
        let pages = h.page_addresses();
        if !pages.is_empty() {
            ui.add_space(8.0);
            ui.label(
                big(
                    t!("facilitate-in-a-browser", addresses = pages.join("  ·  ")),
                    22.0,
                )
                .color(style::pal().muted),
            );
        }
        ui.add_space(12.0);
        free = teams_table(ui, &h.room);
    }
    ui.add_space(16.0);
    (best_band_line(ui, f), free)
}

/// The event announced, as the class reads it.
fn announced(ui: &mut egui::Ui, f: &Facilitation, hosted: bool, level: &Level) {
    if let Some(e) = f
        .announced
        .and_then(|i| level.events.get(i).map(|e| (i, e)))
    {
        ui.label(
            big(
                t!(
                    "facilitate-deck-event",
                    number = e.0 + 1,
                    title = i18n::text(&e.1.title)
                ),
                34.0,
            )
            .color(style::pal().trees)
            .strong(),
        );
        ui.label(big(i18n::text(&e.1.text), 24.0));
        if !hosted {
            ui.label(
                big(t!("facilitate-deck-event-how", number = e.0 + 1), 20.0)
                    .color(style::pal().muted),
            );
        }
        ui.add_space(12.0);
    }
    // Hosted, the teams' table takes the room once the class has started.
    if let Some(e) = &f.custom.shown {
        ui.label(
            big(
                t!("facilitate-custom-event", title = e.title.as_str()),
                34.0,
            )
            .color(style::pal().trees)
            .strong(),
        );
        if !e.text.is_empty() {
            ui.label(big(&e.text, 24.0));
        }
        ui.add_space(12.0);
    }
}

/// The week, its countdown, and Start or Pause.
fn round_clock(ui: &mut egui::Ui, clock: &mut Clock, level: &Level) {
    ui.horizontal(|ui| {
        let week = if clock.over { clock.weeks } else { clock.week };
        ui.label(
            big(
                t!("facilitate-week-of", week = week, weeks = level.weeks),
                56.0,
            )
            .strong(),
        );
        ui.add_space(30.0);
        let left = clock.left();
        let text = if clock.over {
            t!("facilitate-time-up")
        } else {
            format!("{}:{:02}", left / 60, left % 60)
        };
        let shown = big(text, 56.0).monospace();
        ui.label(if clock.running {
            shown.color(style::pal().trees)
        } else {
            shown.color(style::pal().muted)
        });
        ui.add_space(30.0);
        if !clock.over
            && ui
                .button(big(
                    if clock.running {
                        t!("facilitate-pause")
                    } else {
                        t!("facilitate-start")
                    },
                    26.0,
                ))
                .clicked()
        {
            clock.running = !clock.running;
        }
        // For a class with a player who needs more time.
        if clock.started()
            && !clock.over
            && ui
                .button(big(
                    t!("facilitate-more-time", seconds = super::MORE_TIME),
                    26.0,
                ))
                .on_hover_text(t!("facilitate-more-time-hint"))
                .clicked()
        {
            clock.add_time(super::MORE_TIME);
        }
    });
}

/// The best band once found; a button to find it. True when the button is pressed.
fn best_band_line(ui: &mut egui::Ui, f: &Facilitation) -> bool {
    match (&f.band, &f.pending) {
        (Some(b), _) => {
            ui.label(
                big(
                    t!(
                        "facilitate-best-band",
                        low = format!("{:.0}", b.low * 100.0),
                        high = format!("{:.0}", b.high * 100.0),
                        best = format!("{:.0}", b.best * 100.0)
                    ),
                    34.0,
                )
                .color(style::pal().forest),
            );
            false
        }
        (None, Some(_)) => {
            ui.label(big(t!("facilitate-finding-band"), 28.0).color(style::pal().muted));
            false
        }
        (None, None) => ui.button(big(t!("facilitate-reveal-band"), 24.0)).clicked(),
    }
}

/// Every team the host knows: connected or not, the week it has played, how it stands by
/// the host's own replay, and the last week the host refused. An away team's seat takes
/// only its own game's hello until the facilitator frees it (that computer died): returns
/// the team whose seat is freed.
fn teams_table(ui: &mut egui::Ui, room: &Room) -> Option<String> {
    if room.teams.is_empty() {
        ui.label(big(t!("facilitate-no-team"), 22.0).color(style::pal().muted));
        return None;
    }
    let mut free = None;
    egui::ScrollArea::vertical()
        .id_salt("teams")
        .max_height(260.0)
        .show(ui, |ui| {
            egui::Grid::new("teams")
                .num_columns(5)
                .spacing([24.0, 6.0])
                .striped(true)
                .show(ui, |ui| {
                    for h in [
                        t!("facilitate-team"),
                        t!("facilitate-link"),
                        t!("facilitate-weeks-played"),
                        t!("facilitate-morale"),
                        t!("facilitate-delivery"),
                    ] {
                        ui.label(big(h, 18.0).color(style::pal().muted));
                    }
                    ui.end_row();
                    for t in &room.teams {
                        ui.label(big(&t.name, 22.0).strong());
                        if t.connected {
                            ui.label(
                                big(t!("facilitate-connected"), 18.0).color(style::pal().forest),
                            );
                        } else if t.freed {
                            ui.label(
                                big(t!("facilitate-away-seat-free"), 18.0).color(style::pal().warn),
                            );
                        } else {
                            ui.horizontal(|ui| {
                                ui.label(big(t!("facilitate-away"), 18.0).color(style::pal().warn));
                                let button = ui
                                    .small_button(t!("facilitate-free-seat"))
                                    .on_hover_text(t!("facilitate-free-seat-hint"));
                                if button.clicked() {
                                    free = Some(t.name.clone());
                                }
                            });
                        }
                        let played = t.sim.state.week;
                        ui.label(big(
                            t!(
                                "facilitate-played",
                                played = played,
                                weeks = room.level.weeks
                            ),
                            22.0,
                        ));
                        let m = t.sim.metrics();
                        ui.label(big(format!("{:.0}%", m.morale * 100.0), 22.0));
                        ui.label(big(format!("{:.0}%", m.delivery * 100.0), 22.0));
                        ui.end_row();
                        if let Some(r) = &t.refused {
                            ui.label(
                                egui::RichText::new(t!("facilitate-refused", reason = r.as_str()))
                                    .size(14.0)
                                    .color(style::pal().warn),
                            );
                            ui.end_row();
                        }
                    }
                });
        });
    free
}
