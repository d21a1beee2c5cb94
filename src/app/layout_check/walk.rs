//! The keyboard walk of the layout check: on each screen, Tab is pressed through Bevy's
//! input (key messages to the window, which egui and the screens both read) until the
//! focus comes round again. Every enabled control must take the focus on the way, and a
//! ring must show each one that does.

use super::LayoutCheck;
use super::rules::{self, Painted};
use crate::app::focus::RING_GAP;
use bevy::input::ButtonState;
use bevy::input::InputSystems;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui::{Rect, accesskit};
use bevy_egui::{EguiContext, PrimaryEguiContext};

/// Frames per press of Tab: down, up, the frame whose pass asks to scroll a control the
/// focus reached out of sight into view, the one in which egui's scroll area overshoots
/// before it clamps, and the frame whose ring is judged. A player sees the control in view
/// within those frames; judged at the third, one out of sight always failed.
const FRAMES_PER_PRESS: u32 = 5;
/// Presses beyond twice the number of controls before the walk gives up on coming round:
/// egui's focus also rests on what is no control (a window's title bar, which a double
/// click folds), and on nothing for a press at the end of the order.
const SPARE_PRESSES: usize = 10;

#[derive(Debug, Default)]
pub struct Walk {
    screen: &'static str,
    frame: u32,
    /// The screen's controls when the walk began, by node, with their names.
    stops: Vec<(accesskit::NodeId, String)>,
    /// The controls the focus rested on, in order.
    reached: Vec<accesskit::NodeId>,
    looks: usize,
    done: bool,
}

/// Begins the walk of the screen shown; the smoke run waits for [`LayoutCheck::walking`].
pub fn begin(screen: &'static str) -> impl FnOnce(&mut World) {
    move |world: &mut World| {
        world.resource_mut::<LayoutCheck>().walk = Some(Walk {
            screen,
            ..Walk::default()
        });
    }
}

pub fn plugin(app: &mut App) {
    app.add_systems(PreUpdate, press_tab.before(InputSystems));
}

/// Tab down on the first frame of each press and up on the second, as a keyboard sends
/// them; once the walk is over, the focus is let go so the next screen starts without it.
fn press_tab(
    mut check: ResMut<LayoutCheck>,
    window: Single<Entity, With<PrimaryWindow>>,
    mut keys: MessageWriter<KeyboardInput>,
    mut contexts: Query<&mut EguiContext, With<PrimaryEguiContext>>,
) {
    let Some(walk) = check.walk.as_mut() else {
        return;
    };
    if walk.done {
        if let Ok(mut context) = contexts.single_mut() {
            context.get_mut().memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
        }
        check.walk = None;
        return;
    }
    walk.frame += 1;
    let state = match walk.frame % FRAMES_PER_PRESS {
        1 => ButtonState::Pressed,
        2 => ButtonState::Released,
        _ => return,
    };
    keys.write(KeyboardInput {
        key_code: KeyCode::Tab,
        logical_key: Key::Tab,
        state,
        text: None,
        repeat: false,
        window: *window,
    });
}

/// Judges one frame of the walk: called by the layout check's judge with what egui drew.
pub fn look(
    check: &mut LayoutCheck,
    tree: &accesskit::TreeUpdate,
    painted: &[Painted],
    screen: Rect,
) {
    let Some(walk) = check.walk.as_mut() else {
        return;
    };
    if walk.done {
        return;
    }
    if walk.frame == 1 {
        walk.stops = rules::tab_stops(tree);
    }
    if walk.frame % FRAMES_PER_PRESS != 0 {
        return;
    }
    walk.looks += 1;
    let mut found = Vec::new();
    if let Some((id, bounds)) = rules::focused(tree) {
        if walk.reached.contains(&id) {
            walk.done = true;
        } else {
            walk.reached.push(id);
            let name = name_of(&walk.stops, id);
            match bounds {
                Some(b) if rules::ringed(painted, b, RING_GAP, screen) => {}
                _ => found.push(format!(
                    "“{name}” has the keyboard's focus and no ring shows it"
                )),
            }
        }
    }
    if walk.looks > 2 * walk.stops.len() + SPARE_PRESSES {
        walk.done = true;
    }
    if walk.done {
        for (id, name) in &walk.stops {
            if !walk.reached.contains(id) {
                found.push(format!("Tab never reaches “{name}”"));
            }
        }
        let summary = format!(
            "{}, keyboard: {} of {} controls reached by Tab, in {} presses: {}",
            walk.screen,
            walk.reached
                .iter()
                .filter(|id| walk.stops.iter().any(|(s, _)| s == *id))
                .count(),
            walk.stops.len(),
            walk.looks,
            walk.reached
                .iter()
                .map(|id| name_of(&walk.stops, *id))
                .collect::<Vec<_>>()
                .join(" > ")
        );
        check.seen.push(summary);
    }
    let screen_name = walk.screen;
    check.findings.extend(
        found
            .into_iter()
            .map(|f| format!("{screen_name}, keyboard: {f}")),
    );
}

fn name_of(stops: &[(accesskit::NodeId, String)], id: accesskit::NodeId) -> String {
    stops
        .iter()
        .find(|(s, _)| *s == id)
        .map_or_else(|| format!("control {}", id.0), |(_, n)| n.clone())
}
