//! The play screen: the week's plan on the left, the team in the middle (trees or
//! forest), the metrics and their causes on the right, the log and warnings below.
//! Everything the player does becomes a `session::Command`.
//!
//! `mod.rs` holds the screen's state, its keys and its clock; `panels.rs` draws the
//! screen, `toolbar.rs` its top bar and `overlays.rs` what opens over it.

mod overlays;
mod panels;
mod toolbar;

use super::Screen;
use crate::app::AppSystems;
use crate::app::keys::play as binds;
use crate::app::player_settings::PlayerSettings;
use crate::app::session::{Command, Session, WeekPlayed};
use crate::app::ui::hud::Metric;
use crate::app::ui::{log, tutorial};
use crate::app::view::layout;
use crate::store::settings::Speed;
use crate::t;
use bevy::input::ButtonState;
use bevy::input::keyboard::{Key as Typed, KeyboardInput};
use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;
use sim::whatif::ChoiceEffect;
use sim::{Activity, Metrics, Plan, WeekReport};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Trees,
    Forest,
}

/// What is open over the play screen; one thing at a time, and Esc closes it.
#[derive(SubStates, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[source(Screen = Screen::Play)]
pub enum Overlay {
    #[default]
    None,
    /// The pause menu.
    Menu,
    /// The pause menu, asking before a restart throws the run away.
    ConfirmRestart,
    /// The keys.
    Help,
    /// Every metric, week by week.
    Charts,
    /// The world in words: each person and how they are.
    People,
    /// Why a metric moved.
    Why(Metric),
}

impl Overlay {
    /// The menu is open: the week waits and the keys of the plan do nothing.
    pub fn is_menu(self) -> bool {
        matches!(self, Overlay::Menu | Overlay::ConfirmRestart)
    }

    /// `to`, or nothing if it is already open.
    fn toggled(self, to: Overlay) -> Overlay {
        if self == to { Overlay::None } else { to }
    }
}

/// What the play screen shows; none of it is part of the run.
#[derive(Resource, Default)]
pub struct PlayUi {
    pub selected: usize,
    pub view: View,
    pub filter: log::Filter,
    /// The week that just ended, shown for a moment: its text and how long is left.
    pub banner: Option<(String, Timer)>,
    /// The same text, kept: screen readers are told it when it changes.
    pub last_result: Option<String>,
    /// The team opened in the trees view of a large organisation.
    pub focus: Option<usize>,
    /// Turn mode, or how fast weeks pass in continuous mode.
    pub speed: Speed,
    /// Seconds of the current week elapsed in continuous mode.
    pub elapsed: f32,
    /// How much longer than usual continuous weeks last (the player's setting).
    pub time_scale: f32,
    /// The continuous speed Space stopped, which it starts again.
    pub stopped_at: Option<Speed>,
    /// The metrics as the run began ((level id, seed) → metrics): week 1's change is
    /// against them.
    start: Option<((String, u64), Metrics)>,
    /// (week, plan) → the likely week, recomputed only when either changes.
    preview: Option<(u32, Plan, WeekReport)>,
    /// (week, plan, dilemma) → each choice's likely effect (easy difficulty only).
    choice_effects: Option<(u32, Plan, String, Vec<ChoiceEffect>)>,
    /// Tutorial steps the player has closed.
    pub tutorial_closed: Vec<usize>,
}

