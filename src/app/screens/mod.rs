//! Screens as states; each screen is its own plugin.

pub mod title;

use bevy::prelude::*;

/// Window background, behind every screen.
pub const BACKGROUND: Color = Color::srgb(0.09, 0.13, 0.11);

#[derive(States, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Screen {
    #[default]
    Title,
}

pub fn plugin(app: &mut App) {
    app.init_state::<Screen>().add_plugins(title::plugin);
}
