//! Hot reload of level files: every second the game looks at the level files it listed;
//! an edited file is read again. A valid edit replaces the level for the next run started;
//! an invalid one is shown with its positioned errors on every screen while the last good
//! version stays in play. A level's translation files (`<stem>.<language>.ftl`) are looked
//! at too: an edited one replaces the earlier translation at once, its problems shown as a
//! level's are. (A poll of a few dozen file times: the levels are not Bevy assets.)

use crate::app::screens::{Catalog, Screen};
use crate::app::session::Session;
use crate::app::ui::style;
use crate::i18n::{Lang, level as translation};
use bevy::prelude::*;
use bevy::time::common_conditions::on_timer;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use sim::{Level, LevelError};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Seconds between looks at the files.
const EVERY: f32 = 1.0;
/// Seconds a "reloaded" notice stays up.
const NOTICE_SECONDS: f32 = 6.0;

#[derive(Resource, Default)]
pub struct Reload {
    /// Modification time of each catalog entry's file when last read.
    seen: Vec<Option<SystemTime>>,
    /// Modification time of each entry's translation files (one per language besides
    /// English; `None` while a file does not exist).
    seen_translations: Vec<Vec<Option<SystemTime>>>,
    /// Files whose latest edit does not load, with their errors.
    pub errors: Vec<(PathBuf, Vec<LevelError>)>,
    /// What was reloaded, for a few seconds.
    pub notice: Option<(String, Timer)>,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Reload>()
        .add_systems(
            Update,
            (
                fade_notice,
                poll.run_if(on_timer(Duration::from_secs_f32(EVERY))),
            )
                .in_set(crate::app::AppSystems::TickTimers),
        )
        .add_systems(EguiPrimaryContextPass, show);
}

fn modified(path: &std::path::Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Reads again every file whose time changed; returns the titles of levels replaced.
pub fn check(catalog: &mut Catalog, reload: &mut Reload) -> Vec<String> {
    replace_changed(catalog, reload)
        .into_iter()
        .map(|(_, title)| title)
        .collect()
}

/// Times of the translation files of the level at `path`, one per language besides English.
fn translation_times(path: &Path) -> Vec<Option<SystemTime>> {
    Lang::ALL
        .into_iter()
        .filter(|l| *l != Lang::En)
        .map(|l| modified(&translation::path_for(path, l)))
        .collect()
}

/// (id, title) of each level replaced by its edited file or an edited translation.
fn replace_changed(catalog: &mut Catalog, reload: &mut Reload) -> Vec<(String, String)> {
    let first_look = reload.seen.len() != catalog.entries.len()
        || reload.seen_translations.len() != catalog.entries.len();
    if first_look {
        reload.seen = catalog.entries.iter().map(|e| modified(&e.path)).collect();
        reload.seen_translations = catalog
            .entries
            .iter()
            .map(|e| translation_times(&e.path))
            .collect();
        return Vec::new();
    }
    let mut replaced = Vec::new();
    for (i, e) in catalog.entries.iter_mut().enumerate() {
        let now = modified(&e.path);
        let translations_now = translation_times(&e.path);
        let level_edited = now != reload.seen[i];
        if !level_edited && translations_now == reload.seen_translations[i] {
            continue;
        }
        reload.seen[i] = now;
        reload.seen_translations[i] = translations_now;
        if level_edited {
            reload.errors.retain(|(p, _)| p != &e.path);
            match Level::load(&e.path) {
                Ok(level) => {
                    replaced.push((level.id.clone(), level.title.clone()));
                    e.level = Ok(level);
                }
                // A file that never loaded shows its new errors in the list; a good level
                // keeps playing and the errors are shown beside it.
                Err(errors) if e.level.is_err() => e.level = Err(errors),
                Err(errors) => reload.errors.push((e.path.clone(), errors)),
            }
        }
        // The translations of the level in play, read again: the texts they translate
        // may have changed with the level. What reads well replaces the earlier
        // translation; the rest keeps it, its problems shown.
        let Ok(level) = &e.level else {
            continue;
        };
        let translations = translation::load_beside(level, &e.path);
        translation::reregister(&translations);
        crate::catalog::log_problems(&translations);
        let files: Vec<PathBuf> = Lang::ALL
            .into_iter()
            .filter(|l| *l != Lang::En)
            .map(|l| translation::path_for(&e.path, l))
            .collect();
        reload.errors.retain(|(p, _)| !files.contains(p));
        for t in &translations.files {
            if !t.errors.is_empty() {
                reload.errors.push((t.path.clone(), t.errors.clone()));
            }
        }
        if !level_edited && !translations.has_errors() {
            replaced.push((level.id.clone(), level.title.clone()));
        }
        e.translations = translations;
    }
    replaced
}

fn fade_notice(time: Res<Time>, mut reload: ResMut<Reload>) {
    if let Some((_, timer)) = &mut reload.notice
        && timer.tick(time.delta()).is_finished()
    {
        reload.notice = None;
    }
}

fn poll(mut catalog: ResMut<Catalog>, mut reload: ResMut<Reload>, session: Option<Res<Session>>) {
    let replaced = replace_changed(&mut catalog, &mut reload);
    if replaced.is_empty() {
        return;
    }
    // By id: an edit may have changed the title of the level being played.
    let playing = session.as_ref().map(|s| s.sim.level.id.clone());
    let text = replaced
        .iter()
        .map(|(id, t)| {
            if Some(id) == playing.as_ref() {
                format!("{t} reloaded: your next start of it uses the new version")
            } else {
                format!("{t} reloaded")
            }
        })
        .collect::<Vec<_>>()
        .join(" · ");
    reload.notice = Some((text, Timer::from_seconds(NOTICE_SECONDS, TimerMode::Once)));
}

fn show(mut contexts: EguiContexts, reload: Res<Reload>, state: Res<State<Screen>>) -> Result {
    if reload.errors.is_empty() && reload.notice.is_none() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    // On the play screen, over the bottom of the team view, just above the log: the plan's
    // sliders and the metrics stay in sight. Elsewhere, out of the way of the menus.
    let (anchor, offset, width) = if *state.get() == Screen::Play {
        (egui::Align2::CENTER_BOTTOM, [57.0, -180.0], 520.0)
    } else {
        (egui::Align2::LEFT_BOTTOM, [16.0, -60.0], 760.0)
    };
    egui::Area::new(egui::Id::new("reload"))
        .anchor(anchor, offset)
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::NONE
                .fill(style::pal().background)
                .stroke(egui::Stroke::new(1.0, style::pal().warn))
                .inner_margin(10.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.set_max_width(width);
                    if let Some((text, _)) = &reload.notice {
                        ui.label(
                            egui::RichText::new(text)
                                .size(15.0)
                                .color(style::pal().good),
                        );
                    }
                    for (path, errors) in &reload.errors {
                        ui.label(
                            egui::RichText::new(format!(
                                "{} has errors; the last good version stays in play:",
                                path.display()
                            ))
                            .size(15.0)
                            .color(style::pal().warn),
                        );
                        for e in errors.iter().take(3) {
                            ui.label(
                                egui::RichText::new(e.to_string())
                                    .size(14.0)
                                    .monospace()
                                    .color(style::pal().text),
                            );
                        }
                    }
                });
        });
    Ok(())
}
