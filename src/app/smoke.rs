//! The window smoke test (`--smoke-test DIR`): drives the real game through the same
//! messages the UI sends — title, level select, briefing, three weeks of play, the
//! debrief — saves a screenshot of each screen into DIR, refuses a blank frame, and
//! quits. `.ci/run` runs it under Xvfb with Mesa's software Vulkan. With the layout
//! check, each screen is also judged at every window size and interface scale first.

use super::layout_check::{self, Combo, LayoutCheck};
use super::screens::play::{Overlay, PlayUi, View};
use super::screens::{Catalog, Screen, briefing};
use super::session::{Command, SaveDir, Session};
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use std::path::PathBuf;

/// Frames to let egui lay out and the renderer settle before each capture.
const SETTLE_FRAMES: u32 = 20;
/// Frames after which the run is declared stuck, and more for each step of the script.
const TIMEOUT_FRAMES: u32 = 3000;
const TIMEOUT_FRAMES_PER_STEP: u32 = 40;
/// Frames for a resized window and a new scale to settle: the window takes a round trip
/// to the display server, egui a pass or two.
const LAYOUT_SETTLE_FRAMES: u32 = 12;

#[derive(Resource)]
struct Smoke {
    dir: PathBuf,
    script: Vec<Step>,
    frame: u32,
    step: usize,
    wait_until: u32,
    shots_pending: u32,
    shots_done: u32,
    /// Blank first frames taken again while the renderer warms up.
    warm_ups: u32,
}

/// How many times the first screenshot is taken again while it is blank: the renderer
/// compiles its pipelines in the background, and on a busy machine (a CI runner, the
/// monkey beside it) the first frames can come before any of them.
const WARM_UPS: u32 = 30;

