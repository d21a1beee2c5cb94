//! The briefing: the situation, the role's pull between forest and trees, the goals,
//! what the level teaches, the difficulty, and how to play; Begin starts a new run.

use super::{Catalog, Screen};
use crate::app::AppSystems;
use crate::app::keys::{self, briefing as binds};
use crate::app::session::{SaveDir, Session};
use crate::app::ui::style;
use crate::i18n;
use crate::t;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use sim::{Difficulty, Level, Role};
use std::sync::Arc;

/// The difficulty the next run will be played at; each briefing starts at the level's own.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq)]
pub struct RunDifficulty(pub Difficulty);

pub fn plugin(app: &mut App) {
    app.init_resource::<RunDifficulty>()
        .add_systems(OnEnter(Screen::Briefing), reset_difficulty)
        .add_systems(
            Update,
            briefing_keys
                .run_if(in_state(Screen::Briefing))
                .in_set(AppSystems::RecordInput),
        )
        .add_systems(
            EguiPrimaryContextPass,
            briefing_ui.run_if(in_state(Screen::Briefing)),
        );
}

fn reset_difficulty(catalog: Res<Catalog>, mut difficulty: ResMut<RunDifficulty>) {
    if let Some(level) = catalog.selected_level() {
        difficulty.0 = level.difficulty;
    }
}

/// What the role means for the player's attention, from the seed text.
pub fn role_advice(role: Role) -> String {
    match role {
        Role::Frontline => t!("briefing-advice-frontline"),
        Role::PromotedExpert => t!("briefing-advice-promoted-expert"),
        Role::MiddleManager => t!("briefing-advice-middle-manager"),
        Role::Executive => t!("briefing-advice-executive"),
    }
}

/// A seed for a new run; runs differ unless a class code fixes the seed.
fn fresh_seed() -> u64 {
    web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64 % 1_000_000 + 1)
}

/// Starts a new run of `level` at `difficulty`.
pub fn start(
    commands: &mut Commands,
    dir: &SaveDir,
    level: &Level,
    difficulty: Difficulty,
    seed: u64,
) {
    let mut session = Session::new(Arc::new(level.at(difficulty)), seed);
    session.autosave = Some(dir.autosave(&level.id));
    commands.insert_resource(session);
}

/// Enter begins the run, 1 to 3 choose the difficulty.
fn briefing_keys(
    keys: Res<ButtonInput<KeyCode>>,
    catalog: Res<Catalog>,
    dir: Res<SaveDir>,
    mut difficulty: ResMut<RunDifficulty>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    if let Some(k) = binds::DIFFICULTY.which(&keys) {
        difficulty.0 = Difficulty::ALL[k];
    }
    if binds::BEGIN.pressed(&keys)
        && let Some(level) = catalog.selected_level()
    {
        start(&mut commands, &dir, level, difficulty.0, fresh_seed());
        next.set(Screen::Play);
    }
}

fn briefing_ui(
    mut contexts: EguiContexts,
    catalog: Res<Catalog>,
    dir: Res<SaveDir>,
    mut difficulty: ResMut<RunDifficulty>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let Some(level) = catalog.selected_level() else {
        next.set(Screen::LevelSelect);
        return Ok(());
    };
    let mut root = style::root(ctx, "briefing");
    egui::Panel::bottom("briefing_footer")
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("briefing-begin-region"));
            ui.horizontal(|ui| {
                let (back, begin) = style::back_and_go(ui, &t!("briefing-begin"));
                if back {
                    next.set(Screen::LevelSelect);
                }
                if begin {
                    start(&mut commands, &dir, level, difficulty.0, fresh_seed());
                    next.set(Screen::Play);
                }
                ui.add_space(24.0);
                ui.label(style::body(t!("briefing-difficulty")).size(18.0));
                for (k, d) in Difficulty::ALL.into_iter().enumerate() {
                    if ui
                        .radio(
                            difficulty.0 == d,
                            egui::RichText::new(t!(
                                "briefing-difficulty-choice",
                                difficulty = i18n::text(d.label()),
                                key = k + 1
                            ))
                            .size(17.0),
                        )
                        .clicked()
                    {
                        difficulty.0 = d;
                    }
                }
                ui.label(style::muted(keys::hint(&binds::ALL)));
            });
        });
    egui::CentralPanel::default()
        .frame(style::frame().inner_margin(36.0))
        .show(&mut root, |ui| {
            style::region(ui, &t!("briefing-region"));
            ui.label(
                egui::RichText::new(i18n::text(&level.title))
                    .size(36.0)
                    .color(style::pal().forest)
                    .strong(),
            );
            ui.label(
                style::body(t!(
                    "briefing-facts",
                    role = i18n::text(level.role.label()),
                    weeks = level.weeks,
                    people = level.team_size()
                ))
                .color(style::pal().muted),
            );
            ui.add_space(14.0);
            ui.label(style::body(i18n::text(&level.briefing)).size(19.0));
            ui.add_space(14.0);
            ui.label(
                style::body(role_advice(level.role))
                    .size(18.0)
                    .color(style::pal().trees),
            );
            ui.add_space(14.0);
            ui.label(style::heading(t!("briefing-goals")));
            for g in &level.goals {
                ui.label(style::body(format!("• {}", i18n::text(&g.title))));
            }
            if !level.learning_goals.is_empty() {
                ui.add_space(14.0);
                ui.label(style::heading(t!("briefing-teaches")));
                for g in &level.learning_goals {
                    ui.label(style::body(format!("• {}", i18n::text(g))));
                }
            }
            ui.add_space(14.0);
            ui.label(style::heading(t!("briefing-how-heading")));
            ui.label(style::body(t!(
                "briefing-how",
                hours = format!("{:.0}", level.budget * difficulty.0.budget_factor())
            )));
            ui.label(
                style::body(t!(
                    "briefing-difficulty-described",
                    difficulty = i18n::text(difficulty.0.label()),
                    description = i18n::text(difficulty.0.describe())
                ))
                .color(style::pal().muted),
            );
            if let Some(s) = level.stars {
                ui.label(
                    style::body(t!(
                        "briefing-stars",
                        one = format!("{}", s.one),
                        two = format!("{}", s.two),
                        three = format!("{}", s.three)
                    ))
                    .color(style::pal().muted),
                );
            }
            if !level.tutorial.is_empty() {
                ui.label(style::body(t!("briefing-tutorial")).color(style::pal().forest));
            }
        });
    Ok(())
}
