//! The organisation as a 2D world behind the play screen's panels: goals on top, you in the
//! middle, your people below, the vision flowing along the lines between them. The camera
//! glides between the trees (close on the people) and the forest (everything, goals
//! included). Mood changes pulse, leavers drift away and fade, new hires fade in.
//!
//! Three cameras: one clears the window, one draws this world into the central panel's
//! rectangle, and the egui camera draws the panels over both without clearing.

mod animate;
mod camera;
mod draw;
mod hover;
pub mod layout;

pub use hover::under_pointer;

use crate::app::screens::Screen;
use crate::app::session::Session;
use bevy::prelude::*;
use layout::{Key, Kind};

/// The central panel's rectangle in physical pixels (x, y, width, height), written by
/// the play screen each frame.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq)]
pub struct WorldRect(pub [f32; 4]);

/// What the pointer is over in the world, for the play screen's tooltip and clicks.
#[derive(Resource, Clone, Debug, Default)]
pub struct Hovered(pub Option<Key>);

/// An entity drawing one node; `kind` is what it last showed.
#[derive(Component)]
struct Token {
    key: Key,
    kind: Kind,
}

/// The world's own render layer: the egui camera (layer 0) must not draw it full-window.
const WORLD_LAYER: usize = 1;

/// The view's systems in `Update`, in this order: the entities follow the week's layout
/// before the camera frames them, the animations run on what is drawn, and the pointer is
/// looked up last.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViewSystems {
    /// Tokens and links made, updated and retired to match the layout.
    Sync,
    /// The world camera placed on the central panel and zoomed; captions kept readable.
    Camera,
    /// Pulses, leavers, arrivals and the flowing dots.
    Animate,
    /// What is under the pointer.
    Hover,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<WorldRect>()
        .init_resource::<Hovered>()
        .configure_sets(
            Update,
            (
                ViewSystems::Sync,
                ViewSystems::Camera,
                ViewSystems::Animate,
                ViewSystems::Hover,
            )
                .chain()
                // The world drawn is the frame's: after its commands and what reacts to them.
                .after(crate::app::AppSystems::React)
                .run_if(in_state(Screen::Play).and_then(resource_exists::<Session>)),
        )
        .add_plugins((draw::plugin, camera::plugin, animate::plugin, hover::plugin));
}
