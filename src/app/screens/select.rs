//! Level select: the campaign in chapter order with each level's best score and stars
//! (later chapters open as earlier ones earn a star), then other levels; each level's
//! role, length, team and briefing. Broken level files are listed with their positioned
//! errors. The sandbox is one key away.

use super::{CampaignProgress, Catalog, Screen};
use crate::app::AppSystems;
use crate::app::keys::{self, select as binds};
use crate::app::platform::Platform;
use crate::app::player_settings::PlayerSettings;
use crate::app::ui::style;
use crate::catalog::{Entry, Source};
use crate::i18n;
use crate::store::progress::Progress;
use crate::t;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// Why the level file the player last opened could not be kept, or could not be asked for.
#[derive(Resource, Default)]
pub struct OpenedFile {
    pub problem: Option<String>,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<OpenedFile>();
    #[cfg(target_arch = "wasm32")]
    app.add_systems(
        Update,
        take_opened
            .run_if(in_state(Screen::LevelSelect))
            .in_set(AppSystems::Apply),
    );
    app.add_systems(
        Update,
        select_keys
            .run_if(in_state(Screen::LevelSelect))
            .in_set(AppSystems::RecordInput),
    )
    .add_systems(
        EguiPrimaryContextPass,
        select_ui.run_if(in_state(Screen::LevelSelect)),
    );
}

/// Up and Down choose a level, Enter reads its briefing, S opens the sandbox.
fn select_keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut catalog: ResMut<Catalog>,
    progress: Res<CampaignProgress>,
    settings: Res<PlayerSettings>,
    mut next: ResMut<NextState<Screen>>,
) {
    let n = catalog.entries.len();
    if n > 0 {
        if binds::DOWN.pressed(&keys) {
            catalog.selected = (catalog.selected + 1) % n;
        }
        if binds::UP.pressed(&keys) {
            catalog.selected = (catalog.selected + n - 1) % n;
        }
    }
    if binds::BRIEFING.pressed(&keys) && playable(&catalog, &progress, &settings) {
        next.set(Screen::Briefing);
    }
    if binds::SANDBOX.pressed(&keys) {
        next.set(Screen::Sandbox);
    }
}

/// Lists and selects the level files the browser's picker delivered.
#[cfg(target_arch = "wasm32")]
fn take_opened(mut catalog: ResMut<Catalog>, mut opened: ResMut<OpenedFile>) {
    for (name, bytes) in crate::app::web::take_picked() {
        let (entry, problem) =
            crate::catalog::open_file(&crate::catalog::user_levels_dir(), &name, bytes);
        catalog.add_opened(entry);
        opened.problem = problem;
    }
}

/// The chosen level loads and is open.
fn playable(catalog: &Catalog, progress: &CampaignProgress, settings: &PlayerSettings) -> bool {
    catalog.selected_level().is_some()
        && catalog.is_unlocked(
            catalog.selected,
            &progress.progress,
            settings.settings.unlock_all,
        )
}

fn select_ui(
    mut contexts: EguiContexts,
    mut catalog: ResMut<Catalog>,
    progress: Res<CampaignProgress>,
    settings: Res<PlayerSettings>,
    platform: Res<Platform>,
    mut opened: ResMut<OpenedFile>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let unlock_all = settings.settings.unlock_all;
    let ctx = contexts.ctx_mut()?;
    let playable = playable(&catalog, &progress, &settings);
    let mut root = style::root(ctx, "select");
    egui::Panel::top("select_header")
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("select-campaign"));
            ui.label(
                egui::RichText::new(t!("select-title"))
                    .size(32.0)
                    .color(style::pal().forest)
                    .strong(),
            );
        });
    egui::Panel::bottom("select_footer")
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("select-actions"));
            ui.horizontal(|ui| {
                if ui
                    .button(egui::RichText::new(t!("back")).size(18.0))
                    .clicked()
                {
                    next.set(Screen::Title);
                }
                let start = ui.add_enabled(
                    playable,
                    egui::Button::new(egui::RichText::new(t!("select-briefing")).size(18.0)),
                );
                if start.clicked() {
                    next.set(Screen::Briefing);
                }
                if ui
                    .button(egui::RichText::new(t!("select-sandbox")).size(18.0))
                    .clicked()
                {
                    next.set(Screen::Sandbox);
                }
                // A page has no levels folder: the player's own file comes by the picker.
                if platform.keeps_files_in_browser()
                    && ui
                        .button(egui::RichText::new(t!("select-open-file")).size(18.0))
                        .clicked()
                {
                    opened.problem = None;
                    #[cfg(target_arch = "wasm32")]
                    if let Err(e) = crate::app::web::pick_level_file() {
                        opened.problem = Some(t!("select-open-failed", why = e));
                    }
                }
                ui.label(style::muted(keys::hint(&binds::ALL)));
            });
        });
    egui::Panel::left("select_levels")
        .frame(style::frame())
        .exact_size(360.0)
        .show(&mut root, |ui| {
            style::region(ui, &t!("select-levels-region"));
            if let Some(i) = level_list(ui, &catalog, &progress, unlock_all) {
                catalog.selected = i;
            }
        });
    egui::CentralPanel::default()
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("select-chosen"));
            if let Some(e) = catalog.entries.get(catalog.selected) {
                let open = catalog.is_unlocked(catalog.selected, &progress.progress, unlock_all);
                level_details(
                    ui,
                    e,
                    &progress.progress,
                    (!open).then(|| lock_reason(&catalog, e)),
                );
            }
            for m in [&progress.message, &opened.problem].into_iter().flatten() {
                ui.label(egui::RichText::new(m).color(style::pal().warn));
            }
        });
    Ok(())
}

fn file_name(e: &Entry) -> String {
    e.path.file_name().map_or_else(
        || e.path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    )
}