pub fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Play),
        |mut commands: Commands, settings: Res<PlayerSettings>, session: Option<Res<Session>>| {
            // A run picked up again does not show the guide cards of weeks already played.
            let tutorial_closed = session.map_or_else(Vec::new, |s| {
                let week = s.sim.next_week();
                (0..s.sim.level.tutorial.len())
                    .filter(|i| s.sim.level.tutorial[*i].week < week)
                    .collect()
            });
            commands.insert_resource(PlayUi {
                speed: settings.settings.default_speed,
                time_scale: settings.settings.time_scale,
                tutorial_closed,
                ..PlayUi::default()
            })
        },
    )
    .add_sub_state::<Overlay>()
    .add_systems(
        Update,
        (
            advance.in_set(AppSystems::TickTimers),
            keyboard.in_set(AppSystems::RecordInput),
            banner.in_set(AppSystems::React),
        )
            // Checked before each: a command between the sets may end the run.
            .distributive_run_if(in_state(Screen::Play).and_then(resource_exists::<Session>)),
    )
    .add_systems(
        EguiPrimaryContextPass,
        panels::play_ui.run_if(in_state(Screen::Play).and_then(resource_exists::<Session>)),
    );
}

fn keyboard(
    keys: Res<ButtonInput<KeyCode>>,
    mut typed: MessageReader<KeyboardInput>,
    session: Res<Session>,
    overlay: Res<State<Overlay>>,
    mut next_overlay: ResMut<NextState<Overlay>>,
    mut ui: ResMut<PlayUi>,
    mut out: MessageWriter<Command>,
) {
    let open = *overlay.get();
    let deciding = !session.open_dilemmas().is_empty();
    if binds::MENU.pressed(&keys) {
        // Esc closes what is open over the play screen; with nothing open, it opens the
        // menu, but not over a decision card, which would hide it until the card is answered.
        if open != Overlay::None {
            next_overlay.set(Overlay::None);
        } else if !deciding {
            next_overlay.set(Overlay::Menu);
        }
        return;
    }
    // "?" as typed, whatever the layout puts it on, or F1. Read from the key messages, not
    // as a held key: a "?" let go after Shift is released as "/", and a held "?" never
    // came down again.
    let question = typed
        .read()
        .any(|k| k.state == ButtonState::Pressed && k.logical_key == Typed::Character("?".into()));
    if question || binds::HELP.pressed(&keys) {
        next_overlay.set(open.toggled(Overlay::Help));
        return;
    }
    if open.is_menu() || deciding {
        return;
    }
    // The open tutorial card answers to G (got it) and T (try its split), as its buttons do.
    let sim = &session.sim;
    if let Some(i) = tutorial::current(&sim.level.tutorial, sim.next_week(), &ui.tutorial_closed)
        && !sim.is_finished()
    {
        if binds::GOT_IT.pressed(&keys) {
            ui.tutorial_closed.push(i);
        } else if binds::TRY_IT.pressed(&keys)
            && let Some(share) = sim.level.tutorial[i].try_share
        {
            out.write(Command::SetShare(share));
            ui.tutorial_closed.push(i);
        }
    }
    plan_keys(&keys, &session, &mut ui, &mut out);
    if binds::CHARTS.pressed(&keys) {
        next_overlay.set(open.toggled(Overlay::Charts));
    }
    if binds::PEOPLE.pressed(&keys) {
        next_overlay.set(open.toggled(Overlay::People));
    }
    if binds::CLOCK.pressed(&keys) {
        // In continuous mode Space pauses time; in turn mode it starts the clock.
        if ui.speed == Speed::Turns {
            ui.speed = ui.stopped_at.take().unwrap_or(Speed::Normal);
        } else {
            ui.stopped_at = Some(ui.speed);
            ui.speed = Speed::Turns;
        }
        ui.elapsed = 0.0;
    }
    view_keys(&keys, &session, &mut ui);
    if binds::END_WEEK.pressed(&keys) {
        out.write(Command::EndWeek);
    }
}

