//! The GUI monkey (`--monkey SEED`): a seeded input fuzzer inside the real game. Each frame
//! it may press and release a key, move the pointer, click, drag, turn the wheel or resize
//! the window, all written as the same input messages the window system writes, so Bevy's
//! `ButtonInput`, the game's keys and egui read them as a player's. The inputs of frame N
//! depend only on the seed, N and the screens before it (a screen held 400 frames is left
//! with Esc): a failing seed, run again, feeds the same inputs.
//!
//! It starts with a tour: every screen and the play screen's overlays, the play screen at
//! every window size the resizes pick and at every interface scale (each scale rasterises
//! glyphs anew), a level played to its debrief. Memory is measured against what it holds
//! after that (and after a quarter of the run), so a first visit's fonts and render
//! targets do not count as a leak, and what grows with time does.
//!
//! The game's own Quit is swallowed (the monkey would find it within seconds and end the
//! run); everything else is live. At the end it prints the screens it reached and the
//! resident memory after warming up and at the end, and exits non-zero when memory grew by
//! more than `MAX_GROWTH` in a run of at least `MEMORY_CHECKED_FROM_SECONDS`.

use super::screens::Screen;
use super::screens::play::Overlay;
use super::ui::hud::Metric;
use bevy::ecs::system::SystemParam;
use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::input::mouse::{MouseButtonInput, MouseScrollUnit, MouseWheel};
use bevy::input::touch::TouchPhase;
use bevy::prelude::*;
use bevy::window::{CursorMoved, PrimaryWindow, WindowEvent, WindowResolution};
use rand::{RngExt, SeedableRng};
use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

/// Largest growth of resident memory from the end of the warm-up to the end of the run.
pub const MAX_GROWTH: f64 = 0.10;
/// Runs shorter than this only report memory: a minute on a loaded two-core machine is
/// mostly the tour and the first visits, not the steady state a leak shows in.
pub const MEMORY_CHECKED_FROM_SECONDS: u64 = 300;

/// Window sizes a resize picks from: the two the game is checked at, and two smaller ones.
const SIZES: [(u32, u32); 4] = [(1280, 720), (1920, 1080), (1024, 640), (800, 600)];

/// The keys it presses: every key the game binds and the keys of typing.
const KEYS: &[KeyCode] = &[
    KeyCode::Escape,
    KeyCode::Enter,
    KeyCode::Space,
    KeyCode::Tab,
    KeyCode::Backspace,
    KeyCode::ArrowLeft,
    KeyCode::ArrowRight,
    KeyCode::ArrowUp,
    KeyCode::ArrowDown,
    KeyCode::Minus,
    KeyCode::Equal,
    KeyCode::Slash,
    KeyCode::F1,
    KeyCode::F11,
    KeyCode::ShiftLeft,
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::KeyA,
    KeyCode::KeyB,
    KeyCode::KeyC,
    KeyCode::KeyD,
    KeyCode::KeyE,
    KeyCode::KeyF,
    KeyCode::KeyG,
    KeyCode::KeyH,
    KeyCode::KeyJ,
    KeyCode::KeyL,
    KeyCode::KeyM,
    KeyCode::KeyN,
    KeyCode::KeyP,
    KeyCode::KeyR,
    KeyCode::KeyS,
    KeyCode::KeyT,
    KeyCode::KeyV,
    KeyCode::KeyW,
    KeyCode::KeyY,
];

/// One step of the tour, held for `TOUR_FRAMES` frames.
#[derive(Clone, Copy, Debug)]
enum Tour {
    Size(u32, u32),
    Go(Screen),
    /// The selected level from its start, as its briefing's button starts it.
    Start,
    Overlay(Overlay),
    /// A different interface scale each frame, every one from 0.75 to 2.0, then 1.0.
    EveryScale,
    /// Every week left, each dilemma answered with its first choice.
    PlayToEnd,
}

const TOUR: &[Tour] = &[
    Tour::Size(1920, 1080),
    Tour::Go(Screen::LevelSelect),
    Tour::Go(Screen::Briefing),
    Tour::Start,
    Tour::Overlay(Overlay::Charts),
    Tour::Overlay(Overlay::Help),
    Tour::Overlay(Overlay::Menu),
    Tour::Overlay(Overlay::People),
    Tour::Overlay(Overlay::Why(Metric::Morale)),
    Tour::Overlay(Overlay::None),
    Tour::EveryScale,
    Tour::Size(1280, 720),
    Tour::EveryScale,
    Tour::Size(1024, 640),
    Tour::Size(800, 600),
    Tour::Size(1920, 1080),
    Tour::PlayToEnd,
    Tour::Go(Screen::Settings),
    Tour::Go(Screen::Join),
    Tour::Go(Screen::Load),
    Tour::Go(Screen::Facilitate),
    Tour::Go(Screen::Compare),
    Tour::Go(Screen::Credits),
    Tour::Go(Screen::Sandbox),
    Tour::Go(Screen::Title),
    Tour::Size(1280, 720),
];