#[derive(Clone, Copy, Debug)]
enum Step {
    Shoot(&'static str),
    Go(Screen),
    StartLevel,
    PlayWeeks(u32),
    /// Switch the play screen to this view (the camera glides there).
    View(View),
    /// Open this over the play screen.
    Open(Overlay),
    /// Switch the high-contrast palette on or off, as Settings does.
    HighContrast(bool),
    PlayToEnd,
    /// Write the finished run's result file, as a class run does.
    SaveResult,
    /// Host the facilitator's class on loopback (any free port), as its button does.
    HostLan,
    StopLan,
    /// Set the window size and the interface scale (the layout check).
    Frame(Combo),
    /// Judge this frame's layout, and save its screenshot under DIR/layout.
    Check(&'static str, Combo),
    /// Walk this screen's controls by Tab (the layout check).
    Walk(&'static str),
    Quit,
}

const SCRIPT: &[Step] = &[
    Step::Shoot("title"),
    Step::Go(Screen::Settings),
    Step::Shoot("settings"),
    Step::Go(Screen::Credits),
    Step::Shoot("credits"),
    Step::Go(Screen::Load),
    Step::Shoot("load"),
    Step::Go(Screen::Join),
    Step::Shoot("join"),
    Step::Go(Screen::Facilitate),
    Step::Shoot("facilitate"),
    Step::HostLan,
    Step::Shoot("facilitate-lan"),
    Step::StopLan,
    Step::Go(Screen::LevelSelect),
    Step::Shoot("level-select"),
    Step::Go(Screen::Sandbox),
    Step::Shoot("sandbox"),
    Step::Go(Screen::LevelSelect),
    Step::Go(Screen::Briefing),
    Step::Shoot("briefing"),
    Step::StartLevel,
    Step::Shoot("play-week-1"),
    Step::PlayWeeks(3),
    Step::Shoot("play-week-4"),
    Step::Open(Overlay::People),
    Step::Shoot("play-people"),
    Step::Open(Overlay::None),
    Step::View(View::Forest),
    Step::Shoot("play-forest"),
    Step::HighContrast(true),
    Step::Shoot("play-high-contrast"),
    Step::HighContrast(false),
    Step::View(View::Trees),
    Step::PlayToEnd,
    Step::Shoot("debrief"),
    Step::SaveResult,
    Step::Go(Screen::Compare),
    Step::Shoot("compare"),
    Step::Quit,
];

/// The script, with the layout check's sizes and scales before each screenshot.
fn script(layout: bool) -> Vec<Step> {
    let mut out = Vec::new();
    for step in SCRIPT {
        if let (true, Step::Shoot(name)) = (layout, step) {
            for combo in layout_check::combos() {
                out.extend([Step::Frame(combo), Step::Check(name, combo)]);
            }
            out.push(Step::Frame(layout_check::PLAIN));
        }
        out.push(*step);
        if let (true, Step::Shoot(name)) = (layout, step) {
            out.push(Step::Walk(name));
        }
    }
    out
}

pub fn plugin(dir: PathBuf, level: Option<String>, layout: bool) -> impl Fn(&mut App) {
    move |app: &mut App| {
        if let Some(id) = &level {
            let mut catalog = app.world_mut().resource_mut::<Catalog>();
            match catalog
                .entries
                .iter()
                .position(|e| e.level.as_ref().is_ok_and(|l| &l.id == id))
            {
                Some(i) => catalog.selected = i,
                None => error!("smoke test: no level \"{id}\"; playing the first one"),
            }
        }
        if layout {
            app.add_plugins(layout_check::plugin);
        }
        app.insert_resource(Smoke {
            dir: dir.clone(),
            script: script(layout),
            frame: 0,
            step: 0,
            wait_until: SETTLE_FRAMES,
            shots_pending: 0,
            shots_done: 0,
            warm_ups: 0,
        })
        .add_systems(Update, drive);
    }
}

/// The parts of the game the driver reads.
#[derive(SystemParam)]
struct Game<'w> {
    catalog: Res<'w, Catalog>,
    dir: Res<'w, SaveDir>,
    session: Option<Res<'w, Session>>,
    settings: Res<'w, super::player_settings::PlayerSettings>,
    layout: Option<Res<'w, LayoutCheck>>,
}

fn drive(
    mut commands: Commands,
    mut smoke: ResMut<Smoke>,
    mut next: ResMut<NextState<Screen>>,
    game: Game,
    mut play_ui: Option<ResMut<PlayUi>>,
    mut out: MessageWriter<Command>,
    mut exit: MessageWriter<AppExit>,
) {
    let Game {
        catalog,
        dir,
        session,
        settings,
        layout,
    } = game;
    smoke.frame += 1;
    if smoke.frame > TIMEOUT_FRAMES + TIMEOUT_FRAMES_PER_STEP * smoke.script.len() as u32 {
        error!(
            "smoke test: stuck at step {} of {}",
            smoke.step,
            smoke.script.len()
        );
        exit.write(AppExit::from_code(3));
        return;
    }
    if smoke.frame < smoke.wait_until
        || smoke.shots_pending > 0
        || layout.as_ref().is_some_and(|l| l.walking())
    {
        return;
    }
    let Some(step) = smoke.script.get(smoke.step).copied() else {
        return;
    };
    smoke.step += 1;
    smoke.wait_until = smoke.frame + SETTLE_FRAMES;
    match step {
        Step::Shoot(name) => {
            let path = smoke.dir.join(format!("{name}.png"));
            smoke.shots_pending += 1;
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(path))
                .observe(check_not_blank);
        }
        Step::Frame(_) | Step::Check(..) => layout_step(step, &mut commands, &mut smoke),
        Step::Walk(name) => commands.queue(layout_check::walk::begin(name)),
        Step::Go(screen) => next.set(screen),
        Step::StartLevel => {
            if !start_level(&mut commands, &catalog, &dir, &mut next) {
                error!("smoke test: no playable level");
                exit.write(AppExit::from_code(6));
            }
        }
        Step::View(v) => {
            if let Some(ui) = play_ui.as_deref_mut() {
                ui.view = v;
            }
        }
        Step::Open(o) => commands.queue(move |w: &mut World| {
            w.resource_mut::<NextState<Overlay>>().set(o);
        }),
        Step::HighContrast(on) => commands.queue(move |w: &mut World| {
            w.resource_mut::<super::player_settings::PlayerSettings>()
                .settings
                .high_contrast = on;
        }),
        Step::PlayWeeks(n) => {
            for _ in 0..n {
                end_week(session.as_deref(), &mut out);
            }
        }
        Step::PlayToEnd => {
            play_to_end(session.as_deref(), &mut out);
            // The band search runs in the background; give it time to land on screen.
            smoke.wait_until = smoke.frame + SETTLE_FRAMES * 5;
        }
        Step::SaveResult => {
            if let Some(Err(e)) = session.as_deref().map(|s| save_result(s, &settings, &dir)) {
                error!("smoke test: {e}");
                exit.write(AppExit::from_code(7));
            }
        }
        Step::HostLan => {
            if !host_lan(&mut commands, &catalog, &dir) {
                error!("smoke test: no playable level");
                exit.write(AppExit::from_code(6));
            }
        }
        Step::StopLan => commands.queue(super::lan::stop),
        Step::Quit => quit(&smoke, layout.as_deref(), &mut exit),
    }
}

/// Ends the run: with the layout check, an exit code of 9 when anything was found.
fn quit(smoke: &Smoke, layout: Option<&LayoutCheck>, exit: &mut MessageWriter<AppExit>) {
    if layout.is_some_and(|l| !layout_check::report(l, &smoke.dir)) {
        exit.write(AppExit::from_code(9));
        return;
    }
    info!(
        "smoke test: {} screenshots in {}",
        smoke.shots_done,
        smoke.dir.display()
    );
    exit.write(AppExit::Success);
}

/// A step of the layout check: a new size and scale to settle, or a frame to judge and
/// keep.
fn layout_step(step: Step, commands: &mut Commands, smoke: &mut Smoke) {
    match step {
        Step::Frame(combo) => {
            commands.queue(layout_check::set(combo));
            smoke.wait_until = smoke.frame + LAYOUT_SETTLE_FRAMES;
        }
        Step::Check(name, combo) => {
            commands.queue(layout_check::judge_this_frame(name, combo));
            // The check itself refuses a frame without text; a sparse screen in a large
            // window has too few drawn pixels for the blank test.
            smoke.shots_pending += 1;
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(combo.shot(&smoke.dir, name)))
                .observe(|_: On<ScreenshotCaptured>, mut smoke: ResMut<Smoke>| {
                    smoke.shots_pending = smoke.shots_pending.saturating_sub(1);
                });
            smoke.wait_until = smoke.frame + 1;
        }
        _ => {}
    }
}

