//! Compare a class: the result files of a folder, each verified by replaying it, as a
//! leaderboard, every team's split week by week on one chart, the biggest differences
//! between the top and bottom teams, and the level's questions. The same as
//! `forest-and-trees compare FOLDER`, on the projector.

use super::{Catalog, Screen};
use crate::app::keys::{self, compare as binds};
use crate::app::player_settings::PlayerSettings;
use crate::app::session::SaveDir;
use crate::app::ui::style;
use crate::class::results::{self, Comparison, Verdict};
use crate::i18n;
use crate::t;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Legend, Line, Plot};

#[derive(Resource, Default)]
pub struct CompareState {
    pub folder: String,
    pub result: Option<Result<Comparison, results::FolderError>>,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<CompareState>()
        .add_systems(OnEnter(Screen::Compare), load)
        .add_systems(
            EguiPrimaryContextPass,
            compare_ui.run_if(in_state(Screen::Compare)),
        );
}

fn load(
    mut state: ResMut<CompareState>,
    settings: Res<PlayerSettings>,
    data: Res<SaveDir>,
    catalog: Res<Catalog>,
) {
    if state.folder.is_empty() {
        state.folder = settings.settings.results_dir(&data.0).display().to_string();
    }
    refresh(&mut state, &catalog);
}

fn refresh(state: &mut CompareState, catalog: &Catalog) {
    let levels: Vec<sim::Level> = catalog
        .entries
        .iter()
        .filter_map(|e| e.level.as_ref().ok().cloned())
        .collect();
    state.result = Some(results::compare(
        std::path::Path::new(state.folder.trim()),
        &levels,
    ));
}

fn compare_ui(
    mut contexts: EguiContexts,
    mut state: ResMut<CompareState>,
    catalog: Res<Catalog>,
    keys: Res<ButtonInput<KeyCode>>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    // An "r" typed into the folder's path is not the shortcut.
    let typing = ctx.egui_wants_keyboard_input();
    let mut root = style::root(ctx, "compare");
    let mut reload = false;
    egui::Panel::top("compare_top")
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("compare-folder-region"));
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new(t!("compare-title"))
                        .size(30.0)
                        .color(style::pal().forest)
                        .strong(),
                );
                ui.add_space(20.0);
                let name = ui.label(style::body(t!("compare-folder"))).id;
                ui.add(egui::TextEdit::singleline(&mut state.folder).desired_width(420.0))
                    .labelled_by(name);
                if ui.button(t!("compare-read-again")).clicked()
                    || (!typing && binds::RELOAD.pressed(&keys))
                {
                    reload = true;
                }
            });
        });
    egui::Panel::bottom("compare_footer")
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("compare-actions"));
            ui.horizontal(|ui| {
                if ui
                    .button(egui::RichText::new(t!("back")).size(18.0))
                    .clicked()
                {
                    next.set(Screen::Facilitate);
                }
                ui.label(style::muted(keys::hint(&binds::ALL)));
            });
        });
    egui::CentralPanel::default()
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("compare-table"));
            match &state.result {
                None => {}
                Some(Err(e)) => {
                    ui.label(
                        egui::RichText::new(e.to_string())
                            .size(18.0)
                            .color(style::pal().bad),
                    );
                }
                Some(Ok(c)) if c.classes.is_empty() => {
                    ui.label(style::body(t!("compare-no-results")));
                }
                Some(Ok(c)) => show(ui, c, &catalog),
            }
        });
    if reload {
        refresh(&mut state, &catalog);
    }
    Ok(())
}

fn show(ui: &mut egui::Ui, c: &Comparison, catalog: &Catalog) {
    let (code, group) = &c.classes[0];
    let title = group.first().map_or("", |e| e.file.level_title.as_str());
    let n = group.len();
    ui.label(style::heading(t!(
        "compare-heading",
        code = code.as_str(),
        level = i18n::text(title),
        n = n
    )));
    ui.columns(2, |cols| {
        egui::Grid::new("leaderboard")
            .striped(true)
            .spacing([18.0, 6.0])
            .show(&mut cols[0], |ui| {
                for h in [
                    t!("compare-rank"),
                    t!("compare-team"),
                    t!("compare-score"),
                    t!("compare-stars"),
                    t!("compare-verified"),
                ] {
                    ui.label(style::muted(h));
                }
                ui.end_row();
                for (i, e) in group.iter().enumerate() {
                    let rank = crate::class::results::rank_in(group, i);
                    ui.label(style::body(rank.map_or("–".into(), |r| r.to_string())).size(20.0));
                    ui.label(style::body(&e.file.team).size(20.0));
                    ui.label(style::body(format!("{:.1}", e.file.final_.outcome)).size(20.0));
                    style::stars(ui, e.file.stars, 18.0);
                    let (text, colour) = match &e.verdict {
                        Verdict::Reproduced => (t!("compare-verified-yes"), style::pal().good),
                        Verdict::Mismatch(w) => (
                            t!("compare-verified-no", why = w.to_string()),
                            style::pal().bad,
                        ),
                        Verdict::Unverifiable(w) => (
                            t!("compare-verified-cannot", why = w.to_string()),
                            style::pal().warn,
                        ),
                    };
                    // Wrapped within the column: a refusal's reason is read in full.
                    ui.add(
                        egui::Label::new(egui::RichText::new(text).size(15.0).color(colour)).wrap(),
                    );
                    ui.end_row();
                }
            });
        let right = &mut cols[1];
        right.label(style::body(t!("compare-split")));
        Plot::new("compare_split")
            .height(260.0)
            .include_y(0.0)
            .include_y(100.0)
            .legend(Legend::default())
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .show(right, |p| {
                for e in group {
                    let points: Vec<[f64; 2]> = e
                        .file
                        .weeks
                        .iter()
                        .map(|w| [w.week as f64, w.vision_share * 100.0])
                        .collect();
                    p.line(Line::new(e.file.team.clone(), points).width(2.0));
                }
            });
        let diffs = results::biggest_differences(group);
        if group.len() >= 2 && !diffs.is_empty() {
            right.label(style::heading(t!("compare-top-bottom")).size(18.0));
            for (m, d) in diffs.iter().take(3) {
                right.label(style::body(t!(
                    "compare-difference",
                    metric = m.to_string(),
                    points = format!("{:+.0}", d * 100.0)
                )));
            }
        }
        if let Some(level) = catalog
            .entries
            .iter()
            .filter_map(|e| e.level.as_ref().ok())
            .find(|l| group.first().is_some_and(|e| e.file.level_id == l.id))
            && !level.discussion.is_empty()
        {
            right.label(style::heading(t!("compare-discuss")).size(18.0));
            for q in &level.discussion {
                right.label(style::body(format!("• {}", i18n::text(q))));
            }
        }
    });
    if c.classes.len() > 1 || !c.unreadable.is_empty() {
        ui.separator();
        ui.label(style::muted(t!("compare-apart")));
        for (code, g) in &c.classes[1..] {
            ui.label(style::muted(t!(
                "compare-apart-class",
                code = code.as_str(),
                n = g.len()
            )));
        }
        for u in &c.unreadable {
            ui.label(egui::RichText::new(u).size(14.0).color(style::pal().warn));
        }
    }
}
