//! The window's title names where the player is, as a desktop's task bar or a browser's tab
//! shows it: the screen, and on the play screen the level and the week. In a page it is the
//! tab's title (the document's), which a browser test also reads to follow the game.

use crate::app::screens::Screen;
use crate::app::session::Session;
use crate::i18n;
use crate::t;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

pub fn plugin(app: &mut App) {
    app.add_systems(Update, keep_title.in_set(crate::app::AppSystems::React));
}

/// The title for `screen`; on the play screen, with the run's level and coming week.
pub fn title(screen: Screen, session: Option<&Session>) -> String {
    if let (Screen::Play, Some(s)) = (screen, session) {
        let level = &s.sim.level;
        return t!(
            "window-title-play",
            level = i18n::text(&level.title),
            week = s.sim.next_week().min(level.weeks),
            weeks = level.weeks
        );
    }
    let key = match screen {
        Screen::Title | Screen::Play => "title",
        Screen::LevelSelect => "level-select",
        Screen::Briefing => "briefing",
        Screen::Debrief => "debrief",
        Screen::Settings => "settings",
        Screen::Credits => "credits",
        Screen::Load => "load",
        Screen::Sandbox => "sandbox",
        Screen::Join => "join",
        Screen::Facilitate => "facilitate",
        Screen::Compare => "compare",
    };
    t!("window-title", screen = key)
}

fn keep_title(
    screen: Res<State<Screen>>,
    session: Option<Res<Session>>,
    mut windows: Query<&mut Window, With<PrimaryWindow>>,
    mut shown: Local<String>,
) {
    let Ok(mut window) = windows.single_mut() else {
        return;
    };
    let wanted = title(*screen.get(), session.as_deref());
    // Only a change reaches the window system; the first frame always does, as the page's
    // own title says it is loading.
    if *shown != wanted {
        #[cfg(target_arch = "wasm32")]
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&wanted);
        }
        window.title.clone_from(&wanted);
        *shown = wanted;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_screen_and_in_play_the_week() {
        let (name, text, _) = crate::catalog::BUNDLED[0];
        let level = std::sync::Arc::new(sim::Level::parse(text, name).unwrap());
        let mut session = Session::new(level.clone(), 7);
        assert_eq!(
            title(Screen::Play, Some(&session)),
            format!(
                "Forest & Trees — {}, week 1 of {}",
                level.title, level.weeks
            )
        );
        let week = sim::Decision {
            plan: session.draft,
            ..Default::default()
        };
        session.sim.step(&week).unwrap();
        assert!(title(Screen::Play, Some(&session)).contains(", week 2 of "));
        assert_eq!(
            title(Screen::Compare, Some(&session)),
            "Forest & Trees — Compare results"
        );
        assert_eq!(title(Screen::Title, None), "Forest & Trees");
    }
}
