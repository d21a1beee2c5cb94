//! Every key the game answers to, in one table a screen. The screens ask a binding
//! whether it was pressed; the help window and each screen's hint line are written from
//! the same bindings, so what the player reads is what the keys do.

use crate::i18n::tr;
use bevy::prelude::*;

/// One action's keys, how the help names them, and what they do.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// Empty for what is not a key (the mouse wheel), listed in the help only.
    pub keys: &'static [KeyCode],
    /// The keys' name: a message (`keys-name-…`), or the key's own letter or digits,
    /// the same in every language. [`Binding::name`] says it.
    pub label: &'static str,
    /// The message saying what the keys do (`keys-…`). [`Binding::what`] says it.
    pub does: &'static str,
}

impl Binding {
    pub fn pressed(&self, input: &ButtonInput<KeyCode>) -> bool {
        self.keys.iter().any(|k| input.just_pressed(*k))
    }

    /// The position among this binding's keys of the one pressed (1, 2, 3 for a choice).
    pub fn which(&self, input: &ButtonInput<KeyCode>) -> Option<usize> {
        self.keys.iter().position(|k| input.just_pressed(*k))
    }

    /// The keys' name, in the language in use ("keys-name-enter", "keys-name-space", "C").
    pub fn name(&self) -> String {
        if self.label.starts_with("keys-") {
            tr(self.label)
        } else {
            self.label.to_string()
        }
    }

    /// What the keys do, in the language in use.
    pub fn what(&self) -> String {
        tr(self.does)
    }
}

const fn bind(keys: &'static [KeyCode], label: &'static str, does: &'static str) -> Binding {
    Binding { keys, label, does }
}

/// "Enter: play · J: join a class · Esc: quit", in the language in use.
pub fn hint(bindings: &[Binding]) -> String {
    bindings
        .iter()
        .map(|b| format!("{}: {}", b.name(), b.what()))
        .collect::<Vec<_>>()
        .join(" · ")
}

pub const BACK: Binding = bind(&[KeyCode::Escape], "keys-name-esc", "keys-back");

/// Tab walks the controls of every screen; egui moves the focus, so the screens read no
/// key for it, and it is listed (on the title and in the keys window) only.
pub const FOCUS: Binding = bind(&[], "keys-name-tab", "keys-move-focus");

pub mod title {
    use super::*;
    pub const CONTINUE: Binding = bind(&[KeyCode::KeyC], "C", "keys-continue");
    pub const PLAY: Binding = bind(&[KeyCode::Enter], "keys-name-enter", "keys-play");
    pub const JOIN: Binding = bind(&[KeyCode::KeyJ], "J", "keys-join-class");
    pub const FACILITATE: Binding = bind(&[KeyCode::KeyF], "F", "keys-facilitate");
    pub const LOAD: Binding = bind(&[KeyCode::KeyL], "L", "keys-load");
    pub const SETTINGS: Binding = bind(&[KeyCode::KeyS], "S", "keys-settings");
    pub const QUIT: Binding = bind(&[KeyCode::Escape], "keys-name-esc", "keys-quit");
    /// Without a run to continue, C does nothing and is not offered.
    pub const ALL: [Binding; 8] = [
        CONTINUE, PLAY, JOIN, FACILITATE, LOAD, SETTINGS, QUIT, FOCUS,
    ];
}

pub mod select {
    use super::*;
    pub const UP: Binding = bind(&[KeyCode::ArrowUp], "keys-name-up", "keys-previous-level");
    pub const DOWN: Binding = bind(&[KeyCode::ArrowDown], "keys-name-down", "keys-next-level");
    pub const BRIEFING: Binding = bind(&[KeyCode::Enter], "keys-name-enter", "keys-briefing");
    pub const SANDBOX: Binding = bind(&[KeyCode::KeyS], "S", "keys-sandbox");
    pub const ALL: [Binding; 5] = [UP, DOWN, BRIEFING, SANDBOX, BACK];
}

pub mod briefing {
    use super::*;
    pub const BEGIN: Binding = bind(&[KeyCode::Enter], "keys-name-enter", "keys-begin");
    pub const DIFFICULTY: Binding = bind(
        &[KeyCode::Digit1, KeyCode::Digit2, KeyCode::Digit3],
        "1–3",
        "keys-difficulty",
    );
    pub const ALL: [Binding; 3] = [BEGIN, DIFFICULTY, BACK];
}

pub mod sandbox {
    use super::*;
    pub const PLAY: Binding = bind(&[KeyCode::Enter], "keys-name-enter", "keys-play");
    pub const ALL: [Binding; 2] = [PLAY, BACK];
}

