//! Load a saved game: every save in the saves folder with its level and week. A save
//! that cannot be used is named with the reason (and, if damaged, kept aside).

use super::{Catalog, Screen};
use crate::app::platform::PageClass;
use crate::app::session::{SaveDir, Session};
use crate::app::ui::style;
use crate::i18n;
use crate::store::disk;
use crate::store::save::{self, ResumeError};
use crate::t;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::path::PathBuf;
use std::sync::Arc;

/// One save found on disk.
#[derive(Clone, Debug)]
pub struct Slot {
    pub path: PathBuf,
    /// Level title and week, or why it cannot be loaded.
    pub summary: Result<String, SlotProblem>,
}

/// Why a save on the list cannot be loaded, as the list says it.
#[derive(Clone, Debug, PartialEq)]
pub enum SlotProblem {
    Finished(String),
    Changed(String),
    NotInstalled(String),
    Damaged,
}

impl std::fmt::Display for SlotProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            SlotProblem::Finished(level) => t!("load-slot-finished", level = i18n::text(level)),
            SlotProblem::Changed(level) => t!("load-slot-changed", level = i18n::text(level)),
            SlotProblem::NotInstalled(level) => {
                t!("load-slot-not-installed", level = level.as_str())
            }
            SlotProblem::Damaged => t!("load-slot-damaged"),
        };
        f.write_str(&said)
    }
}

impl std::error::Error for SlotProblem {}

/// Why a chosen save did not open; each names the file.
#[derive(Debug)]
pub enum OpenError {
    Load(save::LoadError),
    NotInstalled { path: PathBuf, level: String },
    Resume { path: PathBuf, why: ResumeError },
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Load(e) => std::fmt::Display::fmt(e, f),
            OpenError::NotInstalled { path, level } => f.write_str(&t!(
                "load-not-installed",
                file = path.display().to_string(),
                level = level.as_str()
            )),
            OpenError::Resume { path, why } => f.write_str(&t!(
                "load-cannot-resume",
                file = path.display().to_string(),
                why = why.to_string()
            )),
        }
    }
}

impl std::error::Error for OpenError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OpenError::Load(e) => std::error::Error::source(e),
            _ => None,
        }
    }
}

impl From<save::LoadError> for OpenError {
    fn from(e: save::LoadError) -> Self {
        OpenError::Load(e)
    }
}

#[derive(Resource, Default)]
pub struct Saves {
    pub slots: Vec<Slot>,
    pub problem: Option<String>,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Saves>()
        .add_systems(OnEnter(Screen::Load), scan)
        .add_systems(
            EguiPrimaryContextPass,
            load_ui.run_if(in_state(Screen::Load)),
        );
}

/// Lists the saves, newest first. Reading only: nothing is moved until the player asks.
pub fn list(dir: &SaveDir, catalog: &Catalog) -> Vec<Slot> {
    let folder = dir.0.join("saves");
    let mut paths: Vec<(web_time::SystemTime, PathBuf)> = disk::list(&folder)
        .unwrap_or_default()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| (disk::modified(&p).unwrap_or(web_time::UNIX_EPOCH), p))
        .collect();
    paths.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    paths
        .into_iter()
        .map(|(_, path)| {
            let summary = match save::read(&path) {
                Ok(f) => match catalog
                    .entries
                    .iter()
                    .filter_map(|e| e.level.as_ref().ok())
                    .find(|l| l.id == f.level_id)
                {
                    Some(l)
                        if l.content_hash == f.level_hash
                            && f.decisions.len() >= l.weeks as usize =>
                    {
                        Err(SlotProblem::Finished(l.title.clone()))
                    }
                    Some(l) if l.content_hash == f.level_hash => Ok(t!(
                        "load-slot-summary",
                        level = i18n::text(&l.title),
                        week = f.decisions.len(),
                        weeks = l.weeks
                    )),
                    Some(l) => Err(SlotProblem::Changed(l.title.clone())),
                    None => Err(SlotProblem::NotInstalled(f.level_id)),
                },
                Err(_) => Err(SlotProblem::Damaged),
            };
            Slot { path, summary }
        })
        .collect()
}

