//! Every key the game answers to, in one table a screen. The screens ask a binding
//! whether it was pressed; the help window and each screen's hint line are written from
//! the same bindings, so what the player reads is what the keys do.

use bevy::prelude::*;

/// One action's keys, how the help names them, and what they do.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    /// Empty for what is not a key (the mouse wheel), listed in the help only.
    pub keys: &'static [KeyCode],
    pub label: &'static str,
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
}

const fn bind(keys: &'static [KeyCode], label: &'static str, does: &'static str) -> Binding {
    Binding { keys, label, does }
}

/// "Enter: play · J: join a class · Esc: quit".
pub fn hint(bindings: &[Binding]) -> String {
    bindings
        .iter()
        .map(|b| format!("{}: {}", b.label, b.does))
        .collect::<Vec<_>>()
        .join(" · ")
}

pub const BACK: Binding = bind(&[KeyCode::Escape], "Esc", "back");

pub mod title {
    use super::*;
    pub const CONTINUE: Binding = bind(&[KeyCode::KeyC], "C", "continue");
    pub const PLAY: Binding = bind(&[KeyCode::Enter], "Enter", "play");
    pub const JOIN: Binding = bind(&[KeyCode::KeyJ], "J", "join a class");
    pub const FACILITATE: Binding = bind(&[KeyCode::KeyF], "F", "facilitate");
    pub const LOAD: Binding = bind(&[KeyCode::KeyL], "L", "load");
    pub const SETTINGS: Binding = bind(&[KeyCode::KeyS], "S", "settings");
    pub const QUIT: Binding = bind(&[KeyCode::Escape], "Esc", "quit");
    /// Without a run to continue, C does nothing and is not offered.
    pub const ALL: [Binding; 7] = [CONTINUE, PLAY, JOIN, FACILITATE, LOAD, SETTINGS, QUIT];
}

pub mod select {
    use super::*;
    pub const UP: Binding = bind(&[KeyCode::ArrowUp], "Up", "previous level");
    pub const DOWN: Binding = bind(&[KeyCode::ArrowDown], "Down", "next level");
    pub const BRIEFING: Binding = bind(&[KeyCode::Enter], "Enter", "briefing");
    pub const SANDBOX: Binding = bind(&[KeyCode::KeyS], "S", "sandbox");
    pub const ALL: [Binding; 5] = [UP, DOWN, BRIEFING, SANDBOX, BACK];
}

pub mod briefing {
    use super::*;
    pub const BEGIN: Binding = bind(&[KeyCode::Enter], "Enter", "begin");
    pub const DIFFICULTY: Binding = bind(
        &[KeyCode::Digit1, KeyCode::Digit2, KeyCode::Digit3],
        "1–3",
        "difficulty",
    );
    pub const ALL: [Binding; 3] = [BEGIN, DIFFICULTY, BACK];
}

pub mod sandbox {
    use super::*;
    pub const PLAY: Binding = bind(&[KeyCode::Enter], "Enter", "play");
    pub const ALL: [Binding; 2] = [PLAY, BACK];
}

