//! The facilitator's projector view: pick a level, a difficulty and a seed, show the class
//! code large, run a round timer every team can read from the back of the room, reveal the
//! level's best band after the round, and end on its questions. Offline, teams pick
//! announced events from their menu; hosted on the LAN (`app::lan`), the clock, the pause
//! and the events reach every team's game, and the host shows each team's progress.

use super::compare::CompareState;
use super::{Catalog, Screen};
use crate::app::keys::{self, facilitate as binds};
use crate::app::lan::{self, LanHost};
use crate::app::player_settings::PlayerSettings;
use crate::app::session::SaveDir;
use crate::app::ui::style;
use crate::class::ClassCode;
use crate::class::room::{Clock, Room};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use sim::CustomEvent;
use sim::Effect;
use sim::whatif::{Band, best_band};
use sim::{Difficulty, Level};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};

/// Seeds for the band revealed to the class.
const BAND_SEEDS: u32 = 20;

#[derive(Resource)]
pub struct Facilitation {
    /// Index into the catalog's playable levels.
    pub level: usize,
    pub difficulty: Difficulty,
    pub seed: u64,
    /// The round clock of an offline class (a hosted class runs the room's).
    pub clock: Clock,
    pub band: Option<Band>,
    pending: Option<Mutex<Receiver<Band>>>,
    pub questions: bool,
    /// The deck event shown to the class, by index.
    pub announced: Option<usize>,
    pub custom: CustomForm,
    /// Why hosting could not start.
    pub hosting_error: Option<String>,
}

impl Default for Facilitation {
    fn default() -> Self {
        Facilitation {
            level: 0,
            difficulty: Difficulty::Normal,
            seed: 1,
            clock: Clock::new(1, 90),
            band: None,
            pending: None,
            questions: false,
            announced: None,
            custom: CustomForm::default(),
            hosting_error: None,
        }
    }
}

/// The facilitator's own event, as typed (LAN classes).
#[derive(Clone, Debug, Default)]
pub struct CustomForm {
    pub title: String,
    pub text: String,
    /// Points (−20..20) of morale, trust and alignment for everyone.
    pub morale: i32,
    pub trust: i32,
    pub alignment: i32,
    /// Person-weeks of unplanned work, due two weeks after it happens.
    pub work: u32,
    /// What the last announcement did, for the facilitator.
    pub said: Option<Result<String, String>>,
    /// The last one announced, shown to the class.
    pub shown: Option<CustomEvent>,
}