fn scan(dir: Res<SaveDir>, catalog: Res<Catalog>, mut saves: ResMut<Saves>) {
    saves.slots = list(&dir, &catalog);
    saves.problem = None;
}

fn load_ui(
    mut contexts: EguiContexts,
    mut saves: ResMut<Saves>,
    catalog: Res<Catalog>,
    dir: Res<SaveDir>,
    page: Option<Res<PageClass>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = style::root(ctx, "load");
    let mut chosen = None;
    egui::CentralPanel::default()
        .frame(style::frame().inner_margin(40.0))
        .show(&mut root, |ui| {
            style::region(ui, &t!("load-region"));
            ui.label(
                egui::RichText::new(t!("load-title"))
                    .size(32.0)
                    .color(style::pal().forest)
                    .strong(),
            );
            ui.label(style::muted(t!(
                "load-from",
                folder = crate::store::disk::shown(&dir.0.join("saves"))
            )));
            ui.add_space(12.0);
            if saves.slots.is_empty() {
                ui.label(style::body(t!("load-no-saves")));
            }
            egui::ScrollArea::vertical()
                .max_height(ui.available_height() - 110.0)
                .show(ui, |ui| {
                    for (i, slot) in saves.slots.iter().enumerate() {
                        let name = slot
                            .path
                            .file_name()
                            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
                        ui.horizontal(|ui| {
                            match &slot.summary {
                                Ok(s) => {
                                    if ui
                                        .button(egui::RichText::new(t!("load-load")).size(16.0))
                                        .clicked()
                                    {
                                        chosen = Some(i);
                                    }
                                    ui.label(style::body(s));
                                }
                                Err(why) => {
                                    if ui
                                        .button(egui::RichText::new(t!("load-try")).size(16.0))
                                        .on_hover_text(t!("load-try-hint"))
                                        .clicked()
                                    {
                                        chosen = Some(i);
                                    }
                                    ui.label(
                                        egui::RichText::new(t!(
                                            "load-cannot-load",
                                            why = why.to_string()
                                        ))
                                        .size(16.0)
                                        .color(style::pal().warn),
                                    );
                                }
                            }
                            ui.label(style::muted(name));
                        });
                    }
                });
            if let Some(p) = &saves.problem {
                ui.label(egui::RichText::new(p).color(style::pal().warn));
            }
            ui.add_space(10.0);
            if style::menu_button(ui, &t!("back")).clicked() {
                next.set(Screen::Title);
            }
        });
    if let Some(i) = chosen {
        let path = saves.slots[i].path.clone();
        match open(&path, &catalog) {
            Ok(s) if s.sim.is_finished() => {
                saves.problem = Some(t!("load-finished", file = path.display().to_string()));
            }
            Ok(mut session) => {
                // Play goes on in the level's autosave, never over the file just loaded.
                session.autosave = Some(dir.autosave(&session.sim.level.id));
                if let Some(host) = crate::app::lan::page_class_host(&session, page.as_deref()) {
                    commands.queue(move |w: &mut World| crate::app::lan::join(w, host));
                }
                commands.insert_resource(session);
                next.set(Screen::Play);
            }
            Err(e) => {
                saves.slots = list(&dir, &catalog);
                saves.problem = Some(e.to_string());
            }
        }
    }
    Ok(())
}

/// Loads a save against the installed levels (the exact version it was made with, when
/// two files share an id); a damaged file is moved aside by `save::load`.
pub fn open(path: &std::path::Path, catalog: &Catalog) -> Result<Session, OpenError> {
    let file = save::load(path)?;
    let levels = || {
        catalog
            .entries
            .iter()
            .filter_map(|e| e.level.as_ref().ok())
            .filter(|l| l.id == file.level_id)
    };
    let level = levels()
        .find(|l| l.content_hash == file.level_hash)
        .or_else(|| levels().next())
        .ok_or_else(|| OpenError::NotInstalled {
            path: path.to_path_buf(),
            level: file.level_id.clone(),
        })?;
    Session::resume(&file, Arc::new(level.clone())).map_err(|why| OpenError::Resume {
        path: path.to_path_buf(),
        why,
    })
}