/// Frames each tour step is shown (a debrief's band search lands within them).
const TOUR_FRAMES: u64 = 40;
/// The interface scales a player can reach, in the steps the game rounds them to.
const SCALES: u64 = 26;
const _: () = assert!(SCALES < TOUR_FRAMES);
/// Runs this long judge memory after a tour through every interface scale; shorter runs
/// (CI's minute) skip those sweeps, which would take most of their time in rasterising.
const SWEEP_SCALES_FROM: u64 = 300;
/// Frames of random input on one screen before the monkey presses Esc, as a stuck player
/// would: Esc is otherwise rare (see `Monkey::key`), and a form that takes typing holds it.
const STUCK_FRAMES: u64 = 400;

/// How long and with what seed the monkey plays.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub seed: u64,
    pub seconds: u64,
}

#[derive(Resource)]
struct Monkey {
    options: Options,
    /// The tour of this run: `TOUR`, without the scale sweeps in a short run.
    tour: Vec<Tour>,
    rng: sim::Rng,
    frame: u64,
    /// Keys and the button to release on the next frame (a drag holds the button longer).
    held_keys: Vec<KeyCode>,
    held_button: Option<(MouseButton, u32)>,
    pointer: Vec2,
    /// Screens (and the play screen's overlays) the random input reached after the tour.
    screens: HashSet<(Screen, Option<Overlay>)>,
    /// The screen of the last frame and the frame it was entered: a screen held too long
    /// (a form whose only way out is Esc or its Back button) is left with Esc.
    screen: Option<(Screen, u64)>,
    quits_swallowed: u32,
    warm_rss: Option<u64>,
    /// Tenths of the run whose memory has been printed.
    tenths: u32,
    /// The world's entities by their components when memory was taken warm: at the end,
    /// the kinds that grew are named.
    warm_kinds: Option<BTreeMap<String, u32>>,
}

pub fn plugin(options: Options) -> impl Fn(&mut App) {
    move |app: &mut App| {
        app.insert_resource(Monkey {
            options,
            tour: TOUR
                .iter()
                .copied()
                .filter(|t| options.seconds >= SWEEP_SCALES_FROM || !matches!(t, Tour::EveryScale))
                .collect(),
            rng: sim::Rng::seed_from_u64(options.seed),
            frame: 0,
            held_keys: Vec::new(),
            held_button: None,
            pointer: Vec2::new(640.0, 360.0),
            screens: HashSet::new(),
            screen: None,
            quits_swallowed: 0,
            warm_rss: None,
            tenths: 0,
            warm_kinds: None,
        })
        .add_systems(First, act)
        .add_systems(Update, tour.before(crate::app::AppSystems::TickTimers))
        .add_systems(Last, (swallow_quit, finish, kinds_that_grew).chain());
    }
}

/// Resident memory of this process, in bytes (Linux; 0 elsewhere).
fn resident_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}

/// Bytes the program holds allocated, and bytes the allocator keeps from the system for it
/// (glibc on Linux): resident memory that grows while the first stays flat is the
/// allocator's reserve, not a leak.
fn heap() -> Option<(u64, u64)> {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: mallinfo2 only reads the allocator's counters.
        let m = unsafe { libc::mallinfo2() };
        Some(((m.uordblks + m.hblkhd) as u64, (m.arena + m.hblkhd) as u64))
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    None
}

fn heap_text() -> String {
    heap().map_or(String::new(), |(used, held)| {
        format!(
            " (heap {:.1} MB in use of {:.1} MB held)",
            used as f64 / 1e6,
            held as f64 / 1e6
        )
    })
}

/// The input messages a window system writes, written as it writes them: egui reads the
/// pointer and buttons from `WindowEvent`, Bevy's `ButtonInput` from the plain messages.
#[derive(SystemParam)]
struct Input<'w> {
    keys: MessageWriter<'w, KeyboardInput>,
    buttons: MessageWriter<'w, MouseButtonInput>,
    moved: MessageWriter<'w, CursorMoved>,
    wheel: MessageWriter<'w, MouseWheel>,
    window_events: MessageWriter<'w, WindowEvent>,
}