pub mod play {
    use super::*;
    pub const UP: Binding = bind(&[KeyCode::ArrowUp], "Up", "choose an activity");
    pub const DOWN: Binding = bind(&[KeyCode::ArrowDown], "Down", "choose an activity");
    pub const LESS: Binding = bind(&[KeyCode::ArrowLeft], "Left", "one hour less (Shift: four)");
    pub const MORE: Binding = bind(
        &[KeyCode::ArrowRight],
        "Right",
        "one hour more (Shift: four)",
    );
    pub const END_WEEK: Binding = bind(&[KeyCode::Enter], "Enter", "end the week");
    pub const KEEP_PLAN: Binding = bind(&[KeyCode::KeyK], "K", "keep last week's plan");
    pub const CHARTS: Binding = bind(&[KeyCode::KeyC], "C", "charts of every metric");
    pub const CLOCK: Binding = bind(
        &[KeyCode::Space],
        "Space",
        "start or stop the clock (continuous mode)",
    );
    pub const VIEW: Binding = bind(
        &[KeyCode::Tab, KeyCode::KeyZ],
        "Tab, Z",
        "switch between trees and forest",
    );
    pub const NEXT_TEAM: Binding = bind(
        &[KeyCode::KeyO],
        "O",
        "large organisations: open the next team",
    );
    pub const INTO_TEAM: Binding = bind(&[KeyCode::KeyI], "I", "go into the open team");
    pub const UP_TEAM: Binding = bind(&[KeyCode::Backspace], "Backspace", "back up a level");
    pub const WHEEL: Binding = bind(
        &[],
        "Mouse wheel",
        "zoom in to the trees or out to the forest; the plan follows",
    );
    pub const CHOOSE: Binding = bind(
        &[KeyCode::Digit1, KeyCode::Digit2, KeyCode::Digit3],
        "1 2 3",
        "answer a decision card",
    );
    pub const GOT_IT: Binding = bind(&[KeyCode::KeyG], "G", "tutorial card: got it");
    pub const TRY_IT: Binding = bind(
        &[KeyCode::KeyT],
        "T",
        "tutorial card: try the split it suggests",
    );
    pub const MENU: Binding = bind(&[KeyCode::Escape], "Esc", "menu, or close a window");
    /// "?" is matched as typed, wherever the keyboard layout puts it; F1 everywhere.
    pub const HELP: Binding = bind(&[KeyCode::F1], "? or F1", "this help");
    pub const PEOPLE: Binding = bind(
        &[KeyCode::KeyP],
        "P",
        "the team as a list: each person and how they are",
    );
    pub const ALL: [Binding; 19] = [
        UP, DOWN, LESS, MORE, END_WEEK, KEEP_PLAN, CHARTS, PEOPLE, CLOCK, VIEW, NEXT_TEAM,
        INTO_TEAM, UP_TEAM, WHEEL, CHOOSE, GOT_IT, TRY_IT, MENU, HELP,
    ];
}

pub mod debrief {
    use super::*;
    pub const AGAIN: Binding = bind(&[KeyCode::Enter], "Enter", "play this level again");
    pub const TITLE: Binding = bind(&[KeyCode::Escape], "Esc", "title");
    pub const ALL: [Binding; 2] = [AGAIN, TITLE];
}

pub mod facilitate {
    pub use super::BACK;
    use super::*;
    pub const CLOCK: Binding = bind(&[KeyCode::Space], "Space", "start/pause");
    pub const NEXT_WEEK: Binding = bind(&[KeyCode::KeyN], "N", "next week");
    pub const REVEAL: Binding = bind(&[KeyCode::KeyB], "B", "reveal the best band");
    pub const QUESTIONS: Binding = bind(&[KeyCode::KeyQ], "Q", "questions");
    pub const COMPARE: Binding = bind(&[KeyCode::KeyC], "C", "compare");
    pub const MORE_TIME: Binding = bind(&[KeyCode::KeyT], "T", "30 seconds more this week");
    pub const ALL: [Binding; 7] = [
        CLOCK, NEXT_WEEK, MORE_TIME, REVEAL, QUESTIONS, COMPARE, BACK,
    ];
}

pub mod compare {
    use super::*;
    pub const RELOAD: Binding = bind(&[KeyCode::KeyR], "R", "read the folder again");
    pub const ALL: [Binding; 2] = [RELOAD, BACK];
}

pub mod join {
    use super::*;
    pub const JOIN: Binding = bind(&[KeyCode::Enter], "Enter", "join");
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
            line.contains("L: load") && line.ends_with("Esc: quit"),
            "{line}"
        );
        let mut input = ButtonInput::<KeyCode>::default();
        input.press(KeyCode::Digit2);
        assert_eq!(play::CHOOSE.which(&input), Some(1));
        assert!(!play::END_WEEK.pressed(&input));
    }
}