/// Up and Down choose an activity, Left and Right take an hour off it or give it one
/// (Shift: four), K keeps last week's plan.
fn plan_keys(
    keys: &ButtonInput<KeyCode>,
    session: &Session,
    ui: &mut PlayUi,
    out: &mut MessageWriter<Command>,
) {
    let n = Activity::ALL.len();
    if binds::DOWN.pressed(keys) {
        ui.selected = (ui.selected + 1) % n;
    }
    if binds::UP.pressed(keys) {
        ui.selected = (ui.selected + n - 1) % n;
    }
    let a = Activity::ALL[ui.selected];
    let shift = keys.pressed(KeyCode::ShiftLeft) || keys.pressed(KeyCode::ShiftRight);
    let step = if shift { 4.0 } else { 1.0 };
    if binds::MORE.pressed(keys) {
        out.write(Command::SetHours(a, session.draft.get(a) + step));
    }
    if binds::LESS.pressed(keys) {
        out.write(Command::SetHours(a, session.draft.get(a) - step));
    }
    if binds::KEEP_PLAN.pressed(keys) {
        out.write(Command::KeepLastPlan);
    }
}

/// Z switches trees and forest; O, I and Backspace walk a large organisation.
fn view_keys(keys: &ButtonInput<KeyCode>, session: &Session, ui: &mut PlayUi) {
    // Without a mouse: O opens the next team at this level of a large organisation, I goes
    // into the open team's first team, Backspace goes back up.
    for (key, step) in [
        (binds::NEXT_TEAM, layout::Drill::Next),
        (binds::INTO_TEAM, layout::Drill::Into),
        (binds::UP_TEAM, layout::Drill::Up),
    ] {
        if key.pressed(keys) {
            ui.focus = layout::drill(&session.sim.state.org, ui.focus, step);
        }
    }
    if binds::VIEW.pressed(keys) {
        ui.view = if ui.view == View::Trees {
            View::Forest
        } else {
            View::Trees
        };
    }
}

/// A short banner when a week ends, fading out: the week's turn is felt, not only counted.
fn banner(
    time: Res<Time>,
    session: Res<Session>,
    mut played: MessageReader<WeekPlayed>,
    mut ui: ResMut<PlayUi>,
) {
    if let Some(p) = played.read().last()
        && let Some(w) = session.sim.state.history.last()
    {
        let before = session
            .sim
            .state
            .history
            .len()
            .checked_sub(2)
            .map(|i| session.sim.state.history[i].metrics.clone());
        // Points, rounded; a change that rounds to nothing is said as ±0, never -0.
        let change = |now: f64, then: Option<f64>| {
            then.map_or(String::new(), |t| match ((now - t) * 100.0).round() {
                0.0 => " (±0)".to_string(),
                d => format!(" ({d:+.0})"),
            })
        };
        let text = t!(
            "play-banner",
            week = p.week,
            morale = format!("{:.0}", w.metrics.morale * 100.0),
            morale_change = change(w.metrics.morale, before.as_ref().map(|b| b.morale)),
            delivery = format!("{:.0}", w.metrics.delivery * 100.0),
            delivery_change = change(w.metrics.delivery, before.as_ref().map(|b| b.delivery)),
        );
        // A player who needs more time reads it longer.
        let seconds = BANNER_SECONDS * ui.time_scale.max(1.0);
        ui.last_result = Some(text.clone());
        ui.banner = Some((text, Timer::from_seconds(seconds, TimerMode::Once)));
    }
    if let Some((_, timer)) = &mut ui.banner
        && timer.tick(time.delta()).is_finished()
    {
        ui.banner = None;
    }
}

const BANNER_SECONDS: f32 = 2.5;

/// Continuous mode: the week ends by itself when its time is up, unless the game is
/// paused, a window is open or a decision is waiting.
fn advance(
    time: Res<Time>,
    session: Res<Session>,
    overlay: Res<State<Overlay>>,
    mut ui: ResMut<PlayUi>,
    mut out: MessageWriter<Command>,
) {
    let Some(total) = ui.speed.seconds_per_week(ui.time_scale) else {
        return;
    };
    let waiting = *overlay.get() != Overlay::None || !session.open_dilemmas().is_empty();
    if waiting || session.sim.is_finished() {
        return;
    }
    ui.elapsed += time.delta_secs();
    if ui.elapsed >= total {
        ui.elapsed = 0.0;
        out.write(Command::EndWeek);
    }
}