impl Input<'_> {
    fn button(&mut self, window: Entity, button: MouseButton, state: ButtonState) {
        let m = MouseButtonInput {
            button,
            state,
            window,
        };
        self.buttons.write(m);
        self.window_events.write(WindowEvent::MouseButtonInput(m));
    }

    fn pointer(&mut self, window: Entity, position: Vec2) {
        let m = CursorMoved {
            window,
            position,
            delta: None,
        };
        self.moved.write(m.clone());
        self.window_events.write(WindowEvent::CursorMoved(m));
    }
}

/// The frame's input: releases what the last frame pressed, then at most one new action.
fn act(
    mut monkey: ResMut<Monkey>,
    mut windows: Query<(Entity, &mut Window), With<PrimaryWindow>>,
    mut input: Input,
) {
    let Ok((window, mut win)) = windows.single_mut() else {
        return;
    };
    let m = &mut *monkey;
    m.frame += 1;
    if m.frame <= m.tour.len() as u64 * TOUR_FRAMES {
        return;
    }
    for key in std::mem::take(&mut m.held_keys) {
        input
            .keys
            .write(key_message(key, ButtonState::Released, window));
    }
    if let Some((b, frames)) = m.held_button.take() {
        if frames == 0 {
            input.button(window, b, ButtonState::Released);
        } else {
            m.held_button = Some((b, frames - 1));
        }
    }
    let size = Vec2::new(win.width(), win.height());
    let roll = m.rng.random_range(0..1000u32);
    match roll {
        // Most frames: nothing, so screens settle and animations run.
        0..450 => {}
        450..700 => {
            let key = if m.stuck() { KeyCode::Escape } else { m.key() };
            input
                .keys
                .write(key_message(key, ButtonState::Pressed, window));
            m.held_keys.push(key);
        }
        700..820 => {
            m.pointer = m.next_pointer(size);
            win.set_cursor_position(Some(m.pointer));
            input.pointer(window, m.pointer);
        }
        820..960 if m.held_button.is_none() => {
            let b = if m.rng.random_bool(0.85) {
                MouseButton::Left
            } else {
                MouseButton::Right
            };
            // Mostly clicks; some held for a drag over the next frames' moves.
            let frames = if m.rng.random_bool(0.8) {
                0
            } else {
                m.rng.random_range(2..30)
            };
            input.button(window, b, ButtonState::Pressed);
            m.held_button = Some((b, frames));
        }
        960..995 => {
            input.wheel.write(MouseWheel {
                unit: MouseScrollUnit::Line,
                x: 0.0,
                y: m.rng.random_range(-3.0..3.0),
                window,
                phase: TouchPhase::Moved,
            });
        }
        995.. if m.rng.random_bool(0.2) => {
            let (w, h) = SIZES[m.rng.random_range(0..SIZES.len())];
            win.resolution = WindowResolution::new(w, h);
        }
        _ => {}
    }
}

impl Monkey {
    /// A key to press. Esc leads back (or out of a dialog) from every screen: pressed as
    /// often as any other key, it keeps the monkey at the title, so it is pressed a fifth
    /// as often; Enter, which goes on, more often.
    fn stuck(&mut self) -> bool {
        match &mut self.screen {
            Some((_, since)) if self.frame - *since > STUCK_FRAMES => {
                *since = self.frame;
                true
            }
            _ => false,
        }
    }

    fn key(&mut self) -> KeyCode {
        let key = KEYS[self.rng.random_range(0..KEYS.len())];
        if key == KeyCode::Escape && !self.rng.random_bool(0.2) {
            KeyCode::Enter
        } else {
            key
        }
    }

    /// A small step from where the pointer is (a drag, a hover) or a jump anywhere.
    fn next_pointer(&mut self, size: Vec2) -> Vec2 {
        let rng = &mut self.rng;
        if rng.random_bool(0.5) {
            self.pointer + Vec2::new(rng.random_range(-60.0..60.0), rng.random_range(-60.0..60.0))
        } else {
            Vec2::new(rng.random_range(0.0..size.x), rng.random_range(0.0..size.y))
        }
        .clamp(Vec2::ZERO, size)
    }
}

/// What the tour reads to start a level and play it.
#[derive(SystemParam)]
struct Game<'w> {
    catalog: Res<'w, super::screens::Catalog>,
    dir: Res<'w, super::session::SaveDir>,
    session: Option<Res<'w, super::session::Session>>,
}

/// What the tour changes: the screen, the overlay and the interface scale.
#[derive(SystemParam)]
struct Steer<'w> {
    next: ResMut<'w, NextState<Screen>>,
    overlay: Option<ResMut<'w, NextState<Overlay>>>,
    settings: ResMut<'w, super::player_settings::PlayerSettings>,
}

