//! The desktop game: a Bevy app made of plugins, one concern a file. It reads plain
//! data from the `sim` crate and never holds a rule of the model.

pub mod access;
mod audio;
pub mod band;
pub mod discovery;
pub mod focus;
pub mod keys;
pub mod lan;
mod layout_check;
mod measure;
pub mod monkey;
pub mod platform;
pub mod player_settings;
pub mod reload;
pub mod screens;
pub mod session;
mod smoke;
pub mod ui;
pub mod view;
#[cfg(target_arch = "wasm32")]
mod web;
mod window_title;

use bevy::prelude::*;
use bevy::window::{PresentMode, WindowResolution};
use bevy_egui::EguiPlugin;
use std::path::PathBuf;

/// How the binary was asked to start the window.
#[derive(Clone, Debug)]
pub struct Options {
    /// Drive every screen, save a screenshot of each into this folder, check none is
    /// blank, and quit.
    /// The folder, and optionally the id of the level to play.
    pub smoke_test: Option<(PathBuf, Option<String>)>,
    /// With `smoke_test`: judge each screen's layout at every window size and scale.
    pub layout_check: bool,
    /// Frames to measure, and the level whose play screen is measured (`None`: bare window).
    pub measure: Option<(usize, Option<String>)>,
    /// When the process started, for the start-up time.
    pub started: web_time::Instant,
    /// Level files given on the command line.
    pub level_files: Vec<PathBuf>,
    /// Play random input for a while (`--monkey`).
    pub monkey: Option<monkey::Options>,
}

/// The order of the game's work in `Update` each frame: clocks tick, then keys become
/// commands, then the session applies the commands, then what reacts to a played week
/// (the banner, the sound) sees it in the same frame.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppSystems {
    TickTimers,
    RecordInput,
    Apply,
    React,
}

/// Everything but the window: screens and their data. Tests add it to `MinimalPlugins`.
pub struct GamePlugin;

impl Plugin for GamePlugin {
    fn build(&self, app: &mut App) {
        app.configure_sets(
            Update,
            (
                AppSystems::TickTimers,
                AppSystems::RecordInput,
                AppSystems::Apply,
                AppSystems::React,
            )
                .chain(),
        );
        if !app
            .world()
            .contains_resource::<player_settings::PlayerSettings>()
        {
            app.insert_resource(player_settings::PlayerSettings::load());
        }
        app.add_plugins((
            access::plugin,
            platform::plugin,
            session::plugin,
            screens::plugin,
            reload::plugin,
            window_title::plugin,
            lan::plugin,
        ));
    }
}

/// The game in a browser page. Its address may ask for the frame-time measurement, as the
/// desktop's command line does: `?measure=FRAMES` (the bare Bevy + egui page) or
/// `?measure=FRAMES&level=ID` (that level's play screen).
#[cfg(target_arch = "wasm32")]
pub fn run_web() {
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (measure, problem) = web_measure(&query);
    if let Some(problem) = problem {
        web_sys::console::warn_1(&problem.into());
    }
    let _ = run(Options {
        smoke_test: None,
        layout_check: false,
        measure,
        started: since_page_opened(),
        level_files: Vec::new(),
        monkey: None,
    });
}

/// The moment the page was opened (the browser counts from it): the measurement's "first
/// frame after" is then the time from opening the page.
#[cfg(target_arch = "wasm32")]
fn since_page_opened() -> web_time::Instant {
    use wasm_bindgen::JsCast;
    let opened_ms = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|perf| {
            let now = js_sys::Reflect::get(&perf, &"now".into()).ok()?;
            now.dyn_into::<js_sys::Function>()
                .ok()?
                .call0(&perf)
                .ok()?
                .as_f64()
        })
        .unwrap_or(0.0);
    let now = web_time::Instant::now();
    now.checked_sub(std::time::Duration::from_secs_f64(opened_ms / 1000.0))
        .unwrap_or(now)
}

/// The measurement a page's address asks for (`?measure=300&level=crunch`), and what was
/// wrong with the address, if anything; a wrong address starts the game as usual.
pub fn web_measure(query: &str) -> (Option<(usize, Option<String>)>, Option<String>) {
    let params: Vec<(&str, &str)> = query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .collect();
    let get = |key: &str| params.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let Some(frames) = get("measure") else {
        return (None, None);
    };
    match frames.parse::<usize>() {
        Ok(n) if n > 0 => (Some((n, get("level").map(str::to_string))), None),
        _ => (
            None,
            Some(format!(
                "?measure={frames}: not a number of frames (e.g. ?measure=300); the game starts as usual"
            )),
        ),
    }
}

