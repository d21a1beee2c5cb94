//! The facilitator's projector view (offline classes): pick a level, a difficulty and a
//! seed, show the class code large, run a round timer every team can read from the back of
//! the room, reveal the level's best band after the round, and end on its questions.

use super::{Catalog, Screen};
use crate::app::ui::style;
use crate::class::ClassCode;
use crate::sim::whatif::{Band, best_band};
use crate::sim::{Difficulty, Level};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
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
    pub seconds_per_week: u32,
    pub running: bool,
    pub elapsed: f32,
    /// The week the class is playing (1-based).
    pub week: u32,
    pub band: Option<Band>,
    pending: Option<Mutex<Receiver<Band>>>,
    pub questions: bool,
    /// The deck event shown to the class, by index.
    pub announced: Option<usize>,
}

impl Default for Facilitation {
    fn default() -> Self {
        Facilitation {
            level: 0,
            difficulty: Difficulty::Normal,
            seed: 1,
            seconds_per_week: 90,
            running: false,
            elapsed: 0.0,
            week: 1,
            band: None,
            pending: None,
            questions: false,
            announced: None,
        }
    }
}

impl Facilitation {
    /// Moves the round clock on by `dt` seconds; a finished week starts the next one.
    pub fn tick(&mut self, dt: f32, weeks: u32) {
        if !self.running {
            return;
        }
        self.elapsed += dt;
        if self.elapsed >= self.seconds_per_week as f32 {
            self.elapsed = 0.0;
            if self.week < weeks {
                self.week += 1;
            } else {
                self.running = false;
            }
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

fn tick(time: Res<Time>, catalog: Res<Catalog>, mut f: ResMut<Facilitation>) {
    let weeks = levels(&catalog).get(f.level).map_or(1, |l| l.weeks);
    f.tick(time.delta_secs(), weeks);
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

fn facilitate_ui(
    mut contexts: EguiContexts,
    catalog: Res<Catalog>,
    mut f: ResMut<Facilitation>,
    keys: Res<ButtonInput<KeyCode>>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let all = levels(&catalog);
    let Some(level) = all.get(f.level.min(all.len().saturating_sub(1))).copied() else {
        next.set(Screen::Title);
        return Ok(());
    };
    let code = ClassCode::new(level, f.difficulty, f.seed);
    if keys.just_pressed(KeyCode::Space) {
        f.running = !f.running;
    }
    if keys.just_pressed(KeyCode::KeyN) && f.week < level.weeks {
        f.week += 1;
        f.elapsed = 0.0;
    }
    if keys.just_pressed(KeyCode::KeyQ) {
        f.questions = !f.questions;
    }
    let mut reveal = keys.just_pressed(KeyCode::KeyB);
    let mut root = style::root(ctx, "facilitate");
    egui::Panel::bottom("facilitate_footer")
        .frame(style::frame())
        .show(&mut root, |ui| {
            ui.horizontal(|ui| {
                if ui.button(big("Back", 18.0)).clicked() || keys.just_pressed(KeyCode::Escape) {
                    next.set(Screen::Title);
                }
                if ui.button(big("Compare the class", 18.0)).clicked()
                    || keys.just_pressed(KeyCode::KeyC)
                {
                    next.set(Screen::Compare);
                }
                ui.label(style::muted(
                    "Space: start/pause · N: next week · B: reveal the best band · Q: questions · C: compare · Esc: back",
                ));
            });
        });
    egui::Panel::left("facilitate_setup")
        .frame(style::frame())
        .exact_size(360.0)
        .show(&mut root, |ui| {
            ui.label(style::heading("Set up the round"));
            ui.add_space(8.0);
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
                *f = Facilitation {
                    level: chosen,
                    ..Facilitation::default()
                };
            }
            ui.horizontal(|ui| {
                for d in Difficulty::ALL {
                    let mut diff = f.difficulty;
                    ui.radio_value(&mut diff, d, d.label());
                    if diff != f.difficulty {
                        f.difficulty = diff;
                    }
                }
            });
            ui.horizontal(|ui| {
                ui.label(style::body("Seed"));
                ui.add(egui::DragValue::new(&mut f.seed).range(1..=1024));
            });
            ui.horizontal(|ui| {
                ui.label(style::body("Seconds a week"));
                ui.add(egui::DragValue::new(&mut f.seconds_per_week).range(15..=600));
            });
            ui.add_space(16.0);
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
                f.difficulty.label(),
                code.seed
            )));
            ui.add_space(12.0);
            ui.label(style::muted(
                "Collect the result files afterwards and run `forest-and-trees compare FOLDER`.",
            ));
            ui.add_space(12.0);
            ui.label(style::heading("Announce an event").size(18.0));
            ui.label(style::muted(
                "Teams pick its code in their pause menu; it happens next week for everyone.",
            ));
            egui::ScrollArea::vertical()
                .max_height(220.0)
                .show(ui, |ui| {
                    for (i, e) in level.events.iter().enumerate() {
                        let on = f.announced == Some(i);
                        if ui
                            .selectable_label(on, format!("E{} · {}", i + 1, e.title))
                            .clicked()
                        {
                            f.announced = if on { None } else { Some(i) };
                        }
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
                ui.label(
                    big(
                        format!("Teams: Esc for the menu, then \"An event your facilitator announced\", then E{}", e.0 + 1),
                        20.0,
                    )
                    .color(style::MUTED),
                );
                ui.add_space(12.0);
            }
            ui.label(big(&level.briefing, 24.0));
            ui.add_space(20.0);
            let left = (f.seconds_per_week as f32 - f.elapsed).max(0.0) as u32;
            ui.horizontal(|ui| {
                ui.label(big(format!("Week {} of {}", f.week, level.weeks), 56.0).strong());
                ui.add_space(30.0);
                let clock = big(format!("{}:{:02}", left / 60, left % 60), 56.0).monospace();
                ui.label(if f.running {
                    clock.color(style::TREES)
                } else {
                    clock.color(style::MUTED)
                });
                ui.add_space(30.0);
                if ui
                    .button(big(if f.running { "Pause" } else { "Start" }, 26.0))
                    .clicked()
                {
                    f.running = !f.running;
                }
            });
            ui.add_space(24.0);
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
        let l = Arc::new(level.at(f.difficulty));
        // A sweep takes a moment on large levels: keep the projector responsive.
        std::thread::spawn(move || {
            let _ = tx.send(best_band(&l, BAND_SEEDS, 1.0));
        });
        f.pending = Some(Mutex::new(rx));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_round_clock_moves_week_by_week_and_stops_at_the_end() {
        let mut f = Facilitation {
            seconds_per_week: 30,
            ..Facilitation::default()
        };
        f.tick(100.0, 3);
        assert_eq!(f.week, 1, "a paused clock does not move");
        f.running = true;
        f.tick(29.0, 3);
        assert_eq!(f.week, 1);
        f.tick(1.5, 3);
        assert_eq!((f.week, f.elapsed), (2, 0.0));
        f.tick(30.0, 3);
        f.tick(30.0, 3);
        assert_eq!(f.week, 3);
        assert!(!f.running, "the last week's end stops the clock");
    }
}