/// The tour's step of this frame, taken on its first frame.
fn tour(
    monkey: Res<Monkey>,
    mut commands: Commands,
    game: Game,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
    steer: Steer,
    mut out: MessageWriter<super::session::Command>,
) {
    let Game {
        catalog,
        dir,
        session,
    } = game;
    let Steer {
        mut next,
        mut overlay,
        mut settings,
    } = steer;
    let Some(step) = monkey.tour.get((monkey.frame / TOUR_FRAMES) as usize) else {
        return;
    };
    let k = monkey.frame % TOUR_FRAMES;
    if let Tour::EveryScale = step {
        settings.settings.ui_scale = if k < SCALES {
            0.75 + 0.05 * k as f32
        } else {
            1.0
        };
        return;
    }
    if k != 1 {
        return;
    }
    match *step {
        Tour::Size(w, h) => {
            if let Ok(mut win) = windows.single_mut() {
                win.resolution = WindowResolution::new(w, h);
            }
        }
        Tour::Go(s) => next.set(s),
        Tour::Start => {
            super::smoke::start_level(&mut commands, &catalog, &dir, &mut next);
        }
        Tour::Overlay(o) => {
            if let Some(n) = overlay.as_deref_mut() {
                n.set(o);
            }
        }
        Tour::PlayToEnd => super::smoke::play_to_end(session.as_deref(), &mut out),
        Tour::EveryScale => {}
    }
}

fn key_message(key: KeyCode, state: ButtonState, window: Entity) -> KeyboardInput {
    let text = key_text(key);
    KeyboardInput {
        key_code: key,
        logical_key: match key {
            KeyCode::Escape => Key::Escape,
            KeyCode::Enter => Key::Enter,
            KeyCode::Tab => Key::Tab,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::ArrowLeft => Key::ArrowLeft,
            KeyCode::ArrowRight => Key::ArrowRight,
            KeyCode::ArrowUp => Key::ArrowUp,
            KeyCode::ArrowDown => Key::ArrowDown,
            KeyCode::ShiftLeft => Key::Shift,
            KeyCode::F1 => Key::F1,
            KeyCode::F11 => Key::F11,
            _ => text.clone().map_or(
                Key::Unidentified(bevy::input::keyboard::NativeKey::Unidentified),
                |t| Key::Character(t.into()),
            ),
        },
        state,
        text: text
            .filter(|_| state == ButtonState::Pressed)
            .map(Into::into),
        repeat: false,
        window,
    }
}

/// What a key types on a US layout, for egui's text fields.
fn key_text(key: KeyCode) -> Option<String> {
    let c = match key {
        KeyCode::Space => ' ',
        KeyCode::Minus => '-',
        KeyCode::Equal => '=',
        KeyCode::Slash => '/',
        KeyCode::Digit1 => '1',
        KeyCode::Digit2 => '2',
        KeyCode::Digit3 => '3',
        KeyCode::Digit4 => '4',
        KeyCode::Digit5 => '5',
        _ => {
            let name = format!("{key:?}");
            let letter = name.strip_prefix("Key")?;
            return (letter.len() == 1).then(|| letter.to_lowercase());
        }
    };
    Some(c.to_string())
}

/// The game's Quit ends the app through `AppExit`; the monkey keeps playing instead.
fn swallow_quit(mut exits: ResMut<Messages<AppExit>>, mut monkey: ResMut<Monkey>) {
    let n = exits.drain().count();
    monkey.quits_swallowed += n as u32;
}

/// The world's entities counted by their set of components.
fn entity_kinds(world: &World) -> BTreeMap<String, u32> {
    let mut kinds = BTreeMap::new();
    for a in world.archetypes().iter().filter(|a| !a.is_empty()) {
        let mut names: Vec<String> = a
            .components()
            .iter()
            .filter_map(|id| world.components().get_name(*id))
            .map(|n| n.shortname().to_string())
            .collect();
        names.sort();
        *kinds.entry(names.join(", ")).or_insert(0) += a.len();
    }
    kinds
}