/// Where a measurement keeps its run: a page has no temporary folder (its storage is used).
fn measure_dir() -> std::path::PathBuf {
    if cfg!(target_arch = "wasm32") {
        std::path::PathBuf::from("measure")
    } else {
        std::env::temp_dir().join("forest-and-trees-measure")
    }
}

pub fn run(options: Options) -> AppExit {
    let measuring = options.measure.is_some();
    let bare_reference = matches!(options.measure, Some((_, None)));
    let mut app = App::new();
    #[allow(unused_mut)]
    let mut window = Window {
        title: "Forest & Trees".into(),
        resolution: WindowResolution::new(1280, 720),
        // Frame times are measured unthrottled; players get vsync.
        present_mode: if measuring {
            PresentMode::AutoNoVsync
        } else {
            PresentMode::AutoVsync
        },
        ..default()
    };
    #[cfg(target_arch = "wasm32")]
    {
        // The page's canvas, as large as the page; Tab, the arrows and Space belong to the
        // game, not to the page's focus and scrolling.
        window.canvas = Some("#game".into());
        window.fit_canvas_to_parent = true;
        window.prevent_default_event_handling = true;
    }
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(window),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .insert_resource(ClearColor(screens::BACKGROUND))
    .add_systems(Startup, move |mut commands: Commands| {
        if bare_reference {
            // The reference of the frame-time goal: a bare Bevy + bevy_egui window, defaults.
            commands.spawn(Camera2d);
        } else {
            // egui feathers its own edges; multisampling would only cost a software
            // renderer, and every camera on the window must agree on it (the play screen
            // adds two).
            commands.spawn((Camera2d, Msaa::Off));
        }
    });
    let scratch = options
        .smoke_test
        .as_ref()
        .map(|(dir, _)| dir.join("data"))
        .or_else(|| measuring.then(measure_dir))
        .or_else(|| {
            options.monkey.map(|m| {
                std::env::temp_dir().join(format!(
                    "forest-and-trees-monkey-{}-{}",
                    m.seed,
                    std::process::id()
                ))
            })
        });
    if let Some(dir) = scratch {
        // Scripted runs must not touch the player's own saves or settings.
        app.insert_resource(session::SaveDir(dir));
        app.insert_resource(player_settings::PlayerSettings::in_memory(
            crate::store::settings::Settings::default(),
        ));
    }
    app.insert_resource(screens::ExtraLevels(options.level_files.clone()));
    match &options.measure {
        // The bare reference window has only the panel and the chart.
        Some((frames, None)) => {
            app.add_plugins(measure::plugin(*frames, None, options.started));
        }
        Some((frames, Some(level))) => {
            app.add_plugins((
                GamePlugin,
                player_settings::window_plugin,
                access::window_plugin,
                focus::plugin,
                view::plugin,
                measure::plugin(*frames, Some(level.clone()), options.started),
            ));
        }
        None => {
            app.add_plugins((
                GamePlugin,
                player_settings::window_plugin,
                access::window_plugin,
                focus::plugin,
                audio::plugin,
                view::plugin,
            ));
        }
    }
    if let Some((dir, level)) = options.smoke_test {
        // The screenshots go there: a folder that is not there yet lost the first ones.
        let folder = if options.layout_check {
            dir.join("layout")
        } else {
            dir.clone()
        };
        if let Err(e) = std::fs::create_dir_all(folder) {
            eprintln!("error: cannot make the folder {}: {e}", dir.display());
            return AppExit::from_code(2);
        }
        app.add_plugins(smoke::plugin(dir, level, options.layout_check));
    }
    if let Some(m) = options.monkey {
        app.add_plugins(monkey::plugin(m));
    }
    app.run()
}

#[cfg(test)]
mod tests {
    use super::web_measure;

    #[test]
    fn a_page_address_asks_for_a_measurement_or_says_what_is_wrong() {
        assert_eq!(web_measure(""), (None, None));
        assert_eq!(web_measure("?lang=es"), (None, None));
        assert_eq!(web_measure("?measure=300"), (Some((300, None)), None));
        assert_eq!(
            web_measure("?level=crunch&measure=60"),
            (Some((60, Some("crunch".into()))), None)
        );
        let (m, problem) = web_measure("?measure=lots");
        assert_eq!(m, None);
        assert!(
            problem
                .unwrap()
                .starts_with("?measure=lots: not a number of frames")
        );
    }
}
