//! The title screen: continue the last run, pick a level, or quit.

use super::{Catalog, Screen, load};
use crate::app::AppSystems;
use crate::app::keys::{self, Binding, title as binds};
use crate::app::platform::{PageClass, Platform};
use crate::app::session::{SaveDir, Session};
use crate::app::ui::style;
use crate::store::disk;
use crate::t;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// The most recent autosave that still matches its level, found on entering the title.
#[derive(Resource, Default)]
pub struct Continue {
    pub session: Option<Session>,
    /// Where the run goes back into its class on Continue (`lan::page_class_host`).
    pub rejoin: Option<std::net::SocketAddr>,
    /// A save that could not be used, and why.
    pub problem: Option<String>,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Continue>()
        .add_systems(OnEnter(Screen::Title), find_autosave)
        .add_systems(
            Update,
            title_keys
                .run_if(in_state(Screen::Title))
                .in_set(AppSystems::RecordInput),
        )
        .add_systems(
            EguiPrimaryContextPass,
            title_ui.run_if(in_state(Screen::Title)),
        );
}

fn find_autosave(
    catalog: Res<Catalog>,
    dir: Res<SaveDir>,
    page: Option<Res<PageClass>>,
    mut found: ResMut<Continue>,
) {
    *found = Continue::default();
    let mut ids: Vec<&str> = catalog
        .entries
        .iter()
        .filter_map(|e| e.level.as_ref().ok())
        .map(|l| l.id.as_str())
        .collect();
    ids.sort();
    ids.dedup();
    let mut newest: Option<(web_time::SystemTime, Session)> = None;
    for path in ids
        .into_iter()
        .map(|id| dir.autosave(id))
        .filter(|p| disk::exists(p))
    {
        let modified = disk::modified(&path).unwrap_or(web_time::UNIX_EPOCH);
        match load::open(&path, &catalog) {
            // A finished run has nothing to continue.
            Ok(s) if s.sim.is_finished() => {}
            Ok(mut s) => {
                s.autosave = Some(path);
                if newest.as_ref().is_none_or(|(t, _)| modified > *t) {
                    newest = Some((modified, s));
                }
            }
            Err(e) => found.problem = Some(e.to_string()),
        }
    }
    found.session = newest.map(|(_, s)| s);
    found.rejoin = found
        .session
        .as_ref()
        .and_then(|s| crate::app::lan::page_class_host(s, page.as_deref()));
}

/// Where the title leads: each button and its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Choice {
    Continue,
    Play,
    Join,
    Facilitate,
    Load,
    Settings,
    Credits,
    Quit,
}

/// Each choice's key, in the order the title lists them.
const KEYED: [(Binding, Choice); 7] = [
    (binds::CONTINUE, Choice::Continue),
    (binds::PLAY, Choice::Play),
    (binds::JOIN, Choice::Join),
    (binds::FACILITATE, Choice::Facilitate),
    (binds::LOAD, Choice::Load),
    (binds::SETTINGS, Choice::Settings),
    (binds::QUIT, Choice::Quit),
];

impl Choice {
    /// Whether the title offers it: a page has no class network and no Quit; Continue
    /// needs a run to continue.
    fn offered(self, platform: Platform, found: &Continue) -> bool {
        match self {
            Choice::Continue => found.session.is_some(),
            Choice::Join => platform.joins_class(),
            Choice::Facilitate => platform.hosts_class(),
            Choice::Quit => platform.can_quit(),
            _ => true,
        }
    }
}