/// The run's result file, under a real code for the run played, so that it replays as a
/// class's would.
fn save_result(
    session: &Session,
    settings: &super::player_settings::PlayerSettings,
    dir: &SaveDir,
) -> Result<std::path::PathBuf, super::screens::debrief::ExportError> {
    let mut s = session.clone();
    let level = &s.sim.level;
    let code = crate::class::ClassCode::new(level, level.difficulty, s.sim.seed);
    s.class = Some(crate::class::Membership {
        code: code.text(),
        team: "Smoke test".into(),
    });
    super::screens::debrief::write_result(&s, settings, dir)
}

/// Hosts the first playable level's class on loopback; false when there is none.
fn host_lan(commands: &mut Commands, catalog: &Catalog, dir: &SaveDir) -> bool {
    let Some(level) = catalog.entries.iter().find_map(|e| e.level.as_ref().ok()) else {
        return false;
    };
    let code = crate::class::ClassCode::new(level, level.difficulty, 1);
    let room = crate::class::room::Room::new(code, level, 90);
    let folder = dir.0.join("lan");
    commands.queue(move |w: &mut World| {
        let bind = std::net::SocketAddr::from(([127, 0, 0, 1], 0));
        if let Err(e) = super::lan::host(w, room, bind, folder) {
            error!("smoke test: cannot host: {e}");
            w.write_message(AppExit::from_code(8));
        }
    });
    true
}

/// Ends a week the way the player does, answering any decision card with its first
/// choice. Dilemmas come one week at a time, so choices for every week are sent.
/// The selected level from its start on seed 1, as its briefing's button starts it; false
/// when no level is playable. The monkey's tour starts its level the same way.
pub(super) fn start_level(
    commands: &mut Commands,
    catalog: &Catalog,
    dir: &SaveDir,
    next: &mut NextState<Screen>,
) -> bool {
    let Some(level) = catalog.selected_level() else {
        return false;
    };
    briefing::start(commands, dir, level, level.difficulty, 1);
    next.set(Screen::Play);
    true
}

/// Every week left, each dilemma answered with its first choice.
pub(super) fn play_to_end(session: Option<&Session>, out: &mut MessageWriter<Command>) {
    let left = session.map_or(0, |s| s.sim.level.weeks - s.sim.state.week);
    for _ in 0..left {
        end_week(session, out);
    }
}

fn end_week(session: Option<&Session>, out: &mut MessageWriter<Command>) {
    if let Some(s) = session {
        for d in &s.sim.level.dilemmas {
            out.write(Command::Choose {
                dilemma: d.id.clone(),
                choice: d.choices[0].id.clone(),
            });
        }
    }
    out.write(Command::EndWeek);
}

/// A frame of one colour means nothing was drawn.
fn check_not_blank(
    captured: On<ScreenshotCaptured>,
    mut smoke: ResMut<Smoke>,
    mut exit: MessageWriter<AppExit>,
) {
    smoke.shots_pending = smoke.shots_pending.saturating_sub(1);
    let Some(data) = captured.image.data.as_deref() else {
        error!("smoke test: a screenshot has no pixels");
        exit.write(AppExit::from_code(4));
        return;
    };
    let first = data.get(..4).unwrap_or_default();
    let differing = data.chunks_exact(4).filter(|px| *px != first).count();
    let total = (data.len() / 4).max(1);
    if differing * 100 < total && smoke.shots_done == 0 && smoke.warm_ups < WARM_UPS {
        // The title again, later: the same step, after another settling wait.
        smoke.warm_ups += 1;
        smoke.step -= 1;
    } else if differing * 100 < total {
        error!("smoke test: screenshot {} is blank", smoke.shots_done + 1);
        exit.write(AppExit::from_code(5));
    } else {
        smoke.shots_done += 1;
    }
}
