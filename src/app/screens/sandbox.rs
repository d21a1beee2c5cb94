//! The sandbox: choose a role, a team size, a length, a seed and a difficulty, and play a
//! level made from them (see `sim::sandbox`). Sandbox runs are not saved or scored.

use super::Screen;
use crate::app::AppSystems;
use crate::app::keys::{self, sandbox as binds};
use crate::app::session::Session;
use crate::app::ui::style;
use crate::i18n;
use crate::t;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use sim::sandbox::{self, MAX_TEAM, MIN_TEAM, SandboxSpec};
use sim::{Difficulty, Role};
use std::sync::Arc;

/// The choices on the sandbox screen, kept while the game runs.
#[derive(Resource, Clone, Debug)]
pub struct SandboxChoices {
    pub spec: SandboxSpec,
    pub seed: u64,
}

impl Default for SandboxChoices {
    fn default() -> Self {
        SandboxChoices {
            spec: SandboxSpec::default(),
            seed: 1,
        }
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<SandboxChoices>()
        .add_systems(
            Update,
            sandbox_keys
                .run_if(in_state(Screen::Sandbox))
                .in_set(AppSystems::RecordInput),
        )
        .add_systems(
            EguiPrimaryContextPass,
            sandbox_ui.run_if(in_state(Screen::Sandbox)),
        );
}

/// Starts a sandbox run: in memory only, no autosave.
pub fn start(commands: &mut Commands, choices: &SandboxChoices) {
    let level = Arc::new(sandbox::level(&choices.spec));
    commands.insert_resource(Session::new(level, choices.seed));
}

/// Enter plays the sandbox as chosen.
fn sandbox_keys(
    keys: Res<ButtonInput<KeyCode>>,
    choices: Res<SandboxChoices>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    if binds::PLAY.pressed(&keys) {
        start(&mut commands, &choices);
        next.set(Screen::Play);
    }
}

fn sandbox_ui(
    mut contexts: EguiContexts,
    mut choices: ResMut<SandboxChoices>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = style::root(ctx, "sandbox");
    let preview = sandbox::level(&choices.spec);
    egui::Panel::bottom("sandbox_footer")
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("sandbox-actions"));
            ui.horizontal(|ui| {
                let (back, play) = style::back_and_go(ui, &t!("sandbox-play"));
                if back {
                    next.set(Screen::LevelSelect);
                }
                if play {
                    start(&mut commands, &choices);
                    next.set(Screen::Play);
                }
                ui.label(style::muted(keys::hint(&binds::ALL)));
            });
        });
    egui::CentralPanel::default()
        .frame(style::frame().inner_margin(36.0))
        .show(&mut root, |ui| {
            style::region(ui, &t!("sandbox-level"));
            ui.label(
                egui::RichText::new(t!("sandbox-title"))
                    .size(36.0)
                    .color(style::pal().forest)
                    .strong(),
            );
            ui.label(style::body(t!("sandbox-intro")));
            ui.add_space(16.0);
            egui::Grid::new("sandbox_grid")
                .num_columns(2)
                .spacing([24.0, 14.0])
                .show(ui, |ui| grid(ui, &mut choices));
            ui.add_space(16.0);
            ui.label(style::body(t!(
                "sandbox-facts",
                role = i18n::text(preview.role.label()),
                people = preview.team_size(),
                layers = match &preview.team {
                    sim::Team::Generated(g) => g.layers.len(),
                    sim::Team::People(_) => 1,
                },
                weeks = preview.weeks,
                hours = format!("{:.0}", preview.budget * preview.difficulty.budget_factor())
            )));
            ui.label(style::muted(crate::app::screens::briefing::role_advice(
                preview.role,
            )));
        });
    Ok(())
}

/// The role, the size of the organisation, the weeks, the seed and the difficulty.
fn grid(ui: &mut egui::Ui, c: &mut SandboxChoices) {
    ui.label(style::body(t!("sandbox-role")));
    ui.horizontal(|ui| {
        for r in [
            Role::Frontline,
            Role::PromotedExpert,
            Role::MiddleManager,
            Role::Executive,
        ] {
            ui.radio_value(&mut c.spec.role, r, i18n::text(r.label()));
        }
    });
    ui.end_row();
    let name = &t!("sandbox-people");
    ui.label(style::body(name));
    ui.horizontal(|ui| {
        style::slider(
            ui,
            &mut c.spec.team_size,
            MIN_TEAM..=MAX_TEAM,
            name,
            ("", 0),
            |s| s.logarithmic(true),
        )
    });
    ui.end_row();
    let name = &t!("sandbox-weeks");
    ui.label(style::body(name));
    ui.horizontal(|ui| style::slider(ui, &mut c.spec.weeks, 6..=20, name, ("", 0), |s| s));
    ui.end_row();
    let name = ui.label(style::body(t!("sandbox-seed"))).id;
    ui.add(egui::DragValue::new(&mut c.seed).range(1..=999_999))
        .labelled_by(name);
    ui.end_row();
    ui.label(style::body(t!("sandbox-difficulty")));
    ui.horizontal(|ui| {
        for d in Difficulty::ALL {
            ui.radio_value(&mut c.spec.difficulty, d, i18n::text(d.label()));
        }
    });
    ui.end_row();
}