pub mod play {
    use super::*;
    pub const UP: Binding = bind(&[KeyCode::ArrowUp], "keys-name-up", "keys-choose-activity");
    pub const DOWN: Binding = bind(
        &[KeyCode::ArrowDown],
        "keys-name-down",
        "keys-choose-activity",
    );
    pub const LESS: Binding = bind(&[KeyCode::ArrowLeft], "keys-name-left", "keys-hour-less");
    pub const MORE: Binding = bind(&[KeyCode::ArrowRight], "keys-name-right", "keys-hour-more");
    pub const END_WEEK: Binding = bind(&[KeyCode::Enter], "keys-name-enter", "keys-end-week");
    pub const KEEP_PLAN: Binding = bind(&[KeyCode::KeyK], "K", "keys-keep-plan");
    pub const CHARTS: Binding = bind(&[KeyCode::KeyC], "C", "keys-charts");
    pub const CLOCK: Binding = bind(&[KeyCode::Space], "keys-name-space", "keys-clock");
    /// Tab walks the controls, as on every screen.
    pub const VIEW: Binding = bind(&[KeyCode::KeyZ], "Z", "keys-switch-view");
    pub const NEXT_TEAM: Binding = bind(&[KeyCode::KeyO], "O", "keys-next-team");
    pub const INTO_TEAM: Binding = bind(&[KeyCode::KeyI], "I", "keys-into-team");
    pub const UP_TEAM: Binding = bind(
        &[KeyCode::Backspace],
        "keys-name-backspace",
        "keys-up-level",
    );
    pub const WHEEL: Binding = bind(&[], "keys-name-wheel", "keys-zoom");
    pub const CHOOSE: Binding = bind(
        &[KeyCode::Digit1, KeyCode::Digit2, KeyCode::Digit3],
        "1 2 3",
        "keys-answer",
    );
    pub const GOT_IT: Binding = bind(&[KeyCode::KeyG], "G", "keys-got-it");
    pub const TRY_IT: Binding = bind(&[KeyCode::KeyT], "T", "keys-try-it");
    pub const MENU: Binding = bind(&[KeyCode::Escape], "keys-name-esc", "keys-menu");
    /// "?" is matched as typed, wherever the keyboard layout puts it; F1 everywhere.
    pub const HELP: Binding = bind(&[KeyCode::F1], "keys-name-help", "keys-help");
    pub const PEOPLE: Binding = bind(&[KeyCode::KeyP], "P", "keys-people");
    pub const ALL: [Binding; 20] = [
        UP, DOWN, LESS, MORE, END_WEEK, KEEP_PLAN, CHARTS, PEOPLE, CLOCK, VIEW, NEXT_TEAM,
        INTO_TEAM, UP_TEAM, WHEEL, CHOOSE, GOT_IT, TRY_IT, MENU, HELP, FOCUS,
    ];
}

pub mod debrief {
    use super::*;
    pub const AGAIN: Binding = bind(&[KeyCode::Enter], "keys-name-enter", "keys-again");
    pub const TITLE: Binding = bind(&[KeyCode::Escape], "keys-name-esc", "keys-title");
    pub const ALL: [Binding; 2] = [AGAIN, TITLE];
}

pub mod facilitate {
    pub use super::BACK;
    use super::*;
    pub const CLOCK: Binding = bind(&[KeyCode::Space], "keys-name-space", "keys-start-pause");
    pub const NEXT_WEEK: Binding = bind(&[KeyCode::KeyN], "N", "keys-next-week");
    pub const REVEAL: Binding = bind(&[KeyCode::KeyB], "B", "keys-reveal-band");
    pub const QUESTIONS: Binding = bind(&[KeyCode::KeyQ], "Q", "keys-questions");
    pub const COMPARE: Binding = bind(&[KeyCode::KeyC], "C", "keys-compare");
    pub const MORE_TIME: Binding = bind(&[KeyCode::KeyT], "T", "keys-more-time");
    pub const ALL: [Binding; 7] = [
        CLOCK, NEXT_WEEK, MORE_TIME, REVEAL, QUESTIONS, COMPARE, BACK,
    ];
}

pub mod compare {
    use super::*;
    pub const RELOAD: Binding = bind(&[KeyCode::KeyR], "R", "keys-reload");
    pub const ALL: [Binding; 2] = [RELOAD, BACK];
}

pub mod join {
    use super::*;
    pub const JOIN: Binding = bind(&[KeyCode::Enter], "keys-name-enter", "keys-join");
    pub const ALL: [Binding; 2] = [JOIN, BACK];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every screen's table, for the checks below.
    const SCREENS: [(&str, &[Binding]); 9] = [
        ("title", &title::ALL),
        ("select", &select::ALL),
        ("briefing", &briefing::ALL),
        ("sandbox", &sandbox::ALL),
        ("play", &play::ALL),
        ("debrief", &debrief::ALL),
        ("facilitate", &facilitate::ALL),
        ("compare", &compare::ALL),
        ("join", &join::ALL),
    ];

    #[test]
    fn no_key_does_two_things_on_one_screen() {
        for (screen, table) in SCREENS {
            let mut seen: Vec<(KeyCode, &str)> = Vec::new();
            for b in table {
                for k in b.keys {
                    if let Some((_, other)) = seen.iter().find(|(s, _)| s == k) {
                        panic!("{screen}: {k:?} both '{other}' and '{}'", b.does);
                    }
                    seen.push((*k, b.does));
                }
            }
        }
    }

    #[test]
    fn the_hint_names_each_key_once_with_what_it_does() {
        let line = hint(&title::ALL);
        assert!(line.starts_with("C: continue · Enter: play · J: join a class"));
        assert!(
            line.contains("L: load") && line.contains("Esc: quit"),
            "{line}"
        );
        let mut input = ButtonInput::<KeyCode>::default();
        input.press(KeyCode::Digit2);
        assert_eq!(play::CHOOSE.which(&input), Some(1));
        assert!(!play::END_WEEK.pressed(&input));
    }

    #[test]
    fn every_key_is_named_and_explained_in_every_language() {
        use crate::i18n::{Lang, has};
        for lang in Lang::ALL {
            for (screen, table) in SCREENS {
                for b in table.iter().chain(&[BACK]) {
                    assert!(
                        has(lang, b.does),
                        "{screen}: no {lang:?} message {}",
                        b.does
                    );
                    assert!(
                        !b.label.starts_with("keys-") || has(lang, b.label),
                        "{screen}: no {lang:?} message {}",
                        b.label
                    );
                }
            }
        }
    }
}
