//! What the game can do where it runs. A browser page cannot open the network connections a
//! class uses (renet speaks UDP), and it does not quit: the tab is closed. Screens read this
//! resource rather than the build target, so the desktop's tests also show the page's screens.

use bevy::prelude::*;

#[derive(Resource, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    Desktop,
    Browser,
}

impl Default for Platform {
    fn default() -> Self {
        if cfg!(target_arch = "wasm32") {
            Platform::Browser
        } else {
            Platform::Desktop
        }
    }
}

impl Platform {
    /// Joining or facilitating a class over the room's network.
    pub fn has_class_network(self) -> bool {
        self == Platform::Desktop
    }

    /// The player's files live in the browser's storage, not in folders a player can
    /// open: a level file comes through the browser's file picker, and results and the
    /// report leave as downloads.
    pub fn keeps_files_in_browser(self) -> bool {
        self == Platform::Browser
    }

    /// Windowed or full screen: a page is as large as its tab, and full screen is the
    /// browser's own key (F11), which a page may only ask for during a click.
    pub fn sets_window_mode(self) -> bool {
        self == Platform::Desktop
    }

    /// A Quit that ends the program; a page would only freeze.
    pub fn can_quit(self) -> bool {
        self == Platform::Desktop
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Platform>();
}