impl CustomForm {
    pub fn event(&self) -> CustomEvent {
        let mut effects = Vec::new();
        let points = |p: i32| f64::from(p.clamp(-20, 20)) / 100.0;
        if self.morale != 0 {
            effects.push(Effect::Morale(points(self.morale)));
        }
        if self.trust != 0 {
            effects.push(Effect::Trust(points(self.trust)));
        }
        if self.alignment != 0 {
            effects.push(Effect::Alignment(points(self.alignment)));
        }
        if self.work > 0 {
            effects.push(Effect::ExtraWork {
                effort: f64::from(self.work.min(20)),
                due_in: 2,
            });
        }
        CustomEvent {
            title: self.title.trim().to_string(),
            text: self.text.trim().to_string(),
            effects,
        }
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Facilitation>()
        .add_systems(Update, tick.run_if(in_state(Screen::Facilitate)))
        .add_systems(
            EguiPrimaryContextPass,
            facilitate_ui.run_if(in_state(Screen::Facilitate)),
        );
}

fn levels(catalog: &Catalog) -> Vec<&Level> {
    catalog
        .entries
        .iter()
        .filter_map(|e| e.level.as_ref().ok())
        .collect()
}

fn tick(
    time: Res<Time>,
    catalog: Res<Catalog>,
    mut f: ResMut<Facilitation>,
    host: Option<Res<LanHost>>,
) {
    let weeks = levels(&catalog).get(f.level).map_or(1, |l| l.weeks);
    f.clock.weeks = weeks;
    // A hosted class runs the room's clock (`lan::host_tick`).
    if host.is_none() {
        f.clock.tick(time.delta_secs());
    }
    let arrived = f
        .pending
        .as_ref()
        .and_then(|rx| rx.lock().ok()?.try_recv().ok());
    if let Some(b) = arrived {
        f.band = Some(b);
        f.pending = None;
    }
}

fn big(text: impl Into<String>, size: f32) -> egui::RichText {
    egui::RichText::new(text).size(size).color(style::TEXT)
}

#[allow(clippy::too_many_arguments)] // a Bevy system: one parameter per resource it reads
fn facilitate_ui(
    mut contexts: EguiContexts,
    catalog: Res<Catalog>,
    mut f: ResMut<Facilitation>,
    mut host: Option<ResMut<LanHost>>,
    keys: Res<ButtonInput<KeyCode>>,
    settings: Res<PlayerSettings>,
    data: Res<SaveDir>,
    mut compare: ResMut<CompareState>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let all = levels(&catalog);
    let Some(level) = all.get(f.level.min(all.len().saturating_sub(1))).copied() else {
        next.set(Screen::Title);
        return Ok(());
    };
    // Letters typed into a field (an event's title) are not shortcuts.
    let typing = ctx.egui_wants_keyboard_input();
    let key = |b: keys::Binding| !typing && b.pressed(&keys);
    let f = &mut *f;
    let mut room: Option<&mut LanHost> = host.as_deref_mut();
    // A hosted class's code and clock are the room's; the setup is locked while hosting.
    let code = room.as_ref().map_or_else(
        || ClassCode::new(level, f.difficulty, f.seed),
        |h| h.room.code,
    );
    let mut clock = room
        .as_ref()
        .map_or_else(|| f.clock.clone(), |h| h.room.clock.clone());
    let clock = &mut clock;
    if key(binds::CLOCK) {
        clock.running = !clock.running;
    }
    if key(binds::NEXT_WEEK) && !clock.over {
        clock.next_week();
    }
    if key(binds::QUESTIONS) {
        f.questions = !f.questions;
    }
    let mut reveal = key(binds::REVEAL);
    let mut start_hosting = false;
    let mut stop_hosting = false;
    let results_dir = settings.settings.results_dir(&data.0);
    let mut root = style::root(ctx, "facilitate");
    egui::Panel::bottom("facilitate_footer")
        .frame(style::frame())
        .show(&mut root, |ui| {
            ui.horizontal(|ui| {
                if ui.button(big("Back", 18.0)).clicked() || keys::BACK.pressed(&keys) {
                    next.set(Screen::Title);
                }
                if ui.button(big("Compare the class", 18.0)).clicked() || key(binds::COMPARE) {
                    // A hosted class compares the host's own verified results.
                    if let Some(h) = &room {
                        compare.folder = h.folder.display().to_string();
                    }
                    next.set(Screen::Compare);
                }
                ui.label(style::muted(keys::hint(&binds::ALL)));
            });
        });
    egui::Panel::left("facilitate_setup")
        .frame(style::frame())
        .exact_size(380.0)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.label(style::heading("Set up the round"));
                ui.add_space(8.0);
                ui.add_enabled_ui(room.is_none(), |ui| {
                    let mut chosen = f.level.min(all.len() - 1);
                    egui::ComboBox::from_id_salt("facilitate_level")
                        .width(320.0)
                        .selected_text(&level.title)
                        .show_ui(ui, |ui| {
                            for (i, l) in all.iter().enumerate() {
                                ui.selectable_value(&mut chosen, i, &l.title);
                            }
                        });
                    if chosen != f.level {
                        f.level = chosen;
                        f.clock = Clock::new(1, f.clock.seconds_per_week);
                        f.band = None;
                        f.pending = None;
                        f.announced = None;
                    }
                    ui.horizontal(|ui| {
                        for d in Difficulty::ALL {
                            ui.radio_value(&mut f.difficulty, d, d.label());
                        }
                    });
                    ui.horizontal(|ui| {
                        ui.label(style::body("Seed"));
                        ui.add(egui::DragValue::new(&mut f.seed).range(1..=1024));
                    });
                });
                ui.horizontal(|ui| {
                    ui.label(style::body("Seconds a week"));
                    ui.add(egui::DragValue::new(&mut clock.seconds_per_week).range(15..=600));
                });
                ui.add_space(12.0);
                ui.label(style::muted(
                    "Teams: on the title screen, Join a class, then type this code:",
                ));
                ui.label(
                    egui::RichText::new(code.text())
                        .size(44.0)
                        .monospace()
                        .color(style::TREES)
                        .strong(),
                );
                ui.label(style::muted(format!(
                    "{} · {} · seed {}",
                    level.title,
                    code.difficulty.label(),
                    code.seed
                )));
                ui.add_space(10.0);
                match &room {
                    None => {
                        ui.label(style::muted(
                            "Offline: collect the result files afterwards and compare them (C).",
                        ));
                        if ui.button(big("Host this class on the LAN", 17.0)).clicked() {
                            start_hosting = true;
                        }
                        if let Some(e) = &f.hosting_error {
                            ui.label(egui::RichText::new(e).color(style::BAD));
                        }
                    }
                    Some(h) => {
                        let (addresses, problem) = (&h.addresses, &h.problem);
                        ui.label(style::body("Hosted on the LAN").strong());
                        ui.label(style::muted(if addresses.len() > 1 {
                            "Teams press Find on this network, or type one of:"
                        } else {
                            "Teams press Find on this network, or type:"
                        }));
                        if addresses.is_empty() {
                            ui.label(style::muted(format!(
                                "this computer has no network address yet: connect it to the room's network (port {})",
                                lan::PORT
                            )));
                        }
                        for a in addresses.iter() {
                            ui.label(
                                egui::RichText::new(a.to_string())
                                    .size(30.0)
                                    .monospace()
                                    .color(style::FOREST),
                            );
                        }
                        if let Some(p) = problem {
                            ui.label(egui::RichText::new(p).color(style::BAD));
                        }
                        if ui.button(big("Stop hosting", 17.0)).clicked() {
                            stop_hosting = true;
                        }
                    }
                }
                ui.add_space(12.0);
                ui.label(style::heading("Announce an event").size(18.0));
                ui.label(style::muted(if room.is_some() {
                    "It reaches every team's game and happens the week after, alike for all."
                } else {
                    "Teams pick its code in their pause menu; it happens next week for everyone."
                }));
                let mut toggled = None;
                for (i, e) in level.events.iter().enumerate() {
                    let on = f.announced == Some(i);
                    if ui
                        .selectable_label(on, format!("E{} · {}", i + 1, e.title))
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
                        Ok(Some(w)) => {
                            Ok(format!("Announced: it happens in week {w} for every team."))
                        }
                        Ok(None) => Ok("Withdrawn before any team played it.".into()),
                        Err(e) => Err(e),
                    });
                }
                if let Some(h) = room.as_mut() {
                    h.room.clock = clock.clone();
                    custom_event_form(ui, &mut f.custom, &mut h.room);
                }
                if let Some(said) = &f.custom.said {
                    match said {
                        Ok(s) => ui.label(egui::RichText::new(s).color(style::FOREST)),
                        Err(e) => ui.label(egui::RichText::new(e).color(style::BAD)),
                    };
                }
            });
        });
    egui::CentralPanel::default()
        .frame(style::frame().inner_margin(28.0))
        .show(&mut root, |ui| {
            ui.label(
                egui::RichText::new(&level.title)
                    .size(52.0)
                    .color(style::FOREST)
                    .strong(),
            );
            ui.label(big(level.role.label(), 26.0).color(style::MUTED));
            ui.add_space(12.0);
            if f.questions {
                ui.label(big("To discuss", 36.0).strong());
                for (i, q) in level.discussion.iter().enumerate() {
                    ui.add_space(10.0);
                    ui.label(big(format!("{}. {q}", i + 1), 30.0));
                }
                return;
            }
            if let Some(e) = f.announced.and_then(|i| level.events.get(i).map(|e| (i, e))) {
                ui.label(
                    big(format!("Event E{}: {}", e.0 + 1, e.1.title), 34.0)
                        .color(style::TREES)
                        .strong(),
                );
                ui.label(big(&e.1.text, 24.0));
                if room.is_none() {
                    ui.label(
                        big(
                            format!("Teams: Esc for the menu, then \"An event your facilitator announced\", then E{}", e.0 + 1),
                            20.0,
                        )
                        .color(style::MUTED),
                    );
                }
                ui.add_space(12.0);
            }
            // Hosted, the teams' table takes the room once the class has started.
            if let Some(e) = &f.custom.shown {
                ui.label(big(format!("Event: {}", e.title), 34.0).color(style::TREES).strong());
                if !e.text.is_empty() {
                    ui.label(big(&e.text, 24.0));
                }
                ui.add_space(12.0);
            }
            if room.is_none() || !clock.started() {
                ui.label(big(&level.briefing, 24.0));
                ui.add_space(20.0);
            }
            ui.horizontal(|ui| {
                let week = if clock.over { clock.weeks } else { clock.week };
                ui.label(big(format!("Week {week} of {}", level.weeks), 56.0).strong());
                ui.add_space(30.0);
                let left = clock.left();
                let text = if clock.over {
                    "time is up".to_string()
                } else {
                    format!("{}:{:02}", left / 60, left % 60)
                };
                let shown = big(text, 56.0).monospace();
                ui.label(if clock.running {
                    shown.color(style::TREES)
                } else {
                    shown.color(style::MUTED)
                });
                ui.add_space(30.0);
                if !clock.over
                    && ui
                        .button(big(if clock.running { "Pause" } else { "Start" }, 26.0))
                        .clicked()
                {
                    clock.running = !clock.running;
                }
            });
            if let Some(h) = &room {
                ui.add_space(12.0);
                teams_table(ui, &h.room);
            }
            ui.add_space(16.0);
            match (&f.band, &f.pending) {
                (Some(b), _) => {
                    ui.label(
                        big(
                            format!(
                                "Best band: {:.0}–{:.0}% of the week on the forest (best {:.0}%)",
                                b.low * 100.0,
                                b.high * 100.0,
                                b.best * 100.0
                            ),
                            34.0,
                        )
                        .color(style::FOREST),
                    );
                }
                (None, Some(_)) => {
                    ui.label(big("Finding the best band…", 28.0).color(style::MUTED));
                }
                (None, None) => {
                    if ui.button(big("Reveal the best band", 24.0)).clicked() {
                        reveal = true;
                    }
                }
            }
        });
    if reveal && f.band.is_none() && f.pending.is_none() {
        let (tx, rx) = channel();
        let l = Arc::new(level.at(code.difficulty));
        // A sweep takes a moment on large levels: keep the projector responsive.
        std::thread::spawn(move || {
            let _ = tx.send(best_band(&l, BAND_SEEDS, 1.0));
        });
        f.pending = Some(Mutex::new(rx));
    }
    match room {
        Some(h) => h.room.clock = clock.clone(),
        None => f.clock = clock.clone(),
    }
    if stop_hosting {
        commands.queue(lan::stop);
        f.hosting_error = None;
    }
    if start_hosting {
        let (room, said, lan_folder) = lan::room_for(
            code,
            level,
            f.clock.seconds_per_week,
            &results_dir,
            std::time::SystemTime::now(),
        );
        f.custom.said = said.map(Ok);
        let bind = std::net::SocketAddr::from(([0, 0, 0, 0], lan::PORT));
        f.hosting_error = None;
        commands.queue(move |world: &mut World| {
            let error = lan::host(world, room, bind, lan_folder).err();
            world.resource_mut::<Facilitation>().hosting_error = error;
        });
    }
    Ok(())
}