fn choose(
    choice: Choice,
    found: &Continue,
    commands: &mut Commands,
    next: &mut NextState<Screen>,
    exit: &mut MessageWriter<AppExit>,
) {
    match choice {
        Choice::Continue => {
            if let Some(s) = &found.session {
                commands.insert_resource(s.clone());
                if let Some(host) = found.rejoin {
                    commands.queue(move |w: &mut World| crate::app::lan::join(w, host));
                }
                next.set(Screen::Play);
            }
        }
        Choice::Play => next.set(Screen::LevelSelect),
        Choice::Join => next.set(Screen::Join),
        Choice::Facilitate => next.set(Screen::Facilitate),
        Choice::Load => next.set(Screen::Load),
        Choice::Settings => next.set(Screen::Settings),
        Choice::Credits => next.set(Screen::Credits),
        Choice::Quit => {
            exit.write(AppExit::Success);
        }
    }
}

/// The title's keys, in `Update` so that they work (and are tested) without the UI.
fn title_keys(
    keys: Res<ButtonInput<KeyCode>>,
    found: Res<Continue>,
    platform: Res<Platform>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    let pressed = KEYED
        .into_iter()
        .filter(|(_, c)| c.offered(*platform, &found))
        .find(|(b, _)| b.pressed(&keys));
    if let Some((_, choice)) = pressed {
        choose(choice, &found, &mut commands, &mut next, &mut exit);
    }
}

fn title_ui(
    mut contexts: EguiContexts,
    found: Res<Continue>,
    platform: Res<Platform>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut chosen = None;
    let mut root = style::root(ctx, "title");
    egui::CentralPanel::default()
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("title-menu"));
            // A small window or a large interface scale can leave the menu taller than the window.
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.add_space(70.0);
                ui.vertical_centered(|ui| {
                    ui.label(
                        egui::RichText::new(t!("title-game"))
                            .size(56.0)
                            .color(style::pal().forest)
                            .strong(),
                    );
                    ui.label(style::body(t!("title-tagline")).size(19.0));
                    ui.add_space(40.0);
                    let mut buttons: Vec<(String, Choice)> = [
                        (t!("title-play"), Choice::Play),
                        (t!("title-join"), Choice::Join),
                        (t!("title-facilitate"), Choice::Facilitate),
                        (t!("title-load"), Choice::Load),
                        (t!("title-settings"), Choice::Settings),
                        (t!("title-credits"), Choice::Credits),
                        (t!("title-quit"), Choice::Quit),
                    ]
                    .into_iter()
                    .filter(|(_, c)| c.offered(*platform, &found))
                    .collect();
                    if let Some(s) = &found.session {
                        let label = t!(
                            "title-continue",
                            level = crate::i18n::text(&s.sim.level.title),
                            week = s.sim.next_week(),
                            weeks = s.sim.level.weeks
                        );
                        buttons.insert(0, (label, Choice::Continue));
                    }
                    for (label, choice) in buttons {
                        if style::menu_button(ui, &label).clicked() {
                            chosen = Some(choice);
                        }
                        ui.add_space(8.0);
                    }
                    ui.add_space(16.0);
                    let offered: Vec<Binding> = KEYED
                        .into_iter()
                        .filter(|(_, c)| c.offered(*platform, &found))
                        .map(|(b, _)| b)
                        .chain([keys::FOCUS])
                        .collect();
                    ui.label(style::muted(keys::hint(&offered)));
                    match *platform {
                        Platform::Desktop => {}
                        Platform::Browser => {
                            ui.add_space(12.0);
                            ui.label(style::muted(t!("title-browser-class")));
                        }
                        Platform::ClassPage => {
                            ui.add_space(12.0);
                            // Continue is named only when it does take a run of this class
                            // back in.
                            let said = if found.rejoin.is_some() {
                                t!("title-class-page-continue")
                            } else {
                                t!("title-class-page")
                            };
                            ui.label(style::muted(said));
                        }
                    }
                    if let Some(problem) = &found.problem {
                        ui.add_space(16.0);
                        ui.label(
                            egui::RichText::new(problem)
                                .size(14.0)
                                .color(style::pal().warn),
                        );
                    }
                });
            });
        });
    if let Some(choice) = chosen {
        choose(choice, &found, &mut commands, &mut next, &mut exit);
    }
    Ok(())
}
