//! What the game can do where it runs. A browser page cannot listen on the network or search
//! it, so it neither hosts a class nor finds one; it joins a class only when the facilitator's
//! game served it (its WebSocket goes back where the page came from). It does not quit: the
//! tab is closed. Screens read this resource rather than the build target, so the desktop's
//! tests also show the page's screens.

use bevy::prelude::*;

#[derive(Resource, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    Desktop,
    /// A page from any web server.
    Browser,
    /// A page the facilitator's game served for its class (`PageClass` says which).
    ClassPage,
}

/// The class a page was served for, and the facilitator's computer that served it.
#[derive(Resource, Clone, Debug, PartialEq, Eq)]
pub struct PageClass {
    pub code: String,
    pub host: String,
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
    /// Joining a class over the room's network.
    pub fn joins_class(self) -> bool {
        self != Platform::Browser
    }

    /// Hosting a class, and searching the network for one by its code.
    pub fn hosts_class(self) -> bool {
        self == Platform::Desktop
    }

    /// The player's files live in the browser's storage, not in folders a player can
    /// open: a level file comes through the browser's file picker, and results and the
    /// report leave as downloads.
    pub fn keeps_files_in_browser(self) -> bool {
        self != Platform::Desktop
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
    #[cfg(target_arch = "wasm32")]
    if let Some((code, host)) = crate::app::web::served_class() {
        app.insert_resource(Platform::ClassPage)
            .insert_resource(PageClass { code, host });
    }
}