/// Takes the kinds of entities when memory is taken warm, and at the end prints the kinds
/// whose number grew since (a leak of entities names itself).
fn kinds_that_grew(world: &mut World) {
    let (warm, taken, done) = {
        let m = world.resource::<Monkey>();
        let total = Duration::from_secs(m.options.seconds);
        let done = world.resource::<Time<Real>>().elapsed() >= total;
        (m.warm_rss.is_some(), m.warm_kinds.is_some(), done)
    };
    if warm && !taken {
        let kinds = entity_kinds(world);
        world.resource_mut::<Monkey>().warm_kinds = Some(kinds);
    }
    if !done {
        return;
    }
    let Some(before) = world.resource_mut::<Monkey>().warm_kinds.take() else {
        return;
    };
    let mut grew: Vec<(u32, u32, String)> = entity_kinds(world)
        .into_iter()
        .filter_map(|(k, n)| {
            let was = before.get(&k).copied().unwrap_or(0);
            (n > was).then(|| (n - was, n, k))
        })
        .collect();
    grew.sort_by(|a, b| b.cmp(a));
    for (more, now, kind) in grew.iter().take(5) {
        println!("monkey: {more} more entities of [{kind}] ({now} now)");
    }
}

/// What the world holds, printed with the memory: a leak of entities or assets shows here.
#[derive(SystemParam)]
struct Held<'w, 's> {
    entities: Query<'w, 's, ()>,
    meshes: Res<'w, Assets<Mesh>>,
    images: Res<'w, Assets<Image>>,
    materials: Res<'w, Assets<ColorMaterial>>,
}

impl Held<'_, '_> {
    fn counts(&self) -> String {
        format!(
            "{} entities, {} meshes, {} images ({:.1} MB), {} materials",
            self.entities.iter().count(),
            self.meshes.len(),
            self.images.len(),
            self.images
                .iter()
                .map(|(_, i)| i.data.as_ref().map_or(0, Vec::len))
                .sum::<usize>() as f64
                / 1e6,
            self.materials.len()
        )
    }
}

/// Notes the screen, takes the warm memory a quarter of the way in, and at the end prints
/// what was reached and how memory moved, then exits.
fn finish(
    time: Res<Time<Real>>,
    screen: Option<Res<State<Screen>>>,
    overlay: Option<Res<State<Overlay>>>,
    mut monkey: ResMut<Monkey>,
    held: Held,
    mut exit: MessageWriter<AppExit>,
) {
    // Kept as states each frame; named only when printed.
    let toured = monkey.frame > monkey.tour.len() as u64 * TOUR_FRAMES;
    if let (true, Some(s)) = (toured, screen) {
        let o = overlay.map(|o| *o.get()).filter(|o| *o != Overlay::None);
        monkey.screens.insert((*s.get(), o));
        let frame = monkey.frame;
        if monkey.screen.is_none_or(|(was, _)| was != *s.get()) {
            monkey.screen = Some((*s.get(), frame));
        }
    }
    let total = Duration::from_secs(monkey.options.seconds);
    let elapsed = time.elapsed();
    if monkey.warm_rss.is_none() && toured && elapsed >= total / 4 {
        monkey.warm_rss = Some(resident_bytes());
    }
    // The curve, so a leak shows as a slope and a warm-up as a step.
    if elapsed >= total * (monkey.tenths + 1) / 10 && monkey.tenths < 9 {
        monkey.tenths += 1;
        println!(
            "monkey: {:.0} s, frame {}, {} screens, resident {:.1} MB{}; {}",
            elapsed.as_secs_f64(),
            monkey.frame,
            monkey.screens.len(),
            resident_bytes() as f64 / 1e6,
            heap_text(),
            held.counts()
        );
    }
    if elapsed < total {
        return;
    }
    let end = resident_bytes();
    let warm = monkey.warm_rss.unwrap_or(end).max(1);
    let growth = end as f64 / warm as f64 - 1.0;
    let mut screens: Vec<String> = monkey
        .screens
        .iter()
        .map(|(s, o)| match o {
            Some(o) => format!("{s:?}/{o:?}"),
            None => format!("{s:?}"),
        })
        .collect();
    screens.sort();
    println!(
        "monkey: seed {}, {} frames in {:.0} s, quits swallowed {}, screens reached by random input ({}): {}",
        monkey.options.seed,
        monkey.frame,
        elapsed.as_secs_f64(),
        monkey.quits_swallowed,
        screens.len(),
        screens.join(", ")
    );
    println!(
        "monkey: resident memory {:.1} MB after warming up, {:.1} MB at the end ({:+.1}%){}",
        warm as f64 / 1e6,
        end as f64 / 1e6,
        growth * 100.0,
        heap_text()
    );
    let checked = monkey.options.seconds >= MEMORY_CHECKED_FROM_SECONDS;
    exit.write(if growth > MAX_GROWTH && checked {
        eprintln!(
            "error: monkey: memory grew {:.1}% (more than {:.0}%)",
            growth * 100.0,
            MAX_GROWTH * 100.0
        );
        AppExit::from_code(9)
    } else {
        AppExit::Success
    });
}