/// The facilitator's own event: a title, a line to read out, and what it does.
fn custom_event_form(ui: &mut egui::Ui, form: &mut CustomForm, room: &mut Room) {
    ui.add_space(4.0);
    egui::CollapsingHeader::new(style::body("Write your own event").strong())
        .id_salt("custom_event")
        .show(ui, |ui| custom_event_fields(ui, form, room));
}

fn custom_event_fields(ui: &mut egui::Ui, form: &mut CustomForm, room: &mut Room) {
    ui.add(
        egui::TextEdit::singleline(&mut form.title)
            .hint_text("Title, e.g. The CEO visits")
            .char_limit(sim::CUSTOM_TITLE_MAX)
            .desired_width(290.0),
    );
    ui.add(
        egui::TextEdit::multiline(&mut form.text)
            .hint_text("What teams read")
            .char_limit(sim::CUSTOM_TEXT_MAX)
            .desired_rows(2)
            .desired_width(290.0),
    );
    egui::Grid::new("custom_effects")
        .num_columns(2)
        .show(ui, |ui| {
            for (label, v) in [
                ("Morale", &mut form.morale),
                ("Trust", &mut form.trust),
                ("Alignment", &mut form.alignment),
            ] {
                ui.label(style::body(label));
                ui.add(egui::Slider::new(v, -20..=20).suffix(" points"));
                ui.end_row();
            }
            ui.label(style::body("Unplanned work"));
            ui.add(egui::Slider::new(&mut form.work, 0..=20).suffix(" person-weeks"));
            ui.end_row();
        });
    if ui.button(big("Announce to every team", 16.0)).clicked() {
        form.said = Some(room.announce_custom(form.event()).map(|w| {
            format!(
                "Announced: \"{}\" happens in week {w} for every team.",
                form.title.trim()
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

/// Every team the host knows: connected or not, the week it has played, how it stands by
/// the host's own replay, and the last week the host refused.
fn teams_table(ui: &mut egui::Ui, room: &Room) {
    if room.teams.is_empty() {
        ui.label(big("No team has joined yet.", 22.0).color(style::MUTED));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("teams")
        .max_height(260.0)
        .show(ui, |ui| {
            egui::Grid::new("teams")
                .num_columns(5)
                .spacing([24.0, 6.0])
                .striped(true)
                .show(ui, |ui| {
                    for h in ["Team", "Link", "Weeks played", "Morale", "Delivery"] {
                        ui.label(big(h, 18.0).color(style::MUTED));
                    }
                    ui.end_row();
                    for t in &room.teams {
                        ui.label(big(&t.name, 22.0).strong());
                        ui.label(if t.connected {
                            big("connected", 18.0).color(style::FOREST)
                        } else {
                            big("away", 18.0).color(style::WARN)
                        });
                        let played = t.sim.state.week;
                        ui.label(big(format!("{played} of {}", room.level.weeks), 22.0));
                        let m = t.sim.metrics();
                        ui.label(big(format!("{:.0}%", m.morale * 100.0), 22.0));
                        ui.label(big(format!("{:.0}%", m.delivery * 100.0), 22.0));
                        ui.end_row();
                        if let Some(r) = &t.refused {
                            ui.label(
                                egui::RichText::new(format!("refused {r}"))
                                    .size(14.0)
                                    .color(style::WARN),
                            );
                            ui.end_row();
                        }
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_makes_a_bounded_event_with_only_the_effects_set() {
        let form = CustomForm {
            title: "  The CEO visits ".into(),
            morale: -50,
            work: 3,
            ..CustomForm::default()
        };
        let e = form.event();
        assert_eq!(e.title, "The CEO visits");
        assert_eq!(
            e.effects,
            vec![
                Effect::Morale(-0.2),
                Effect::ExtraWork {
                    effort: 3.0,
                    due_in: 2
                }
            ]
        );
    }
}