/// Why a campaign level is closed, naming the chapter that opens it.
fn lock_reason(catalog: &Catalog, e: &Entry) -> String {
    let Ok(level) = &e.level else {
        return String::new();
    };
    let before = catalog
        .campaign()
        .into_iter()
        .filter(|l| l.chapter < level.chapter)
        .max_by_key(|l| l.chapter);
    match before {
        Some(prev) => t!("select-locked", previous = i18n::text(&prev.title)),
        None => String::new(),
    }
}

/// Every level file, its role, where it came from and the best so far; the one clicked.
fn level_list(
    ui: &mut egui::Ui,
    catalog: &Catalog,
    progress: &CampaignProgress,
    unlock_all: bool,
) -> Option<usize> {
    let n = catalog.entries.len();
    ui.label(style::heading(t!("select-levels", n = n)));
    ui.add_space(8.0);
    if n == 0 {
        ui.label(
            egui::RichText::new(t!(
                "select-no-levels",
                folder = crate::catalog::levels_dir().display().to_string()
            ))
            .color(style::pal().bad),
        );
    }
    let mut clicked = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (i, e) in catalog.entries.iter().enumerate() {
            let open = catalog.is_unlocked(i, &progress.progress, unlock_all);
            if ui
                .selectable_label(catalog.selected == i, entry_text(e, open))
                .clicked()
            {
                clicked = Some(i);
            }
            if let Ok(l) = &e.level
                && let Some(r) = progress.progress.get(&l.id)
            {
                ui.horizontal(|ui| {
                    ui.add_space(8.0);
                    style::stars(ui, r.best_stars, 16.0);
                    ui.label(style::muted(t!(
                        "select-best",
                        score = format!("{:.0}", r.best_score)
                    )));
                });
            }
            ui.add_space(4.0);
        }
    });
    clicked
}

/// A level's line in the list: chapter and title, role, where it came from, locked.
fn entry_text(e: &Entry, open: bool) -> egui::RichText {
    let Ok(l) = &e.level else {
        return egui::RichText::new(t!("select-broken-entry", file = file_name(e)))
            .size(17.0)
            .color(style::pal().bad);
    };
    let source = match e.source {
        Source::Shipped => "shipped",
        Source::User => "user",
        Source::CommandLine => "opened",
    };
    let title = match l.chapter {
        Some(c) if e.source == Source::Shipped => format!("{c}. {}", i18n::text(&l.title)),
        _ => i18n::text(&l.title),
    };
    let text = egui::RichText::new(t!(
        "select-entry",
        title = title,
        role = i18n::text(l.role.label()),
        source = source,
        open = if open { "yes" } else { "no" }
    ))
    .size(17.0);
    if open {
        text
    } else {
        text.color(style::pal().muted)
    }
}

/// The level's title, facts, stars and briefing; `locked` says what opens it.
fn level_details(ui: &mut egui::Ui, e: &Entry, progress: &Progress, locked: Option<String>) {
    match &e.level {
        Ok(l) => {
            ui.label(
                egui::RichText::new(i18n::text(&l.title))
                    .size(30.0)
                    .color(style::pal().text)
                    .strong(),
            );
            ui.label(
                egui::RichText::new(t!(
                    "select-facts",
                    role = i18n::text(l.role.label()),
                    weeks = l.weeks,
                    people = l.team_size(),
                    hours = format!("{:.0}", l.budget)
                ))
                .size(17.0)
                .color(style::pal().forest),
            );
            if let Some(reason) = &locked {
                ui.label(
                    egui::RichText::new(reason)
                        .size(17.0)
                        .color(style::pal().warn),
                );
            }
            if let Some(s) = l.stars {
                ui.horizontal(|ui| {
                    match progress.get(&l.id) {
                        Some(r) => {
                            style::stars(ui, r.best_stars, 20.0);
                            ui.label(style::body(t!(
                                "select-best-of",
                                score = format!("{:.0}", r.best_score),
                                plays = r.plays
                            )));
                        }
                        None => {
                            ui.label(style::body(t!("select-not-played")));
                        }
                    }
                    ui.label(style::muted(t!(
                        "select-stars-at",
                        one = format!("{}", s.one),
                        two = format!("{}", s.two),
                        three = format!("{}", s.three)
                    )));
                });
            }
            ui.add_space(12.0);
            ui.label(
                egui::RichText::new(i18n::text(&l.briefing))
                    .size(18.0)
                    .color(style::pal().text),
            );
            ui.add_space(12.0);
            ui.label(style::heading(t!("select-goals")).size(20.0));
            for g in &l.goals {
                ui.label(
                    egui::RichText::new(format!("• {}", i18n::text(&g.title)))
                        .size(17.0)
                        .color(style::pal().muted),
                );
            }
            if !l.learning_goals.is_empty() {
                ui.add_space(12.0);
                ui.label(style::heading(t!("select-teaches")).size(20.0));
                for g in &l.learning_goals {
                    ui.label(
                        egui::RichText::new(format!("• {}", i18n::text(g)))
                            .size(16.0)
                            .color(style::pal().muted),
                    );
                }
            }
            ui.add_space(12.0);
            ui.label(
                style::muted(t!(
                    "select-events",
                    events = l.events.len(),
                    dilemmas = l.dilemmas.len()
                ))
                .size(16.0),
            );
        }
        Err(errors) => {
            ui.label(
                egui::RichText::new(file_name(e))
                    .size(26.0)
                    .color(style::pal().bad),
            );
            ui.label(style::body(t!("select-file-problems")));
            for err in errors {
                ui.label(
                    egui::RichText::new(err.to_string())
                        .size(15.0)
                        .monospace()
                        .color(style::pal().text),
                );
            }
        }
    }
}
